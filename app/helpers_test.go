package app

import (
	"os"
	"path/filepath"
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

// demoWorkspace makes a folder holding a sample workspace named name, made
// by orchard demo, and returns both paths.
func demoWorkspace(t *testing.T, name string) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, name)
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	return dir, db
}
