package views

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

const notAssessed = "Not assessed"

func priorityFilterOptions() []string {
	return []string{allFilter, model.PriorityFirst.String(), model.PrioritySecond.String(),
		model.PriorityThird.String(), model.PriorityFourth.String(), notAssessed}
}

// priorityFilter reads the priority filter: a priority, or "only accounts
// without one".
func priorityFilter(v string) (model.Priority, bool) {
	for _, p := range priorityChoices {
		if p.String() == v {
			return p, false
		}
	}
	return model.PriorityNone, v == notAssessed
}

// quadrantPane is the quadrant under its filters, with a status line.
type quadrantPane struct {
	root    fyne.CanvasObject
	refresh func() // after the workspace changed
	// chrome is what only the account manager needs: the filters, the
	// hints and the buttons, folded away in workshop mode.
	chrome []fyne.CanvasObject
}

// setWorkshop folds the filters and buttons away in front of the customer,
// leaving the quadrant the whole page, and brings them back after.
func (p *quadrantPane) setWorkshop(on bool) { foldAway(on, p.chrome...) }

// newQuadrantPane puts the quadrant under its filters and above the rule
// that turns quadrants into priorities.
func newQuadrantPane(ws *workspace.Workspace, q *quadrantEditor, today func() time.Time) *quadrantPane {
	p := ws.Portfolio()
	owner := widget.NewSelect(nil, func(v string) { q.filter.owner = filterValue(v); q.reload() })
	industry := widget.NewSelect(nil, func(v string) { q.filter.industry = filterValue(v); q.reload() })
	objective := widget.NewSelect(append([]string{allFilter}, objectiveLabels()...), func(v string) {
		q.filter.objective = model.ObjectiveFromLabel(v)
		q.reload()
	})
	fill := func() {
		owner.Options = append([]string{allFilter}, distinct(p, func(a *model.Account) string { return a.Owner })...)
		industry.Options = append([]string{allFilter}, distinct(p, func(a *model.Account) string { return a.Industry })...)
	}
	fill()
	owner.Selected, industry.Selected, objective.Selected = allFilter, allFilter, allFilter
	trails := widget.NewCheck("Movement", func(on bool) { q.showTrails = on; q.Refresh() })
	trails.Checked = q.showTrails
	record := widget.NewButtonWithIcon("Record positions…", theme.DocumentSaveIcon(), func() { recordPositions(ws, q, today()) })
	var saveBtn *widget.Button
	saveBtn = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), func() {
		if w := windowOf(q); w != nil {
			chartSaveMenu(w, saveBtn, "quadrant", func(f chart.Format, wd, ht int) ([]byte, error) {
				return chart.QuadrantChart(ws.Portfolio(), q.selected, f, wd, ht)
			}, fyne.CurrentApp().Driver().AbsolutePositionForObject(saveBtn))
		}
	})
	rule := widget.NewButtonWithIcon("", theme.InfoIcon(), func() {
		if w := windowOf(q); w != nil {
			dialog.ShowInformation("How priority follows the quadrant", wrapText(model.PriorityRule, 70), w)
		}
	})
	status := widget.NewLabel("")
	status.Importance = widget.LowImportance
	update := func() {
		msg := "Drag a bubble to place it by hand (ringed); right-click to reset. Arrows nudge, Enter opens."
		if q.unplaced > 0 {
			msg = fmt.Sprintf("%d account(s) not assessed are not shown. ", q.unplaced) + msg
		}
		status.SetText(msg)
	}
	update()
	bar := container.NewHBox(widget.NewLabel("Owner"), owner, widget.NewLabel("Industry"), industry,
		widget.NewLabel("Objective"), objective)
	status.Wrapping = fyne.TextWrapWord
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(trails, record, saveBtn, rule), status)
	top := container.NewHScroll(bar)
	return &quadrantPane{
		root:    container.NewBorder(top, bottom, nil, nil, q),
		refresh: func() { fill(); update() },
		chrome:  []fyne.CanvasObject{top, bottom},
	}
}

// recordPositions marks every placed account's position for later trails.
func recordPositions(ws *workspace.Workspace, q *quadrantEditor, today time.Time) {
	w := windowOf(q)
	if w == nil {
		return
	}
	entry := NewEntry()
	entry.SetText("Review " + model.FormatMonth(today))
	dialog.ShowForm("Record positions", "Record", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Label", entry)}, func(ok bool) {
			if !ok {
				return
			}
			if _, err := ws.RecordPositions(entry.Text, today); err != nil {
				dialog.ShowError(err, w)
			}
		}, w)
}

func windowOf(o fyne.CanvasObject) fyne.Window {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// wrapText breaks a long sentence into lines for a dialog.
func wrapText(s string, width int) string {
	var out, line []rune
	for _, word := range strings.Fields(s) {
		if len(line)+len([]rune(word))+1 > width && len(line) > 0 {
			out = append(append(out, line...), '\n')
			line = nil
		}
		if len(line) > 0 {
			line = append(line, ' ')
		}
		line = append(line, []rune(word)...)
	}
	return string(append(out, line...))
}
