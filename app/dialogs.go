package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/model"
	"orchard/store/sheet"
	"orchard/views"
)

// askPath asks where to write a file: the system's Save dialog on Windows
// and macOS, else Orchard's own; never over the open workspace, and
// replacing a file is asked about first.
func (d *desktopApp) askPath(title, confirm, suggested string, done func(path string)) {
	d.askPathAs(views.FileAsk{Title: title, Confirm: confirm, Start: suggested}, done)
}

func (d *desktopApp) askPathAs(a views.FileAsk, done func(path string)) {
	if ext := filepath.Ext(a.Start); ext != "" && len(a.Exts) == 0 {
		a.Exts = []string{ext}
	}
	if d.ws != nil {
		a.Protect = append(a.Protect, d.ws.Path())
	}
	views.SavePath(d.win, a, done)
}

func (d *desktopApp) newDialog() {
	d.askPathAs(views.FileAsk{Title: "New workspace", Confirm: "Create", Start: d.suggestPath("New workspace.orchard"), Kind: "Orchard workspace", New: true}, func(path string) {
		path = withExt(path, ".orchard")
		settings := model.DefaultSettings()
		settings.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		ws, err := workspace.Create(path, settings, nil)
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		d.setWorkspace(ws)
		d.shell.SetStatus("Created " + path)
	})
}

func (d *desktopApp) sampleDialog() {
	d.askPathAs(views.FileAsk{Title: "Create the sample portfolio", Confirm: "Create", Start: DefaultWorkspacePath(), Kind: "Orchard workspace", New: true}, func(path string) {
		path = withExt(path, ".orchard")
		ws, err := createSample(path)
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		d.setWorkspace(ws)
	})
}

func (d *desktopApp) saveCopyDialog() {
	if d.ws == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(d.ws.Path()), filepath.Ext(d.ws.Path()))
	suggested := d.suggestPath(fmt.Sprintf("%s copy %s.orchard", base, time.Now().Format("2006-01-02")))
	d.askPath("Save a copy", "Save copy", suggested, func(path string) {
		path = withExt(path, ".orchard")
		if err := d.ws.SaveCopy(path); err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		d.shell.SetStatus("Saved a copy to " + path)
	})
}

func (d *desktopApp) exportDialog() { d.exportWorkbook(false) }

// exportWorkbook asks where to write the workspace workbook (or, with
// oneAccount, the current account's) and writes it on a goroutine.
func (d *desktopApp) exportWorkbook(oneAccount bool) {
	if d.ws == nil {
		return
	}
	p := d.ws.Portfolio().Copy()
	name := strings.TrimSuffix(filepath.Base(d.ws.Path()), filepath.Ext(d.ws.Path()))
	if oneAccount {
		a := p.Account(d.shell.Account())
		if a == nil {
			dialog.ShowInformation("Export account workbook", "Choose an account first.", d.win)
			return
		}
		p, name = p.Subset(a.ID), a.Name
	}
	d.askPath("Export workbook", "Export", d.suggestPath(model.FileName(name)+".xlsx"), func(path string) {
		path = withExt(path, ".xlsx")
		write := func() {
			wait := dialog.NewCustomWithoutButtons("Exporting "+filepath.Base(path), widget.NewProgressBarInfinite(), d.win)
			wait.Show()
			d.runAsync(func() {
				err := sheet.ExportWorkspace(p, path)
				fyne.Do(func() {
					wait.Hide()
					if err != nil {
						dialog.ShowError(err, d.win)
						return
					}
					d.shell.SetStatus("Exported the workbook to " + path + " — File ▸ Import reads it back")
				})
			})
		}
		write() // replacing a file was asked about with the path
	})
}

func (d *desktopApp) removeSampleDialog() {
	if d.ws == nil || !d.ws.Portfolio().Settings.Sample {
		return
	}
	path := d.ws.Path()
	dialog.ShowConfirm("Remove sample workspace",
		fmt.Sprintf("Delete the sample portfolio file?\n%s\n\nIt holds only fictional data (%s).", path, sample.Name),
		func(ok bool) {
			if !ok {
				return
			}
			d.closeWorkspace()
			var errs []error
			for _, p := range []string{path, path + "-wal", path + "-shm"} {
				if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					errs = append(errs, err)
				}
			}
			d.fa.Preferences().SetString(prefLast, "")
			d.fa.Preferences().SetBool(prefNoSample, true)
			d.showWelcome()
			if err := errors.Join(errs...); err != nil {
				dialog.ShowError(err, d.win)
			}
		}, d.win)
}
