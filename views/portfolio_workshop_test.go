package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"orchard/assets/sample"
)

// quadrantNames are the account names the quadrant draws, and the names
// its hover box gives for each bubble.
func quadrantNames(s *Shell) (labels, tips []string) {
	q := s.portfolio.quadrant
	// The one drawn (inside its focus ring), not one made by LaidOutObjects.
	r := test.WidgetRenderer(q).(*focusRing).WidgetRenderer.(*quadrantRenderer)
	for i := range r.bubbles {
		if o := r.bubbles[i]; o.label.Visible() && o.label.Text != "" {
			labels = append(labels, o.label.Text)
		}
	}
	for _, b := range q.bubbles {
		tips = append(tips, q.tooltipText(b)[0])
	}
	return labels, tips
}

// In front of a customer the Portfolio stop names only their account; the
// quadrant shows only when the presenter asks, with every other customer
// unnamed, and leaving workshop mode restores the internal portfolio.
func TestWorkshopPortfolioShowsNoOtherCustomer(t *testing.T) {
	s, ws, w := newTestShell(t)
	w.Resize(fyne.NewSize(1280, 720))
	own := sample.PlannedAccounts[0]
	selectRow(t, s, own)
	s.SetWorkshop(true)
	s.ShowStop(SectionPortfolio, true)

	others := []string{}
	for _, a := range ws.Portfolio().Accounts() {
		if a.Name != own {
			others = append(others, a.Name)
		}
	}
	shown := texts(w)
	if !strings.Contains(shown, own) {
		t.Errorf("the workshop's first page should name %s; it shows:\n%s", own, shown)
	}
	for _, o := range others {
		if strings.Contains(shown, o) {
			t.Errorf("the workshop's first page shows another customer, %s", o)
		}
	}
	if s.portfolio.tabs.Visible() {
		t.Error("the portfolio's tabs should stay hidden until the presenter shows the portfolio")
	}
	cover := s.portfolio.workshopView.title
	if body := s.portfolio.quadrant.Theme().Size("text"); cover.TextSize < 2*body {
		t.Errorf("the account's name on the cover is %.0f px, want at least twice the body text (%.0f)", cover.TextSize, body)
	}

	test.Tap(findButton(t, w, "Show portfolio"))
	if !s.portfolio.tabs.Visible() || s.portfolio.tabs.SelectedIndex() != 1 {
		t.Fatal("Show portfolio should open the quadrant")
	}
	for i := range s.portfolio.tabs.Items {
		if i != 1 && !s.portfolio.tabs.Items[i].Disabled() {
			t.Errorf("the %q tab can be opened in front of the customer; it names other customers", s.portfolio.tabs.Items[i].Text)
		}
	}
	labels, tips := quadrantNames(s)
	if len(labels) != 1 || labels[0] != own {
		t.Errorf("the quadrant in front of %s names %v, want only %s", own, labels, own)
	}
	for _, tip := range tips {
		if tip != own && tip != "Another customer" {
			t.Errorf("hovering a bubble names %q in front of %s", tip, own)
		}
	}
	for _, o := range test.LaidOutObjects(w.Content()) {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() {
			for _, name := range others {
				if txt.Text != "" && strings.HasPrefix(name, strings.TrimSuffix(txt.Text, "…")) {
					t.Errorf("the window draws %q in front of %s", txt.Text, own)
				}
			}
		}
	}

	s.portfolio.workshopView.names.SetChecked(true)
	if labels, _ := quadrantNames(s); len(labels) < 2 {
		t.Errorf("with Name other customers ticked the quadrant names %v", labels)
	}
	test.Tap(findButton(t, w, "Hide portfolio"))
	if s.portfolio.tabs.Visible() || !s.portfolio.workshopView.cover.Visible() {
		t.Error("Hide portfolio should go back to the cover")
	}

	s.SetWorkshop(false)
	if s.portfolio.workshopView.cover.Visible() || !s.portfolio.tabs.Visible() || s.portfolio.workshopView.bar.Visible() {
		t.Error("leaving workshop mode should bring the portfolio back")
	}
	for i := range s.portfolio.tabs.Items {
		if s.portfolio.tabs.Items[i].Disabled() {
			t.Errorf("the %q tab stays disabled after the workshop", s.portfolio.tabs.Items[i].Text)
		}
	}
	if labels, _ := quadrantNames(s); len(labels) < 2 {
		t.Errorf("after the workshop the quadrant names only %v", labels)
	}
	// The next workshop starts on the cover again: the presenter's choice
	// does not carry over.
	s.SetWorkshop(true)
	if s.portfolio.workshopView.showing || s.portfolio.workshopView.names.Checked {
		t.Error("a new workshop should start with the portfolio hidden and other customers unnamed")
	}
}
