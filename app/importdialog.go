package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/store"
	"orchard/store/sheet"
	"orchard/views"
)

// prefMapping + the hash of a file's shape holds the mapping the user last
// imported a file of that shape with.
const prefMapping = "importMapping:"

// importDialog picks a spreadsheet and opens the import wizard on it.
// importExts are the files the import's file chooser offers: Excel
// workbooks old and new, text tables, web-page tables saved as .xls, and
// zipped CRM exports. (The content, not the name, decides how a file is read.)
var importExts = []string{".xlsx", ".xlsm", ".xltx", ".xls", ".csv", ".tsv", ".txt", ".htm", ".html", ".zip"}

func (d *desktopApp) importDialog() {
	if d.ws == nil {
		return
	}
	d.pickFile(importExts, "", func(path string) {
		d.previewImport(path, "")
	})
}

// previewImport reads the file (or folder, or .zip export) on a
// goroutine, with progress and Cancel, then opens the wizard.
func (d *desktopApp) previewImport(path, accountID string) {
	d.previewImportAll([]string{path}, accountID)
}

// previewImportAll reads several files together (dropped on the window at
// once): they are planned and imported as one step.
func (d *desktopApp) previewImportAll(paths []string, accountID string) {
	if d.ws == nil || len(paths) == 0 {
		return
	}
	path := paths[0]
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	var wait dialog.Dialog
	stop := widget.NewButton("Cancel", func() {
		cancel()
		wait.Hide()
	})
	wait = dialog.NewCustomWithoutButtons("Reading "+describePaths(paths),
		container.NewVBox(bar, container.NewCenter(stop)), d.win)
	wait.Resize(fyne.NewSize(420, 140))
	wait.Show()
	d.runAsync(func() {
		wb, err := sheet.ReadPaths(ctx, paths, func(f float64) { fyne.Do(func() { bar.SetValue(f) }) })
		var sheets []sheet.SheetMapping
		if err == nil {
			sheets = sheet.Analyse(wb)
		}
		fyne.Do(func() {
			wait.Hide()
			if ctx.Err() != nil {
				d.shell.SetStatus("Import of " + filepath.Base(path) + " cancelled; nothing changed")
				return
			}
			cancel()
			if err != nil {
				dialog.ShowError(err, d.win)
				return
			}
			w := &importWizard{d: d, ImportWizard: views.NewImportWizard(d.win, d.ws.Portfolio(), path, describePaths(paths), wb, sheets, accountID)}
			w.OnPlan, w.OnImport, w.OnSaveReport, w.OnSaveMapping, w.OnLoadMapping = w.replan, w.doImport, w.saveReport, w.saveMapping, w.loadMapping
			w.OnClose = w.closed
			w.reuseRemembered()
			w.Show()
			d.importWizard = w
			w.Replan()
		})
	})
}

func (d *desktopApp) runAsync(f func()) {
	if d.async != nil {
		d.async(f)
		return
	}
	go f()
}

// importWizard is the import wizard (views.ImportWizard, its widgets) and
// what the app does for it: reading, planning and saving off the UI
// thread, the remembered mappings, the files it saves.
type importWizard struct {
	*views.ImportWizard
	d      *desktopApp
	cancel context.CancelFunc // stops the plan under way; a stopped plan's result is dropped
}

// closed hears that the wizard was closed: a plan under way is dropped.
func (w *importWizard) closed() {
	if w.cancel != nil {
		w.cancel()
	}
	if w.d.importWizard == w {
		w.d.importWizard = nil
	}
}

// shapeKey names the preference holding the mapping for files shaped
// like this one.
func (w *importWizard) shapeKey() string {
	sum := sha256.Sum256([]byte(sheet.Shape(w.Sheets)))
	return prefMapping + hex.EncodeToString(sum[:8])
}

func (w *importWizard) reuseRemembered() {
	saved := w.d.fa.Preferences().String(w.shapeKey())
	if saved == "" {
		return
	}
	if m, err := sheet.UnmarshalMapping([]byte(saved)); err == nil && sheet.Reuse(w.Sheets, m) > 0 {
		w.Reused = "Columns are mapped as you mapped the last file with these headers."
	}
}

// replan works out the import again with the current mapping, on a
// goroutine, from a copy of the portfolio (the wizard's OnPlan).
func (w *importWizard) replan() {
	if w.cancel != nil {
		w.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	sheets := make([]sheet.SheetMapping, len(w.Sheets))
	for i, m := range w.Sheets {
		m.Fields = append([]sheet.Field(nil), m.Fields...)
		sheets[i] = m
	}
	p := w.d.ws.Portfolio().Copy()
	o := sheet.Options{AccountID: w.AccountID, Today: time.Now(), Sheets: sheets, Currency: w.Currency}
	w.d.runAsync(func() {
		res, err := sheet.PlanContext(ctx, w.Workbook, p, o)
		fyne.Do(func() {
			if ctx.Err() != nil {
				return // a newer plan was asked for
			}
			w.ShowPlan(p, res, err)
		})
	})
}

func (w *importWizard) saveReport() {
	if w.Res == nil {
		return
	}
	data := w.Res.ProblemsCSVWith(listSeparator(systemLocale()))
	name := strings.TrimSuffix(filepath.Base(w.Path), filepath.Ext(w.Path)) + " import problems.csv"
	w.d.askPath("Save problem report", "Save", filepath.Join(filepath.Dir(w.Path), name), func(path string) {
		if err := store.WriteAtomically(path, data); err != nil {
			dialog.ShowError(err, w.d.win)
			return
		}
		w.d.shell.SetStatus("Saved the problem report to " + path)
		dialog.ShowConfirm("Problem report saved", "Saved "+path+".\nOpen it in your spreadsheet program?", func(open bool) {
			if open {
				if u, err := url.Parse(storage.NewFileURI(path).String()); err == nil {
					if err := w.d.fa.OpenURL(u); err != nil {
						dialog.ShowError(fmt.Errorf("cannot open %s: %w", path, err), w.d.win)
					}
				}
			}
		}, w.d.win)
	})
}

func (w *importWizard) saveMapping() {
	name := strings.TrimSuffix(filepath.Base(w.Path), filepath.Ext(w.Path)) + " mapping.json"
	w.d.askPath("Save mapping", "Save", filepath.Join(filepath.Dir(w.Path), name), func(path string) {
		if err := store.WriteAtomically(withExt(path, ".json"), sheet.MarshalMapping(w.Sheets)); err != nil {
			dialog.ShowError(err, w.d.win)
			return
		}
		w.d.shell.SetStatus("Saved the mapping to " + withExt(path, ".json"))
	})
}

func (w *importWizard) loadMapping() {
	w.d.pickFile([]string{".json"}, filepath.Dir(w.Path), w.useMapping)
}

// useMapping maps the file's columns as a saved mapping file says.
func (w *importWizard) useMapping(path string) {
	saved, err := sheet.ReadMapping(path)
	if err != nil {
		dialog.ShowError(err, w.d.win)
		return
	}
	if sheet.Reuse(w.Sheets, saved) == 0 {
		dialog.ShowError(fmt.Errorf("the mapping in %s is for other headers: none of its sheets has the same columns as a sheet of %s",
			path, filepath.Base(w.Path)), w.d.win)
		return
	}
	w.Reused = "Columns are mapped as in " + filepath.Base(path) + "."
	w.RefreshSheets()
	w.Replan()
}

// doImport saves the planned records in one undoable step, after taking a
// copy of the workspace, then remembers the mapping for files of this
// shape. When another program saved to the workspace after the plan was
// made, nothing is written: the wizard opens again on a fresh plan.
func (w *importWizard) doImport() {
	d, res := w.d, w.Res
	if res == nil || len(res.Questions) > 0 {
		return
	}
	w.Close()
	pending, err := d.ws.PrepareImport("Import "+w.Name, res.Writes(), res.Settings)
	if err != nil {
		dialog.ShowError(fmt.Errorf("the import was refused and nothing changed: %w", err), d.win)
		return
	}
	// The copy and the transaction are written off the UI thread behind a
	// modal note, so the window keeps drawing; the workspace takes no other
	// command until they are done.
	saving := dialog.NewCustomWithoutButtons(fmt.Sprintf("Saving %d records", len(res.Records)), widget.NewProgressBarInfinite(), d.win)
	saving.Show()
	d.importSaving = true
	d.runAsync(func() {
		backup, err := d.ws.CopyBeforeImport()
		if err != nil {
			pending.Abandon()
			err = fmt.Errorf("the import was not started: taking a copy of the workspace failed: %w", err)
		} else if err = pending.Save(); err != nil {
			workspace.RemoveCopy(backup)
		}
		fyne.Do(func() {
			d.importSaving = false
			if d.quitAfterImport {
				defer d.quit()
			}
			saving.Hide()
			if errors.Is(err, store.ErrStale) && !d.quitAfterImport {
				w.planAgainAfterOtherSave()
				return
			}
			if err != nil {
				dialog.ShowError(fmt.Errorf("the import was refused and nothing changed: %w", err), d.win)
				return
			}
			pending.Finish()
			d.fa.Preferences().SetString(w.shapeKey(), string(sheet.MarshalMapping(w.Sheets)))
			copyNote := ""
			if backup != "" { // a team server keeps its own backups
				copyNote = "; a copy from before is " + filepath.Base(backup)
			}
			d.shell.SetStatus(fmt.Sprintf("Imported %s: %s — Ctrl+Z undoes the whole import%s", w.Name, res.Summary(), copyNote))
		})
	})
}

// planAgainAfterOtherSave reads what another program saved and opens the
// wizard again on a plan made against it.
func (w *importWizard) planAgainAfterOtherSave() {
	if _, err := w.d.ws.Refresh(); err != nil {
		dialog.ShowError(fmt.Errorf("the import was not saved: another program changed the workspace, and reading its changes failed: %w", err), w.d.win)
		return
	}
	w.Reused = "Another program saved to this workspace while the import was being saved, so nothing was imported. The preview now shows what the import would do to the workspace as it is now; check it and press Import again."
	w.Reopen()
	w.d.importWizard = w
	w.Replan()
}

// describePaths names what is imported: one file's name, or how many.
func describePaths(paths []string) string {
	if len(paths) == 1 {
		return filepath.Base(paths[0])
	}
	return fmt.Sprintf("%d files", len(paths))
}
