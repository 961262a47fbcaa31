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

// withX runs f with a connection of its own to the X server, w's X11
// window and the default screen; it returns false, without calling f,
// where w is no X11 window or the server cannot be reached.
func withX(w fyne.Window, f func(c *xgb.Conn, win xproto.Window, screen *xproto.ScreenInfo)) bool {
	win := handle(w)
	if win == 0 {
		return false
	}
	c, err := xgb.NewConn()
	if err != nil {
		return false
	}
	defer c.Close()
	f(c, win, xproto.Setup(c).DefaultScreen(c))
	return true
}

// Position returns the position of w's top-left corner (its content, not
// a window manager's frame) on the screen in pixels, as GLFW's
// glfwGetWindowPos does; ok is false where that is not known.
func (Placer) Position(w fyne.Window) (x, y int, ok bool) {
	withX(w, func(c *xgb.Conn, win xproto.Window, screen *xproto.ScreenInfo) {
		tr, err := xproto.TranslateCoordinates(c, win, screen.Root, 0, 0).Reply()
		if err == nil {
			x, y, ok = int(tr.DstX), int(tr.DstY), true
		}
	})
	return x, y, ok
}

// Move puts w's top-left corner at x, y (pixels, as Position returns
// them), moved as little as needed for the window to be on a monitor: a
// place saved on a monitor since unplugged brings the window back onto the
// screen. It reports whether the window was moved.
func (Placer) Move(w fyne.Window, x, y int) (moved bool) {
	withX(w, func(c *xgb.Conn, win xproto.Window, screen *xproto.ScreenInfo) {
		geo, err := xproto.GetGeometry(c, xproto.Drawable(win)).Reply()
		if err != nil {
			return
		}
		x, y = clamp(rect{x: x, y: y, w: int(geo.Width), h: int(geo.Height)}, monitors(c, screen))
		// GLFW asks for static gravity, so a window manager puts the
		// content (not its frame) at x, y: the same point Position reads.
		err = xproto.ConfigureWindowChecked(c, win, xproto.ConfigWindowX|xproto.ConfigWindowY,
			[]uint32{uint32(int32(x)), uint32(int32(y))}).Check()
		moved = err == nil
	})
	return moved
}

// Monitor returns the size in pixels of the monitor that holds w's
// top-left corner (the first monitor when none does); ok is false where
// that is not known.
func (Placer) Monitor(w fyne.Window) (width, height int, ok bool) {
	ok = withX(w, func(c *xgb.Conn, win xproto.Window, screen *xproto.ScreenInfo) {
		ms := monitors(c, screen)
		m := ms[0]
		if tr, err := xproto.TranslateCoordinates(c, win, screen.Root, 0, 0).Reply(); err == nil {
			m = monitorAt(int(tr.DstX), int(tr.DstY), ms)
		}
		width, height = m.w, m.h
	})
	return width, height, ok
}

// monitorAt returns the monitor that holds the point x, y, or the first of
// monitors when none does. monitors must not be empty.
func monitorAt(x, y int, monitors []rect) rect {
	for _, m := range monitors {
		if x >= m.x && y >= m.y && x < m.x+m.w && y < m.y+m.h {
			return m
		}
	}
	return monitors[0]
}

// monitors lists the screen's monitors (RandR 1.5), or the whole screen
// when the server cannot say.
func monitors(c *xgb.Conn, screen *xproto.ScreenInfo) []rect {
	whole := []rect{{w: int(screen.WidthInPixels), h: int(screen.HeightInPixels)}}
	if randr.Init(c) != nil {
		return whole
	}
	rep, err := randr.GetMonitors(c, screen.Root, true).Reply()
	if err != nil || len(rep.Monitors) == 0 {
		return whole
	}
	var ms []rect
	for _, m := range rep.Monitors {
		if m.Width > 0 && m.Height > 0 {
			ms = append(ms, rect{x: int(m.X), y: int(m.Y), w: int(m.Width), h: int(m.Height)})
		}
	}
	if len(ms) == 0 {
		return whole
	}
	return ms
}
