package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/model"
	"orchard/store/sheet"
	"orchard/views"
)

// askPath asks for a file to create. Fyne's save dialog truncates the file
// it returns, which could destroy an open workspace, so Orchard asks for a
// path and creates the file itself.
func (d *desktopApp) askPath(title, confirm, suggested string, done func(path string)) {
	entry := views.NewEntry()
	entry.SetText(suggested)
	browse := widget.NewButton("Choose folder…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				entry.SetText(filepath.Join(u.Path(), filepath.Base(entry.Text)))
			}
		}, d.win)
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(entry.Text))); err == nil {
			fd.SetLocation(dir)
		}
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	form := dialog.NewCustomConfirm(title, confirm, "Cancel",
		container.NewBorder(nil, nil, nil, browse, entry), func(ok bool) {
			if ok {
				done(strings.TrimSpace(entry.Text))
			}
		}, d.win)
	form.Resize(fyne.NewSize(720, 160))
	form.Show()
	d.win.Canvas().Focus(entry)
}

func (d *desktopApp) newDialog() {
	d.askPath("New workspace", "Create", d.suggestPath("New workspace.orchard"), func(path string) {
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
	d.askPath("Create the sample portfolio", "Create", DefaultWorkspacePath(), func(path string) {
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
		if _, err := os.Stat(path); err == nil {
			dialog.ShowConfirm("Replace file?", path+" already exists. Replace it with the export?", func(ok bool) {
				if ok {
					write()
				}
			}, d.win)
			return
		}
		write()
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
