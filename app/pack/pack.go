// Package pack writes an account's review pack: every chart as PNG and SVG,
// the relationship map, the account's workbook and one summary page, into
// a folder that appears whole or not at all.
package pack

import (
	"errors"
	"fmt"
	"orchard/store"
	"os"
	"path/filepath"
	"strings"
	"time"

	"orchard/model"
	"orchard/store/sheet"
	"orchard/views/chart"
)

// Options say what to pack and how.
type Options struct {
	AccountID string
	Dir       string // the pack folder to create; it must not exist yet
	// Internal includes attitudes, coverage strengths, health, private
	// notes and internal items, and marks every page and picture INTERNAL;
	// the default pack is customer-safe (model.CustomerView).
	Internal bool
	// Figures adds plan against actual to a customer-safe pack.
	Figures bool
	Today   time.Time
	// Progress, when set, hears each step: done of total, and what.
	Progress func(done, total int, step string)
	// Cancelled, when set and returning true, stops the pack; nothing is left.
	Cancelled func() bool
}

// ErrCancelled is returned when the user stopped the pack.
var ErrCancelled = errors.New("the review pack was cancelled; nothing was written")

// Chart picture sizes in the pack.
const (
	chartW = 1400
	chartH = 700
)

// CustomerCharts are the charts a customer-safe pack holds: none of the
// portfolio (other customers) and none of our assessments (coverage).
func CustomerCharts(figures bool) []string {
	out := []string{"actions", "impact", "scorecard"}
	if figures {
		out = append([]string{"revenue"}, out...)
	}
	return out
}

// Contents says, before a pack is written, what it will hold and what a
// customer-safe pack holds back, for the export dialog's preview.
func Contents(o Options) (included, heldBack []string) {
	if o.Internal {
		return []string{"Every chart (" + strings.Join(chart.Names, ", ") + ") as PNG and SVG, marked INTERNAL",
				"The relationship map with attitudes, buying roles, influence and coverage",
				"The account workbook with every column", "The summary page with account health, and the review as a PDF"},
			[]string{"Nothing: this is the internal version, not for the customer"}
	}
	included = []string{"Charts: " + strings.Join(CustomerCharts(o.Figures), ", "), "The relationship map: names, titles and reporting lines",
		"The account workbook: goals, initiatives, agreed actions, people, our team", "The summary page, and the review as a PDF"}
	heldBack = []string{"Other customers (portfolio quadrant and Pareto)", "Our assessments: scores, priority, health, margin, potential, win probability, competitors",
		"Attitudes, buying roles, influence, coverage and concerns", "Opportunities and actions not agreed with the customer",
		"Everything marked internal (goals, initiatives, notes, team members)"}
	if !o.Figures {
		heldBack = append(heldBack, "Plan against actual (tick \"Show plan against actual\" to include it)")
	}
	return included, heldBack
}

// steps reports a long job's progress and hears whether to stop.
type steps struct {
	done, total int
	progress    func(done, total int, what string)
	cancelled   func() bool
	stop        error // returned once cancelled
}

// tick says one more step is done (what) and returns stop when the user
// has cancelled.
func (s *steps) tick(what string) error {
	s.done++
	if s.progress != nil {
		s.progress(s.done, s.total, what)
	}
	if s.cancelled != nil && s.cancelled() {
		return s.stop
	}
	return nil
}

// Write builds the pack and returns the files it holds (relative names).
func Write(p *model.Portfolio, o Options) ([]string, error) {
	a := p.Account(o.AccountID)
	if a == nil {
		return nil, fmt.Errorf("no account %s", o.AccountID)
	}
	if o.Today.IsZero() {
		o.Today = time.Now()
	}
	if _, err := os.Stat(o.Dir); err == nil {
		return nil, fmt.Errorf("cannot write the review pack to %s: it already exists; choose a new folder name", o.Dir)
	}
	parent := filepath.Dir(o.Dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot write the review pack to %s: %w", o.Dir, err)
	}
	tmp, err := store.CreateTempDir(parent, "."+filepath.Base(o.Dir), ".partial")
	if err != nil {
		return nil, fmt.Errorf("cannot write the review pack in %s: %w", parent, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	whole := p
	safe := !o.Internal
	charts := chart.Names
	if safe {
		// The customer's own view: no other customer, none of our
		// assessments, nothing marked internal.
		p = p.CustomerView(a.ID, model.CustomerShare{Figures: o.Figures})
		a = p.Account(o.AccountID)
		charts = CustomerCharts(o.Figures)
	}
	var files []string
	tick := (&steps{total: 2*len(charts) + 4, progress: o.Progress, cancelled: o.Cancelled, stop: ErrCancelled}).tick
	write := func(name string, data []byte) error {
		if o.Internal {
			data = markInternal(name, data)
		}
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o666); err != nil {
			return fmt.Errorf("writing %s of the review pack: %w", name, err)
		}
		files = append(files, name)
		return nil
	}
	for _, n := range charts {
		for _, f := range []struct {
			format chart.Format
			ext    string
		}{{chart.PNG, "png"}, {chart.SVG, "svg"}} {
			data, err := chart.Render(p, n, a.ID, f.format, chartW, chartH, safe)
			if err != nil {
				return nil, fmt.Errorf("drawing the %s chart: %w", n, err)
			}
			if err := write(n+"."+f.ext, data); err != nil {
				return nil, err
			}
			if err := tick(n + " chart"); err != nil {
				return nil, err
			}
		}
	}
	if m, err := chart.RelationshipMapPNG(p, a.ID, safe, 2); err == nil {
		if err := write("relationship-map.png", m); err != nil {
			return nil, err
		}
	}
	if err := tick("relationship map"); err != nil {
		return nil, err
	}
	book := "account.xlsx"
	if err := sheet.ExportWorkbookSafe(p.Subset(a.ID), filepath.Join(tmp, book), safe); err != nil {
		return nil, err
	}
	files = append(files, book)
	if err := tick("workbook"); err != nil {
		return nil, err
	}
	// The same review as the deck, as a PDF to print or send. It is made
	// from the whole portfolio: it applies the customer-safe rules itself.
	slides, err := reviewDeck(whole, a.ID, o.Internal, o.Figures, o.Today, builtinGeometry)
	if err != nil {
		return nil, err
	}
	doc, err := writePDF(slides, o.Internal, a.Name+" — account review "+model.FormatDate(o.Today))
	if err != nil {
		return nil, fmt.Errorf("writing the review PDF: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "review.pdf"), doc, 0o666); err != nil {
		return nil, fmt.Errorf("writing review.pdf of the review pack: %w", err)
	}
	files = append(files, "review.pdf")
	if err := tick("review PDF"); err != nil {
		return nil, err
	}
	page := summaryPage(p, a, files, o.Internal, o.Today)
	if err := write("summary.html", []byte(page)); err != nil {
		return nil, err
	}
	if err := tick("summary"); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, o.Dir); err != nil {
		return nil, fmt.Errorf("cannot finish the review pack at %s: %w", o.Dir, err)
	}
	done = true
	return files, nil
}
