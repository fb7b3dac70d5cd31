package views

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/assets/sample"
	"orchard/model"
)

// drawnText is a piece of text as the window draws it.
type drawnText struct {
	text     string
	size     float32
	pos      fyne.Position // in the window
	box      fyne.Size
	scrolled bool // inside something that scrolls or pans, so may lie outside the view
	scroller bool // not text: a scroller's own box, which must lie in the window
}

// drawn walks what the window shows (only visible objects, through the
// renderers the window uses) and lists its text with window positions.
func drawn(root fyne.CanvasObject) []drawnText {
	var out []drawnText
	var walk func(o fyne.CanvasObject, origin fyne.Position, scrolled bool)
	walk = func(o fyne.CanvasObject, origin fyne.Position, scrolled bool) {
		if o == nil || !o.Visible() {
			return
		}
		at := origin.Add(o.Position())
		switch v := o.(type) {
		case *canvas.Text:
			if strings.TrimSpace(v.Text) != "" {
				box := v.Size()
				if box.Width == 0 { // placed by a custom renderer at its natural size
					box = v.MinSize()
				}
				out = append(out, drawnText{text: v.Text, size: v.TextSize, pos: at, box: box, scrolled: scrolled})
			}
			return
		case *container.Scroll, *widget.Table, *widget.List, *relMap:
			if !scrolled {
				// What scrolls must itself lie in the window: content wider
				// than the window widens its scroller, which is then cut off.
				out = append(out, drawnText{text: fmt.Sprintf("[%T]", o), pos: at, box: o.Size(), scroller: true})
			}
			scrolled = true
		}
		var children []fyne.CanvasObject
		switch v := o.(type) {
		case *fyne.Container:
			children = v.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(v).Objects()
		}
		for _, c := range children {
			walk(c, at, scrolled)
		}
	}
	walk(root, fyne.Position{}, false)
	return out
}

// workshopStop shows one stop of the workshop as the presenter reaches it.
func workshopStop(t *testing.T, s *Shell, w fyne.Window, sec Section) {
	t.Helper()
	s.ShowStop(sec, true) // the Portfolio on its quadrant, in and out of workshop mode
	if sec == SectionPortfolio && s.workshop {
		test.Tap(findButton(t, w, "Show portfolio"))
	}
	if sec == SectionReview && s.workshop {
		s.review.tabs.SelectIndex(0)
		test.Tap(findButton(t, w, "Show plan vs actual")) // the fuller page
	}
	w.Resize(w.Canvas().Size().AddWidthHeight(0, 1)) // lay the page out again
	w.Resize(w.Canvas().Size().SubtractWidthHeight(0, 1))
}

// setWorkshop switches as the app does: the projector theme, then the screens.
func setWorkshop(s *Shell, on bool) {
	fyne.CurrentApp().Settings().SetTheme(NewTheme(on, 1))
	s.SetWorkshop(on)
}

// names are what must read from the back of the room on each stop: the
// customer's own account, their people, the agreed actions.
func workshopNames(s *Shell, sec Section) []string {
	p := s.ws.Portfolio()
	a := p.Account(s.Account())
	switch sec {
	case SectionPortfolio:
		return []string{a.Name}
	case SectionMap:
		var out []string
		for _, st := range p.CustomerView(a.ID, model.CustomerShare{}).Stakeholders(a.ID) {
			out = append(out, st.Name)
		}
		return out
	case SectionBoard:
		var out []string
		for _, x := range p.CustomerView(a.ID, model.CustomerShare{}).Actions(a.ID) {
			out = append(out, x.Title)
		}
		return out
	}
	return nil
}

// At 1280×720 and at 1920×1080 every workshop stop draws the customer's
// names at twice the normal body text or more, no text smaller than the
// normal body text, and nothing outside the window except inside a page
// that scrolls or pans; leaving workshop mode restores every text size.
func TestWorkshopStopsReadableAndInsideTheWindow(t *testing.T) {
	if raceDetector {
		t.Skip("heavy: test.sh runs it without the race detector")
	}
	for _, size := range []fyne.Size{fyne.NewSize(1280, 720), fyne.NewSize(1920, 1080)} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			s, _, w := newTestShell(t)
			w.Resize(size)
			selectRow(t, s, sample.PlannedAccounts[0])
			body := theme.DefaultTheme().Size(theme.SizeNameText)
			stops := []Section{SectionPortfolio, SectionMap, SectionBoard, SectionReview}
			before := map[Section]map[string]float32{}
			for _, sec := range stops {
				workshopStop(t, s, w, sec)
				before[sec] = sizesOf(drawn(w.Content()))
			}
			setWorkshop(s, true)
			for _, sec := range stops {
				workshopStop(t, s, w, sec)
				texts := drawn(w.Content())
				if len(texts) < 5 {
					t.Fatalf("%s: only %d texts drawn", sectionTitles[sec], len(texts))
				}
				for _, d := range texts {
					if d.size < body && !d.scroller {
						t.Errorf("%s: %q is drawn at %.0f px, below the normal body text (%.0f)", sectionTitles[sec], d.text, d.size, body)
					}
					if !d.scrolled && (d.pos.X < -1 || d.pos.Y < -1 || d.pos.X+d.box.Width > size.Width+1 || d.pos.Y+d.box.Height > size.Height+1) {
						t.Errorf("%s: %q lies outside the %v window at %v, %v", sectionTitles[sec], d.text, size, d.pos, d.box)
					}
				}
				if size.Width == 1280 {
					// What the projector shows, page by page.
					test.AssertObjectRendersToMarkup(t, "workshop/"+strings.ToLower(strings.ReplaceAll(sectionTitles[sec], " ", "_"))+".xml", w.Content())
				}
				sizes := sizesOf(texts)
				for _, name := range workshopNames(s, sec) {
					got, ok := sizes[name]
					if !ok {
						got, ok = sizes[strings.Fields(name)[0]] // a name drawn over two lines
					}
					if ok && got < 2*body {
						t.Errorf("%s: %q is drawn at %.0f px, want at least %.0f", sectionTitles[sec], name, got, 2*body)
					}
				}
			}
			setWorkshop(s, false)
			for _, sec := range stops {
				workshopStop(t, s, w, sec)
				after := sizesOf(drawn(w.Content()))
				for text, was := range before[sec] {
					if now, ok := after[text]; ok && (now < was-0.5 || now > was+0.5) {
						t.Errorf("%s: after the workshop %q is %.0f px, was %.0f", sectionTitles[sec], text, now, was)
					}
				}
			}
		})
	}
}

// sizesOf maps each text to the largest size it is drawn at.
func sizesOf(texts []drawnText) map[string]float32 {
	out := map[string]float32{}
	for _, d := range texts {
		if !d.scroller {
			out[d.text] = max(out[d.text], d.size)
		}
	}
	return out
}
