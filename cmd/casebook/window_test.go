package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
)

// window is the real binary running under Xvfb, driven with xdotool.
type window struct {
	t      *testing.T
	env    []string
	db     string
	dir    string
	id     string
	cmd    *exec.Cmd
	exited chan error
	out    bytes.Buffer
	// display is the X display; x a connection to it, to read the screen.
	display string
	x       *xgb.Conn
}

// needX skips a test that needs the X tools, loudly.
func needX(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("desktop window test skipped in -short mode")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("SKIPPED LOUDLY: the window test needs %s (apt-get install xvfb xdotool imagemagick; `make test` installs them)", tool)
		}
	}
}

// openWindow starts casebook on the library in dir, on display, and waits
// for its window to draw.
func openWindow(t *testing.T, display, dir string) *window {
	t.Helper()
	w := &window{t: t, dir: dir, db: filepath.Join(dir, "library.db"), exited: make(chan error, 1), display: display}
	w.env = append(os.Environ(), "DISPLAY="+display, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=C.UTF-8")
	w.cmd = exec.Command(binary, "--db", w.db)
	w.cmd.Env = w.env
	w.cmd.Stdout, w.cmd.Stderr = &w.out, &w.out
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { w.exited <- w.cmd.Wait() }()
	t.Cleanup(func() {
		if w.cmd.ProcessState == nil {
			w.cmd.Process.Kill()
			<-w.exited
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if out, err := w.xdo("search", "--onlyvisible", "--name", "^Casebook$"); err == nil && out != "" {
			w.id = strings.Fields(out)[0]
			break
		}
		select {
		case err := <-w.exited:
			t.Fatalf("casebook exited before showing its window: %v\n%s", err, w.out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window titled Casebook after 20 s\n%s", w.out.String())
		}
	}
	for deadline := time.Now().Add(10 * time.Second); colours(w.shot()) <= 50; time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the window stayed blank")
		}
	}
	if _, err := w.xdo("windowactivate", "--sync", w.id); err != nil {
		w.xdo("windowfocus", "--sync", w.id)
	}
	time.Sleep(300 * time.Millisecond)
	return w
}

func (w *window) xdo(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = w.env
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

// key types key combinations (xdotool names) into the window.
func (w *window) key(keys ...string) {
	w.t.Helper()
	args := append([]string{"key", "--clearmodifiers", "--delay", "30"}, keys...)
	if _, err := w.xdo(args...); err != nil {
		w.t.Fatalf("xdotool key %v: %v", keys, err)
	}
}

// shot takes a screenshot of the screen.
func (w *window) shot() image.Image {
	w.t.Helper()
	cmd := exec.Command("import", "-window", "root", "png:-")
	cmd.Env = w.env
	out, err := cmd.Output()
	if err != nil {
		w.t.Fatalf("screenshot: %v", err)
	}
	img, _, err := image.Decode(bytes.NewReader(out))
	if err != nil {
		w.t.Fatalf("screenshot: %v", err)
	}
	return img
}

// save keeps a screenshot for a person to look at, when CASEBOOK_SHOTS
// names a folder.
func (w *window) save(name string) {
	dir := os.Getenv("CASEBOOK_SHOTS")
	if dir == "" {
		return
	}
	cmd := exec.Command("import", "-window", "root", filepath.Join(dir, name+".png"))
	cmd.Env = w.env
	cmd.Run()
}

// answer types keys and returns how long the screen took to change after
// the keys were sent (xdotool had returned). The screen is read straight
// from the X server (GetImage, a few ms; a PNG screenshot took ~170 ms),
// so the change is bracketed closely: it happened after lo (the start of
// the last read that did not show it) and before hi (the end of the first
// that did). Fyne draws a whole frame at once, so the first change is the
// new frame.
func (w *window) answer(keys ...string) (lo, hi time.Duration) {
	w.t.Helper()
	before := w.grab()
	w.key(keys...)
	sent := time.Now()
	last := sent
	for time.Since(sent) < 10*time.Second {
		if w.grab() != before {
			return max(0, last.Sub(sent)), time.Since(sent)
		}
		last = time.Now()
	}
	w.t.Fatalf("the window did not change within 10 s of %v", keys)
	return 0, 0
}

// grab returns a hash of the screen's pixels, read from the X server.
func (w *window) grab() [32]byte {
	w.t.Helper()
	if w.x == nil {
		c, err := xgb.NewConnDisplay(w.display)
		if err != nil {
			w.t.Fatalf("connecting to %s: %v", w.display, err)
		}
		w.x = c
		w.t.Cleanup(c.Close)
	}
	screen := xproto.Setup(w.x).DefaultScreen(w.x)
	img, err := xproto.GetImage(w.x, xproto.ImageFormatZPixmap, xproto.Drawable(screen.Root),
		0, 0, screen.WidthInPixels, screen.HeightInPixels, 0xffffffff).Reply()
	if err != nil {
		w.t.Fatalf("reading the screen: %v", err)
	}
	return sha256.Sum256(img.Data)
}

// cpu returns the processor time the app has used so far (user and
// system, all threads), from /proc.
func (w *window) cpu() time.Duration {
	w.t.Helper()
	b, err := os.ReadFile("/proc/" + itoa(w.cmd.Process.Pid) + "/stat")
	if err != nil {
		w.t.Fatal(err)
	}
	// The fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	// Linux counts in clock ticks of 1/100 s (USER_HZ).
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// quit presses Ctrl+Q and waits for a clean exit.
func (w *window) quit() {
	w.t.Helper()
	w.key("ctrl+q")
	select {
	case err := <-w.exited:
		if err != nil {
			w.t.Fatalf("Ctrl+Q: %v\n%s", err, w.out.String())
		}
	case <-time.After(40 * time.Second):
		w.t.Fatal("Ctrl+Q did not quit within 40 s")
	}
}

// highlights reads the highlights of article 1 from the library.
func highlights(t *testing.T, db string) []data.Highlight {
	t.Helper()
	lib, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	hs, err := lib.Highlights(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	return hs
}

// TestWindowKeyboardAndLock drives the real window from the keyboard
// alone: Ctrl+R to the reader, ↓ to a passage, Shift+→ to select two
// words, Ctrl+1 to highlight them, while another process holds the
// library's write lock. It measures how fast the window answers a key
// during the lock and a text-size step, then lets the lock go and checks
// that the highlight was saved.
func TestWindowKeyboardAndLock(t *testing.T) {
	needX(t)
	display := startXvfb(t)
	dir := t.TempDir()
	w := openWindow(t, display, dir)
	w.save("01-start")

	lo, hi := w.answer("ctrl+r")
	t.Logf("Ctrl+R answered in %v–%v", lo.Round(time.Millisecond), hi.Round(time.Millisecond))
	w.key("Down", "Down")
	w.key("shift+Right", "shift+Right")
	w.save("02-selected")

	// Another program takes the write lock, as `casebook import` would.
	lock, err := sql.Open("sqlite3", "file:"+w.db+"?_busy_timeout=5000&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	tx, err := lock.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE articles SET title = title WHERE id = 0`); err != nil {
		t.Fatal(err)
	}
	locked := time.Now()
	w.key("ctrl+1")
	var worst time.Duration
	for i := 0; i < 3; i++ {
		lo, hi := w.answer("Down")
		worst = max(worst, lo)
		t.Logf("with the library locked, ↓ answered in %v–%v", lo.Round(time.Millisecond), hi.Round(time.Millisecond))
	}
	w.save("03-waiting-for-lock")
	if hs := highlights(t, w.db); len(hs) != 0 {
		t.Fatalf("a highlight was saved while the library was locked: %+v", hs)
	}
	// Times are logged, not judged finely: the machine may be busy. A
	// window waiting for the lock would take the whole busy timeout.
	if worst > 5*time.Second {
		t.Errorf("the window took %v to answer a key while the library was locked", worst)
	}
	tx.Rollback()
	t.Logf("lock held %v", time.Since(locked).Round(time.Millisecond))
	for deadline := time.Now().Add(15 * time.Second); len(highlights(t, w.db)) == 0; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the highlight was not saved after the lock was let go")
		}
	}
	w.save("04-saved")
	hs := highlights(t, w.db)
	if len(hs) != 1 || len(strings.Fields(hs[0].Quote)) != 2 {
		t.Errorf("highlights = %+v, want one of two words", hs)
	}

	// Text size: each step until the screen shows it.
	// The wall time depends on how busy the machine is; the processor
	// time the app spent on the step (measured once it has settled, less
	// what it spends idle) does not, much.
	idle := w.cpu()
	time.Sleep(time.Second)
	idle = w.cpu() - idle
	for _, k := range []string{"ctrl+equal", "ctrl+equal", "ctrl+equal", "ctrl+minus"} {
		before := w.cpu()
		start := time.Now()
		lo, hi := w.answer(k)
		time.Sleep(time.Until(start.Add(time.Second)))
		used := w.cpu() - before - idle
		t.Logf("text size step %s repainted in %v–%v, using %v of processor time", k, lo.Round(time.Millisecond), hi.Round(time.Millisecond), used)
		if lo > 5*time.Second {
			t.Errorf("text size step %s took more than %v", k, lo)
		}
	}
	w.save("05-larger-text")
	w.quit()
}

// TestWindowStateSurvivesRestarts resizes the window, quits with Ctrl+Q and
// starts again, five times: each time the window comes back at the size it
// had, and the state file holds width, height and the reading place.
func TestWindowStateSurvivesRestarts(t *testing.T) {
	needX(t)
	display := startXvfb(t)
	dir := t.TempDir()
	state := filepath.Join(dir, "config", "casebook", "window-state.json")
	sizes := [][2]int{{1000, 700}, {1100, 760}, {900, 650}, {1200, 800}, {1050, 720}}
	for i, sz := range sizes {
		w := openWindow(t, display, dir)
		if i > 0 {
			want := sizes[i-1]
			geo, _ := w.xdo("getwindowgeometry", w.id)
			if !strings.Contains(geo, fmt4(want)) {
				t.Errorf("restart %d: window geometry %q, want %dx%d", i, geo, want[0], want[1])
			}
		}
		if _, err := w.xdo("windowsize", "--sync", w.id, itoa(sz[0]), itoa(sz[1])); err != nil {
			t.Fatal(err)
		}
		time.Sleep(400 * time.Millisecond)
		w.quit()
		b, err := os.ReadFile(state)
		if err != nil {
			t.Fatalf("restart %d: %v", i, err)
		}
		var st struct {
			Width, Height float64
			Article       int64
		}
		json.Unmarshal(b, &st)
		if int(st.Width) != sz[0] || int(st.Height) != sz[1] || st.Article == 0 {
			t.Errorf("restart %d: state %s, want %dx%d and an article", i, b, sz[0], sz[1])
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func fmt4(sz [2]int) string { return itoa(sz[0]) + "x" + itoa(sz[1]) }

// position returns the window's top-left corner on the screen and its size,
// as xdotool reads them.
func (w *window) position() (x, y, width, height int) {
	w.t.Helper()
	out, err := w.xdo("getwindowgeometry", "--shell", w.id)
	if err != nil {
		w.t.Fatalf("xdotool getwindowgeometry: %v", err)
	}
	v := map[string]int{}
	for _, l := range strings.Fields(out) {
		if k, n, ok := strings.Cut(l, "="); ok {
			v[k], _ = strconv.Atoi(n)
		}
	}
	return v["X"], v["Y"], v["WIDTH"], v["HEIGHT"]
}

// TestWindowPositionSurvivesRestarts moves and resizes the window, quits
// with Ctrl+Q and starts again, several times: each time the window comes
// back where it was, at the size it had. A place saved off the screen (a
// monitor since unplugged) brings the window back onto the screen. Xvfb
// runs without a window manager: the X server itself moves the window.
func TestWindowPositionSurvivesRestarts(t *testing.T) {
	needX(t)
	display := startXvfb(t)
	dir := t.TempDir()
	state := filepath.Join(dir, "config", "casebook", "window-state.json")
	places := [][4]int{{120, 80, 1000, 700}, {300, 40, 900, 650}, {0, 0, 1100, 760}, {410, 150, 960, 700}}
	near := func(a, b int) bool { return a-b <= 3 && b-a <= 3 }
	for i, p := range places {
		w := openWindow(t, display, dir)
		if i > 0 {
			want := places[i-1]
			x, y, wd, ht := w.position()
			t.Logf("restart %d: window at %d,%d size %dx%d (closed at %d,%d %dx%d)", i, x, y, wd, ht, want[0], want[1], want[2], want[3])
			if !near(x, want[0]) || !near(y, want[1]) || wd != want[2] || ht != want[3] {
				t.Errorf("restart %d: window at %d,%d size %dx%d, want %d,%d %dx%d", i, x, y, wd, ht, want[0], want[1], want[2], want[3])
			}
		}
		if _, err := w.xdo("windowsize", "--sync", w.id, itoa(p[2]), itoa(p[3])); err != nil {
			t.Fatal(err)
		}
		if _, err := w.xdo("windowmove", "--sync", w.id, itoa(p[0]), itoa(p[1])); err != nil {
			t.Fatal(err)
		}
		time.Sleep(400 * time.Millisecond)
		if x, y, _, _ := w.position(); !near(x, p[0]) || !near(y, p[1]) {
			t.Fatalf("the X server did not move the window: at %d,%d, want %d,%d", x, y, p[0], p[1])
		}
		w.quit()
	}

	// The window was last on a monitor that is gone: the screen is
	// 1400x900, the place 3000,2000.
	b, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	var st map[string]any
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	st["x"], st["y"] = 3000, 2000
	b, _ = json.Marshal(st)
	if err := os.WriteFile(state, b, 0o644); err != nil {
		t.Fatal(err)
	}
	w := openWindow(t, display, dir)
	x, y, wd, ht := w.position()
	t.Logf("saved off the screen at 3000,2000: window at %d,%d size %dx%d", x, y, wd, ht)
	if x < 0 || y < 0 || x+wd > 1400 || y+ht > 900 {
		t.Errorf("a window saved off the screen came back at %d,%d (%dx%d), not on the 1400x900 screen", x, y, wd, ht)
	}
	w.quit()
}
