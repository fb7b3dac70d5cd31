package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// A CRM's data export comes as several files (Account.csv, Contact.csv,
// Opportunity.csv…), in a folder or a .zip. They are read into one
// workbook, each sheet remembering its file, and planned together: accounts
// before the people, deals and tasks that link to them, in one transaction
// and one undo step.

// importable are the names of files read from a folder or a zip.
var importable = map[string]bool{".csv": true, ".tsv": true, ".txt": true, ".xlsx": true, ".xlsm": true, ".xltx": true,
	".htm": true, ".html": true}

// ReadPaths reads several files, folders and .zip exports as one workbook.
func ReadPaths(ctx context.Context, paths []string, progress func(float64)) (*Workbook, error) {
	if progress == nil {
		progress = func(float64) {}
	}
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}
		n := len(files)
		for _, e := range entries {
			if !e.IsDir() && importable[strings.ToLower(filepath.Ext(e.Name()))] && !strings.HasPrefix(e.Name(), ".") {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
		if len(files) == n {
			return nil, fmt.Errorf("cannot import %s: the folder has no spreadsheet in it (.csv, .xlsx, .html)", p)
		}
	}
	if len(files) == 1 {
		return ReadFileContext(ctx, files[0], progress)
	}
	sort.Strings(files)
	all := &Workbook{Path: files[0], Format: "files"}
	for i, f := range files {
		wb, err := ReadFileContext(ctx, f, func(x float64) { progress((float64(i) + x) / float64(len(files))) })
		if err != nil {
			return nil, err
		}
		if wb.Orchard {
			return nil, fmt.Errorf("cannot import %s together with other files: it is a workbook Orchard exported; import it on its own", f)
		}
		all.add(wb, f)
	}
	return all, nil
}

// add appends a file's sheets, naming each after its file when several
// files could have sheets of one name.
func (w *Workbook) add(wb *Workbook, file string) {
	for _, t := range wb.Tables {
		if t.File == "" {
			t.File = file
		}
		if len(wb.Tables) > 1 || t.Name != strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)) {
			t.Name = filepath.Base(file) + " / " + t.Name
		}
		for _, have := range w.Tables {
			if have.Name == t.Name {
				t.Name = filepath.Base(file) + " / " + t.Name
				break
			}
		}
		w.Tables = append(w.Tables, t)
	}
}

// isExport says whether a zip holds files to import rather than being an
// Excel workbook itself.
func isExport(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "[Content_Types].xml" || strings.HasPrefix(f.Name, "xl/") {
			return false
		}
	}
	for _, f := range zr.File {
		if importable[strings.ToLower(filepath.Ext(f.Name))] {
			return true
		}
	}
	return false
}

// readExportZip reads every spreadsheet inside a zip, within the limits
// of one file for all of them together.
func readExportZip(ctx context.Context, path string, data []byte, progress func(float64)) (*Workbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	var files []*zip.File
	var total uint64
	for _, f := range zr.File {
		base := filepath.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.HasPrefix(f.Name, "__MACOSX/") ||
			!importable[strings.ToLower(filepath.Ext(base))] {
			continue
		}
		total += f.UncompressedSize64
		files = append(files, f)
	}
	if total > MaxFileBytes {
		return nil, fmt.Errorf("cannot import %s: its files unpack to %d MB; Orchard imports up to %d MB at once", path, total>>20, MaxFileBytes>>20)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	all := &Workbook{Path: path, Format: "zip"}
	for i, f := range files {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("cannot import %s, file %s: %w", path, f.Name, err)
		}
		body, err := io.ReadAll(io.LimitReader(rc, MaxFileBytes+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("cannot import %s, file %s: %w", path, f.Name, err)
		}
		wb, err := readData(ctx, f.Name, body, func(x float64) { progress((float64(i) + x) / float64(len(files))) })
		if err != nil {
			return nil, fmt.Errorf("in %s: %w", path, err)
		}
		all.add(wb, f.Name)
	}
	if len(all.Tables) == 0 {
		return nil, fmt.Errorf("cannot import %s: the zip holds no spreadsheet (.csv, .xlsx, .html)", path)
	}
	return all, nil
}
