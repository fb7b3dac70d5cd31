package app

import (
	"fmt"
	"orchard/model"
	"orchard/views"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"orchard/app/pack"
)

// exportPackDialog asks where to write the selected account's review pack
// and whether it is the internal version, then builds it on a goroutine
// with a progress bar and Cancel.
func (d *desktopApp) exportPackDialog() {
	if d.ws == nil || d.shell == nil || d.ws.Portfolio().Account(d.shell.Account()) == nil {
		dialog.ShowInformation("Export review pack", "Select an account first: the pack is made for one account.", d.win)
		return
	}
	a := d.ws.Portfolio().Account(d.shell.Account())
	folder := views.NewEntry()
	folder.SetText(filepath.Join(homeDir(), model.FileName(fmt.Sprintf("%s review pack %s", a.Name, time.Now().Format("2006-01-02")))))
	figures, internal, choices := reviewChoices("Internal version (attitudes, health, private notes: not for the customer)",
		func(internal, figures bool) ([]string, []string) {
			return pack.Contents(pack.Options{Internal: internal, Figures: figures})
		})
	form := dialog.NewForm("Export review pack of "+a.Name, "Export", "Cancel", append([]*widget.FormItem{
		widget.NewFormItem("New folder", folder)}, choices...), func(ok bool) {
		if ok {
			d.buildPackWith(a.ID, a.Name, folder.Text, internal.Checked, figures.Checked)
		}
	}, d.win)
	form.Resize(fyne.NewSize(760, 520))
	form.Show()
}

// reviewChoices are the tick boxes of a review's export (plan against
// actual; the internal version) and the preview of what goes in and what
// is held back, which follows them.
func reviewChoices(internalText string, contents func(internal, figures bool) (in, out []string)) (figures, internal *widget.Check, items []*widget.FormItem) {
	goesIn, heldBack := widget.NewLabel(""), widget.NewLabel("")
	goesIn.Wrapping, heldBack.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	figures = widget.NewCheck("Show plan against actual (revenue and targets)", nil)
	internal = widget.NewCheck(internalText, nil)
	preview := func(bool) {
		in, out := contents(internal.Checked, figures.Checked)
		goesIn.SetText("• " + strings.Join(in, "\n• "))
		heldBack.SetText("• " + strings.Join(out, "\n• "))
		if internal.Checked {
			figures.Disable()
		} else {
			figures.Enable()
		}
	}
	figures.OnChanged, internal.OnChanged = preview, preview
	preview(false)
	return figures, internal, []*widget.FormItem{widget.NewFormItem("", figures), widget.NewFormItem("", internal),
		widget.NewFormItem("Goes in", goesIn), widget.NewFormItem("Held back", heldBack)}
}

// buildPack builds the pack on a goroutine; the channel receives the
// outcome once the files are written (or not).
func (d *desktopApp) buildPack(accountID, name, dir string, internal bool) <-chan error {
	return d.buildPackWith(accountID, name, dir, internal, false)
}

// buildPackWith is buildPack that may show plan against actual in a
// customer-safe pack.
func (d *desktopApp) buildPackWith(accountID, name, dir string, internal, figures bool) <-chan error {
	p := d.ws.Portfolio().Copy() // the goroutine reads its own copy
	var files []string
	return d.longWork("Building the review pack of "+name, pack.ErrCancelled,
		func(progress func(int, int, string), cancelled func() bool) (err error) {
			files, err = pack.Write(p, pack.Options{AccountID: accountID, Dir: dir, Internal: internal, Figures: figures,
				Progress: progress, Cancelled: cancelled})
			return err
		},
		func() {
			if d.shell != nil {
				d.shell.SetStatus(fmt.Sprintf("Wrote the review pack of %s to %s (%d files)", name, dir, len(files)))
			}
		})
}

// longWork runs work on a goroutine behind a progress dialog whose Cancel
// asks it to stop: work hears through progress and cancelled, and returns
// stopped when it stopped for a Cancel, which ends quietly. Any other error
// is shown; success runs done. Both happen on the UI thread; the channel
// receives work's outcome after that.
func (d *desktopApp) longWork(title string, stopped error, work func(progress func(done, total int, what string), cancelled func() bool) error, done func()) <-chan error {
	out := make(chan error, 1)
	bar := widget.NewProgressBar()
	step := widget.NewLabel("Starting…")
	var cancelled atomic.Bool
	dlg := dialog.NewCustom(title, "Cancel", container.NewVBox(step, bar), d.win)
	dlg.SetOnClosed(func() { cancelled.Store(true) })
	dlg.Resize(fyne.NewSize(520, 160))
	dlg.Show()
	progress := func(n, total int, what string) {
		fyne.Do(func() {
			bar.SetValue(float64(n) / float64(total))
			step.SetText(what)
		})
	}
	go func() {
		err := work(progress, cancelled.Load)
		fyne.Do(func() {
			if cancelled.Load() && err == stopped {
				return
			}
			cancelled.Store(true) // closing the dialog now is not a cancel
			dlg.Hide()
			if err != nil {
				dialog.ShowError(err, d.win)
				return
			}
			done()
		})
		out <- err
	}()
	return out
}
