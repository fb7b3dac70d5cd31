//go:build windows || darwin

package views

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/sqweek/dialog"
)

// The system's own Open and Save dialogs on Windows and macOS, through
// github.com/sqweek/dialog (the Windows common dialogs and Cocoa's panels;
// nothing for users to install). On Linux Orchard shows its own: the
// library's Linux dialogs need GTK's C headers to build.
func init() {
	nativeFile = func(a FileAsk, save bool) (string, bool, error) {
		b := dialog.File().Title(a.Title)
		if len(a.Exts) > 0 {
			var exts []string
			for _, e := range a.Exts {
				exts = append(exts, strings.TrimPrefix(e, "."))
			}
			kind := a.Kind
			if kind == "" {
				kind = strings.Join(a.Exts, ", ")
			}
			b = b.Filter(kind, exts...)
		}
		if a.Start != "" {
			if save {
				b = b.SetStartDir(filepath.Dir(a.Start)).SetStartFile(filepath.Base(a.Start))
			} else {
				b = b.SetStartDir(a.Start)
			}
		}
		var path string
		var err error
		if save {
			path, err = b.Save()
		} else {
			path, err = b.Load()
		}
		if errors.Is(err, dialog.ErrCancelled) {
			return "", true, nil
		}
		return path, true, err
	}
}
