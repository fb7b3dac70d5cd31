package store

import (
	"database/sql"

	"orchard/model"
)

// Each record kind's columns, in the order values() and scan() use them.
func init() {
	register(model.KindAccount, table{
		name: "accounts",
		columns: []string{"id", "name", "industry", "region", "owner", "currency", "revenue", "prev_revenue",
			"margin_pct", "potential", "outlook", "objective", "answers", "priority_override", "placed",
			"place_x", "place_y", "notes", "notes_internal", "updated"},
		values: func(e model.Entity) []any {
			a := e.(*model.Account)
			return []any{a.ID, a.Name, a.Industry, a.Region, a.Owner, a.Currency, a.Revenue, a.PrevRevenue,
				a.MarginPct, a.Potential, a.Outlook, a.Objective, answersText(a.Answers), a.PriorityOverride,
				boolInt(a.Placed), a.PlaceX, a.PlaceY, a.Notes, boolInt(a.NotesInternal), stampText(a.Updated)}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			a := &model.Account{}
			var answers, updated string
			err := r.Scan(&a.ID, &a.Name, &a.Industry, &a.Region, &a.Owner, &a.Currency, &a.Revenue, &a.PrevRevenue,
				&a.MarginPct, &a.Potential, &a.Outlook, &a.Objective, &answers, &a.PriorityOverride, &a.Placed,
				&a.PlaceX, &a.PlaceY, &a.Notes, &a.NotesInternal, &updated)
			a.Answers = parseAnswers(answers)
			a.Updated = parseStamp(updated)
			return a, err
		},
	})
	register(model.KindTeamMember, table{
		name:    "team_members",
		columns: []string{"id", "name", "function", "email", "title"},
		values: func(e model.Entity) []any {
			m := e.(*model.TeamMember)
			return []any{m.ID, m.Name, m.Function, m.Email, m.Title}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			m := &model.TeamMember{}
			return m, r.Scan(&m.ID, &m.Name, &m.Function, &m.Email, &m.Title)
		},
	})
	register(model.KindStakeholder, table{
		name: "stakeholders",
		columns: []string{"id", "account_id", "name", "title", "department", "reports_to", "dotted_line", "role",
			"influence", "attitude", "concerns", "notes", "notes_internal", "last_contact", "placed", "map_x", "map_y"},
		values: func(e model.Entity) []any {
			s := e.(*model.Stakeholder)
			return []any{s.ID, s.AccountID, s.Name, s.Title, s.Department, nullID(s.ReportsTo), nullID(s.DottedLine),
				s.Role, s.Influence, s.Attitude, s.Concerns, s.Notes, boolInt(s.NotesInternal), dateText(s.LastContact),
				boolInt(s.Placed), s.MapX, s.MapY}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			s := &model.Stakeholder{}
			var reports, dotted sql.NullString
			var last string
			err := r.Scan(&s.ID, &s.AccountID, &s.Name, &s.Title, &s.Department, &reports, &dotted, &s.Role,
				&s.Influence, &s.Attitude, &s.Concerns, &s.Notes, &s.NotesInternal, &last, &s.Placed, &s.MapX, &s.MapY)
			s.ReportsTo, s.DottedLine, s.LastContact = reports.String, dotted.String, parseDate(last)
			return s, err
		},
	})
	register(model.KindTeamAssignment, table{
		name:    "team_assignments",
		columns: []string{"id", "account_id", "member_id", "responsibility", "internal"},
		values: func(e model.Entity) []any {
			t := e.(*model.TeamAssignment)
			return []any{t.ID, t.AccountID, t.MemberID, t.Responsibility, boolInt(t.Internal)}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			t := &model.TeamAssignment{}
			return t, r.Scan(&t.ID, &t.AccountID, &t.MemberID, &t.Responsibility, &t.Internal)
		},
	})
	register(model.KindCoverage, table{
		name:    "coverage",
		columns: []string{"id", "account_id", "member_id", "stakeholder_id", "strength"},
		values: func(e model.Entity) []any {
			c := e.(*model.Coverage)
			return []any{c.ID, c.AccountID, c.MemberID, c.StakeholderID, c.Strength}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			c := &model.Coverage{}
			return c, r.Scan(&c.ID, &c.AccountID, &c.MemberID, &c.StakeholderID, &c.Strength)
		},
	})
	register(model.KindInfluenceLink, table{
		name:    "influence_links",
		columns: []string{"id", "account_id", "from_id", "to_id", "kind", "strength"},
		values: func(e model.Entity) []any {
			l := e.(*model.InfluenceLink)
			return []any{l.ID, l.AccountID, l.FromID, l.ToID, l.LinkKind, l.Strength}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			l := &model.InfluenceLink{}
			return l, r.Scan(&l.ID, &l.AccountID, &l.FromID, &l.ToID, &l.LinkKind, &l.Strength)
		},
	})
	register(model.KindGoal, table{
		name:    "goals",
		columns: []string{"id", "account_id", "title", "measure", "target_date", "sort_order", "internal"},
		values: func(e model.Entity) []any {
			g := e.(*model.Goal)
			return []any{g.ID, g.AccountID, g.Title, g.Measure, dateText(g.TargetDate), g.Order, boolInt(g.Internal)}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			g := &model.Goal{}
			var target string
			err := r.Scan(&g.ID, &g.AccountID, &g.Title, &g.Measure, &target, &g.Order, &g.Internal)
			g.TargetDate = parseDate(target)
			return g, err
		},
	})
	register(model.KindInitiative, table{
		name:    "initiatives",
		columns: []string{"id", "account_id", "goal_id", "department", "title", "owner_id", "sort_order", "internal"},
		values: func(e model.Entity) []any {
			i := e.(*model.Initiative)
			return []any{i.ID, i.AccountID, i.GoalID, i.Department, i.Title, nullID(i.OwnerID), i.Order, boolInt(i.Internal)}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			i := &model.Initiative{}
			var owner sql.NullString
			err := r.Scan(&i.ID, &i.AccountID, &i.GoalID, &i.Department, &i.Title, &owner, &i.Order, &i.Internal)
			i.OwnerID = owner.String
			return i, err
		},
	})
	register(model.KindWhitespace, table{
		name:    "whitespace_cells",
		columns: []string{"id", "account_id", "business_unit", "offering", "state", "revenue", "competitor", "note", "note_internal"},
		values: func(e model.Entity) []any {
			w := e.(*model.WhitespaceCell)
			return []any{w.ID, w.AccountID, w.BusinessUnit, w.Offering, w.State, w.Revenue, w.Competitor, w.Note, boolInt(w.NoteInternal)}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			w := &model.WhitespaceCell{}
			return w, r.Scan(&w.ID, &w.AccountID, &w.BusinessUnit, &w.Offering, &w.State, &w.Revenue, &w.Competitor, &w.Note, &w.NoteInternal)
		},
	})
	register(model.KindOpportunity, table{
		name: "opportunities",
		columns: []string{"id", "account_id", "name", "offering", "business_unit", "value", "currency", "stage",
			"probability", "expected_close", "goal_id", "created"},
		values: func(e model.Entity) []any {
			o := e.(*model.Opportunity)
			return []any{o.ID, o.AccountID, o.Name, o.Offering, o.BusinessUnit, o.Value, o.Currency, o.Stage,
				o.Probability, dateText(o.ExpectedClose), nullID(o.GoalID), dateText(o.Created)}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			o := &model.Opportunity{}
			var closeDate, created string
			var goal sql.NullString
			err := r.Scan(&o.ID, &o.AccountID, &o.Name, &o.Offering, &o.BusinessUnit, &o.Value, &o.Currency, &o.Stage,
				&o.Probability, &closeDate, &goal, &created)
			o.ExpectedClose, o.GoalID, o.Created = parseDate(closeDate), goal.String, parseDate(created)
			return o, err
		},
	})
	register(model.KindAction, table{
		name: "actions",
		columns: []string{"id", "account_id", "title", "description", "owner_id", "function", "status", "due",
			"horizon", "goal_id", "customer_agreed", "expected_impact", "actual_impact", "board_order", "notes",
			"notes_internal", "lesson"},
		values: func(e model.Entity) []any {
			a := e.(*model.Action)
			return []any{a.ID, a.AccountID, a.Title, a.Description, nullID(a.OwnerID), a.Function, a.Status,
				dateText(a.Due), a.Horizon, nullID(a.GoalID), boolInt(a.CustomerAgreed), a.ExpectedImpact,
				a.ActualImpact, a.Order, a.Notes, boolInt(a.NotesInternal), a.Lesson}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			a := &model.Action{}
			var owner, goal sql.NullString
			var due string
			err := r.Scan(&a.ID, &a.AccountID, &a.Title, &a.Description, &owner, &a.Function, &a.Status, &due,
				&a.Horizon, &goal, &a.CustomerAgreed, &a.ExpectedImpact, &a.ActualImpact, &a.Order, &a.Notes,
				&a.NotesInternal, &a.Lesson)
			a.OwnerID, a.GoalID, a.Due = owner.String, goal.String, parseDate(due)
			return a, err
		},
	})
	register(model.KindFigure, table{
		name:    "period_figures",
		columns: []string{"id", "account_id", "member_id", "period", "kind", "revenue", "margin"},
		values: func(e model.Entity) []any {
			f := e.(*model.PeriodFigure)
			return []any{f.ID, nullID(f.AccountID), nullID(f.MemberID), f.Period, f.FigureKind, f.Revenue, f.Margin}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			f := &model.PeriodFigure{}
			var account, member sql.NullString
			err := r.Scan(&f.ID, &account, &member, &f.Period, &f.FigureKind, &f.Revenue, &f.Margin)
			f.AccountID, f.MemberID = account.String, member.String
			return f, err
		},
	})
	register(model.KindScorecard, table{
		name:    "scorecards",
		columns: []string{"id", "account_id", "date", "stakeholder_id", "comment"},
		values: func(e model.Entity) []any {
			s := e.(*model.Scorecard)
			return []any{s.ID, s.AccountID, dateText(s.Date), nullID(s.StakeholderID), s.Comment}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			s := &model.Scorecard{Scores: map[string]int{}}
			var date string
			var who sql.NullString
			err := r.Scan(&s.ID, &s.AccountID, &date, &who, &s.Comment)
			s.Date, s.StakeholderID = parseDate(date), who.String
			return s, err
		},
	})
	register(model.KindCycle, table{
		name: "planning_cycles",
		columns: []string{"id", "account_id", "name", "start_date", "end_date", "revenue_target", "margin_target",
			"customer_wants", "learnings", "closed", "archive"},
		values: func(e model.Entity) []any {
			c := e.(*model.Cycle)
			return []any{c.ID, c.AccountID, c.Name, dateText(c.Start), dateText(c.End), c.RevenueTarget,
				c.MarginTarget, c.CustomerWants, c.Learnings, boolInt(c.Closed), c.Archive}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			c := &model.Cycle{}
			var start, end string
			err := r.Scan(&c.ID, &c.AccountID, &c.Name, &start, &end, &c.RevenueTarget, &c.MarginTarget,
				&c.CustomerWants, &c.Learnings, &c.Closed, &c.Archive)
			c.Start, c.End = parseDate(start), parseDate(end)
			return c, err
		},
	})
	register(model.KindReview, table{
		name:    "review_meetings",
		columns: []string{"id", "account_id", "cycle_id", "date", "attendees", "decisions", "notes", "next_date", "snapshot"},
		values: func(e model.Entity) []any {
			m := e.(*model.ReviewMeeting)
			return []any{m.ID, m.AccountID, nullID(m.CycleID), dateText(m.Date), m.Attendees, m.Decisions, m.Notes,
				dateText(m.NextDate), m.Snapshot}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			m := &model.ReviewMeeting{}
			var cycle sql.NullString
			var date, next string
			err := r.Scan(&m.ID, &m.AccountID, &cycle, &date, &m.Attendees, &m.Decisions, &m.Notes, &next, &m.Snapshot)
			m.CycleID, m.Date, m.NextDate = cycle.String, parseDate(date), parseDate(next)
			return m, err
		},
	})
	registerPrivateNotes()
}

func init() {
	register(model.KindExternalKey, table{
		name:    "external_keys",
		columns: []string{"id", "account_id", "record_kind", "record_id", "source", "key"},
		values: func(e model.Entity) []any {
			k := e.(*model.ExternalKey)
			return []any{k.ID, nullID(k.AccountID), string(k.RecordKind), k.RecordID, k.Source, k.Key}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			k := &model.ExternalKey{}
			var account sql.NullString
			var kind string
			err := r.Scan(&k.ID, &account, &kind, &k.RecordID, &k.Source, &k.Key)
			k.AccountID, k.RecordKind = account.String, model.Kind(kind)
			return k, err
		},
	})
	register(model.KindPositionMark, table{
		name:    "position_marks",
		columns: []string{"id", "account_id", "date", "label", "x", "y"},
		values: func(e model.Entity) []any {
			m := e.(*model.PositionMark)
			return []any{m.ID, m.AccountID, dateText(m.Date), m.Label, m.X, m.Y}
		},
		scan: func(r *sql.Rows) (model.Entity, error) {
			m := &model.PositionMark{}
			var date string
			err := r.Scan(&m.ID, &m.AccountID, &date, &m.Label, &m.X, &m.Y)
			m.Date = parseDate(date)
			return m, err
		},
	})
}

func answersText(a model.Answers) string {
	b := make([]byte, len(a))
	for i, v := range a {
		b[i] = byte('0' + v)
	}
	return string(b)
}

func parseAnswers(s string) model.Answers {
	var a model.Answers
	for i := 0; i < len(s) && i < len(a); i++ {
		if v := int(s[i] - '0'); v >= 0 && v <= 5 {
			a[i] = v
		}
	}
	return a
}
