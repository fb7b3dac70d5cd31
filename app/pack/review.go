package pack

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"orchard/model"
	"orchard/views/chart"
)

// The review deck and its PDF are one list of slides, laid out here once in
// points on a 16:9 page (960 × 540, a PowerPoint widescreen slide), then
// written as a .pptx (pptx.go) or a PDF (pdf.go). Long tables and lists
// are split across slides by an estimate of their wrapped height that is
// never short of what either writer draws.

// geometry is where a slide's content goes, in points.
type geometry struct {
	pageW, pageH float64
	left, top    float64 // the content area's top left corner
	w, h         float64 // its size
	titleTop     float64 // the title box (built-in layout; a template keeps its own)
	titleH       float64
}

// builtinGeometry is the built-in template's: a widescreen slide with the
// title at the top and the content below it.
var builtinGeometry = geometry{pageW: 960, pageH: 540, left: 48, top: 116, w: 864, h: 380, titleTop: 28, titleH: 80}

const (
	bodySize    = 18.0 // points, bullet text
	tableSize   = 13.0 // points, table text
	lineSpacing = 1.25
	// tableLineSpacing is a table line's height against its text size,
	// taller than the line a slide's font needs: a row whose text needs
	// more than its height makes some applications shrink the whole table.
	tableLineSpacing = 1.35
	cellPadX         = 7.2 // PowerPoint's default cell margins
	cellPadY         = 3.6
	bulletGap        = 6.0
	bulletIndent     = 24.0
	avgCharWidth     = 0.56 // of the font size: wider than the average Latin letter
	titleMaxLength   = 2    // lines
)

// deckSlide is one slide (or PDF page).
type deckSlide struct {
	Title    string
	Lines    []string // the title slide's lines under the title
	Bullets  []string
	Table    *deckTable
	Picture  []byte // PNG
	PicAlt   string
	IsTitle  bool
	Internal bool // a slide only the internal version has
}

type deckTable struct {
	Header []string
	Widths []float64 // fractions of the content width
	Rows   [][]string
	Right  []bool // columns aligned right (amounts)
}

// reviewDeck builds the review's slides for an account. p is the whole
// portfolio; what the customer may not see is left out unless internal.
func reviewDeck(p *model.Portfolio, accountID string, internal, figures bool, today time.Time, g geometry) ([]deckSlide, error) {
	full := p
	a := p.Account(accountID)
	if a == nil {
		return nil, fmt.Errorf("no account %s", accountID)
	}
	safe := !internal
	if safe {
		p = p.CustomerView(a.ID, model.CustomerShare{Figures: figures})
		a = p.Account(accountID)
	}
	var slides []deckSlide
	add := func(s ...deckSlide) { slides = append(slides, s...) }

	// Title.
	lines := []string{"Account review, " + model.FormatDate(today)}
	var cycles []*model.Cycle
	for _, x := range p.OfAccount(model.KindCycle, a.ID) {
		cycles = append(cycles, x.(*model.Cycle))
	}
	if c := model.CurrentCycle(cycles, today); c != nil {
		lines = append(lines, c.Name)
		if c.CustomerWants != "" {
			lines = append(lines, "What you want this year: "+c.CustomerWants)
		}
	}
	add(deckSlide{Title: a.Name, Lines: lines, IsTitle: true})

	// Goals and initiatives.
	goals := p.Goals(a.ID)
	if len(goals) == 0 {
		add(deckSlide{Title: "Your goals and initiatives", Bullets: []string{
			"No goals are recorded for " + a.Name + " yet.", "Agree what success looks like for you this year, and we will plan our work against it."}})
	} else {
		t := &deckTable{Header: []string{"Goal and initiatives", "Measured by", "Target date", "Progress"}, Widths: []float64{0.46, 0.26, 0.14, 0.14}}
		for _, g := range goals {
			done, total := p.GoalProgress(g.ID)
			progress := "no actions yet"
			if total > 0 {
				progress = fmt.Sprintf("%d of %d actions done", done, total)
			}
			t.Rows = append(t.Rows, []string{g.Title, g.Measure, dateOr(g.TargetDate, ""), progress})
			for _, in := range p.Initiatives(g.ID) {
				text := in.Title
				if in.Department != "" {
					text = in.Department + ": " + in.Title
				}
				t.Rows = append(t.Rows, []string{"    • " + text, "", "", ""})
			}
		}
		add(g.splitTable("Your goals and initiatives", t)...)
	}

	// Plan against actual.
	if internal || figures {
		rows := p.PlanVsActual(a.ID)
		if len(rows) == 0 {
			add(deckSlide{Title: "Plan against actual", Bullets: []string{
				"No revenue targets or actuals are recorded for " + a.Name + " yet.",
				"Enter them on the Review screen, or import them, to show plan against actual here."}})
		} else {
			if pic, err := chart.Render(p, "revenue", a.ID, chart.PNG.Scaled(1.5), 2400, 1140, safe); err == nil {
				add(deckSlide{Title: "Plan against actual", Picture: pic, PicAlt: "Revenue against target, " + a.Name})
			}
			t := &deckTable{Header: []string{"Period", "Target", "Actual", "Against target"}, Widths: []float64{0.22, 0.26, 0.26, 0.26}, Right: []bool{false, true, true, true}}
			for _, r := range rows {
				target, actual, diff := "—", "—", "—"
				if r.HasTarget {
					target = r.Target.Format(a.Currency)
				}
				if r.HasActual {
					actual = r.Actual.Format(a.Currency)
				}
				if r.HasTarget && r.HasActual {
					diff = signed(r.Actual-r.Target, a.Currency)
					if r.Target != 0 {
						diff += fmt.Sprintf(" (%+.0f%%)", 100*float64(r.Actual-r.Target)/math.Abs(float64(r.Target)))
					}
				}
				t.Rows = append(t.Rows, []string{r.Period, target, actual, diff})
			}
			add(g.splitTable("Plan against actual: the figures", t)...)
		}
	}

	// Relationship map.
	if len(p.Stakeholders(a.ID)) == 0 {
		add(deckSlide{Title: "Who we work with", Bullets: []string{"No people are recorded for " + a.Name + " yet: the relationship map shows them once they are added."}})
	} else if pic, err := chart.RelationshipMapPNG(p, a.ID, safe, 3); err == nil {
		// A map much wider than the slide (a large organisation) goes on
		// several slides, left to right, each readable.
		pieces := pictureStrips(pic, g.w/g.h)
		for i, piece := range pieces {
			add(deckSlide{Title: continued("Who we work with", i, len(pieces)), Picture: piece, PicAlt: "Relationship map of " + a.Name})
		}
	}

	// Agreed actions.
	member := func(id string) string {
		if m, ok := p.Get(model.KindTeamMember, id).(*model.TeamMember); ok {
			return m.Name
		}
		return "—"
	}
	actions := p.Actions(a.ID)
	sort.SliceStable(actions, func(i, j int) bool { return dueBefore(actions[i].Due, actions[j].Due) })
	title := "Agreed actions"
	if internal {
		title = "Actions"
	}
	if len(actions) == 0 {
		add(deckSlide{Title: title, Bullets: []string{"No actions are agreed with " + a.Name + " yet."}})
	} else {
		t := &deckTable{Header: []string{"Action", "Owner", "Due", "Status"}, Widths: []float64{0.5, 0.2, 0.13, 0.17}}
		for _, x := range actions {
			t.Rows = append(t.Rows, []string{x.Title, member(x.OwnerID), dateOr(x.Due, "—"), x.Status.Label()})
		}
		add(g.splitTable(title, t)...)
	}

	// What changed since the last review, from the full portfolio's record
	// of that meeting, told as the customer may read it.
	var last *model.ReviewMeeting
	for _, x := range full.OfAccount(model.KindReview, a.ID) {
		if r := x.(*model.ReviewMeeting); !r.Date.After(today) && (last == nil || r.Date.After(last.Date)) {
			last = r
		}
	}
	changeTitle := "What changed since the last review"
	var changes []string
	if before, ok := snapshotOf(last); ok {
		changeTitle += " (" + model.FormatDate(last.Date) + ")"
		after := full.Snapshot(a.ID)
		if internal {
			changes = model.Changes(before, after)
		} else {
			changes = model.CustomerChanges(visibleTo(p, a.ID, before), visibleTo(p, a.ID, after))
		}
	} else if last != nil {
		changeTitle += " (" + model.FormatDate(last.Date) + ")"
		changes = []string{"The last review kept no record of how things stood, so there is nothing to compare with."}
	} else {
		changes = []string{"This is the first review recorded for " + a.Name + ": there is nothing earlier to compare with."}
	}
	add(g.splitBullets(changeTitle, changes)...)

	// Next steps and the next review.
	var next []string
	n := 0
	for _, x := range actions {
		if x.Status == model.StatusDone || x.Status == model.StatusNotImplemented {
			continue
		}
		if n++; n > 6 {
			break
		}
		var who []string
		if m := member(x.OwnerID); m != "—" {
			who = append(who, m)
		}
		if !x.Due.IsZero() {
			who = append(who, "by "+model.FormatDate(x.Due))
		}
		step := x.Title
		if len(who) > 0 {
			step += " (" + strings.Join(who, ", ") + ")"
		}
		next = append(next, step)
	}
	if last != nil && strings.TrimSpace(last.Decisions) != "" {
		for _, d := range strings.Split(last.Decisions, "\n") {
			if d = strings.TrimSpace(d); d != "" {
				next = append(next, "Agreed at the last review: "+d)
			}
		}
	}
	if len(next) == 0 {
		next = append(next, "No open actions: agree the next steps together.")
	}
	var nextReview time.Time
	for _, x := range full.OfAccount(model.KindReview, a.ID) {
		if r := x.(*model.ReviewMeeting); r.NextDate.After(nextReview) {
			nextReview = r.NextDate
		}
	}
	if nextReview.IsZero() {
		next = append(next, "Next review: to be agreed")
	} else {
		next = append(next, "Next review: "+model.FormatDate(nextReview))
	}
	add(g.splitBullets("Next steps", next)...)

	if internal {
		h := full.HealthOf(a.ID, today)
		add(deckSlide{Title: "Account health (internal)", Internal: true, Bullets: []string{
			fmt.Sprintf("Health %.0f of 100", h.Score), h.Explain()}})
	}
	return slides, nil
}

// pictureStrips cuts a PNG much wider than a box of the given shape
// (width over height) into strips, left to right, that each fill such a
// box; strips overlap a little so no card is lost at a cut. A picture that
// fits, or cannot be read, is returned whole.
func pictureStrips(pic []byte, shape float64) [][]byte {
	img, err := png.Decode(bytes.NewReader(pic))
	if err != nil {
		return [][]byte{pic}
	}
	b := img.Bounds()
	n := int(math.Ceil(float64(b.Dx()) / float64(b.Dy()) / shape / 1.25))
	if n <= 1 {
		return [][]byte{pic}
	}
	n = min(n, 8) // beyond that the map is read on screen, not on slides
	step := b.Dx() / n
	overlap := step / 20
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return [][]byte{pic}
	}
	var out [][]byte
	for i := 0; i < n; i++ {
		x0, x1 := b.Min.X+max(0, i*step-overlap), b.Min.X+min(b.Dx(), (i+1)*step+overlap)
		var buf bytes.Buffer
		if err := png.Encode(&buf, sub.SubImage(image.Rect(x0, b.Min.Y, x1, b.Max.Y))); err != nil {
			return [][]byte{pic}
		}
		out = append(out, buf.Bytes())
	}
	return out
}

// snapshotOf is the record a review meeting kept of how things stood.
func snapshotOf(r *model.ReviewMeeting) (model.ReviewSnapshot, bool) {
	if r == nil {
		return model.ReviewSnapshot{}, false
	}
	return model.DecodeSnapshot(r.Snapshot)
}

// visibleTo keeps of a snapshot the people and finished actions the
// customer's view of the account holds.
func visibleTo(view *model.Portfolio, accountID string, s model.ReviewSnapshot) model.ReviewSnapshot {
	people := map[string]model.SnapPerson{}
	for id, person := range s.People {
		if view.Get(model.KindStakeholder, id) != nil {
			people[id] = person
		}
	}
	titles := map[string]bool{}
	for _, x := range view.Actions(accountID) {
		titles[x.Title] = true
	}
	var done []string
	for _, t := range s.Done {
		if titles[t] {
			done = append(done, t)
		}
	}
	s.People, s.Done = people, done
	return s
}

func dateOr(t time.Time, none string) string {
	if t.IsZero() {
		return none
	}
	return model.FormatDate(t)
}

// dueBefore orders actions by due date, those without one last.
func dueBefore(a, b time.Time) bool {
	if a.IsZero() != b.IsZero() {
		return b.IsZero()
	}
	return a.Before(b)
}

func signed(m model.Money, currency string) string {
	if m > 0 {
		return "+" + m.Format(currency)
	}
	return m.Format(currency)
}

// lines estimates how many lines text takes in a box width points wide
// at size points, wrapping at words; a word longer than a line is broken.
func lines(text string, width, size float64) int {
	perLine := max(1, int(width/(avgCharWidth*size)))
	total := 0
	for _, para := range strings.Split(text, "\n") {
		n, used := 1, 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case used+1+l <= perLine:
				used += 1 + l
			default:
				n++
				used = l
			}
			for used > perLine {
				n++
				used -= perLine
			}
		}
		total += n
	}
	return total
}

// rowHeight is the height a table row takes in a table width points wide.
func (t *deckTable) rowHeight(row []string, width float64) float64 {
	most := 1
	for i, c := range row {
		most = max(most, lines(c, t.Widths[i]*width-2*cellPadX, tableSize))
	}
	return float64(most)*tableSize*tableLineSpacing + 2*cellPadY
}

// paginate cuts items into pages that each fit budget, the first item of
// a page always on it (an item taller than a whole page gets one to
// itself); start is what every page holds before its items (a table's
// header).
func paginate[T any](items []T, height func(T) float64, start, budget float64) [][]T {
	var pages [][]T
	var cur []T
	used := start
	for _, it := range items {
		h := height(it)
		if used+h > budget && len(cur) > 0 {
			pages = append(pages, cur)
			cur, used = nil, start
		}
		cur = append(cur, it)
		used += h
	}
	return append(pages, cur)
}

// splitTable puts a table on as many slides as its rows need, the header
// on each.
func (g geometry) splitTable(title string, t *deckTable) []deckSlide {
	pages := paginate(t.Rows, func(r []string) float64 { return t.rowHeight(r, g.w) }, t.rowHeight(t.Header, g.w), g.h)
	out := make([]deckSlide, len(pages))
	for i, rows := range pages {
		out[i] = deckSlide{Title: continued(title, i, len(pages)), Table: &deckTable{Header: t.Header, Widths: t.Widths, Right: t.Right, Rows: rows}}
	}
	return out
}

// splitBullets puts a list on as many slides as it needs.
func (g geometry) splitBullets(title string, items []string) []deckSlide {
	pages := paginate(items, func(it string) float64 {
		return float64(lines(it, g.w-bulletIndent, bodySize))*bodySize*lineSpacing + bulletGap
	}, 0, g.h)
	out := make([]deckSlide, len(pages))
	for i, pg := range pages {
		out[i] = deckSlide{Title: continued(title, i, len(pages)), Bullets: pg}
	}
	return out
}

func continued(title string, i, n int) string {
	if n == 1 {
		return title
	}
	return fmt.Sprintf("%s (%d of %d)", title, i+1, n)
}

// titleSize is the title's size in points: smaller for a long title, so
// that it fits in two lines of the title box.
func titleSize(title string, width, base float64) float64 {
	for size := base; size > 16; size -= 2 {
		if lines(title, width, size) <= titleMaxLength {
			return size
		}
	}
	return 16
}
