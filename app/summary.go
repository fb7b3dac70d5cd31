package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"sort"
	"time"

	"orchard/app/workspace"
	"orchard/model"
)

type accountSummary struct {
	Name              string         `json:"name"`
	Industry          string         `json:"industry"`
	Owner             string         `json:"owner"`
	Currency          string         `json:"currency"`
	Revenue           float64        `json:"revenue"`
	PrevRevenue       float64        `json:"previous_revenue"`
	Potential         float64        `json:"potential"`
	Objective         string         `json:"objective"`
	RelationshipScore *float64       `json:"relationship_score"`
	ValueScore        *float64       `json:"value_score"`
	Quadrant          *string        `json:"quadrant"` // strong-high, weak-high, strong-low, weak-low
	Priority          *int           `json:"priority"` // 1 (First) to 4 (Fourth)
	PrioritySetByHand bool           `json:"priority_overridden"`
	ManualPlacement   bool           `json:"manual_placement"`
	Stakeholders      int            `json:"stakeholders"`
	Actions           int            `json:"actions"`
	ActionsByStatus   map[string]int `json:"actions_by_status"`
	OverdueActions    int            `json:"overdue_actions"`
	Goals             int            `json:"goals"`
	Initiatives       int            `json:"initiatives"`
	// WhitespaceOpenCells counts the whitespace: relevant cells with
	// nothing sold and no competitor (open opportunities and unknowns).
	WhitespaceOpenCells int                `json:"whitespace_open_cells"`
	PipelineTotal       float64            `json:"pipeline_total"`    // in the account's currency
	PipelineWeighted    float64            `json:"pipeline_weighted"` // value × probability
	Health              float64            `json:"health"`            // 0–100
	HealthFactors       map[string]float64 `json:"health_factors"`    // factor -> points taken off
	AtRisk              bool               `json:"at_risk"`
	HealthAssessed      bool               `json:"health_assessed"` // false: nothing is planned for the account yet
	// RevenueVsTarget is the year-to-date variance against target in per
	// cent for the current cycle, or null without a target.
	RevenueVsTarget *float64 `json:"revenue_vs_target"`
	Cycle           *string  `json:"cycle"`
}

type workspaceSummary struct {
	Workspace     string           `json:"workspace"`
	Path          string           `json:"path"`
	Sample        bool             `json:"sample"`
	SchemaVersion int              `json:"schema_version"`
	Counts        map[string]int   `json:"counts"`
	Accounts      []accountSummary `json:"accounts"`
	Pareto        paretoSummary    `json:"pareto"`
}

type paretoSummary struct {
	Currency             string         `json:"currency"`
	AccountsFor80Percent int            `json:"accounts_for_80_percent"`
	ShareOfAccounts      float64        `json:"share_of_accounts"`
	LeftOut              map[string]int `json:"left_out_without_rate"`
}

func runSummary(path string, stdout io.Writer) error {
	ws, err := workspace.Open(path)
	if err != nil {
		return err
	}
	defer ws.Close()
	return writeSummary(ws, stdout)
}

// summaryHead is the summary without its accounts and Pareto, which are
// written one by one after it.
type summaryHead struct {
	Workspace     string         `json:"workspace"`
	Path          string         `json:"path"`
	Sample        bool           `json:"sample"`
	SchemaVersion int            `json:"schema_version"`
	Counts        map[string]int `json:"counts"`
}

// writeSummary streams the workspace's summary as JSON: each account is
// encoded and written as it is worked out, so memory stays flat however
// many accounts there are (the whole document was built in memory before).
// The document is the workspaceSummary, field for field, indented, with
// one account a line.
func writeSummary(ws *workspace.Workspace, out io.Writer) error {
	p := ws.Portfolio()
	w := bufio.NewWriterSize(out, 64<<10)
	head := summaryHead{Workspace: p.Settings.Name, Path: ws.Path(), Sample: p.Settings.Sample,
		SchemaVersion: ws.SchemaVersion(), Counts: map[string]int{}}
	for _, k := range model.Kinds {
		head.Counts[plural(k)] = p.Count(k)
	}
	js, err := marshalJSON(head, true, "")
	if err != nil {
		return err
	}
	// The head's closing brace makes way for the accounts and the Pareto.
	w.Write(bytes.TrimSuffix(js, []byte("\n}")))
	w.WriteString(",\n  \"accounts\": [")
	n := 0
	var line []byte
	err = eachAccountSummary(p, time.Now(), func(as *accountSummary) error {
		// One account a line: indenting every field of 50,000 accounts
		// cost more than working them out.
		line = line[:0]
		if n > 0 {
			line = append(line, ',')
		}
		line = append(line, "\n    "...)
		line = appendAccountJSON(line, as)
		n++
		_, err := w.Write(line)
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("],\n  \"pareto\": ")
	par := model.BuildPareto(p.Accounts(), p.Settings.Rates.Base, p.Settings.Rates)
	b, err := marshalJSON(paretoSummary{Currency: par.Currency, AccountsFor80Percent: par.AccountsFor80,
		ShareOfAccounts: *round1(par.ShareOfAccounts), LeftOut: par.LeftOut}, true, "  ")
	if err != nil {
		return err
	}
	w.Write(b)
	w.WriteString("\n}\n")
	return w.Flush()
}

// marshalJSON encodes v as the summary writes it, HTML left unescaped:
// on one line, or indented at the depth prefix gives.
func marshalJSON(v any, indent bool, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// eachAccountSummary works out each account's summary in turn and passes
// it on; the records health needs are gathered once before. The
// summary passed, its maps included, is reused for the next account: each
// writes it out or copies it, and does not keep it.
func eachAccountSummary(p *model.Portfolio, now time.Time, each func(*accountSummary) error) error {
	health := p.HealthScorer(now) // the factors' words are not in the summary
	w := p.Settings.Weights
	byStatus, factors := map[string]int{}, map[string]float64{}
	var figures []*model.PeriodFigure
	var cycles []*model.Cycle
	var as accountSummary // one for all: passing it on would move each to the heap
	for _, a := range p.Accounts() {
		as = accountSummary{
			Name: a.Name, Industry: a.Industry, Owner: a.Owner, Currency: a.Currency,
			Revenue: a.Revenue.Major(), PrevRevenue: a.PrevRevenue.Major(), Potential: a.Potential.Major(),
			Objective: string(a.Objective), Stakeholders: p.CountOfAccount(model.KindStakeholder, a.ID),
			Actions: p.CountOfAccount(model.KindAction, a.ID),
		}
		figures, cycles = figures[:0], cycles[:0]
		for _, st := range model.Statuses {
			byStatus[string(st)] = 0
		}
		p.EachOfAccount(model.KindAction, a.ID, func(e model.Entity) {
			x := e.(*model.Action)
			if n, ok := byStatus[string(x.Status)]; ok {
				byStatus[string(x.Status)] = n + 1
			}
			if x.Overdue(now) {
				as.OverdueActions++
			}
		})
		as.ActionsByStatus = byStatus
		h := health(a)
		clear(factors)
		as.Health, as.AtRisk, as.HealthFactors = math.Round(h.Score*10)/10, h.AtRisk, factors
		as.HealthAssessed = !h.Unassessed
		for _, f := range h.Factors {
			v := -math.Round(f.Points*10) / 10
			if v == 0 {
				v = 0 // no "-0" in the output
			}
			factors[f.Name] = v
		}
		p.EachOfAccount(model.KindFigure, a.ID, func(e model.Entity) { figures = append(figures, e.(*model.PeriodFigure)) })
		p.EachOfAccount(model.KindCycle, a.ID, func(e model.Entity) { cycles = append(cycles, e.(*model.Cycle)) })
		// In ID order, as OfAccount gives them: which of two cycles that
		// both hold today, or of two figures for one period, counts must
		// not change from run to run.
		sort.Slice(figures, func(i, j int) bool { return figures[i].ID < figures[j].ID })
		sort.Slice(cycles, func(i, j int) bool { return cycles[i].ID < cycles[j].ID })
		cy := model.CurrentCycle(cycles, now)
		if cy != nil {
			as.Cycle = &cy.Name
		}
		if len(figures) > 0 {
			if pct, ok := model.YearToDate(model.PlanVsActual(figures), cy, now).VariancePct(); ok {
				as.RevenueVsTarget = round1(pct)
			}
		}
		as.Goals = p.CountOfAccount(model.KindGoal, a.ID)
		as.Initiatives = p.CountOfAccount(model.KindInitiative, a.ID)
		as.WhitespaceOpenCells = p.WhitespaceGaps(a.ID)
		pl := p.PipelineOf(a.ID)
		as.PipelineTotal, as.PipelineWeighted = pl.Total.Major(), pl.Weighted.Major()
		ev := a.Assess(w)
		if code := ev.Quadrant.Code(); code != "" {
			as.Quadrant = &code
		}
		if ev.Priority != model.PriorityNone {
			n := int(ev.Priority)
			as.Priority = &n
		}
		as.PrioritySetByHand, as.ManualPlacement = ev.Overridden, a.Placed
		if ev.HasRelationship {
			as.RelationshipScore = round1(ev.Relationship)
		}
		if ev.HasValue {
			as.ValueScore = round1(ev.Value)
		}
		if err := each(&as); err != nil {
			return err
		}
	}
	return nil
}

func round1(v float64) *float64 {
	r := math.Round(v*10) / 10
	return &r
}

func plural(k model.Kind) string {
	switch k {
	case model.KindCoverage:
		return "coverage_links"
	case model.KindWhitespace:
		return "whitespace_cells"
	case model.KindOpportunity:
		return "opportunities"
	}
	return string(k) + "s"
}
