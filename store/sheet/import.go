package sheet

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"orchard/model"
)

// Options steer an import.
type Options struct {
	// AccountID receives stakeholders and actions from sheets that name no account.
	AccountID string
	Today     time.Time
	// Sheets says how to read each sheet; nil reads them as Analyse guesses.
	Sheets []SheetMapping
	// Currency is the currency of amounts the file gives none for; empty
	// reads them in the workspace's base currency, with a note.
	Currency string
}

// Plan works out what importing a workbook into the portfolio would do,
// without changing anything. Records that match existing ones (by name
// within their account, or team members by name) are updated, not doubled.
func Plan(wb *Workbook, p *model.Portfolio, o Options) (*Result, error) {
	return PlanContext(context.Background(), wb, p, o)
}

// PlanContext is Plan that stops when ctx is cancelled.
func PlanContext(ctx context.Context, wb *Workbook, p *model.Portfolio, o Options) (*Result, error) {
	if wb.Orchard {
		return planBook(wb, p)
	}
	rows := 0
	for _, t := range wb.Tables {
		rows += len(t.Rows)
	}
	im := &importer{p: p, o: o, res: &Result{}, accounts: map[string]*model.Account{}, members: map[string]*model.TeamMember{},
		people: make(map[string]*model.Stakeholder, rows), written: make(map[string]model.Entity, rows), pos: make(map[string]int, rows),
		keys: newSourceKeys(p), path: wb.Path, wb: wb, firstRow: make(map[string]rowRef, rows)}
	for _, a := range p.Accounts() {
		im.accounts[key(a.Name)] = a
	}
	for _, m := range p.TeamMembers() {
		im.members[key(m.Name)] = m
	}
	sheets := o.Sheets
	if sheets == nil {
		sheets = Analyse(wb)
	}
	byName := map[string]SheetMapping{}
	for _, m := range sheets {
		byName[m.Sheet] = m
	}
	// Accounts and team first, so later sheets can refer to them.
	order := map[Kind]int{KindAccounts: 0, KindTeam: 1, KindStakeholders: 2, KindOpportunities: 3, KindActions: 4, KindRevenue: 5}
	type sheetPlan struct {
		t Table
		m SheetMapping
	}
	var plans []sheetPlan
	var refused []string
	for _, t := range wb.Tables {
		m, ok := byName[t.Name]
		if !ok {
			continue
		}
		rep := SheetReport{Name: t.Name, Kind: m.Kind, HeaderRow: m.HeaderRow, Mapping: map[string]Field{}}
		if m.HeaderRow > 0 {
			for j, f := range m.Fields {
				if f != "" && j < len(m.Headers) {
					rep.Mapping[m.Headers[j]] = f
				}
			}
			rep.Rows = max(0, len(t.Rows)-m.HeaderRow)
		}
		im.res.Sheets = append(im.res.Sheets, rep)
		if t.Form {
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s is laid out as a form (a label and its value on each row); it is read as the one record it describes.", t.Name))
		}
		if j, goals := personGoals(t, m); goals {
			// Goals per person: each row is a team member's own target.
			m.Fields = slices.Clone(m.Fields)
			m.Fields[j] = FAgent
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s holds targets per person (column %s), not per account: each is kept as that team member's own target, and people not yet on the team are added.", t.Name, m.Headers[j]))
			plans = append(plans, sheetPlan{t, m})
		} else if m.Kind != KindUnknown && m.HeaderRow > 0 {
			plans = append(plans, sheetPlan{t, m})
		}
		if m.Kind != KindUnknown {
			im.res.Notes = append(im.res.Notes, duplicateNotes(m)...)
		}
		if m.RunnerUp != "" {
			im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s is read as %s, but it could also hold %s: choose on its tab in the import wizard, or run orchard import with --kind '%s=%s'.",
				t.Name, m.Kind, m.RunnerUp, t.Name, m.RunnerUp))
		}
		if m.Kind != KindUnknown && m.Dates == DatesAuto {
			// Asked whatever the mapping now is: a column the user just
			// mapped to a date may be the ambiguous one.
			if vals := m.dateValues(t); ambiguous(vals) {
				im.res.Questions = append(im.res.Questions, Question{Sheet: t.Name,
					Text: fmt.Sprintf("Dates in sheet %s read either as day/month or as month/day (for example %s). Which is it?", t.Name, firstSlashDate(vals))})
			}
		}
	}
	if len(plans) == 0 && len(refused) > 0 {
		return nil, fmt.Errorf("cannot import %s: %s", wb.Path, strings.Join(refused, "; "))
	}
	if len(plans) == 0 {
		return nil, nothingRecognised(wb)
	}
	sort.SliceStable(plans, func(i, j int) bool { return order[plans[i].m.Kind] < order[plans[j].m.Kind] })
	for _, sp := range plans {
		if err := im.sheet(ctx, sp.t, sp.m); err != nil {
			return nil, err
		}
	}
	if im.unnamed > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d people have no name in the file; they are labelled by their team or role. Add their names when you know them.", im.unnamed))
	}
	if im.keyedAccounts > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d accounts are named in the file only by their ID in another system; they are added as \"Account ID\" and get their names when the file of accounts is imported.", im.keyedAccounts))
	}
	if im.madeAccounts > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d accounts named in the file are not in the workspace yet; they are added.", im.madeAccounts))
	}
	if n := len(im.privatePeople); n > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("%d people in the list belong to no company (%s); each is added as an account of their own, a private customer, with a line saying so in its notes. Delete those you do not plan for.",
			n, strings.Join(im.privatePeople[:min(n, 5)], ", ")))
	}
	for sheet, rows := range im.totalRows {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: %d total or subtotal rows left out (rows %s).", sheet, len(rows), joinInts(rows, 10)))
	}
	for _, e := range im.list {
		if a, ok := e.(*model.Account); ok && !o.Today.IsZero() {
			a.Updated = o.Today.UTC() // the plan of an imported account is as fresh as the file
		}
		im.res.Records = append(im.res.Records, e)
	}
	im.res.Keys = im.keys.added
	for _, pr := range im.previewOrder {
		if pr.key != "" {
			pr.Record = im.written[pr.key]
		}
		im.res.Preview = append(im.res.Preview, *pr)
	}
	return im.res, nil
}
