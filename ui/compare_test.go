package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebookapp/casebook/data"
)

// walk calls fn on o and every object inside it, widgets' renderers
// included.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// texts returns the text of every label inside o, in order.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// button finds the button labelled text inside o, or else the first whose
// label contains text ("para. 7" in a source's button); the test fails
// when there is none.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found, partial *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		b, ok := c.(*widget.Button)
		switch {
		case !ok:
		case b.Text == text && found == nil:
			found = b
		case strings.Contains(b.Text, text) && partial == nil:
			partial = b
		}
	})
	if found == nil {
		found = partial
	}
	if found == nil {
		t.Fatalf("no button %q in:\n%s", text, texts(o))
	}
	return found
}

// flagCard returns the Compare window's card of the difference whose text
// contains s.
func flagCard(t *testing.T, c *compareView, s string) fyne.CanvasObject {
	t.Helper()
	for _, o := range c.flags.Objects {
		if strings.Contains(texts(o), s) {
			return o
		}
	}
	t.Fatalf("no flag shows %q:\n%s", s, texts(c.flags))
	return nil
}

func articleTitled(t *testing.T, h *harness, s string) data.ArticleSummary {
	t.Helper()
	for _, a := range h.u.articles {
		if strings.Contains(a.Title, s) {
			return a
		}
	}
	t.Fatalf("no article titled %q", s)
	return data.ArticleSummary{}
}

// compared waits for the Compare window's comparison, run in the background.
func (h *harness) compared(c *compareView) {
	h.t.Helper()
	h.waitFor("the comparison", func() bool { return !c.comparing && len(c.rows.Objects) > 0 })
}

// TestCompareRunsOffTheUIGoroutine: choosing two articles reads and compares
// them in the background, saying so; a result that arrives after the
// student chose other articles is dropped.
func TestCompareRunsOffTheUIGoroutine(t *testing.T) {
	h := newHarness(t)
	afro := articleTitled(t, h, "Asian Organization")
	nbc := articleTitled(t, h, "Apologizes")
	sentencing := articleTitled(t, h, "Sentencing Prompts")
	c := h.u.showCompare(afro.ID, nbc.ID)
	if len(c.rows.Objects) != 0 || c.flagsLabel.Text != "Comparing…" {
		t.Fatalf("compared on the UI goroutine: %d rows, %q", len(c.rows.Objects), c.flagsLabel.Text)
	}
	c.choose(c.B, sentencing.ID)
	h.compared(c)
	h.u.background.Wait()
	h.pump()
	// Both comparisons ran; only the last one chosen is shown.
	if strings.Contains(texts(c.rows), "The five-minute meeting") || !strings.Contains(texts(c.rows), "Ahead of Tuesday’s sentencing") {
		t.Errorf("the window shows another comparison than AFRO with the sentencing article:\n%s", texts(c.rows))
	}
}

// The walk-through: AFRO against NBC; the 800/500 hours difference
// is flagged with both passages; marked as a disagreement, it becomes a red
// highlight with a linked note on both; the charge difference is dismissed.
func TestCompareView(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	afro := articleTitled(t, h, "Asian Organization")
	nbc := articleTitled(t, h, "Apologizes")
	c := h.u.showCompare(afro.ID, nbc.ID)
	h.compared(c)

	// Pairs are rows holding both passages, linked by their words; the
	// ricochet pair is one of them, and unpaired passages stand alone.
	var ricochet, alone bool
	for _, row := range c.rows.Objects {
		s := texts(row)
		if strings.Contains(s, "linked by") && strings.Contains(s, "ricocheted") &&
			strings.Contains(s, "¶3  On Nov. 20, 2014") && strings.Contains(s, "¶7  The bullet, fired from the eighth floor") {
			ricochet = true
		}
		if !strings.Contains(s, "linked by") && strings.Contains(s, "¶3  The five-minute meeting") {
			alone = true
		}
	}
	if !ricochet || !alone {
		t.Errorf("rows: ricochet pair %v, NBC ¶3 alone %v:\n%s", ricochet, alone, texts(c.rows))
	}

	card := flagCard(t, c, "800 hours of community service")
	if s := texts(card); !strings.Contains(s, "B ¶5: “500 hours of community service”") || !strings.Contains(s, "judge Danny Chun ordered Liang") || !strings.Contains(s, "Instead, Thompson is asking") {
		t.Errorf("the flag does not show both passages:\n%s", s)
	}
	test.Tap(button(t, card, "Mark as disagreement"))
	h.settle()
	for _, side := range []struct {
		article int64
		quote   string
	}{{afro.ID, "800 hours of community service"}, {nbc.ID, "500 hours of community service"}} {
		hs, _ := h.lib.Highlights(ctx, side.article)
		var hl *data.Highlight
		for i := range hs {
			if hs[i].Quote == side.quote {
				hl = &hs[i]
			}
		}
		if hl == nil || hl.Colour != "red" {
			t.Fatalf("no red highlight on %q: %+v", side.quote, hs)
		}
		ns, _ := h.lib.Notes(ctx, data.NoteFilter{ArticleID: side.article})
		if len(ns) != 1 || ns[0].HighlightID != hl.ID || !strings.Contains(ns[0].Body, "“800 hours of community service”") || !strings.Contains(ns[0].Body, "“500 hours of community service”") {
			t.Errorf("the note on %q: %+v", side.quote, ns)
		}
	}
	if s := texts(flagCard(t, c, "800 hours")); !strings.Contains(s, "Marked as a disagreement") {
		t.Errorf("the flag does not say it was marked:\n%s", s)
	}

	before := len(c.flags.Objects)
	test.Tap(button(t, flagCard(t, c, "second-degree manslaughter"), "Dismiss"))
	h.settle()
	if len(c.flags.Objects) != before-1 || strings.Contains(texts(c.flags), "second-degree") {
		t.Errorf("the dismissed flag is still shown:\n%s", texts(c.flags))
	}
	// Reopened later, the decisions hold.
	h.u.compareWindow.Close()
	c = h.u.showCompare(afro.ID, nbc.ID)
	h.compared(c)
	if strings.Contains(texts(c.flags), "second-degree") || !strings.Contains(texts(c.flags), "Marked as a disagreement") {
		t.Errorf("after reopening:\n%s", texts(c.flags))
	}
	// The same article twice is refused in words.
	c.choose(c.B, afro.ID)
	if !strings.Contains(c.flagsLabel.Text, "two different articles") || len(c.rows.Objects) != 0 {
		t.Errorf("same article: %q", c.flagsLabel.Text)
	}
}
