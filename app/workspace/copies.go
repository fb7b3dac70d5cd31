package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"orchard/store"
)

// KeepImportCopies is how many "before import" copies of a workspace are
// kept beside it; taking another deletes the oldest beyond this number.
const KeepImportCopies = 10

const importCopyTag = "before-import"

// CopyBeforeImport saves a copy of the workspace beside it, named
// NAME.before-import-STAMP.orchard (a new name however many are taken in one
// second), prunes the oldest such copies beyond KeepImportCopies and returns
// the copy's path. A read-only workspace gets no copy: nothing will be
// written to it.
func (w *Workspace) CopyBeforeImport() (string, error) {
	if w.ReadOnly() {
		return "", fmt.Errorf("the workspace is read-only; nothing can be imported into it")
	}
	path, err := w.st.NewCopy(importCopyTag)
	if err != nil {
		return "", err
	}
	pruneImportCopies(w.Path(), path)
	return path, nil
}

// pruneImportCopies deletes the oldest "before import" copies of the
// workspace at path beyond KeepImportCopies, never keep itself.
func pruneImportCopies(path, keep string) {
	prefix := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "." + importCopyTag + "-"
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return
	}
	type copyFile struct {
		name string
		mod  int64
	}
	var copies []copyFile
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || filepath.Ext(e.Name()) != filepath.Ext(path) || e.IsDir() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		copies = append(copies, copyFile{e.Name(), info.ModTime().UnixNano()})
	}
	sort.Slice(copies, func(i, j int) bool {
		if copies[i].mod != copies[j].mod {
			return copies[i].mod > copies[j].mod
		}
		return copies[i].name > copies[j].name
	})
	for i, c := range copies {
		full := filepath.Join(filepath.Dir(path), c.name)
		if i >= KeepImportCopies && full != keep {
			os.Remove(full)
		}
	}
}

// RemoveCopy deletes a copy taken before an import that then wrote
// nothing.
func RemoveCopy(path string) {
	if path != "" {
		os.Remove(path)
	}
}

// WriteExport writes a file a screen exports (a picture, a report)
// beside its target and renames it into place, so a crash or a full disk
// never leaves half a file where an earlier, whole one was.
func WriteExport(path string, data []byte) error { return store.WriteAtomically(path, data) }
