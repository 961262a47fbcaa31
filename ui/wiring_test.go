package ui

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestComponentsHoldNoWindow keeps the components apart from the window:
// none of their types has a field that reaches the UI, a fyne.Window or
// the library store type (sqlite.Library), so each can be built alone on
// its store interface and hooks (component_test.go builds each). Every
// component converted is listed here: one that reaches back fails.
func TestComponentsHoldNoWindow(t *testing.T) {
	components := map[string]bool{
		"reader": true, "readerKeys": true, "passageView": true,
		"notesPanel": true, "noteCard": true, "noteEntry": true,
		"highlightsPanel": true, "searchBar": true, "searchEntry": true,
		"libraryPane": true, "timelineView": true, "peopleView": true, "studyAids": true,
		"outlinePanel": true, "outlineItemView": true, "compareView": true, "trashDialog": true,
		"metaEditor": true, "dialogEntry": true, "exportDialog": true,
		"highlightBar": true, "tipButton": true, "keyButton": true, "keyEntry": true,
		"writeQueue": true, "capHeight": true,
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	found := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !components[ts.Name.Name] {
				return true
			}
			found[ts.Name.Name] = true
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			for _, fld := range st.Fields.List {
				typ := string(src[fset.Position(fld.Type.Pos()).Offset:fset.Position(fld.Type.End()).Offset])
				if typ == "*UI" || typ == "*studyAids" || typ == "fyne.Window" || strings.HasSuffix(typ, ".Library") {
					t.Errorf("%s: %s has a field of type %s: give it a store interface or a hook instead", fset.Position(fld.Pos()), ts.Name.Name, typ)
				}
			}
			return false
		})
	}
	for c := range components {
		if !found[c] {
			t.Errorf("no type %s in package ui: update the list", c)
		}
	}
}

// TestFilesFitInAHead keeps each file of package ui short enough to read
// whole: under 700 lines, tests aside. A file that grows past it is split
// where its parts already are (as passage.go and passage_render.go).
func TestFilesFitInAHead(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(src), "\n"); n > 700 {
			t.Errorf("%s has %d lines: split it along its parts", name, n)
		}
	}
}
