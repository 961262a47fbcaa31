package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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
	tip   string
	timer *time.Timer
	// gen tells a timer that fired after the pointer left from the one
	// that is due.
	gen int
}

func newTipButton(u tipShower, label string, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{u: u, tip: tip}
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
// the window while it shows, and so do clicks. It is drawn in a layer of
// the window's own content, above the rest: as a pop-up (an overlay) it
// took every click to hide itself, and a click on a button whose tooltip
// showed did nothing.
func (u *UI) showTip(b *tipButton) {
	if b.tip == "" || !b.Visible() || u.modalOpen() || u.tipLayer == nil {
		return
	}
	u.hideTip(u.tipOf)
	label := widget.NewLabel(b.tip)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	bg.StrokeWidth = 1
	size := label.MinSize()
	tip := container.NewStack(bg, label)
	tip.Resize(size)
	layer := u.tipLayer.Size()
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(b).Subtract(d.AbsolutePositionForObject(u.tipLayer))
	at := pos.AddXY(0, b.Size().Height+2)
	if at.Y+size.Height > layer.Height {
		at = pos.SubtractXY(0, size.Height+2)
	}
	if at.X+size.Width > layer.Width {
		at.X = max(0, layer.Width-size.Width)
	}
	tip.Move(at)
	u.tip, u.tipOf = tip, b
	u.tipLayer.Objects = []fyne.CanvasObject{tip}
	u.tipLayer.Refresh()
}

// hideTip hides the tooltip of b, if it shows.
func (u *UI) hideTip(b *tipButton) {
	if u.tip != nil && u.tipOf == b {
		u.tipLayer.Objects = nil
		u.tipLayer.Refresh()
		u.tip, u.tipOf = nil, nil
	}
}
