package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a button before its tooltip
// shows.
const tipDelay = 600 * time.Millisecond

// tipButton is a button that says what it does when the pointer rests on
// it: every icon-only button of the window is one.
type tipButton struct {
	widget.Button
	u     tipShower
	Tip   string
	timer *time.Timer
	// gen tells a timer that fired after the pointer left from the one
	// that is due.
	gen int
}

func newTipButton(u tipShower, label string, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{u: u, Tip: tip}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn implements desktop.Hoverable: the tooltip shows after a moment.
func (b *tipButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	b.gen++
	gen := b.gen
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(tipDelay, func() {
		b.u.do(func() {
			if gen == b.gen {
				b.u.showTip(b)
			}
		})
	})
}

// MouseOut implements desktop.Hoverable.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.gen++
	if b.timer != nil {
		b.timer.Stop()
	}
	b.u.hideTip(b)
}

// Tapped implements fyne.Tappable; the tooltip goes.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	b.gen++
	b.u.hideTip(b)
	b.Button.Tapped(ev)
}

// showTip shows a button's tooltip under it, or above it near the bottom
// of the window. A tooltip is not a dialog: keys and shortcuts still reach
// the window while it shows.
func (u *UI) showTip(b *tipButton) {
	if b.Tip == "" || !b.Visible() || u.modalOpen() {
		return
	}
	c := u.Window.Canvas()
	label := widget.NewLabel(b.Tip)
	if u.tip != nil {
		u.tip.Hide()
	}
	u.tip = widget.NewPopUp(label, c)
	u.tipOf = b
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	size := label.MinSize()
	at := pos.AddXY(0, b.Size().Height+2)
	if at.Y+size.Height > c.Size().Height {
		at = pos.SubtractXY(0, size.Height+2)
	}
	if at.X+size.Width > c.Size().Width {
		at.X = max(0, c.Size().Width-size.Width)
	}
	u.tip.ShowAtPosition(at)
}

// hideTip hides the tooltip of b, if it shows.
func (u *UI) hideTip(b *tipButton) {
	if u.tip != nil && u.tipOf == b {
		u.tip.Hide()
		u.tip, u.tipOf = nil, nil
	}
}
