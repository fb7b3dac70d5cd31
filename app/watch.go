package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"orchard/app/workspace"
)

// watchInterval is how often the window looks for changes another process
// (a second window, `orchard import`) saved to the open workspace.
const watchInterval = 1500 * time.Millisecond

// watchWorkspace polls ws's change count off the UI thread and, when
// another process has saved, reads the changes in on the UI thread, where
// views refresh what changed. It stops when stop is closed.
func (d *desktopApp) watchWorkspace(ws *workspace.Workspace, stop <-chan struct{}) {
	t := time.NewTicker(watchInterval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		changed, err := ws.Changed()
		if err != nil || !changed {
			continue
		}
		fyne.Do(func() {
			if d.ws != ws || d.importSaving {
				return
			}
			read, err := ws.Refresh()
			switch {
			case err != nil:
				d.shell.SetStatus(fmt.Sprintf("Another program changed the workspace, and reading its changes failed: %v", err))
			case read:
				d.shell.SetStatus("Loaded changes another program saved to this workspace")
			}
		})
	}
}
