// Package xwindow reads and sets a Fyne window's position on the X Window
// System, which Fyne 2.7 has no API for. Elsewhere (Wayland, where clients
// may not place their windows, macOS and Windows) it does nothing and the
// window keeps the place the system gives it.
//
// It talks to the X server with github.com/jezek/xgb, a pure-Go X client,
// on a connection of its own: no cgo, and it imports only Fyne's driver
// interfaces, not the GL app.
package xwindow

import (
	"io"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/randr"
	"github.com/jezek/xgb/xproto"
)

func init() {
	// xgb logs connection trouble to stderr; a product starts quietly, and
	// a window that cannot be placed is no error worth telling.
	xgb.Logger = log.New(io.Discard, "", 0)
}

// Placer reads and sets the position of a window on X11. Its zero value is
// ready to use.
type Placer struct{}

// handle returns the X11 window id of w, or 0 when w is not an X11 window.
func handle(w fyne.Window) xproto.Window {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	return xproto.Window(id)
}

// Position returns the position of w's top-left corner (its content, not
// a window manager's frame) on the screen in pixels, as GLFW's
// glfwGetWindowPos does; ok is false where that is not known.
func (Placer) Position(w fyne.Window) (x, y int, ok bool) {
	win := handle(w)
	if win == 0 {
		return 0, 0, false
	}
	c, err := xgb.NewConn()
	if err != nil {
		return 0, 0, false
	}
	defer c.Close()
	root := xproto.Setup(c).DefaultScreen(c).Root
	tr, err := xproto.TranslateCoordinates(c, win, root, 0, 0).Reply()
	if err != nil {
		return 0, 0, false
	}
	return int(tr.DstX), int(tr.DstY), true
}

// Move puts w's top-left corner at x, y (pixels, as Position returns
// them), moved as little as needed for the window to be on a monitor: a
// place saved on a monitor since unplugged brings the window back onto the
// screen. It reports whether the window was moved.
func (Placer) Move(w fyne.Window, x, y int) bool {
	win := handle(w)
	if win == 0 {
		return false
	}
	c, err := xgb.NewConn()
	if err != nil {
		return false
	}
	defer c.Close()
	screen := xproto.Setup(c).DefaultScreen(c)
	geo, err := xproto.GetGeometry(c, xproto.Drawable(win)).Reply()
	if err != nil {
		return false
	}
	x, y = Clamp(Rect{X: x, Y: y, W: int(geo.Width), H: int(geo.Height)}, monitors(c, screen))
	// GLFW asks for static gravity, so a window manager puts the content
	// (not its frame) at x, y: the same point Position reads.
	err = xproto.ConfigureWindowChecked(c, win, xproto.ConfigWindowX|xproto.ConfigWindowY,
		[]uint32{uint32(int32(x)), uint32(int32(y))}).Check()
	return err == nil
}

// Monitor returns the size in pixels of the monitor that holds w's
// top-left corner (the first monitor when none does); ok is false where
// that is not known.
func (Placer) Monitor(w fyne.Window) (width, height int, ok bool) {
	win := handle(w)
	if win == 0 {
		return 0, 0, false
	}
	c, err := xgb.NewConn()
	if err != nil {
		return 0, 0, false
	}
	defer c.Close()
	screen := xproto.Setup(c).DefaultScreen(c)
	ms := monitors(c, screen)
	m := ms[0]
	if tr, err := xproto.TranslateCoordinates(c, win, screen.Root, 0, 0).Reply(); err == nil {
		m = MonitorAt(int(tr.DstX), int(tr.DstY), ms)
	}
	return m.W, m.H, true
}

// MonitorAt returns the monitor that holds the point x, y, or the first of
// monitors when none does. monitors must not be empty.
func MonitorAt(x, y int, monitors []Rect) Rect {
	for _, m := range monitors {
		if x >= m.X && y >= m.Y && x < m.X+m.W && y < m.Y+m.H {
			return m
		}
	}
	return monitors[0]
}

// monitors lists the screen's monitors (RandR 1.5), or the whole screen
// when the server cannot say.
func monitors(c *xgb.Conn, screen *xproto.ScreenInfo) []Rect {
	whole := []Rect{{W: int(screen.WidthInPixels), H: int(screen.HeightInPixels)}}
	if randr.Init(c) != nil {
		return whole
	}
	rep, err := randr.GetMonitors(c, screen.Root, true).Reply()
	if err != nil || len(rep.Monitors) == 0 {
		return whole
	}
	var ms []Rect
	for _, m := range rep.Monitors {
		if m.Width > 0 && m.Height > 0 {
			ms = append(ms, Rect{X: int(m.X), Y: int(m.Y), W: int(m.Width), H: int(m.Height)})
		}
	}
	if len(ms) == 0 {
		return whole
	}
	return ms
}
