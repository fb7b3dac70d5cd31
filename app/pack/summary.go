package pack

import (
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"orchard/model"
)

// summaryPage is the pack's one document: a self-contained page (pictures
// beside it in the folder) that prints well.
func summaryPage(p *model.Portfolio, a *model.Account, files []string, internal bool, today time.Time) string {
	var b strings.Builder
	e := html.EscapeString
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	title := a.Name + " — account review"
	w(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title><style>
body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#212121;line-height:1.45}
h1{color:#2e7d32}h2{border-bottom:2px solid #2e7d32;padding-bottom:.2em;margin-top:2em}
img{max-width:100%%;border:1px solid #ddd;margin:.5em 0}table{border-collapse:collapse;width:100%%}
td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f1f8e9}
@media print{h2{page-break-before:auto}img{page-break-inside:avoid}}
</style></head><body>`, e(title))
	if internal {
		w(`<p style="background:#b71c1c;color:#fff;padding:.5em 1em;font-weight:bold">INTERNAL — not for the customer</p>`)
	}
	w("<h1>%s</h1><p>Prepared %s", e(title), today.Format("2 January 2006"))
	if internal {
		w(" · <strong>internal version</strong>: not for the customer")
	}
	w("</p>")
	var cycles []*model.Cycle
	for _, x := range p.OfAccount(model.KindCycle, a.ID) {
		cycles = append(cycles, x.(*model.Cycle))
	}
	if c := model.CurrentCycle(cycles, today); c != nil {
		w("<p><strong>%s</strong>", e(c.Name))
		if c.CustomerWants != "" {
			w(" · What you want this year: %s", e(c.CustomerWants))
		}
		w("</p>")
	}
	w("<h2>Your goals</h2>")
	goals := p.Goals(a.ID)
	if len(goals) == 0 {
		w("<p>No goals recorded yet.</p>")
	}
	w("<ul>")
	for _, g := range goals {
		if g.Internal && !internal {
			continue
		}
		done, total := p.GoalProgress(g.ID)
		w("<li><strong>%s</strong>", e(g.Title))
		if g.Measure != "" {
			w(" — measured by %s", e(g.Measure))
		}
		if !g.TargetDate.IsZero() {
			w(", target %s", g.TargetDate.Format("2 Jan 2006"))
		}
		w(" (%d of %d actions done)<ul>", done, total)
		for _, in := range p.Initiatives(g.ID) {
			if in.Internal && !internal {
				continue
			}
			w("<li>%s: %s</li>", e(in.Department), e(in.Title))
		}
		w("</ul></li>")
	}
	w("</ul>")
	chartTitles := map[string]string{"revenue": "Revenue against target", "impact": "What our actions delivered",
		"actions": "Actions and who owns them", "scorecard": "How you score us", "coverage": "Who we work with",
		"quadrant": "Where the account stands", "pareto": "Portfolio concentration"}
	for _, n := range []string{"revenue", "impact", "actions", "scorecard", "coverage"} {
		if contains(files, n+".png") {
			w("<h2>%s</h2><img src=\"%s.png\" alt=\"%s\">", chartTitles[n], n, chartTitles[n])
		}
	}
	if contains(files, "relationship-map.png") {
		w("<h2>Relationship map</h2><img src=\"relationship-map.png\" alt=\"Relationship map\">")
	}
	member := func(id string) string {
		if m, ok := p.Get(model.KindTeamMember, id).(*model.TeamMember); ok {
			return m.Name
		}
		return "—"
	}
	// Completed means done; an action dropped is not "completed".
	var open, finished, dropped []*model.Action
	for _, x := range p.Actions(a.ID) {
		switch x.Status {
		case model.StatusDone:
			finished = append(finished, x)
		case model.StatusNotImplemented:
			dropped = append(dropped, x)
		default:
			open = append(open, x)
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Due.Before(open[j].Due) })
	table := func(titleText string, list []*model.Action) {
		w("<h2>%s (%d)</h2><table><tr><th>Action</th><th>Owner</th><th>Status</th><th>Due</th><th>Agreed with you</th></tr>", titleText, len(list))
		for _, x := range list {
			due := "—"
			if !x.Due.IsZero() {
				due = x.Due.Format("2 Jan 2006")
			}
			agreed := ""
			if x.CustomerAgreed {
				agreed = "yes"
			}
			w("<tr><td>%s", e(x.Title))
			if internal && x.Notes != "" {
				w("<br><small>%s</small>", e(x.Notes))
			}
			w("</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", e(member(x.OwnerID)), x.Status.Label(), due, agreed)
		}
		w("</table>")
	}
	table("Open actions", open)
	table("Completed actions", finished)
	if internal && len(dropped) > 0 {
		table("Not carried out (internal)", dropped)
	}
	var next time.Time
	for _, x := range p.OfAccount(model.KindReview, a.ID) {
		if r := x.(*model.ReviewMeeting); r.NextDate.After(next) {
			next = r.NextDate
		}
	}
	w("<h2>Next review</h2><p>")
	if next.IsZero() {
		w("To be agreed.")
	} else {
		w("%s", next.Format("Monday 2 January 2006"))
	}
	w("</p>")
	if internal {
		h := p.HealthOf(a.ID, today)
		w("<h2>Account health (internal)</h2><p>%.0f of 100. %s</p>", h.Score, e(h.Explain()))
	}
	w("<p><small>Files in this pack: %s</small></p></body></html>\n", e(strings.Join(files, ", ")))
	return b.String()
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
