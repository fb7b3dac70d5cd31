package app

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"orchard/store/sheet"
)

// importDialog picks a spreadsheet and shows what importing it would do.
func (d *desktopApp) importDialog() {
	if d.ws == nil {
		return
	}
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		d.previewImport(path, d.shell.Account())
	}, d.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".xltx", ".csv", ".tsv", ".txt", ".xls"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// previewImport reads and plans the import on a goroutine, then shows the
// sheets as understood, the problems, and the counts, with Import to apply.
func (d *desktopApp) previewImport(path, accountID string) {
	wait := dialog.NewCustomWithoutButtons("Reading "+filepath.Base(path), widget.NewProgressBarInfinite(), d.win)
	wait.Show()
	p := d.ws.Portfolio().Copy()
	go func() {
		wb, err := sheet.ReadFile(path)
		var res *sheet.Result
		if err == nil {
			res, err = sheet.Plan(wb, p, sheet.Options{AccountID: accountID, Today: time.Now()})
		}
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				dialog.ShowError(err, d.win)
				return
			}
			d.showImportPlan(path, accountID, res)
		})
	}()
}

func (d *desktopApp) showImportPlan(path, accountID string, res *sheet.Result) {
	var lines []string
	for _, s := range res.Sheets {
		var cols []string
		for h, f := range s.Mapping {
			cols = append(cols, fmt.Sprintf("%s → %s", h, f))
		}
		sort.Strings(cols)
		lines = append(lines, fmt.Sprintf("Sheet %s: %s (headers on row %d, %d rows)\n    %s", s.Name, s.Kind, s.HeaderRow, s.Rows, strings.Join(cols, ", ")))
	}
	text := strings.Join(lines, "\n")
	if n := len(res.Problems); n > 0 {
		text += fmt.Sprintf("\n\n%d problem(s); these rows are skipped or keep their old values:", n)
		for i, pr := range res.Problems {
			if i == 40 {
				text += fmt.Sprintf("\n… and %d more", n-40)
				break
			}
			text += "\n• " + pr.String()
		}
	}
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	accounts := map[string]string{}
	var names []string
	for _, a := range d.ws.Portfolio().Accounts() {
		names = append(names, a.Name)
		accounts[a.Name] = a.ID
	}
	into := widget.NewSelect(names, nil)
	if a := d.ws.Portfolio().Account(accountID); a != nil {
		into.SetSelected(a.Name)
	}
	into.OnChanged = func(name string) { d.previewImport(path, accounts[name]) }
	head := widget.NewLabelWithStyle("Importing "+filepath.Base(path)+" would give: "+res.Summary(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	report := widget.NewButton("Save problem report…", func() {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + " import problems.csv"
		entry := widget.NewEntry()
		entry.SetText(filepath.Join(homeDir(), name))
		dialog.ShowForm("Save problem report", "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("File", entry)}, func(ok bool) {
			if ok {
				if err := writeAtomically(entry.Text, res.ProblemsCSV()); err != nil {
					dialog.ShowError(err, d.win)
				}
			}
		}, d.win)
	})
	if len(res.Problems) == 0 {
		report.Disable()
	}
	content := container.NewBorder(container.NewVBox(head, report,
		container.NewBorder(nil, nil, widget.NewLabel("People and actions without an account go to"), nil, into)),
		nil, nil, nil, container.NewVScroll(body))
	dlg := dialog.NewCustomConfirm("Import "+filepath.Base(path), "Import", "Cancel", content, func(ok bool) {
		if !ok || (len(res.Records) == 0 && res.Settings == nil) {
			return
		}
		backup := fmt.Sprintf("%s.before-import-%s.orchard", strings.TrimSuffix(d.ws.Path(), filepath.Ext(d.ws.Path())), time.Now().Format("20060102-150405"))
		if err := d.ws.SaveCopy(backup); err != nil {
			dialog.ShowError(fmt.Errorf("the import was not started: taking a copy of the workspace failed: %w", err), d.win)
			return
		}
		if err := d.ws.Import("Import "+filepath.Base(path), res.Records, res.Settings); err != nil {
			dialog.ShowError(fmt.Errorf("the import was refused and nothing changed: %w", err), d.win)
			return
		}
		d.shell.SetStatus(fmt.Sprintf("Imported %s: %s — Ctrl+Z undoes the whole import", filepath.Base(path), res.Summary()))
	}, d.win)
	dlg.Resize(fyne.NewSize(900, 640))
	dlg.Show()
}
