package views

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Where Orchard asks for a file: the operating system's own Open and Save
// dialogs on Windows and macOS (native_dialogs.go), else Orchard's own. A
// file is never written over the open workspace, and replacing any other
// file is asked about first (the system's Save dialog asks itself).

// FileAsk is a question for a file.
type FileAsk struct {
	Title   string
	Confirm string   // the button of Orchard's own dialog: "Save", "Export"…
	Start   string   // a suggested path (Save) or the folder to start in (Open)
	Exts    []string // ".xlsx", ".csv"…; the first is added to a name without one
	Kind    string   // what the files are, for the system's filter: "Orchard workspace"
	Protect []string // files that must never be written over (the open workspace)
	New     bool     // the file must not exist yet (a new workspace is never put over a file)
}

// nativeFile shows the system's dialog where there is one; handled is
// false where there is none, and the caller shows Orchard's. A cancelled
// dialog is handled with no path.
var nativeFile func(a FileAsk, save bool) (path string, handled bool, err error)

// SavePath asks where to save and passes the path on; nothing happens on
// Cancel.
func SavePath(win fyne.Window, a FileAsk, done func(path string)) {
	if a.Confirm == "" {
		a.Confirm = "Save"
	}
	check := func(path string, asked bool) {
		path = strings.TrimSpace(path)
		if path == "" {
			return
		}
		if len(a.Exts) > 0 && filepath.Ext(path) == "" {
			path += a.Exts[0]
		}
		for _, p := range a.Protect {
			if p != "" && SamePath(path, p) {
				dialog.ShowError(fmt.Errorf("%s is the workspace that is open; choose another name", path), win)
				return
			}
		}
		_, err := os.Stat(path)
		exists := err == nil
		if exists && a.New {
			dialog.ShowError(fmt.Errorf("%s already exists; choose another name (Orchard does not replace a file with a new workspace)", path), win)
			return
		}
		if exists && !asked {
			dialog.ShowConfirm("Replace file?", path+" already exists. Replace it?", func(ok bool) {
				if ok {
					done(path)
				}
			}, win)
			return
		}
		done(path)
	}
	if nativeFile != nil {
		if path, handled, err := nativeFile(a, true); handled {
			if err != nil {
				dialog.ShowError(err, win)
			} else {
				check(path, true) // the system's dialog asked about replacing
			}
			return
		}
	}
	askPath(win, a, func(path string) { check(path, false) })
}

// OpenPath asks for an existing file and passes its path on.
func OpenPath(win fyne.Window, a FileAsk, done func(path string)) {
	if nativeFile != nil {
		if path, handled, err := nativeFile(a, false); handled {
			if err != nil {
				dialog.ShowError(err, win)
			} else if path != "" {
				done(path)
			}
			return
		}
	}
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, win)
	if len(a.Exts) > 0 {
		fd.SetFilter(storage.NewExtensionFileFilter(a.Exts))
	}
	if a.Start != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(a.Start)); err == nil {
			fd.SetLocation(l)
		}
	}
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// askPath is Orchard's own Save dialog: a path to edit and a folder
// chooser. Fyne's save dialog truncates the file it returns, which could
// destroy an open workspace, so Orchard asks for a path and writes it
// itself.
func askPath(win fyne.Window, a FileAsk, done func(path string)) {
	entry := NewEntry()
	entry.SetText(a.Start)
	browse := widget.NewButton("Choose folder…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				entry.SetText(filepath.Join(u.Path(), filepath.Base(entry.Text)))
			}
		}, win)
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(entry.Text))); err == nil {
			fd.SetLocation(dir)
		}
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	form := dialog.NewCustomConfirm(a.Title, a.Confirm, "Cancel",
		container.NewBorder(nil, nil, nil, browse, entry), func(ok bool) {
			if ok {
				done(entry.Text)
			}
		}, win)
	form.Resize(fyne.NewSize(720, 160))
	form.Show()
	win.Canvas().Focus(entry)
}

// SamePath reports whether two paths name one file, as the file system
// compares names (ignoring case on Windows and macOS).
func SamePath(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return sameName(x, y)
}

// foldedSame compares paths as Windows and macOS do: C:\Plans\A.orchard
// is c:\plans\a.orchard.
func foldedSame(a, b string) bool { return strings.EqualFold(a, b) }
