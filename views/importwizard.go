package views

import (
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
// account for rows that name none. The wizard asks for a plan, an import,
// a report or a mapping through its On… functions; the app reads, plans
// and saves off the UI thread and answers with ShowPlan (app/importdialog.go).

// ImportWizard shows how a file will be read, lets the user change it,
// and asks for it to be imported.
type ImportWizard struct {
	Path      string
	Workbook  *sheet.Workbook
	Sheets    []sheet.SheetMapping // how each sheet is read; the user's changes land here
	AccountID string               // the account for rows that name none; "" makes a new one
	Name      string               // what is imported, in words: the file's name, or "3 files"
	Currency  string               // of amounts the file gives none for
	Res       *sheet.Result        // the plan on show
	Reused    string               // says that a remembered mapping was used

	// OnPlan asks for the import to be planned again with Sheets,
	// AccountID and Currency; the answer comes back through ShowPlan.
	OnPlan                                               func()
	OnImport, OnSaveReport, OnSaveMapping, OnLoadMapping func()
	OnClose                                              func() // the wizard was closed, by Cancel, Esc or Import

	win fyne.Window
	p   *model.Portfolio // the accounts to choose from, the base currency

	Into          *widget.SelectEntry // the account for rows that name none
	CurrencyEntry *widget.SelectEntry
	Notice        *widget.Label
	SheetTabs     []*container.TabItem
	Preview       [][][]string // per sheet: header row then rows
	ImportButton  *widget.Button

	dlg       dialog.Dialog
	summary   *widget.Label
	tabs      *container.AppTabs
	previews  []*widget.Table
	problems  *widget.List
	probTab   *container.TabItem
	reportBtn *widget.Button
}

// NewImportWizard makes the wizard for a read workbook and its sheets as
// Analyse found them; Show opens it.
func NewImportWizard(win fyne.Window, p *model.Portfolio, path, name string, wb *sheet.Workbook, sheets []sheet.SheetMapping, accountID string) *ImportWizard {
	return &ImportWizard{win: win, p: p, Path: path, Name: name, Workbook: wb, Sheets: sheets, AccountID: accountID,
		OnPlan: func() {}, OnImport: func() {}, OnSaveReport: func() {}, OnSaveMapping: func() {}, OnLoadMapping: func() {}, OnClose: func() {}}
}

// Show opens the wizard; the app then asks for the first plan.
func (w *ImportWizard) Show() {
	w.summary = widget.NewLabelWithStyle("Reading the rows…", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.Notice = widget.NewLabel(w.Reused)
	w.Notice.Wrapping = fyne.TextWrapWord
	w.Notice.Hide()
	w.tabs = container.NewAppTabs()
	for i := range w.Sheets {
		w.Preview = append(w.Preview, nil)
		w.previews = append(w.previews, w.newPreviewTable(i))
		item := container.NewTabItem(w.tabTitle(i), w.sheetPane(i))
		w.SheetTabs = append(w.SheetTabs, item)
		w.tabs.Append(item)
	}
	w.problems = widget.NewList(func() int {
		if w.Res == nil {
			return 0
		}
		return len(w.Res.Problems)
	}, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if w.Res != nil && id < len(w.Res.Problems) {
			o.(*widget.Label).SetText(w.Res.Problems[id].String())
		}
	})
	w.probTab = container.NewTabItem("Problems", w.problems)
	w.tabs.Append(w.probTab)

	into := w.accountPicker()
	w.reportBtn = widget.NewButton("Save problem report…", func() { w.OnSaveReport() })
	w.ImportButton = widget.NewButton("Import", func() { w.OnImport() })
	w.ImportButton.Importance = widget.HighImportance
	w.ImportButton.Disable()
	buttons := container.NewHBox()
	if !w.Workbook.Orchard {
		buttons.Add(widget.NewButton("Load mapping…", func() { w.OnLoadMapping() }))
		buttons.Add(widget.NewButton("Save mapping…", func() { w.OnSaveMapping() }))
	}
	buttons.Objects = append(buttons.Objects, w.reportBtn,
		layout.NewSpacer(),
		widget.NewButton("Cancel", func() { w.Close() }),
		w.ImportButton)
	top := container.NewVBox(w.summary, w.Notice)
	if !w.Workbook.Orchard {
		// Asked once for the whole file: amounts that give no currency of
		// their own (no currency column, sign or code) are in this one.
		cur := widget.NewSelectEntry([]string{"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "AUD", "CAD"})
		cur.SetText(w.p.Settings.Rates.Base)
		w.CurrencyEntry = cur
		w.Currency = cur.Text
		cur.OnChanged = func(s string) {
			if s = strings.ToUpper(strings.TrimSpace(s)); model.ValidCurrency(s) && s != w.Currency {
				w.Currency = s
				w.Replan()
			}
		}
		top.Add(container.NewBorder(nil, nil, widget.NewLabel("Rows that name no account go to"), nil, into))
		top.Add(container.NewBorder(nil, nil, widget.NewLabel("Amounts that give no currency are in"), nil, cur))
	}
	w.dlg = dialog.NewCustomWithoutButtons("Import "+w.Name, container.NewBorder(top, buttons, nil, nil, w.tabs), w.win)
	// Fits a 1280×720 screen with room for the title bar; the buttons sit
	// in the border, always in view.
	size := fyne.NewSize(1040, 620)
	if win := w.win.Canvas().Size(); win.Width > 0 && win.Height > 0 {
		size = fyne.NewSize(min(size.Width, win.Width-40), min(size.Height, win.Height-40))
	}
	w.dlg.Resize(size)
	w.dlg.Show()
}

// Reopen shows the wizard again after it was closed (an import that must
// be planned again).
func (w *ImportWizard) Reopen() { w.dlg.Show() }

// Close closes the wizard, changing nothing.
func (w *ImportWizard) Close() {
	w.dlg.Hide()
	w.OnClose()
}

// Replan asks for a new plan (the user changed how the file is read, or
// the app has something new to plan against), blocking Import meanwhile.
func (w *ImportWizard) Replan() {
	w.ImportButton.Disable()
	w.summary.SetText("Working out what the import would do…")
	w.OnPlan()
}

// RefreshSheets shows the sheets' tabs again after Sheets changed from
// outside (a mapping loaded from a file).
func (w *ImportWizard) RefreshSheets() {
	for i := range w.Sheets {
		w.SheetTabs[i].Text = w.tabTitle(i)
		w.SheetTabs[i].Content = w.sheetPane(i)
	}
	w.tabs.Refresh()
}

func (w *ImportWizard) tabTitle(i int) string {
	m := w.Sheets[i]
	if w.Workbook.Orchard {
		return m.Sheet
	}
	if m.Kind == sheet.KindUnknown {
		return m.Sheet + " (not imported)"
	}
	return m.Sheet + " → " + string(m.Kind)
}

// LeaveOut is the wizard's choice for a column that is not imported.
const LeaveOut = "(leave out)"

func fieldLabel(f sheet.Field) string {
	switch f {
	case "":
		return LeaveOut
	case sheet.FToNotes:
		return "→ notes"
	}
	return string(f)
}

// sheetPane is one sheet's tab: what it holds, how its dates read, what
// each column becomes, and its first rows as they will be stored.
func (w *ImportWizard) sheetPane(i int) fyne.CanvasObject {
	m := &w.Sheets[i]
	if w.Workbook.Orchard {
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
		w.SheetTabs[i].Text = w.tabTitle(i)
		w.SheetTabs[i].Content = w.sheetPane(i)
		w.tabs.Refresh()
		w.Replan()
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
			w.Replan()
		}
		head.Add(dates)
	}

	cols := container.NewGridWithColumns(3,
		widget.NewLabelWithStyle("Column in the file", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("First values", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle("Goes to", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	options := []string{LeaveOut}
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
			current = LeaveOut
		}
		sel.SetSelected(current)
		sel.OnChanged = func(s string) {
			m.Fields[j] = ""
			for _, f := range sheet.KindFields[m.Kind] {
				if fieldLabel(f) == s {
					m.Fields[j] = f
				}
			}
			w.Replan()
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

func (w *ImportWizard) newPreviewTable(i int) *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) {
		if len(w.Preview[i]) == 0 {
			return 0, 0
		}
		return len(w.Preview[i]) - 1, len(w.Preview[i][0])
	}, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		rows := w.Preview[i]
		if id.Row+1 < len(rows) && id.Col < len(rows[id.Row+1]) {
			o.(*widget.Label).SetText(rows[id.Row+1][id.Col])
		}
	})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if len(w.Preview[i]) > 0 && id.Col >= 0 && id.Col < len(w.Preview[i][0]) {
			o.(*widget.Label).SetText(w.Preview[i][0][id.Col])
		}
	}
	return t
}

// ShowPlan shows a plan the app worked out (or why it could not).
func (w *ImportWizard) ShowPlan(p *model.Portfolio, res *sheet.Result, err error) {
	w.Res = res
	if err != nil {
		w.summary.SetText(err.Error())
		w.problems.Refresh()
		return
	}
	w.summary.SetText("Importing " + w.Name + " would give: " + res.Summary())
	var notes []string
	if w.Reused != "" {
		notes = append(notes, w.Reused)
	}
	for _, q := range res.Questions {
		notes = append(notes, q.Text+" Choose the date order on that sheet's tab.")
	}
	notes = append(notes, res.Notes...)
	if res.Settings != nil {
		notes = append(notes, "This is an Orchard workbook and this workspace has no accounts yet, so its settings (weights, rates, offerings) come with it.")
	}
	w.Notice.SetText(strings.Join(notes, "\n"))
	if len(notes) == 0 {
		w.Notice.Hide()
	} else {
		w.Notice.Show()
	}
	for i, m := range w.Sheets {
		headers, rows := res.PreviewTable(p, m.Sheet, m.Kind)
		w.Preview[i] = append([][]string{headers}, rows...)
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
		w.ImportButton.Enable()
	}
}

// noAccountChoice is the picker's first entry: rows that name no account
// go to a new account named after the file.
func (w *ImportWizard) noAccountChoice() string {
	return "A new account: " + sheet.FileAccountName(w.Path)
}

// accountPicker chooses the account for rows that name none. Typing
// narrows the list, for workspaces with many accounts.
func (w *ImportWizard) accountPicker() fyne.CanvasObject {
	accounts := map[string]string{}
	all := []string{w.noAccountChoice()}
	for _, a := range w.p.Accounts() {
		all = append(all, a.Name)
		accounts[a.Name] = a.ID
	}
	into := widget.NewSelectEntry(all)
	w.Into = into
	into.PlaceHolder = "Type to find an account"
	into.SetText(w.noAccountChoice())
	if a := w.p.Account(w.AccountID); a != nil {
		into.SetText(a.Name)
	}
	into.OnChanged = func(text string) {
		if id, ok := accounts[text]; ok || text == w.noAccountChoice() {
			if id != w.AccountID {
				w.AccountID = id
				w.Replan()
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
func (w *ImportWizard) chooseHeaderRow(i int) fyne.CanvasObject {
	m := &w.Sheets[i]
	var t sheet.Table
	for _, tb := range w.Workbook.Tables {
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
		if mm, ok := sheet.AnalyseWithHeaderRow(w.Workbook, m.Sheet, n); ok {
			w.Sheets[i] = mm
			w.SheetTabs[i].Text = w.tabTitle(i)
			w.SheetTabs[i].Content = w.sheetPane(i)
			w.tabs.Refresh()
			w.Replan()
		}
	})
	pick.PlaceHolder = "Choose the row"
	return container.NewVScroll(container.NewVBox(
		widget.NewLabel("Orchard found no header row in this sheet's first 20 rows. Which row holds the column headers?"),
		pick, lines))
}
