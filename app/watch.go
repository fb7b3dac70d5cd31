package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"orchard/app/workspace"
	"orchard/store"
)

// watchInterval is how often the window looks for changes another process
// (a second window, `orchard import`) saved to the open workspace; on a
// team workspace, where others work at the same time, more often, so their
// changes show within a second.
const (
	watchInterval       = 1500 * time.Millisecond
	watchServerInterval = 500 * time.Millisecond
)

// watchWorkspace polls ws's change count off the UI thread and, when
// another process has saved, reads the changes in on the UI thread, where
// views refresh what changed. It stops when stop is closed.
func (d *desktopApp) watchWorkspace(ws *workspace.Workspace, stop <-chan struct{}) {
	st := &watchState{server: store.IsServerURL(ws.Path())}
	every := watchInterval
	if st.server {
		every = watchServerInterval
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		d.checkWorkspace(ws, st)
	}
}

// watchState is what the watch remembers from one look to the next.
type watchState struct {
	server      bool // a team workspace
	unreachable bool // its server could not be reached at the last look
}

// checkWorkspace looks once for changes others saved (off the UI thread)
// and reads them in on the UI thread; for a team workspace it also says
// when the server goes away and when it is back.
func (d *desktopApp) checkWorkspace(ws *workspace.Workspace, st *watchState) {
	changed, err := ws.Changed()
	cameBack := false
	if st.server && (err != nil) != st.unreachable {
		// The team server went away or came back: say so, once each way;
		// coming back, catch up on what others saved meanwhile.
		st.unreachable, cameBack = err != nil, err == nil
		if st.unreachable {
			msg := fmt.Sprintf("Cannot reach the team server (%v): what is on screen may be out of date, and changes cannot be saved until it is back", err)
			fyne.Do(func() {
				if d.ws == ws {
					d.shell.SetStatus(msg)
				}
			})
		}
	}
	if err != nil || !(changed || cameBack) {
		return
	}
	fyne.Do(func() {
		if d.ws != ws || d.importSaving {
			return
		}
		read, err := ws.Refresh()
		switch {
		case err != nil:
			d.shell.SetStatus(fmt.Sprintf("Another program changed the workspace, and reading its changes failed: %v", err))
		case cameBack:
			d.shell.SetStatus("The team server is back; showing what others saved meanwhile")
		case read:
			d.shell.SetStatus("Loaded changes another program saved to this workspace")
		}
	})
}
