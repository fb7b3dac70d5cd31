package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"orchard/model"
	"os"
	"path/filepath"
	"strings"
	"time"

	"orchard/app/workspace"
	"orchard/store"
	"orchard/store/sheet"
)

// runImport handles `orchard import FILE --db PATH [--account NAME] [--dry-run] [--json] [--report FILE.csv]`.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("orchard import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "workspace file")
	account := fs.String("account", "", "account for sheets that name none")
	dry := fs.Bool("dry-run", false, "show what would happen; change nothing")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	mapping := fs.String("mapping", "", "mapping file saved from the import wizard or --save-mapping")
	saveMapping := fs.String("save-mapping", "", "write how the file was read to this mapping file")
	dates := fs.String("dates", "", "how to read dates such as 03/04/2026: dmy or mdy")
	reportPath := fs.String("report", "", "write every problem to this CSV file (as the wizard's Save problem report does)")
	var kinds kindFlags
	fs.Var(&kinds, "kind", "read sheet SHEET as KIND (accounts, stakeholders, team, opportunities, actions, revenue or unknown); repeatable")
	currency := fs.String("currency", "", "the currency of amounts the file gives none for (ISO code such as EUR)")
	// Files (or folders, or .zip exports) come before the flags, or after.
	var files []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		files, args = append(files, args[0]), args[1:]
	}
	err := fs.Parse(args)
	if err == nil {
		files = append(files, fs.Args()...)
	}
	file := strings.Join(files, ", ")
	if err != nil || len(files) == 0 || *db == "" {
		msg := "FILE and --db PATH are required"
		if err != nil {
			msg = err.Error()
		}
		fmt.Fprintf(stderr, "orchard import: %s\n\n", msg)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return 2
	}
	if *dates != "" && *dates != sheet.DatesDMY && *dates != sheet.DatesMDY {
		fmt.Fprintf(stderr, "orchard import: --dates must be dmy (day first) or mdy (month first), not %q\n", *dates)
		return 2
	}
	if *currency != "" && !model.ValidCurrency(strings.ToUpper(*currency)) {
		fmt.Fprintf(stderr, "orchard import: --currency must be a three-letter ISO code such as EUR, not %q\n", *currency)
		return 2
	}
	res, err := importFile(importRequest{file: file, files: files, db: *db, account: *account, dry: *dry,
		mapping: *mapping, saveMapping: *saveMapping, dates: *dates, kinds: kinds, currency: strings.ToUpper(*currency)})
	if res != nil {
		printImport(stdout, file, res, *dry, err == nil && !*dry, *asJSON)
		if *reportPath != "" {
			if rerr := store.WriteAtomically(*reportPath, res.ProblemsCSVWith(listSeparator(envLocale()))); rerr != nil {
				fmt.Fprintf(stderr, "orchard import: the problem report was not written: %v\n", rerr)
				if err == nil {
					return 1
				}
			}
		}
	}
	return report(err, stderr)
}

// mustTempDir is this process's scratch folder, or the system's when it
// cannot be made.
func mustTempDir() string {
	if dir, err := store.TempDir(); err == nil {
		return dir
	}
	return os.TempDir()
}

type importRequest struct {
	file, db, account    string
	files                []string // what to read: files, folders, .zip exports
	dry                  bool
	mapping, saveMapping string
	dates                string
	kinds                kindFlags
	currency             string
}

// kindFlags collects --kind SHEET=KIND.
type kindFlags map[string]sheet.Kind

func (k *kindFlags) String() string { return "" }

func (k *kindFlags) Set(v string) error {
	name, kind, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(name) == "" {
		return fmt.Errorf("--kind wants SHEET=KIND, such as --kind 'Sheet1=stakeholders', not %q", v)
	}
	kd, known := sheet.KindByName(kind)
	if !known {
		return fmt.Errorf("--kind %s: %q is not something Orchard imports (accounts, stakeholders, team, opportunities, actions, revenue, unknown)", name, kind)
	}
	if *k == nil {
		*k = kindFlags{}
	}
	(*k)[strings.TrimSpace(name)] = kd
	return nil
}

// importFile plans an import and, unless dry, applies it in one
// transaction after taking a copy of the workspace.
func importFile(rq importRequest) (res *sheet.Result, err error) {
	file, db, accountName, dry := rq.file, rq.db, rq.account, rq.dry
	// Importing into a path where no workspace is yet makes an empty one
	// (not the sample), so a workbook exported from one workspace can be
	// imported into a new one from the command line. A team workspace's
	// address is no path: the server says whether it is there.
	if _, serr := os.Stat(db); errors.Is(serr, os.ErrNotExist) && !store.IsServerURL(db) {
		if dry {
			scratch, err := workspace.Create(filepath.Join(mustTempDir(), "dry-run.orchard"), model.DefaultSettings(), nil)
			if err != nil {
				return nil, err
			}
			defer scratch.Close()
			db = scratch.Path()
		} else {
			created, cerr := workspace.Create(db, model.DefaultSettings(), nil)
			if cerr != nil {
				return nil, cerr
			}
			created.Close()
			// A workspace made for an import that then writes nothing is
			// not left behind.
			defer func() {
				if err != nil || res == nil || res.WritesNothing() && res.Settings == nil {
					os.Remove(db)
				}
			}()
		}
	}
	ws, a, err := openAccount(db, accountName)
	if err != nil {
		return nil, err
	}
	defer ws.Close()
	o := sheet.Options{Today: time.Now()}
	if a != nil {
		o.AccountID = a.ID
	}
	paths := rq.files
	if len(paths) == 0 {
		paths = []string{file}
	}
	wb, err := sheet.ReadPaths(context.Background(), paths, nil)
	if err != nil {
		return nil, err
	}
	o.Sheets = sheet.Analyse(wb)
	if rq.mapping != "" {
		saved, err := sheet.ReadMapping(rq.mapping)
		if err != nil {
			return nil, err
		}
		if sheet.Reuse(o.Sheets, saved) == 0 {
			return nil, fmt.Errorf("cannot use mapping %s for %s: none of its sheets has the same headers as a sheet of the file", rq.mapping, file)
		}
	}
	if rq.dates != "" {
		for i := range o.Sheets {
			o.Sheets[i].Dates = rq.dates
		}
	}
	for name, k := range rq.kinds {
		found := false
		for i := range o.Sheets {
			if strings.EqualFold(o.Sheets[i].Sheet, name) {
				o.Sheets[i].SetKind(k)
				found = true
			}
		}
		if !found {
			var names []string
			for _, m := range o.Sheets {
				names = append(names, m.Sheet)
			}
			return nil, fmt.Errorf("--kind names sheet %q, but %s has sheets %s", name, file, strings.Join(names, ", "))
		}
	}
	o.Currency = rq.currency
	if rq.saveMapping != "" {
		if err := store.WriteAtomically(rq.saveMapping, sheet.MarshalMapping(o.Sheets)); err != nil {
			return nil, err
		}
	}
	// Another process may save to the workspace between planning and
	// writing; the write then refuses (store.ErrStale) and the import is
	// planned again against what the file now holds, so nothing another
	// process wrote is doubled or overwritten.
	for attempt := 1; ; attempt++ {
		res, err := sheet.Plan(wb, ws.Portfolio(), o)
		if err != nil || dry {
			return res, err
		}
		if len(res.Questions) > 0 {
			return res, fmt.Errorf("nothing imported: %s Run again with --dates dmy (day first) or --dates mdy (month first)", res.Questions[0].Text)
		}
		if res.WritesNothing() && res.Settings == nil {
			if res.New+res.Updated+res.Unchanged+res.Merged+res.Skipped == 0 {
				return res, fmt.Errorf("nothing imported: %s has headers Orchard recognises but no rows under them (a blank template?)", file)
			}
			return res, nil
		}
		label := "Import " + filepath.Base(paths[0])
		if len(paths) > 1 {
			label = fmt.Sprintf("Import %d files", len(paths))
		}
		err = saveImport(ws, label, res)
		if errors.Is(err, store.ErrStale) && attempt < 5 {
			if _, rerr := ws.Refresh(); rerr != nil {
				return res, fmt.Errorf("import of %s refused, nothing changed: %w", file, rerr)
			}
			continue
		}
		return res, err
	}
}

// saveImport checks an import against the workspace, takes a copy of the
// workspace and writes the import in one transaction. The copy is kept only
// when the import was written.
func saveImport(ws *workspace.Workspace, label string, res *sheet.Result) error {
	pending, err := ws.PrepareImport(label, res.Writes(), res.Settings)
	if err != nil {
		return fmt.Errorf("import refused, nothing changed: %w", err)
	}
	backup, err := ws.CopyBeforeImport()
	if err != nil {
		pending.Abandon()
		return fmt.Errorf("nothing imported: taking a copy of the workspace first failed: %w", err)
	}
	if err := pending.Save(); err != nil {
		workspace.RemoveCopy(backup)
		return fmt.Errorf("import refused, nothing changed: %w", err)
	}
	pending.Finish()
	return nil
}

func printImport(w io.Writer, file string, res *sheet.Result, dry, imported, asJSON bool) {
	if asJSON {
		type sheetOut struct {
			Name      string            `json:"name"`
			Kind      string            `json:"kind"`
			HeaderRow int               `json:"header_row"`
			Rows      int               `json:"rows"`
			Mapping   map[string]string `json:"mapping"`
		}
		out := struct {
			File      string     `json:"file"`
			DryRun    bool       `json:"dry_run"`
			Imported  bool       `json:"imported"`
			New       int        `json:"new"`
			Updated   int        `json:"updated"`
			Unchanged int        `json:"unchanged"`
			Merged    int        `json:"merged"`
			Skipped   int        `json:"skipped"`
			Merges    []string   `json:"merges"`
			Sheets    []sheetOut `json:"sheets"`
			Problems  []string   `json:"problems"`
			Questions []string   `json:"questions"`
			Notes     []string   `json:"notes"`
		}{File: file, DryRun: dry, Imported: imported, New: res.New, Updated: res.Updated, Unchanged: res.Unchanged, Merged: res.Merged, Skipped: res.Skipped, Merges: append([]string{}, res.Merges...),
			Problems: []string{}, Questions: []string{}, Notes: append([]string{}, res.Notes...)}
		for _, q := range res.Questions {
			out.Questions = append(out.Questions, q.Text)
		}
		for _, s := range res.Sheets {
			m := map[string]string{}
			for k, v := range s.Mapping {
				m[k] = string(v)
			}
			out.Sheets = append(out.Sheets, sheetOut{s.Name, string(s.Kind), s.HeaderRow, s.Rows, m})
		}
		for _, p := range res.Problems {
			out.Problems = append(out.Problems, p.String())
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(out)
		return
	}
	verb := "imported"
	switch {
	case dry:
		verb = "would import (dry run)"
	case !imported:
		verb = "not imported; it would give"
	}
	fmt.Fprintf(w, "%s %s: %s\n", verb, file, res.Summary())
	for _, s := range res.Sheets {
		fmt.Fprintf(w, "  sheet %s: %s, headers on row %d, %d rows\n", s.Name, s.Kind, s.HeaderRow, s.Rows)
	}
	for _, q := range res.Questions {
		fmt.Fprintf(w, "  question: %s\n", q.Text)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	for i, m := range res.Merges {
		if i == 20 {
			fmt.Fprintf(w, "  … and %d more merged rows\n", res.Merged-20)
			break
		}
		fmt.Fprintf(w, "  merged: %s\n", m)
	}
	for i, p := range res.Problems {
		if i == 50 {
			fmt.Fprintf(w, "  … and %d more problems\n", len(res.Problems)-50)
			break
		}
		fmt.Fprintf(w, "  problem: %s\n", p)
	}
}
