package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
	"orchard/store/sheet"
)

// The import wizard's widgets: a tab per sheet with its kind and column
// mapping, the preview of rows as they will be stored, the problems, and the
// account for rows that name none. Reading, planning and saving run off
// the UI thread (importdialog.go).

// importWizard shows how a file will be read, lets the user change it,
// and imports it.
type importWizard struct {
	d             *desktopApp
	path          string
	wb            *sheet.Workbook
	sheets        []sheet.SheetMapping
	accountID     string
	name          string              // what is imported, in words: the file's name, or "3 files"
	into          *widget.SelectEntry // the account for rows that name none
	currency      string              // of amounts the file gives none for
	currencyEntry *widget.SelectEntry
	res           *sheet.Result
	cancel        context.CancelFunc // stops the plan under way; a stopped plan's result is dropped
	reused        string

	dlg       dialog.Dialog
	summary   *widget.Label
	notice    *widget.Label
	tabs      *container.AppTabs
	sheetTabs []*container.TabItem
	previews  []*widget.Table
	preview   [][][]string // per sheet: header row then rows
	problems  *widget.List
	probTab   *container.TabItem
	importBtn *widget.Button
	reportBtn *widget.Button
}

func (w *importWizard) show() {
	d := w.d
	w.summary = widget.NewLabelWithStyle("Reading the rows…", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.notice = widget.NewLabel(w.reused)
	w.notice.Wrapping = fyne.TextWrapWord
	w.notice.Hide()
	w.tabs = container.NewAppTabs()
	for i := range w.sheets {
		w.preview = append(w.preview, nil)
		w.previews = append(w.previews, w.newPreviewTable(i))
		item := container.NewTabItem(w.tabTitle(i), w.sheetPane(i))
		w.sheetTabs = append(w.sheetTabs, item)
		w.tabs.Append(item)
	}
	w.problems = widget.NewList(func() int {
		if w.res == nil {
			return 0
		}
		return len(w.res.Problems)
	}, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if w.res != nil && id < len(w.res.Problems) {
			o.(*widget.Label).SetText(w.res.Problems[id].String())
		}
	})
	w.probTab = container.NewTabItem("Problems", w.problems)
	w.tabs.Append(w.probTab)

	into := w.accountPicker()
	w.reportBtn = widget.NewButton("Save problem report…", w.saveReport)
	w.importBtn = widget.NewButton("Import", w.doImport)
	w.importBtn.Importance = widget.HighImportance
	w.importBtn.Disable()
	buttons := container.NewHBox()
	if !w.wb.Orchard {
		buttons.Add(widget.NewButton("Load mapping…", w.loadMapping))
		buttons.Add(widget.NewButton("Save mapping…", w.saveMapping))
	}
	buttons.Objects = append(buttons.Objects, w.reportBtn,
		layout.NewSpacer(),
		widget.NewButton("Cancel", func() { w.close() }),
		w.importBtn)
	top := container.NewVBox(w.summary, w.notice)
	if !w.wb.Orchard {
		// Asked once for the whole file: amounts that give no currency of
		// their own (no currency column, sign or code) are in this one.
		cur := widget.NewSelectEntry([]string{"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "AUD", "CAD"})
		cur.SetText(d.ws.Portfolio().Settings.Rates.Base)
		w.currencyEntry = cur
		w.currency = cur.Text
		cur.OnChanged = func(s string) {
			if s = strings.ToUpper(strings.TrimSpace(s)); model.ValidCurrency(s) && s != w.currency {
				w.currency = s
				w.replan()
			}
		}
		top.Add(container.NewBorder(nil, nil, widget.NewLabel("Rows that name no account go to"), nil, into))
		top.Add(container.NewBorder(nil, nil, widget.NewLabel("Amounts that give no currency are in"), nil, cur))
	}
	w.dlg = dialog.NewCustomWithoutButtons("Import "+w.name, container.NewBorder(top, buttons, nil, nil, w.tabs), d.win)
	// Fits a 1280×720 screen with room for the title bar; the buttons sit
	// in the border, always in view.
	size := fyne.NewSize(1040, 620)
	if win := d.win.Canvas().Size(); win.Width > 0 && win.Height > 0 {
		size = fyne.NewSize(min(size.Width, win.Width-40), min(size.Height, win.Height-40))
	}
	w.dlg.Resize(size)
	w.dlg.Show()
	d.importWizard = w
	w.replan()
}

func (w *importWizard) close() {
	if w.cancel != nil {
		w.cancel()
	}
	w.dlg.Hide()
	if w.d.importWizard == w {
		w.d.importWizard = nil
	}
}

func (w *importWizard) tabTitle(i int) string {
	m := w.sheets[i]
	if w.wb.Orchard {
		return m.Sheet
	}
	if m.Kind == sheet.KindUnknown {
		return m.Sheet + " (not imported)"
	}
	return m.Sheet + " → " + string(m.Kind)
}

const leaveOut = "(leave out)"

func fieldLabel(f sheet.Field) string {
	switch f {
	case "":
		return leaveOut
	case sheet.FToNotes:
		return "→ notes"
	}
	return string(f)
}

// sheetPane is one sheet's tab: what it holds, how its dates read, what
// each column becomes, and its first rows as they will be stored.
func (w *importWizard) sheetPane(i int) fyne.CanvasObject {
	m := &w.sheets[i]
	if w.wb.Orchard {
		l := widget.NewLabel("This is a workbook Orchard exported. Its rows are matched with the workspace by their ID: " +
			"edited rows update their records, rows with a new or empty ID are added, and nothing is deleted. Columns are read as Orchard wrote them.")
		l.Wrapping = fyne.TextWrapWord
		return container.NewVBox(l)
	}
	if m.HeaderRow == 0 {
		return w.chooseHeaderRow(i)
	}
	var kinds []string
	for _, k := range sheet.Kinds {
		kinds = append(kinds, string(k))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(m.Kind))
	kind.OnChanged = func(s string) {
		if sheet.Kind(s) == m.Kind {
			return
		}
		m.SetKind(sheet.Kind(s))
		w.sheetTabs[i].Text = w.tabTitle(i)
		w.sheetTabs[i].Content = w.sheetPane(i)
		w.tabs.Refresh()
		w.replan()
	}
	where := fmt.Sprintf("Headers on row %d", m.HeaderRow)
	if m.TwoRows {
		where = fmt.Sprintf("Headers on rows %d–%d", m.HeaderRow-1, m.HeaderRow)
	}
	head := container.NewHBox(widget.NewLabel("This sheet holds"), kind, widget.NewLabel(where))
	if m.RunnerUp != "" {
		other := m.RunnerUp
		head.Add(widget.NewButton("It could also be "+string(other)+": read it so", func() { kind.SetSelected(string(other)) }))
	}
	if m.HasDates() {
		options := []string{"Dates: decide from the data", "Dates: day first (31/12/2026)", "Dates: month first (12/31/2026)"}
		values := []string{sheet.DatesAuto, sheet.DatesDMY, sheet.DatesMDY}
		dates := widget.NewSelect(options, nil)
		for j, v := range values {
			if v == m.Dates {
				dates.SetSelected(options[j])
			}
		}
		dates.OnChanged = func(s string) {
			for j, o := range options {
				if o == s {
					m.Dates = values[j]
				}
			}
			w.replan()
		}
		head.Add(dates)
	}

	cols := container.NewGridWithColumns(3,
		widget.NewLabelWithStyle("Column in the file", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("First values", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Goes to", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	options := []string{leaveOut}
	for _, f := range sheet.KindFields[m.Kind] {
		options = append(options, fieldLabel(f))
	}
	for j, h := range m.Headers {
		if h == "" && (j >= len(m.Samples) || len(m.Samples[j]) == 0) {
			continue
		}
		j := j
		sel := widget.NewSelect(options, nil)
		current := fieldLabel(m.Fields[j])
		if !slices.Contains(options, current) {
			current = leaveOut
		}
		sel.SetSelected(current)
		sel.OnChanged = func(s string) {
			m.Fields[j] = ""
			for _, f := range sheet.KindFields[m.Kind] {
				if fieldLabel(f) == s {
					m.Fields[j] = f
				}
			}
			w.replan()
		}
		samples := ""
		if j < len(m.Samples) {
			samples = strings.Join(m.Samples[j], " · ")
		}
		name := widget.NewLabel(orText(h, fmt.Sprintf("(column %d)", j+1)))
		name.Truncation = fyne.TextTruncateEllipsis
		sample := widget.NewLabel(samples)
		sample.Truncation = fyne.TextTruncateEllipsis
		cols.Add(name)
		cols.Add(sample)
		cols.Add(sel)
	}
	if m.Kind == sheet.KindUnknown {
		return container.NewBorder(head, nil, nil, nil,
			widget.NewLabel("Choose what this sheet holds to import it; as it is, it is left out."))
	}
	split := container.NewVSplit(container.NewVScroll(cols),
		container.NewBorder(widget.NewLabelWithStyle("First rows as Orchard will store them", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			nil, nil, nil, w.previews[i]))
	split.SetOffset(0.45)
	return container.NewBorder(head, nil, nil, nil, split)
}

func orText(s, d string) string {
	if strings.TrimSpace(s) == "" {
		return d
	}
	return s
}

func (w *importWizard) newPreviewTable(i int) *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) {
		if len(w.preview[i]) == 0 {
			return 0, 0
		}
		return len(w.preview[i]) - 1, len(w.preview[i][0])
	}, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		rows := w.preview[i]
		if id.Row+1 < len(rows) && id.Col < len(rows[id.Row+1]) {
			o.(*widget.Label).SetText(rows[id.Row+1][id.Col])
		}
	})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if len(w.preview[i]) > 0 && id.Col >= 0 && id.Col < len(w.preview[i][0]) {
			o.(*widget.Label).SetText(w.preview[i][0][id.Col])
		}
	}
	return t
}

func (w *importWizard) showPlan(p *model.Portfolio, res *sheet.Result, err error) {
	w.res = res
	if err != nil {
		w.summary.SetText(err.Error())
		w.problems.Refresh()
		return
	}
	w.summary.SetText("Importing " + w.name + " would give: " + res.Summary())
	var notes []string
	if w.reused != "" {
		notes = append(notes, w.reused)
	}
	for _, q := range res.Questions {
		notes = append(notes, q.Text+" Choose the date order on that sheet's tab.")
	}
	notes = append(notes, res.Notes...)
	if res.Settings != nil {
		notes = append(notes, "This is an Orchard workbook and this workspace has no accounts yet, so its settings (weights, rates, offerings) come with it.")
	}
	w.notice.SetText(strings.Join(notes, "\n"))
	if len(notes) == 0 {
		w.notice.Hide()
	} else {
		w.notice.Show()
	}
	for i, m := range w.sheets {
		headers, rows := res.PreviewTable(p, m.Sheet, m.Kind)
		w.preview[i] = append([][]string{headers}, rows...)
		for c := range headers {
			width := float32(130)
			switch {
			case c == 0:
				width = 50
			case c == 1:
				width = 90
			case c == 2:
				width = 300 // the problem, in words
			}
			w.previews[i].SetColumnWidth(c, width)
		}
		w.previews[i].Refresh()
	}
	w.probTab.Text = fmt.Sprintf("Problems (%d)", len(res.Problems))
	w.tabs.Refresh()
	w.problems.Refresh()
	if len(res.Problems)+len(res.MergedRows) == 0 {
		w.reportBtn.Disable()
	} else {
		w.reportBtn.Enable()
	}
	if len(res.Questions) == 0 && (!res.WritesNothing() || res.Settings != nil) {
		w.importBtn.Enable()
	}
}

// noAccountChoice is the picker's first entry: rows that name no account
// go to a new account named after the file.
func (w *importWizard) noAccountChoice() string {
	return "A new account: " + sheet.FileAccountName(w.path)
}

// accountPicker chooses the account for rows that name none. Typing
// narrows the list, for workspaces with many accounts.
func (w *importWizard) accountPicker() fyne.CanvasObject {
	accounts := map[string]string{}
	all := []string{w.noAccountChoice()}
	for _, a := range w.d.ws.Portfolio().Accounts() {
		all = append(all, a.Name)
		accounts[a.Name] = a.ID
	}
	into := widget.NewSelectEntry(all)
	w.into = into
	into.PlaceHolder = "Type to find an account"
	into.SetText(w.noAccountChoice())
	if a := w.d.ws.Portfolio().Account(w.accountID); a != nil {
		into.SetText(a.Name)
	}
	into.OnChanged = func(text string) {
		if id, ok := accounts[text]; ok || text == w.noAccountChoice() {
			if id != w.accountID {
				w.accountID = id
				w.replan()
			}
			into.SetOptions(all)
			return
		}
		var found []string
		for _, n := range all {
			if strings.Contains(strings.ToLower(n), strings.ToLower(text)) {
				found = append(found, n)
			}
		}
		into.SetOptions(found)
	}
	return into
}

// chooseHeaderRow shows a sheet whose headers Orchard did not find: its
// first rows, and a choice of the row that holds the headers, after which
// the sheet is read like any other.
func (w *importWizard) chooseHeaderRow(i int) fyne.CanvasObject {
	m := &w.sheets[i]
	var t sheet.Table
	for _, tb := range w.wb.Tables {
		if tb.Name == m.Sheet {
			t = tb
		}
	}
	lines := widget.NewLabel("")
	var rows, choices []string
	for n, r := range t.Rows[:min(len(t.Rows), 10)] {
		var cells []string
		for _, c := range r {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		text := strings.Join(cells, " · ")
		if len([]rune(text)) > 110 {
			text = string([]rune(text)[:110]) + "…"
		}
		rows = append(rows, fmt.Sprintf("Row %d: %s", n+1, text))
		if len(cells) > 0 {
			choices = append(choices, fmt.Sprintf("Row %d", n+1))
		}
	}
	lines.SetText(strings.Join(rows, "\n"))
	pick := widget.NewSelect(choices, func(s string) {
		var n int
		fmt.Sscanf(s, "Row %d", &n)
		if mm, ok := sheet.AnalyseWithHeaderRow(w.wb, m.Sheet, n); ok {
			w.sheets[i] = mm
			w.sheetTabs[i].Text = w.tabTitle(i)
			w.sheetTabs[i].Content = w.sheetPane(i)
			w.tabs.Refresh()
			w.replan()
		}
	})
	pick.PlaceHolder = "Choose the row"
	return container.NewVScroll(container.NewVBox(
		widget.NewLabel("Orchard found no header row in this sheet's first 20 rows. Which row holds the column headers?"),
		pick, lines))
}
