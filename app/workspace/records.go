package workspace

import (
	"fmt"
	"strings"
	"time"

	"orchard/model"
)

// The rest of what a user does, named: saving what a form edited, and the
// plan's, map's and review's steps that change several records at once.
// Each is one undoable step, checked as every write is.

// Save stores a record a form made or edited: it is added when the
// workspace does not hold it yet, else it replaces the stored one.
func (w *Workspace) Save(e model.Entity) error {
	if w.p.Get(e.Kind(), e.EntityID()) == nil {
		return w.create(e)
	}
	return w.update(e)
}

// Connect draws an influence line on the relationship map from one of the
// customer's people to another.
func (w *Workspace) Connect(accountID, fromID, toID string, kind model.LinkKind) error {
	return w.create(&model.InfluenceLink{ID: model.NewID(), AccountID: accountID, FromID: fromID, ToID: toID, LinkKind: kind, Strength: 2})
}

// Cover records how one of our team knows one of the customer's people.
func (w *Workspace) Cover(accountID, memberID, stakeholderID string, s model.Strength) error {
	return w.create(&model.Coverage{ID: model.NewID(), AccountID: accountID, MemberID: memberID, StakeholderID: stakeholderID, Strength: s})
}

// RemoveLine takes a line off the relationship map: a reporting line is
// cleared on the person who reports; a link or coverage is deleted.
func (w *Workspace) RemoveLine(kind model.LineKind, ref model.Entity) error {
	if s, ok := ref.(*model.Stakeholder); ok && (kind == model.LineReports || kind == model.LineDotted) {
		cur, ok := w.p.Get(model.KindStakeholder, s.ID).(*model.Stakeholder)
		if !ok {
			return fmt.Errorf("cannot remove the line: %w", ErrNotFound)
		}
		c := model.Clone(cur).(*model.Stakeholder)
		if kind == model.LineReports {
			c.ReportsTo = ""
		} else {
			c.DottedLine = ""
		}
		return w.update(c)
	}
	return w.Delete(ref.Kind(), ref.EntityID())
}

// RelayoutMap places every person of an account's map as an org chart.
func (w *Workspace) RelayoutMap(accountID string) error {
	people := w.p.Stakeholders(accountID)
	if len(people) == 0 {
		return nil
	}
	pos := model.OrgLayout(people)
	recs := make([]model.Entity, 0, len(people))
	for _, p := range people {
		c := model.Clone(p).(*model.Stakeholder)
		pt := pos[p.ID]
		c.Placed, c.MapX, c.MapY = true, pt.X, pt.Y
		recs = append(recs, c)
	}
	return w.applyRecords(fmt.Sprintf("Re-layout %d stakeholders", len(recs)), recs)
}

// ReorderGoals moves an account's goal from one place in its list to another.
func (w *Workspace) ReorderGoals(accountID string, from, to int) error {
	goals := w.p.Goals(accountID)
	if from < 0 || from >= len(goals) {
		return fmt.Errorf("cannot move goal %d of %d", from+1, len(goals))
	}
	changed := model.ReorderGoals(goals, from, to)
	if len(changed) == 0 {
		return nil
	}
	recs := make([]model.Entity, len(changed))
	for i, c := range changed {
		recs[i] = c
	}
	return w.applyRecords("Move "+model.Describe(goals[from]), recs)
}

// AddToTeam puts one of our team members on an account's team.
func (w *Workspace) AddToTeam(accountID, memberID string) error {
	return w.create(&model.TeamAssignment{ID: model.NewID(), AccountID: accountID, MemberID: memberID})
}

// AddTeamMember adds a new member of our team and puts them on the
// account's team, in one step.
func (w *Workspace) AddTeamMember(accountID string, m *model.TeamMember) error {
	return w.applyRecords("Add team member "+m.Name, []model.Entity{m,
		&model.TeamAssignment{ID: model.NewID(), AccountID: accountID, MemberID: m.ID}})
}

// AddBusinessUnit adds a row to an account's whitespace map: one cell per
// offering, each not known yet.
func (w *Workspace) AddBusinessUnit(accountID, name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return fmt.Errorf("a business unit needs a name")
	}
	for _, u := range w.p.WhitespaceGrid(accountID).Units {
		if strings.EqualFold(u, name) {
			return fmt.Errorf("the business unit %q is already on the map", u)
		}
	}
	var recs []model.Entity
	for _, o := range w.p.Settings.Offerings {
		recs = append(recs, &model.WhitespaceCell{ID: model.NewID(), AccountID: accountID, BusinessUnit: name, Offering: o, State: model.CellUnknown})
	}
	if len(recs) == 0 {
		return fmt.Errorf("there are no offerings yet to map for %s: add them in the whitespace settings first", name)
	}
	return w.applyRecords("Add business unit "+name, recs)
}

// SaveOpportunity saves an opportunity; a new one from a whitespace cell
// also marks that cell open, in the same step.
func (w *Workspace) SaveOpportunity(o *model.Opportunity) error {
	recs := []model.Entity{o}
	if w.p.Get(model.KindOpportunity, o.ID) == nil && o.BusinessUnit != "" && o.Offering != "" {
		cell := w.p.WhitespaceGrid(o.AccountID).Cells[[2]string{o.BusinessUnit, o.Offering}]
		if cell != nil && cell.State != model.CellSold {
			c := model.Clone(cell).(*model.WhitespaceCell)
			c.State = model.CellOpen
			recs = append(recs, c)
		}
	}
	return w.applyRecords("Save "+model.Describe(o), recs)
}

// EnterFigures saves revenue and margin figures (a target or actual typed
// in, or actuals pasted from a spreadsheet) as one step.
func (w *Workspace) EnterFigures(label string, figures []*model.PeriodFigure) error {
	if len(figures) == 0 {
		return fmt.Errorf("no figures to enter")
	}
	recs := make([]model.Entity, len(figures))
	for i, f := range figures {
		recs[i] = f
	}
	return w.applyRecords(label, recs)
}

// StartNextCycle closes an account's current planning cycle into its
// read-only archive and opens the next (model.RollOver).
func (w *Workspace) StartNextCycle(accountID string, today time.Time) error {
	puts, deletes, next, err := w.p.RollOver(accountID, today)
	if err != nil {
		return err
	}
	return w.commit("Start "+next.Name, puts, deletes)
}
