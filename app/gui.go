package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/assets"
	"orchard/assets/sample"
	"orchard/model"
	"orchard/views"
)

const appID = "io.orchard.desktop"

// The window's size on first start.
const (
	defaultWidth  = 1240
	defaultHeight = 660
)

// desktopApp is the running GUI: one window showing one workspace.
type desktopApp struct {
	fa       fyne.App
	win      fyne.Window
	ws       *workspace.Workspace
	shell    *views.Shell
	workshop bool
	zoom     float32 // presenter zoom, 1 = normal
	recent   *fyne.Menu
	main     *fyne.MainMenu
	// needsWorkspace are the menu items that act on an open workspace;
	// removeSample acts on the sample only.
	needsWorkspace []*fyne.MenuItem
	removeSample   *fyne.MenuItem
	// importWizard is the open import wizard, if any (for tests and for
	// closing it with the workspace).
	importWizard *importWizard
	// async runs long work off the UI thread; tests run it in place so
	// they see its result without racing it.
	async func(func())
	// importSaving is set while an import's transaction is written;
	// quitAfterImport asks to quit when it is done.
	importSaving, quitAfterImport bool
	// stopWatch ends the watch for others' changes to ws (watch.go);
	// watch is what it shares with the window.
	stopWatch chan struct{}
	watchDone chan struct{}
	watch     *watchState
	watchOn   bool // the watch runs (not in tests: see newDesktop)
	// running is set once the window's first frame is on screen; a shell
	// made before that leaves its below-the-fold parts until then.
	running bool
	// prebuilt is the shell start-up built for the workspace it opened,
	// until adopt puts it in the window.
	prebuilt *views.Shell
	// holder is the window's content from start-up until the first
	// screens go into it (startingContent).
	holder *fyne.Container
}

func runGUI(db, importPath string, stderr io.Writer) int {
	stopProfile := profileStartup(os.Getenv("ORCHARD_STARTUP_PROFILE"))
	restoreGC := holdGC()
	fa := fyneapp.NewWithID(appID)
	fa.Settings().SetTheme(views.NewTheme(false, 1)) // before the faces load: they read it
	d := windowFor(fa)
	d.applyRegion() // numbers and dates as the user's region writes them
	p := d.showWhilePreparing(db)
	path, created, err := p.path, p.created, p.err
	d.adoptPrepared(p)
	if path == "" && err == nil {
		d.showWelcome()
	} else if err != nil {
		fmt.Fprintf(stderr, "orchard: %v\n", err)
		d.showWelcome()
		dialog.ShowError(err, d.win)
	} else if created {
		d.shell.SetStatus("Created the sample portfolio in " + path)
	}
	if importPath != "" && d.ws != nil {
		d.previewImport(importPath, "")
	}
	probe := os.Getenv("ORCHARD_STARTUP_PROBE") != ""
	fa.Lifecycle().SetOnStarted(func() {
		// The first frame has been drawn: build what it did not need.
		go fyne.Do(func() {
			if probe {
				// scripts/startup.sh times start to first content: the
				// window is up with the workspace's first screen in it.
				fmt.Fprintln(os.Stdout, "first-content")
			}
			restoreGC()
			stopProfile()
			d.running = true
			d.restorePlace()
			if d.shell != nil {
				d.shell.Started()
			}
		})
	})
	d.win.ShowAndRun()
	return 0
}

func newDesktop(fa fyne.App) *desktopApp {
	fa.Settings().SetTheme(views.NewTheme(false, 1))
	return desktopFor(fa)
}

// desktopFor is newDesktop for an app whose theme is already set.
func desktopFor(fa fyne.App) *desktopApp {
	d := windowFor(fa)
	d.win.SetMainMenu(d.main)
	return d
}

// windowFor is desktopFor leaving the menu (d.main) off the window, for
// start-up to put on once the first screen is built.
func windowFor(fa fyne.App) *desktopApp {
	fa.SetIcon(fyne.NewStaticResource("orchard.png", assets.IconPNG))
	// Under `go test` the UI work a goroutine asks for runs on that
	// goroutine, so the watch there would race the test: tests take the
	// watch's steps in turn instead (checkWorkspace, heard).
	d := &desktopApp{fa: fa, zoom: 1, watchOn: !testing.Testing()}
	d.win = fa.NewWindow("Orchard")
	prefs := fa.Preferences()
	// The first window fits a 1280×720 screen (a common laptop and
	// projector) with room for the title bar and task bar; later starts
	// use the size the user left it at.
	d.win.Resize(fyne.NewSize(float32(prefs.FloatWithFallback(prefWidth, defaultWidth)), float32(prefs.FloatWithFallback(prefHeight, defaultHeight))))
	d.win.SetMaster()
	d.win.SetCloseIntercept(d.quit)
	d.buildMenu()
	d.addShortcuts()
	// A spreadsheet dropped onto the window starts an import of it.
	// Several files dropped at once (a CRM's export) import together.
	d.win.SetOnDropped(func(_ fyne.Position, items []fyne.URI) {
		var paths []string
		for _, it := range items {
			if it.Scheme() == "file" {
				paths = append(paths, it.Path())
			}
		}
		if d.ws != nil && len(paths) > 0 {
			d.previewImportAll(paths, "")
		}
	})
	return d
}

// startupPath picks the workspace to open: --db, else the last one used,
// else the default, which is created with the sample on first launch.
func (d *desktopApp) startupPath(db string) (path string, created bool, err error) {
	if db != "" {
		return db, false, nil
	}
	if last := d.fa.Preferences().String(prefLast); last != "" {
		if _, err := os.Stat(last); err == nil {
			return last, false, nil
		}
	}
	path = DefaultWorkspacePath()
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if d.fa.Preferences().Bool(prefNoSample) {
			return "", false, nil
		}
		ws, err := createSample(path)
		if err != nil {
			return "", false, err
		}
		ws.Close()
		return path, true, nil
	}
	return path, false, nil
}

// open switches the window to the workspace at path. On failure the
// current workspace stays open.
func (d *desktopApp) open(path string) error {
	ws, err := workspace.Open(withRememberedPassword(path))
	if err != nil {
		return err
	}
	d.adopt(ws)
	return nil
}

// adopt shows the workspace just opened in the window.
func (d *desktopApp) adopt(ws *workspace.Workspace) {
	d.setWorkspace(ws)
	if b := ws.BackupPath(); b != "" {
		d.shell.SetStatus("Upgraded the workspace; the previous version is kept in " + b)
	}
}

func (d *desktopApp) setWorkspace(ws *workspace.Workspace) {
	d.closeWorkspace()
	d.ws = ws
	d.attachShell(d.startAccount(ws), views.SectionPortfolio)
	d.shell.SetStatus(fmt.Sprintf("Opened %s: %d accounts", ws.Path(), ws.Portfolio().Count(model.KindAccount)))
	d.rememberRecent(ws.Path())
	if ws.Portfolio().Settings.Sample {
		d.shell.ShowSampleBanner(d.importDialog, d.newDialog, d.removeSampleDialog)
	}
	d.updateTitle()
	d.refreshMenu()
	d.stopWatch = make(chan struct{})
	d.watch = newWatchState(ws, d.shell.Account())
	d.watchDone = make(chan struct{})
	if d.watchOn {
		go d.watchWorkspace(ws, d.watch, d.stopWatch, d.watchDone)
	} else {
		close(d.watchDone)
	}
}

// attachShell builds the screens of the open workspace on the account and
// section given.
func (d *desktopApp) attachShell(account string, section views.Section) {
	ws := d.ws
	if d.prebuilt != nil {
		d.shell, d.prebuilt = d.prebuilt, nil // start-up built it (prepare)
	} else if d.running {
		d.shell = views.NewShell(ws, d.win)
	} else {
		d.shell = views.NewStartingShell(ws, d.win)
	}
	d.shell.SelectAccount(account)
	d.shell.OnAccountChanged = func(id string) {
		d.fa.Preferences().SetString(prefAccount+ws.Path(), id)
		if st := d.watch; st != nil && st.server {
			st.onAccount(id)
			d.showPresence(ws, st)
		}
	}
	if h := d.holder; h != nil {
		d.holder = nil
		h.Add(d.shell.Content())
		h.Show()
	} else {
		d.win.SetContent(d.shell.Content())
	}
	if section != views.SectionPortfolio {
		d.shell.Show(section)
	}
}

// rebuildShell builds the screens again where the user was (after the
// region changed: every number and date is written anew).
func (d *desktopApp) rebuildShell() {
	if d.ws == nil || d.shell == nil {
		return
	}
	account, section := d.shell.Account(), d.shell.Section()
	d.shell.Close()
	d.attachShell(account, section)
	if d.ws.Portfolio().Settings.Sample {
		d.shell.ShowSampleBanner(d.importDialog, d.newDialog, d.removeSampleDialog)
	}
	if d.workshop {
		d.shell.SetWorkshop(true)
	}
}

// startAccount is the account to show first: the one last used in this
// workspace, or in the sample the first fully planned account.
func (d *desktopApp) startAccount(ws *workspace.Workspace) string {
	if id := d.fa.Preferences().String(prefAccount + ws.Path()); ws.Portfolio().Account(id) != nil {
		return id
	}
	if ws.Portfolio().Settings.Sample {
		for _, a := range ws.Portfolio().Accounts() {
			if a.Name == sample.PlannedAccounts[0] {
				return a.ID
			}
		}
	}
	return ""
}

func (d *desktopApp) closeWorkspace() {
	if d.stopWatch != nil {
		close(d.stopWatch)
		d.stopWatch = nil
		// The watch says goodbye to the team and hangs up first; a server
		// out of reach is not waited for long.
		select {
		case <-d.watchDone:
		case <-time.After(2 * time.Second):
		}
	}
	d.watch = nil
	if d.shell != nil {
		d.shell.Close()
		d.shell = nil
	}
	if d.ws != nil {
		d.ws.Close()
		d.ws = nil
	}
}

func (d *desktopApp) updateTitle() {
	if d.ws == nil {
		d.win.SetTitle("Orchard")
		return
	}
	title := "Orchard — " + d.ws.Portfolio().Settings.Name
	if acc := d.ws.Access(); acc.Role != "" {
		title += fmt.Sprintf(" — %s, %s", acc.Name, acc.Role)
	}
	if d.ws.ReadOnly() {
		title += " (read-only)"
	}
	d.win.SetTitle(title)
}

// showWelcome is the window's content when no workspace is open.
func (d *desktopApp) showWelcome() {
	d.closeWorkspace()
	d.updateTitle()
	d.refreshMenu()
	open := widget.NewButton("Open a workspace…", d.openDialog)
	open.Importance = widget.HighImportance
	d.win.SetContent(container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle("Orchard — strategic account planning", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		widget.NewLabel("No workspace is open."),
		open,
		widget.NewButton("Import a spreadsheet…", d.welcomeImport),
		widget.NewButton("New empty workspace…", d.newDialog),
		widget.NewButton("Create the sample portfolio…", d.sampleDialog),
	)))
}

// quit saves what a form still holds, remembers the window, and closes.
func (d *desktopApp) quit() {
	if d.importSaving {
		// The import's transaction is being written; quit when it is done
		// so it is neither lost nor cut short.
		d.quitAfterImport = true
		d.shell.SetStatus("Finishing the import before quitting…")
		return
	}
	if d.shell != nil {
		if err := d.shell.Flush(); err != nil {
			dialog.ShowConfirm("Unsaved change",
				"One field cannot be saved:\n"+err.Error()+"\n\nQuit and discard that change?",
				func(discard bool) {
					if discard {
						d.finish()
					}
				}, d.win)
			return
		}
	}
	d.finish()
}

func (d *desktopApp) finish() {
	size := d.win.Canvas().Size()
	if !d.workshop && size.Width > 200 && size.Height > 200 {
		d.fa.Preferences().SetFloat(prefWidth, float64(size.Width))
		d.fa.Preferences().SetFloat(prefHeight, float64(size.Height))
		d.rememberPlace()
	}
	d.closeWorkspace()
	d.win.Close()
}

// welcomeImport starts from a spreadsheet when no workspace is open: it
// makes an empty workspace at the default place (or beside it, when one
// is there) and opens the import wizard on the file.
func (d *desktopApp) welcomeImport() {
	d.pickFile(importExts, "", func(path string) {
		target := DefaultWorkspacePath()
		for n := 2; ; n++ {
			if _, err := os.Stat(target); errors.Is(err, os.ErrNotExist) {
				break
			}
			target = filepath.Join(filepath.Dir(DefaultWorkspacePath()), fmt.Sprintf("workspace %d.orchard", n))
		}
		ws, err := workspace.Create(target, model.DefaultSettings(), nil)
		if err != nil {
			dialog.ShowError(err, d.win)
			return
		}
		d.setWorkspace(ws)
		d.previewImport(path, "")
	})
}
