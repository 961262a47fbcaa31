// Command requalify is the mechanical part of moving the SQLite store out
// of package data into package data/sqlite (issue 16). It is idempotent, so
// the same commands can be run again after merging a branch that still
// edits the old layout:
//
//	go run ./internal/tools/requalify -qualify data/sqlite
//	go run ./internal/tools/requalify -callers $(go list -f '{{.Dir}}' ./... | grep -v /data/sqlite$) data/sqlite
//
// -qualify DIR rewrites the files of the store package in DIR: a name that
// package data declares (and DIR does not) becomes data.Name, and the file
// imports data.
//
// -callers DIR... rewrites every other package: data.Name, where DIR
// (data/sqlite) now declares Name, becomes sqlite.Name, in code and in
// comments, and the imports follow.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

const (
	dataPath  = "github.com/casebookapp/casebook/data"
	storePath = "github.com/casebookapp/casebook/data/sqlite"
)

func main() {
	qualify := flag.Bool("qualify", false, "qualify the store's references to package data")
	callers := flag.Bool("callers", false, "point callers at the store package")
	flag.Parse()
	root, err := moduleRoot()
	check(err)
	data := declared(filepath.Join(root, "data"), false)
	store := declared(filepath.Join(root, "data", "sqlite"), true)
	switch {
	case *qualify:
		for _, dir := range flag.Args() {
			for _, f := range goFiles(dir) {
				check(qualifyFile(f, data, store))
			}
		}
	case *callers:
		moved := map[string]bool{}
		for n := range declared(filepath.Join(root, "data", "sqlite"), true) {
			if !data[n] && ast.IsExported(n) {
				moved[n] = true
			}
		}
		for _, dir := range flag.Args() {
			if abs, _ := filepath.Abs(dir); abs == filepath.Join(root, "data", "sqlite") {
				// Its external tests are callers too.
				for _, f := range goFiles(dir) {
					if strings.HasSuffix(f, "_test.go") {
						check(callerFile(f, moved))
					}
				}
				continue
			}
			for _, f := range goFiles(dir) {
				check(callerFile(f, moved))
			}
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "requalify:", err)
		os.Exit(1)
	}
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	for err == nil {
		if _, e := os.Stat(filepath.Join(dir, "go.mod")); e == nil {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = filepath.Dir(dir)
	}
	return "", err
}

func goFiles(dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	check(err)
	sort.Strings(files)
	return files
}

// declared returns the top-level names the package in dir declares (its
// non-test files, and its internal test files too when tests is set).
func declared(dir string, tests bool) map[string]bool {
	names := map[string]bool{}
	fset := token.NewFileSet()
	for _, path := range goFiles(dir) {
		if strings.HasSuffix(path, "_test.go") && !tests {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		check(err)
		if strings.HasSuffix(f.Name.Name, "_test") {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return names
}

type edit struct {
	off, end int
	text     string
}

func apply(src []byte, edits []edit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].off > edits[j].off })
	for _, e := range edits {
		src = append(src[:e.off:e.off], append([]byte(e.text), src[e.end:]...)...)
	}
	return src
}

// qualifyFile prefixes data. to the names of package data that a file of
// the store package uses unqualified.
func qualifyFile(path string, data, store map[string]bool) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return err
	}
	if strings.HasSuffix(f.Name.Name, "_test") {
		return nil
	}
	var edits []edit
	skip := map[*ast.Ident]bool{}
	// mapLit holds the composite literals of elided type whose type is a
	// map (the inner literals of a map of maps): their keys are values.
	mapLit := map[*ast.CompositeLit]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.Field:
			for _, id := range n.Names {
				skip[id] = true
			}
		case *ast.CompositeLit:
			mt, isMap := n.Type.(*ast.MapType)
			if isMap {
				if _, inner := mt.Value.(*ast.MapType); inner {
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							if cl, ok := kv.Value.(*ast.CompositeLit); ok && cl.Type == nil {
								mapLit[cl] = true
							}
						}
					}
				}
			}
			if !isMap && !mapLit[n] {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							skip[id] = true
						}
					}
				}
			}
		case *ast.FuncDecl:
			skip[n.Name] = true
		case *ast.TypeSpec:
			skip[n.Name] = true
		case *ast.ValueSpec:
			for _, id := range n.Names {
				skip[id] = true
			}
		case *ast.LabeledStmt:
			skip[n.Label] = true
		case *ast.BranchStmt:
			if n.Label != nil {
				skip[n.Label] = true
			}
		case *ast.Ident:
			if !skip[n] && data[n.Name] && !store[n.Name] && n.Obj == nil {
				off := fset.Position(n.Pos()).Offset
				edits = append(edits, edit{off, off, "data."})
			}
		}
		return true
	})
	if len(edits) == 0 {
		return nil
	}
	edits = append(edits, importEdits(fset, f, dataPath, true)...)
	return write(path, apply(src, edits))
}

var commentRef = regexp.MustCompile(`\bdata\.([A-Z]\w*)`)

// callerFile turns data.Name into sqlite.Name for the names moved to the
// store.
func callerFile(path string, moved map[string]bool) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return err
	}
	// A file that imports data under another name is left alone; one that
	// does not import it may still use it (a merge can bring the uses
	// without the import).
	imported := false
	for _, im := range f.Imports {
		if im.Path.Value == `"`+dataPath+`"` {
			if im.Name != nil && im.Name.Name != "data" {
				return nil
			}
			imported = true
		}
	}
	var edits []edit
	used, left := false, false
	ast.Inspect(f, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := s.X.(*ast.Ident); ok && x.Name == "data" && x.Obj == nil {
				if moved[s.Sel.Name] {
					off := fset.Position(x.Pos()).Offset
					edits = append(edits, edit{off, off + len("data"), "sqlite"})
					used = true
				} else {
					left = true
				}
			}
		}
		return true
	})
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			off := fset.Position(c.Pos()).Offset
			for _, m := range commentRef.FindAllStringSubmatchIndex(c.Text, -1) {
				if moved[c.Text[m[2]:m[3]]] {
					edits = append(edits, edit{off + m[0], off + m[0] + len("data"), "sqlite"})
				}
			}
		}
	}
	if left && !imported {
		edits = append(edits, importEdits(fset, f, dataPath, false)...)
	}
	if len(edits) == 0 {
		return nil
	}
	if used {
		edits = append(edits, importEdits(fset, f, storePath, !left)...)
	}
	return write(path, apply(src, edits))
}

// importEdits adds an import of path to f if it has none, replacing the
// import of package data when replace is set and f no longer uses it.
func importEdits(fset *token.FileSet, f *ast.File, path string, replace bool) []edit {
	for _, im := range f.Imports {
		if im.Path.Value == `"`+path+`"` {
			return nil
		}
	}
	line := fmt.Sprintf("%q", path)
	for _, im := range f.Imports {
		if im.Path.Value == `"`+dataPath+`"` && path != dataPath {
			off := fset.Position(im.Pos()).Offset
			end := fset.Position(im.End()).Offset
			if replace {
				return []edit{{off, end, line}}
			}
			return []edit{{end, end, "\n\t" + line}}
		}
	}
	for _, im := range f.Imports {
		if im.Path.Value == `"`+storePath+`"` && path == dataPath {
			off := fset.Position(im.Pos()).Offset
			return []edit{{off, off, line + "\n\t"}}
		}
	}
	// No import of data to follow: start the imports with it.
	off := fset.Position(f.Name.End()).Offset
	return []edit{{off, off, "\n\nimport " + line}}
}

func write(path string, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}
