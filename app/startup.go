package app

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"orchard/app/workspace"
	"orchard/views"
)

// What start-up does before the first frame besides building it: loading
// the faces the first screen is written in, opening the workspace and
// building its screens while the main goroutine makes the window, and
// holding the garbage collector.

// loadFaces loads the regular and then the bold face on a goroutine; the
// channel closes when both are in the toolkit's cache. Loading a face (its
// file, the emoji and the system fallback) is most of the cost of the first
// text measured, and the first screen needs these two.
//
// Built as migrated to fyne.Do, the toolkit keeps its caches (faces, text
// sizes, renderers) in maps that are not safe for two goroutines at once,
// so the faces load one after the other, and nothing else may measure text
// until the channel has closed.
func loadFaces() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Orchard", theme.TextSize(), style)
		}
	}()
	return done
}

// prepared is the workspace start-up opens and its screens, built off the
// main goroutine.
type prepared struct {
	path    string // "" when there is none to open (the welcome screen)
	created bool   // the sample was made for a first start
	ws      *workspace.Workspace
	shell   *views.Shell // built on ws, not yet in the window
	err     error
}

// prepare finds and opens the workspace to start on and builds its screens
// on goroutines, while the main goroutine makes the window
// (showWhilePreparing): the faces load on one, the workspace opens on
// another, which then builds the shell once both are done. The window must not be given content, a menu or
// anything else that measures or draws until the channel has delivered,
// since the building uses the toolkit's unguarded caches (see loadFaces).
func (d *desktopApp) prepare(db string) <-chan prepared {
	faces := loadFaces()
	out := make(chan prepared, 1)
	go func() {
		var p prepared
		p.path, p.created, p.err = d.startupPath(db)
		if p.err == nil && p.path != "" {
			p.ws, p.err = workspace.Open(withRememberedPassword(p.path))
		}
		<-faces
		if p.ws != nil {
			p.shell = views.NewStartingShell(p.ws, d.win)
			p.shell.SelectAccount(d.startAccount(p.ws))
		}
		out <- p
	}()
	return out
}

// showWhilePreparing shows the window while prepare builds its first
// screen, and returns what prepare made once the window has its menu.
// Making the OpenGL window takes as long as building the first screen: the
// two happen at once. Until the screens are built the window has no menu,
// and content hidden from the toolkit's walk (startingContent), so that
// showing it only clears it to the background.
func (d *desktopApp) showWhilePreparing(db string) prepared {
	ready := d.prepare(db)
	d.holder = startingContent()
	d.win.SetContent(d.holder)
	d.win.Show()
	p := <-ready
	d.win.SetMainMenu(d.main)
	return p
}

// adoptPrepared puts the workspace prepare opened, with the screens it
// built, in the window; without one, the window is left for the welcome
// screen or the error.
func (d *desktopApp) adoptPrepared(p prepared) {
	if p.ws != nil {
		d.prebuilt = p.shell
		d.adopt(p.ws)
	}
	d.holder = nil // whatever comes next sets the window's content
}

// startingContent is what the window holds while prepare builds its
// screens: a window's first showing walks its content, which would touch
// the caches the building uses, and the walk leaves out what is hidden.
// The screens built go into it (attachShell), which lays them out once at
// the window's size, where giving the window new content would lay them
// out twice and refresh all of them.
func startingContent() *fyne.Container {
	c := container.NewStack()
	c.Hide()
	return c
}

// startupHeap is the heap start-up may grow to before the collector runs:
// the first screen's garbage is left until after its first frame, but a
// very large workspace is still collected while it loads.
const startupHeap = 192 << 20

// holdGC stops collecting garbage below startupHeap until the function
// it returns is called, which puts the collector back as it was.
func holdGC() (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(startupHeap)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// profileStartup writes a CPU profile of start-up, until the first frame,
// to the file named (scripts/startup.sh --profile); with no name it does
// nothing.
func profileStartup(name string) (stop func()) {
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "orchard: start-up profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
