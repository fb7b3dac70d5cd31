package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"

	"orchard/app/pack"
	"orchard/views"
)

// Version is Orchard's release, shown in Help ▸ About.
const Version = "0.1.0"

func (d *desktopApp) buildMenu() {
	d.recent = fyne.NewMenu("Open recent")
	importItem := &fyne.MenuItem{Label: "Import…", Action: d.importDialog, Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}}
	saveCopy := fyne.NewMenuItem("Save a copy…", d.saveCopyDialog)
	exportBook := fyne.NewMenuItem("Export workbook…", d.exportDialog)
	exportAccount := fyne.NewMenuItem("Export account workbook…", func() { d.exportWorkbook(true) })
	exportPack := &fyne.MenuItem{Label: "Export review pack…", Action: d.exportPackDialog, Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}}
	exportDeck := &fyne.MenuItem{Label: "Export review deck…", Action: func() { d.exportDeckDialog(pack.PPTX) },
		Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}}
	exportPDF := fyne.NewMenuItem("Export review as PDF…", func() { d.exportDeckDialog(pack.PDF) })
	publishItem := fyne.NewMenuItem("Publish to team server…", d.publishDialog)
	d.needsWorkspace = []*fyne.MenuItem{saveCopy, importItem, exportBook, exportAccount, exportPack, exportDeck, exportPDF, publishItem}
	d.removeSample = fyne.NewMenuItem("Remove sample workspace…", d.removeSampleDialog)
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New workspace…", d.newDialog),
		&fyne.MenuItem{Label: "Open…", Action: d.openDialog, Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}},
		&fyne.MenuItem{Label: "Open recent", ChildMenu: d.recent},
		fyne.NewMenuItem("Open team workspace…", d.openTeamDialog),
		publishItem,
		saveCopy,
		fyne.NewMenuItemSeparator(),
		importItem,
		exportBook,
		exportAccount,
		exportPack,
		fyne.NewMenuItemSeparator(),
		d.removeSample,
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Quit", IsQuit: true, Action: d.quit, Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}},
	)
	edit := fyne.NewMenu("Edit",
		&fyne.MenuItem{Label: "Undo", Action: d.undo, Shortcut: &fyne.ShortcutUndo{}},
		&fyne.MenuItem{Label: "Redo", Action: d.redo, Shortcut: &fyne.ShortcutRedo{}},
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Add account", func() {
			if d.shell != nil {
				d.shell.AddAccount()
			}
		}),
		&fyne.MenuItem{Label: "Rename account", Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyF2}, Action: func() {
			if d.shell != nil {
				d.shell.FocusAccountName()
			}
		}},
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Assessment weights…", func() {
			if d.ws != nil {
				views.ShowWeightsDialog(d.ws, d.win)
			}
		}),
		fyne.NewMenuItem("Exchange rates…", func() {
			if d.ws != nil {
				views.ShowRatesDialog(d.ws, d.win)
			}
		}),
		fyne.NewMenuItem("Review deck template…", d.deckTemplateDialog),
	)
	// What is made for the selected account, to take to its review.
	accountPack := fyne.NewMenuItem("Export review pack…", d.exportPackDialog)
	d.needsWorkspace = append(d.needsWorkspace, accountPack)
	account := fyne.NewMenu("Account", exportDeck, exportPDF, accountPack)
	view := fyne.NewMenu("View")
	// Ctrl+1…4 are the workshop's stops: quadrant, map, board, review.
	for i, sec := range []views.Section{views.SectionPortfolio, views.SectionMap, views.SectionBoard, views.SectionReview, views.SectionPlan, views.SectionMyActions} {
		sec := sec
		view.Items = append(view.Items, &fyne.MenuItem{
			Label:    sec.Title(),
			Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault},
			Action: func() {
				if d.shell != nil {
					d.shell.ShowStop(sec, d.workshop)
				}
			},
		})
	}
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Workshop mode", Action: d.toggleWorkshop, Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyF11}},
		fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Region and formats…", d.regionDialog))
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Orchard", d.about))
	d.main = fyne.NewMainMenu(file, edit, view, account, help)
}

// refreshMenu updates the parts of the menu that depend on the workspace.
func (d *desktopApp) refreshMenu() {
	d.recent.Items = nil
	for _, p := range d.recentPaths() {
		p := p
		d.recent.Items = append(d.recent.Items, fyne.NewMenuItem(p, func() { d.openPath(p) }))
	}
	if len(d.recent.Items) == 0 {
		none := fyne.NewMenuItem("No recent workspaces", nil)
		none.Disabled = true
		d.recent.Items = append(d.recent.Items, none)
	}
	for _, it := range d.needsWorkspace {
		it.Disabled = d.ws == nil
	}
	d.removeSample.Disabled = d.ws == nil || !d.ws.Portfolio().Settings.Sample
	d.main.Refresh()
}

func (d *desktopApp) addShortcuts() {
	c := d.win.Canvas()
	// Ctrl+Shift+Z as a second redo; Ctrl+Z and Ctrl+Y come through the Edit menu.
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		func(fyne.Shortcut) { d.redo() })
	for _, k := range []fyne.KeyName{fyne.KeyEqual, fyne.KeyPlus} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { d.presenterZoom(1.15) })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { d.presenterZoom(1 / 1.15) })
	c.SetOnTypedKey(d.typedKey)
}

// textInput is what a focused text field offers; inside one, undo and redo
// edit the text instead of the workspace.
type textInput interface {
	fyne.Shortcutable
	SelectedText() string
}

func (d *desktopApp) undo() {
	if t, ok := d.win.Canvas().Focused().(textInput); ok {
		t.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if d.shell != nil {
		d.shell.Undo()
	}
}

func (d *desktopApp) redo() {
	if t, ok := d.win.Canvas().Focused().(textInput); ok {
		t.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	if d.shell != nil {
		d.shell.Redo()
	}
}

func (d *desktopApp) toggleWorkshop() {
	d.workshop = !d.workshop
	d.applyTheme()
	d.win.SetFullScreen(d.workshop)
	if d.shell != nil {
		d.shell.SetWorkshop(d.workshop)
	}
}

func (d *desktopApp) applyTheme() {
	d.fa.Settings().SetTheme(views.NewTheme(d.workshop, d.zoom))
}

// presenterZoom scales the whole interface live (Ctrl + and Ctrl −).
func (d *desktopApp) presenterZoom(factor float32) {
	if d.zoom == 0 {
		d.zoom = 1
	}
	d.zoom = max(0.6, min(2.5, d.zoom*factor))
	d.applyTheme()
	if d.shell != nil {
		d.shell.ThemeChanged()
	}
}

// typedKey handles keys no widget took: Esc cancels an import or leaves
// workshop mode, PageUp
// and PageDown step through the workshop screens.
func (d *desktopApp) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF11:
		d.toggleWorkshop()
	case fyne.KeyEscape:
		if d.importWizard != nil {
			d.importWizard.Close() // Esc cancels the import, changing nothing
			return
		}
		// Esc closes the dialog in front, as on every desktop (closing is
		// cancelling: nothing it would have done is done). The note shown
		// while an import is saved stays until the save is over.
		if top := d.win.Canvas().Overlays().Top(); top != nil {
			if !d.importSaving {
				top.Hide()
			}
			return
		}
		if d.workshop {
			d.toggleWorkshop()
		}
	case fyne.KeyPageDown:
		if d.shell != nil {
			d.shell.WorkshopStep(1)
		}
	case fyne.KeyPageUp:
		if d.shell != nil {
			d.shell.WorkshopStep(-1)
		}
	}
}

func (d *desktopApp) about() {
	msg := fmt.Sprintf("Orchard %s\nStrategic account planning, offline.", Version)
	if d.ws != nil {
		msg += fmt.Sprintf("\n\nWorkspace: %s\nSchema version: %d", d.ws.Path(), d.ws.SchemaVersion())
	}
	dialog.ShowInformation("About Orchard", msg, d.win)
}

func (d *desktopApp) openPath(path string) {
	if d.shell != nil {
		if err := d.shell.Flush(); err != nil {
			dialog.ShowError(fmt.Errorf("finish or fix the field you are editing first: %w", err), d.win)
			return
		}
	}
	if d.ws != nil && views.SamePath(path, d.ws.Path()) {
		return
	}
	if err := d.open(path); err != nil {
		dialog.ShowError(err, d.win)
	}
}

func (d *desktopApp) openDialog() {
	dir := ""
	if d.ws != nil {
		dir = filepath.Dir(d.ws.Path())
	}
	d.pickFile([]string{".orchard"}, dir, d.openPath)
}

// pickFile asks for an existing file with one of exts, starting in dir
// when it is not "", and passes its path to done: the system's Open dialog
// on Windows and macOS, else Fyne's.
func (d *desktopApp) pickFile(exts []string, dir string, done func(path string)) {
	views.OpenPath(d.win, views.FileAsk{Title: "Open", Start: dir, Exts: exts}, done)
}

// suggestPath proposes a file beside the current workspace.
func (d *desktopApp) suggestPath(name string) string {
	dir := filepath.Dir(DefaultWorkspacePath())
	if d.ws != nil {
		dir = filepath.Dir(d.ws.Path())
	}
	return filepath.Join(dir, name)
}

func withExt(path, ext string) string {
	if !strings.EqualFold(filepath.Ext(path), ext) {
		return path + ext
	}
	return path
}
