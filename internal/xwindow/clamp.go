package xwindow

// rect is a rectangle in screen pixels.
type rect struct{ x, y, w, h int }

// grip is how much of a window's top-left must be on a monitor for the
// student to reach its title bar and drag it.
const grip = 100

// clamp returns where to put window win so that it is on one of monitors:
// where it is when its top-left corner (the title bar's grip) is on one,
// else moved onto the monitor nearest to it, whole if it fits there.
func clamp(win rect, monitors []rect) (x, y int) {
	if len(monitors) == 0 {
		return win.x, win.y
	}
	gw, gh := min(grip, win.w), min(grip, win.h)
	for _, m := range monitors {
		if win.x >= m.x && win.y >= m.y && win.x+gw <= m.x+m.w && win.y+gh <= m.y+m.h {
			return win.x, win.y
		}
	}
	best, bestD := monitors[0], -1
	for _, m := range monitors {
		dx := gap(win.x, m.x, m.x+m.w)
		dy := gap(win.y, m.y, m.y+m.h)
		if d := dx*dx + dy*dy; bestD < 0 || d < bestD {
			best, bestD = m, d
		}
	}
	return fit(win.x, win.w, best.x, best.w), fit(win.y, win.h, best.y, best.h)
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
