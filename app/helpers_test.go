package app

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
)

func openForTest(path string) (*workspace.Workspace, error) { return workspace.Open(path) }

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// focusedNameEntry focuses the account form's name field and returns it.
func focusedNameEntry(t *testing.T, d *desktopApp) *widget.Entry {
	t.Helper()
	e := d.shell.FocusAccountName()
	if e == nil {
		t.Fatal("no account form to focus")
	}
	return e
}
