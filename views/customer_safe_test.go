package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"orchard/assets/sample"
	"orchard/model"
)

// withheld lists what the customer of accountID must not see on screen:
// every other customer's name, and each of this account's items that the
// customer's view leaves out (internal goals and initiatives, actions not
// agreed with them, opportunities, competitors, internal notes, team
// members on the account only internally).
func withheld(p *model.Portfolio, accountID string) []string {
	v := p.CustomerView(accountID, model.CustomerShare{})
	var out []string
	for _, a := range p.Accounts() {
		if a.ID != accountID {
			out = append(out, a.Name)
		}
	}
	kept := func(kind model.Kind, id string) bool { return v.Get(kind, id) != nil }
	for _, g := range p.Goals(accountID) {
		if !kept(model.KindGoal, g.ID) {
			out = append(out, g.Title)
		}
		for _, in := range p.Initiatives(g.ID) {
			if !kept(model.KindInitiative, in.ID) {
				out = append(out, in.Title)
			}
		}
	}
	for _, x := range p.Actions(accountID) {
		if !kept(model.KindAction, x.ID) {
			out = append(out, x.Title)
		} else if x.NotesInternal && x.Notes != "" {
			out = append(out, x.Notes)
		}
	}
	for _, e := range p.OfAccount(model.KindOpportunity, accountID) {
		out = append(out, e.(*model.Opportunity).Name)
	}
	for _, e := range p.OfAccount(model.KindWhitespace, accountID) {
		if c := e.(*model.WhitespaceCell); c.Competitor != "" {
			out = append(out, c.Competitor)
		}
	}
	for _, s := range p.Stakeholders(accountID) {
		if s.NotesInternal && s.Notes != "" {
			out = append(out, s.Notes)
		}
	}
	for _, e := range p.OfAccount(model.KindTeamAssignment, accountID) {
		if t := e.(*model.TeamAssignment); t.Internal && !kept(model.KindTeamMember, t.MemberID) {
			if m, ok := p.Get(model.KindTeamMember, t.MemberID).(*model.TeamMember); ok {
				out = append(out, m.Name)
			}
		}
	}
	return out
}

func textsJoined(texts []drawnText) string {
	var b strings.Builder
	for _, d := range texts {
		b.WriteString(d.text + "\n")
	}
	return b.String()
}

// assessmentWords are our judgements of the customer, which never show
// in front of them.
var assessmentWords = []string{"champion", "gatekeeper", "detractor", "supporter", "influence", "attitude",
	"buying role", "win probability", "win chance", "margin", "health", "priority", "quadrant", "coverage",
	"competitor", "at risk", "weighted", "pipeline"}

// shows reports whether a drawn text shows item: the whole of it, or its
// start cut short with an ellipsis.
func shows(drawnText, item string) bool {
	if item == "" {
		return false
	}
	if strings.Contains(drawnText, item) {
		return true
	}
	cut, ok := strings.CutSuffix(drawnText, "…")
	return ok && len([]rune(cut)) >= 8 && strings.HasPrefix(item, cut)
}

// Every screen of a workshop (each tab of the plan and the review, the
// map and the board) shows the customer only what model.CustomerView lets
// them see, for each fully planned sample account.
func TestWorkshopScreensShowOnlyWhatTheCustomerMaySee(t *testing.T) {
	if raceDetector {
		t.Skip("heavy: test.sh runs it without the race detector")
	}
	for _, name := range sample.PlannedAccounts {
		t.Run(name, func(t *testing.T) {
			s, ws, w := newTestShell(t)
			w.Resize(fyne.NewSize(1280, 720))
			selectRow(t, s, name)
			a := accountByName(ws, name)
			// An internal goal and a rival named on the whitespace, so the
			// test always has something to hold back.
			if err := ws.Save(&model.Goal{ID: model.NewID(), AccountID: a.ID, Title: "Lift our share of wallet to 40 percent", Internal: true}); err != nil {
				t.Fatal(err)
			}
			setWorkshop(s, true)
			var texts []drawnText
			collect := func(tabs *container.AppTabs) {
				w.Resize(fyne.NewSize(1280, 721))
				w.Resize(fyne.NewSize(1280, 720))
				texts = append(texts, drawn(w.Content())...)
				if tabs == nil {
					return
				}
				for i := range tabs.Items {
					tabs.SelectIndex(i)
					w.Resize(fyne.NewSize(1280, 721))
					w.Resize(fyne.NewSize(1280, 720))
					texts = append(texts, drawn(w.Content())...)
				}
			}
			for _, sec := range []Section{SectionPlan, SectionMap, SectionBoard, SectionReview} {
				s.Show(sec)
				switch sec {
				case SectionPlan:
					collect(s.plan.tabs)
				case SectionReview:
					collect(s.review.tabs)
				default:
					collect(nil)
				}
			}
			if len(texts) < 50 {
				t.Fatalf("only %d texts drawn", len(texts))
			}
			if strings.Contains(textsJoined(texts), "Year to date") {
				t.Error("plan against actual shows before the presenter chose to show it")
			}
			// The presenter chooses to show plan against actual: figures
			// appear, still only for what the customer may see.
			s.Show(SectionReview)
			s.review.tabs.SelectIndex(0)
			test.Tap(findButton(t, w, "Show plan vs actual"))
			collect(s.review.tabs)
			if !strings.Contains(textsJoined(texts), "Year to date") {
				t.Error("Show plan vs actual did not show the figures")
			}
			secret := withheld(ws.Portfolio(), a.ID)
			// Titles the customer may see (an agreed action can share its
			// title with one of ours) are not held against the screen.
			allowed := map[string]bool{}
			v := ws.Portfolio().CustomerView(a.ID, model.CustomerShare{})
			for _, x := range v.Actions(a.ID) {
				allowed[x.Title] = true
			}
			for _, g := range v.Goals(a.ID) {
				allowed[g.Title] = true
			}
			var kept []string
			for _, item := range secret {
				if !allowed[item] {
					kept = append(kept, item)
				}
			}
			secret = kept
			for _, d := range texts {
				if d.scroller {
					continue
				}
				title := false
				for t := range allowed {
					if shows(d.text, t) {
						title = true // a title of the customer's own, whatever words it holds
					}
				}
				for _, item := range secret {
					if shows(d.text, item) {
						t.Errorf("in front of %s the screen shows %q (%q)", name, item, d.text)
					}
				}
				low := strings.ToLower(d.text)
				for _, word := range assessmentWords {
					if title {
						break
					}
					if strings.Contains(low, word) {
						t.Errorf("in front of %s the screen shows our assessment %q", name, d.text)
					}
				}
			}
		})
	}
}
