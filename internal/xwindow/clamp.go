package xwindow

// Rect is a rectangle in screen pixels.
type Rect struct{ X, Y, W, H int }

// grip is how much of a window's top-left must be on a monitor for the
// student to reach its title bar and drag it.
const grip = 100

// Clamp returns where to put window win so that it is on one of monitors:
// where it is when its top-left corner (the title bar's grip) is on one,
// else moved onto the monitor nearest to it, whole if it fits there.
func Clamp(win Rect, monitors []Rect) (x, y int) {
	if len(monitors) == 0 {
		return win.X, win.Y
	}
	gw, gh := min(grip, win.W), min(grip, win.H)
	for _, m := range monitors {
		if win.X >= m.X && win.Y >= m.Y && win.X+gw <= m.X+m.W && win.Y+gh <= m.Y+m.H {
			return win.X, win.Y
		}
	}
	best, bestD := monitors[0], -1
	for _, m := range monitors {
		dx := gap(win.X, m.X, m.X+m.W)
		dy := gap(win.Y, m.Y, m.Y+m.H)
		if d := dx*dx + dy*dy; bestD < 0 || d < bestD {
			best, bestD = m, d
		}
	}
	return fit(win.X, win.W, best.X, best.W), fit(win.Y, win.H, best.Y, best.H)
}

// gap is how far v is outside [lo, hi).
func gap(v, lo, hi int) int {
	switch {
	case v < lo:
		return lo - v
	case v >= hi:
		return v - hi + 1
	}
	return 0
}

// fit moves a span at v of length n into [lo, lo+size): whole if it fits,
// else at lo.
func fit(v, n, lo, size int) int {
	if v+n > lo+size {
		v = lo + size - n
	}
	return max(v, lo)
}
