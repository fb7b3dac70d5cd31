package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"orchard/assets/sample"
	"orchard/views"
)

// startupOn starts as runGUI does on the workspace at path: the window is
// made and shown while prepare opens the workspace and builds its screens.
func startupOn(t *testing.T, path string) (*desktopApp, prepared) {
	t.Helper()
	fa := test.NewTempApp(t)
	fa.Settings().SetTheme(views.NewTheme(false, 1))
	d := windowFor(fa)
	return d, d.showWhilePreparing(path)
}

// Start-up opens the workspace and builds its first screen, on the account
// the user starts on, while the window is made and shown; the faces are then
// loaded, and the screen built is the one the window shows. Under the race
// detector (test.sh) this also fails if showing the window shares unguarded
// state with the building. (The test app guards its settings, so it cannot
// catch the real app's unguarded theme: that is why the theme is set before
// the building starts and windowFor leaves it alone; scripts/e2e.sh starts
// a race-detecting build of the real app for the rest.)
func TestStartupBuildsTheFirstScreenWhileTheWindowShows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "start.orchard")
	ws, err := createSample(path)
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for _, a := range ws.Portfolio().Accounts() {
		if a.Name == sample.PlannedAccounts[0] {
			first = a.ID
		}
	}
	ws.Close()

	d, p := startupOn(t, path)
	if p.err != nil || p.ws == nil || p.shell == nil {
		t.Fatalf("start-up on a sample workspace gave workspace %v, screens %v, error %v", p.ws != nil, p.shell != nil, p.err)
	}
	if p.shell.Account() != first {
		t.Errorf("the first screen was built on account %q, not the sample's first planned account %q", p.shell.Account(), first)
	}
	regular := fyne.MeasureText("Northwind Logistics", theme.TextSize(), fyne.TextStyle{})
	bold := fyne.MeasureText("Northwind Logistics", theme.TextSize(), fyne.TextStyle{Bold: true})
	if regular.Width <= 0 || bold.Width <= regular.Width {
		t.Errorf("after start-up, an account name measures %v in regular and %v in bold", regular, bold)
	}
	holder := d.holder
	d.adoptPrepared(p)
	t.Cleanup(d.closeWorkspace)
	if d.shell != p.shell || d.win.Content() != holder || len(holder.Objects) != 1 || holder.Objects[0] != p.shell.Content() || !holder.Visible() {
		t.Error("the window does not show the screens start-up built")
	}
	if got, want := p.shell.Content().Size(), holder.Size(); got != want || want.Width < 600 {
		t.Errorf("the first screen is laid out at %v in a window of %v", got, want)
	}
	if d.shell.Account() != first {
		t.Errorf("the window opened on account %q, not %q", d.shell.Account(), first)
	}
}

// A file that is not a workspace stops start-up with its error and builds
// nothing, leaving the window to say so.
func TestStartupOnAFileThatIsNotAWorkspaceBuildsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.orchard")
	if err := os.WriteFile(path, []byte("these are not the accounts you are looking for"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, p := startupOn(t, path)
	if p.err == nil || p.ws != nil || p.shell != nil {
		t.Errorf("start-up on a text file gave workspace %v, screens %v, error %v", p.ws != nil, p.shell != nil, p.err)
	}
	if p.path != path {
		t.Errorf("start-up lost the path it tried: %q", p.path)
	}
}
