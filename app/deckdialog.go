package app

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"orchard/app/pack"
	"orchard/model"
	"orchard/views"
)

// prefDeckTemplate is the company template the review deck is put on; ""
// is the built-in one.
const prefDeckTemplate = "deckTemplate"

// exportDeckDialog asks which version of the selected account's review to
// write (customer-safe or internal, with or without plan against actual),
// says what goes in and what is held back, then where to save it; the
// deck or PDF is built on a goroutine with progress and Cancel.
func (d *desktopApp) exportDeckDialog(format pack.DeckFormat) {
	what, ext, kind := "review deck", ".pptx", "PowerPoint presentation"
	if format == pack.PDF {
		what, ext, kind = "review as PDF", ".pdf", "PDF document"
	}
	if d.ws == nil || d.shell == nil || d.ws.Portfolio().Account(d.shell.Account()) == nil {
		dialog.ShowInformation("Export "+what, "Select an account first: the review is made for one account.", d.win)
		return
	}
	a := d.ws.Portfolio().Account(d.shell.Account())
	figures, internal, items := reviewChoices("Internal version (every action, attitudes, health: not for the customer; every slide says INTERNAL)", pack.DeckContents)
	if format == pack.PPTX {
		tmpl := "Orchard's built-in template (Edit ▸ Review deck template… to use your company's)"
		if t := d.fa.Preferences().String(prefDeckTemplate); t != "" {
			tmpl = t
		}
		l := widget.NewLabel(tmpl)
		l.Wrapping = fyne.TextWrapWord
		items = append(items, widget.NewFormItem("Template", l))
	}
	form := dialog.NewForm("Export "+what+" of "+a.Name, "Export…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		name := model.FileName(fmt.Sprintf("%s review %s", a.Name, time.Now().Format("2006-01-02")))
		if internal.Checked {
			name += " INTERNAL"
		}
		d.askPathAs(views.FileAsk{Title: "Export " + what, Confirm: "Export", Start: d.suggestPath(name + ext), Exts: []string{ext}, Kind: kind}, func(path string) {
			d.buildDeck(pack.DeckOptions{AccountID: a.ID, Path: withExt(path, ext), Format: format, Internal: internal.Checked,
				Figures: figures.Checked && !internal.Checked, Template: d.fa.Preferences().String(prefDeckTemplate)}, a.Name)
		})
	}, d.win)
	form.Resize(fyne.NewSize(760, 560))
	form.Show()
}

// buildDeck writes the deck on a goroutine from a copy of the portfolio;
// the channel receives the outcome.
func (d *desktopApp) buildDeck(o pack.DeckOptions, name string) <-chan error {
	p := d.ws.Portfolio().Copy()
	var res pack.DeckResult
	return d.longWork("Writing the review of "+name, pack.ErrDeckCancelled,
		func(progress func(int, int, string), cancelled func() bool) (err error) {
			o.Progress, o.Cancelled = progress, cancelled
			res, err = pack.WriteDeck(p, o)
			return err
		},
		func() {
			if res.TemplateProblem != "" {
				dialog.ShowInformation("Company template not used", res.TemplateProblem, d.win)
			}
			if d.shell != nil {
				d.shell.SetStatus(fmt.Sprintf("Wrote the review of %s to %s (%d slides)", name, o.Path, res.Slides))
			}
		})
}

// deckTemplateDialog lets the user put the review deck on their company's
// own .potx or .pptx template, checked when chosen, or go back to the
// built-in one.
func (d *desktopApp) deckTemplateDialog() {
	prefs := d.fa.Preferences()
	current := widget.NewLabel("")
	current.Wrapping = fyne.TextWrapWord
	show := func() {
		if t := prefs.String(prefDeckTemplate); t != "" {
			current.SetText(t)
		} else {
			current.SetText("Orchard's built-in template")
		}
	}
	show()
	choose := widget.NewButton("Choose a template…", func() {
		d.pickFile([]string{".potx", ".pptx"}, filepath.Dir(prefs.String(prefDeckTemplate)), func(path string) {
			if err := pack.CheckTemplate(path); err != nil {
				dialog.ShowError(err, d.win)
				return
			}
			prefs.SetString(prefDeckTemplate, path)
			show()
		})
	})
	builtin := widget.NewButton("Use the built-in template", func() {
		prefs.SetString(prefDeckTemplate, "")
		show()
	})
	help := widget.NewLabel("The review deck uses the template's slide master, layouts, colours and fonts: its title slide layout for the first slide and a layout with a title for the others.")
	help.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom("Review deck template", "Close", container.NewVBox(current, container.NewHBox(choose, builtin), help), d.win)
	dlg.Resize(fyne.NewSize(620, 260))
	dlg.Show()
}
