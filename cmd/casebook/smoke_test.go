package main

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSmokeDesktopWindow runs the real binary under Xvfb: the window titled
// "Casebook" appears, a screenshot of it is not blank, and Ctrl+Q quits with
// exit status 0, having printed nothing. It logs the time from launch to the
// window and the resident memory after start-up.
func TestSmokeDesktopWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("smoke test of the desktop window skipped in -short mode")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("smoke test needs %s (apt-get install xvfb xdotool imagemagick; `make test` installs them)", tool)
		}
	}
	dir := t.TempDir()
	bin := binary

	display := startXvfb(t)
	env := append(os.Environ(), "DISPLAY="+display, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "LANG=C.UTF-8")

	var stdout, stderr bytes.Buffer
	app := exec.Command(bin, "--db", filepath.Join(dir, "library.db"))
	app.Env = env
	app.Stdout, app.Stderr = &stdout, &stderr
	start := time.Now()
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	t.Cleanup(func() {
		if app.ProcessState == nil {
			app.Process.Kill()
			<-exited
		}
	})

	xdo := func(args ...string) (string, error) {
		cmd := exec.Command("xdotool", args...)
		cmd.Env = env
		out, err := cmd.Output()
		return strings.TrimSpace(string(out)), err
	}
	var win string
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if out, err := xdo("search", "--onlyvisible", "--name", "^Casebook$"); err == nil && out != "" {
			win = strings.Fields(out)[0]
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("casebook exited before showing its window: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window titled Casebook after 20 s\n%s", stderr.String())
		}
	}
	t.Logf("window shown %v after launch", time.Since(start).Round(time.Millisecond))

	// Let the first frames draw before judging the screenshot.
	var img image.Image
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		shot := exec.Command("import", "-window", "root", "png:-")
		shot.Env = env
		out, err := shot.Output()
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if img, _, err = image.Decode(bytes.NewReader(out)); err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if colours(img) > 50 || time.Now().After(deadline) {
			break
		}
	}
	if n := colours(img); n <= 50 {
		t.Fatalf("the screenshot is blank: %d colours", n)
	}
	// Start-up garbage is handed back to the system 1.5 s after launch.
	time.Sleep(time.Until(start.Add(3 * time.Second)))
	t.Logf("resident memory after start-up: %s", rss(app.Process.Pid))

	if _, err := xdo("windowactivate", "--sync", win); err != nil {
		xdo("windowfocus", "--sync", win)
	}
	if _, err := xdo("key", "--clearmodifiers", "ctrl+q"); err != nil {
		t.Fatalf("xdotool key: %v", err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("Ctrl+Q: %v\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl+Q did not quit within 10 s")
	}
	if out := stdout.String() + stderr.String(); out != "" {
		t.Errorf("the app printed at start-up or exit (a product starts quietly):\n%s", out)
	}
}

// startXvfb starts a virtual X server on a free display and returns its
// name. Xvfb picks the display itself (-displayfd) and says which: other
// test runs on the same machine start servers of their own at the same
// time, and a number chosen by looking for a free one can be taken between
// the look and the start.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { stopXvfb(x) })
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 16)
		n, _ := r.Read(buf)
		got <- strings.TrimSpace(string(buf[:n]))
	}()
	select {
	case n := <-got:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb did not say its display (%q)", n)
		}
		// Wait until a client can connect.
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			probe := exec.Command("xdotool", "getdisplaygeometry")
			probe.Env = append(os.Environ(), "DISPLAY=:"+n)
			if probe.Run() == nil {
				return ":" + n
			}
		}
		t.Fatalf("Xvfb :%s does not take connections", n)
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
	return ""
}

// colours counts the distinct colours of an image, up to 1000.
func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|bl>>8] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// rss reads a process's resident memory from /proc.
func rss(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmRSS:"))
		}
	}
	return "unknown"
}

// stopXvfb asks Xvfb to quit, so that it removes its /tmp/.X*-lock file and
// socket (a killed one leaves them behind for every later run on the
// machine), and kills it only if it has not gone within 5 s.
func stopXvfb(x *exec.Cmd) {
	done := make(chan struct{})
	go func() { x.Wait(); close(done) }()
	x.Process.Signal(os.Interrupt)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		x.Process.Kill()
		<-done
	}
}
