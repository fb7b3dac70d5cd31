package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
)

// connect asks what a line drawn from one card to another means and saves it.
func (m *relMap) connect(from, to int, at fyne.Position) {
	items, err := m.connectChoices(from, to)
	if err != nil {
		m.fail(err)
		return
	}
	m.popup(fyne.NewMenu("", items...), at)
}

// connectChoices lists what a line from one card to another can mean.
func (m *relMap) connectChoices(from, to int) ([]*fyne.MenuItem, error) {
	a, b := m.scene.Cards[from], m.scene.Cards[to]
	if from == to {
		return nil, fmt.Errorf("a line needs two different people: %s cannot be linked to themself", a.Name)
	}
	p := m.ws.Portfolio()
	var items []*fyne.MenuItem
	switch {
	case a.Member && b.Member:
		return nil, fmt.Errorf("lines join the customer's people; %s and %s are both on our team", a.Name, b.Name)
	case a.Member || b.Member:
		member, person := a, b
		if b.Member {
			member, person = b, a
		}
		for _, s := range []model.Strength{model.StrengthVendor, model.StrengthCredible, model.StrengthProblemSolver, model.StrengthTrustedAdvisor} {
			s := s
			items = append(items, fyne.NewMenuItem(fmt.Sprintf("%s knows %s as %s", member.Name, person.Name, s), func() {
				m.fail(m.ws.Cover(m.accountID, member.ID, person.ID, s))
			}))
		}
	default:
		edit := func(change func(s *model.Stakeholder)) func() {
			return func() {
				s, ok := p.Get(model.KindStakeholder, a.ID).(*model.Stakeholder)
				if !ok {
					return
				}
				c := model.Clone(s).(*model.Stakeholder)
				change(c)
				m.fail(m.ws.Save(c))
			}
		}
		link := func(kind model.LinkKind) func() {
			return func() {
				m.fail(m.ws.Connect(m.accountID, a.ID, b.ID, kind))
			}
		}
		items = []*fyne.MenuItem{
			fyne.NewMenuItem(a.Name+" reports to "+b.Name, edit(func(s *model.Stakeholder) { s.ReportsTo = b.ID })),
			fyne.NewMenuItem(a.Name+" has a dotted line to "+b.Name, edit(func(s *model.Stakeholder) { s.DottedLine = b.ID })),
			fyne.NewMenuItem(a.Name+" influences "+b.Name, link(model.LinkInfluences)),
			fyne.NewMenuItem(a.Name+" conflicts with "+b.Name, link(model.LinkConflicts)),
		}
	}
	return items, nil
}

func (m *relMap) popup(menu *fyne.Menu, at fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(m)
	if c == nil {
		return
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(m).Add(at)
	widget.ShowPopUpMenuAtPosition(menu, c, abs)
}

// deleteLine removes one line: a reporting line is cleared on the person,
// an influence or coverage line is deleted.
func (m *relMap) deleteLine(i int) {
	l := m.scene.Lines[i]
	m.fail(m.ws.RemoveLine(l.Kind, l.Ref))
	m.selLine = -1
}

// deleteSelection deletes the selected line, or the selected people with
// their lines, as one undoable step.
func (m *relMap) deleteSelection() {
	if m.selLine >= 0 {
		m.deleteLine(m.selLine)
		return
	}
	var recs []model.Entity
	for id := range m.selected {
		if s := m.ws.Portfolio().Get(model.KindStakeholder, id); s != nil {
			recs = append(recs, s)
		}
	}
	if len(recs) == 0 {
		return
	}
	label := "Delete " + model.Describe(recs[0])
	if len(recs) > 1 {
		label = fmt.Sprintf("Delete %d stakeholders", len(recs))
	}
	m.fail(m.ws.DeleteMany(label, recs))
}

// TappedSecondary offers what can be done where the pointer is.
func (m *relMap) TappedSecondary(ev *fyne.PointEvent) {
	m.focus()
	if i := m.cardAt(ev.Position); i >= 0 {
		c := m.scene.Cards[i]
		if c.Member {
			return
		}
		if !m.selected[c.ID] {
			clear(m.selected)
			m.selected[c.ID] = true
			m.renderer.refreshSelection()
		}
		edit := fyne.NewMenuItem("Edit "+c.Name+"…", func() {
			if s, ok := m.ws.Portfolio().Get(model.KindStakeholder, c.ID).(*model.Stakeholder); ok && m.onEdit != nil {
				m.onEdit(s)
			}
		})
		m.popup(fyne.NewMenu("", edit, fyne.NewMenuItem("Delete", m.deleteSelection)), ev.Position)
		return
	}
	if l := m.lineAt(ev.Position); l >= 0 {
		m.selLine = l
		clear(m.selected)
		m.renderer.refreshSelection()
		m.popup(fyne.NewMenu("", append(m.lineStrengthItems(l), fyne.NewMenuItem("Delete line", func() { m.deleteLine(l) }))...), ev.Position)
		return
	}
	at := m.toMap(ev.Position)
	m.popup(fyne.NewMenu("", fyne.NewMenuItem("Add stakeholder here", func() {
		if m.onAdd != nil {
			m.onAdd(at)
		}
	})), ev.Position)
}

// lineStrengthItems offers the strengths an influence or coverage line can
// take; reporting lines have none.
func (m *relMap) lineStrengthItems(i int) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	switch r := m.scene.Lines[i].Ref.(type) {
	case *model.InfluenceLink:
		for v, name := range []string{"weak", "medium", "strong"} {
			v := v + 1
			it := fyne.NewMenuItem("Strength: "+name, func() {
				c := model.Clone(r).(*model.InfluenceLink)
				c.Strength = v
				m.fail(m.ws.Save(c))
			})
			it.Checked = r.Strength == v
			items = append(items, it)
		}
	case *model.Coverage:
		for _, v := range []model.Strength{model.StrengthVendor, model.StrengthCredible, model.StrengthProblemSolver, model.StrengthTrustedAdvisor} {
			v := v
			it := fyne.NewMenuItem("Relationship: "+v.String(), func() {
				c := model.Clone(r).(*model.Coverage)
				c.Strength = v
				m.fail(m.ws.Save(c))
			})
			it.Checked = r.Strength == v
			items = append(items, it)
		}
	}
	if len(items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	return items
}
