package app

import (
	"archive/zip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orchard/model"
)

// orchard import into a path with no workspace makes an empty one (not
// the sample), so an exported workbook imports into a new workspace.
func TestImportCreatesAnEmptyWorkspace(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.orchard")
	if code, _, stderr := run("demo", "--db", demo); code != 0 {
		t.Fatal(stderr)
	}
	book := filepath.Join(dir, "all.xlsx")
	if code, _, stderr := run("export", "--db", demo, "--xlsx", book); code != 0 {
		t.Fatal(stderr)
	}
	fresh := filepath.Join(dir, "fresh.orchard")
	if code, out, stderr := run("import", book, "--db", fresh); code != 0 {
		t.Fatalf("%s %s", out, stderr)
	}
	counts := func(db string) map[string]any {
		_, out, _ := run("summary", "--db", db)
		var s map[string]any
		json.Unmarshal([]byte(out), &s)
		return s["counts"].(map[string]any)
	}
	a, b := counts(demo), counts(fresh)
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s: %v in the demo, %v after export and import into a new path", k, v, b[k])
		}
	}
	csv := filepath.Join(dir, "accounts.csv")
	writeFile(t, csv, []byte("Account,Revenue\nAcme,1000\n"))
	other := filepath.Join(dir, "other.orchard")
	if code, out, stderr := run("import", csv, "--db", other, "--currency", "gbp"); code != 0 {
		t.Fatalf("%s %s", out, stderr)
	}
	ws, err := openForTest(other)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if n := ws.Portfolio().Count(model.KindAccount); n != 1 || ws.Portfolio().Accounts()[0].Currency != "GBP" {
		t.Errorf("the new workspace holds %d accounts (%+v); want only the imported one, in GBP", n, ws.Portfolio().Accounts())
	}
}

func TestImportKindFlag(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.orchard")
	csv := filepath.Join(dir, "list.csv")
	writeFile(t, csv, []byte("Name,Company,Title\nMaria Chen,Acme,CFO\n"))
	code, out, _ := run("import", csv, "--db", db, "--dry-run", "--kind", "list=accounts")
	if code != 0 || !strings.Contains(out, "sheet list: accounts") {
		t.Errorf("--kind list=accounts: %d %s", code, out)
	}
	if code, _, stderr := run("import", csv, "--db", db, "--kind", "Sheet9=accounts"); code != 1 || !strings.Contains(stderr, "list") {
		t.Errorf("--kind naming no sheet: %d %s", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused import left a new, empty workspace behind")
	}
	if code, _, stderr := run("import", csv, "--db", db, "--kind", "list=widgets"); code != 2 || !strings.Contains(stderr, "widgets") {
		t.Errorf("--kind with an unknown kind: %d %s", code, stderr)
	}
}

// A CRM's export of several files, as a folder or a .zip, imports in one
// step: accounts first, then the people and deals that link to them by ID,
// whatever order the files come in; one undo takes it all back.
func TestImportSeveralFilesAtOnce(t *testing.T) {
	files := map[string]string{
		"Contact.csv":     "Id,AccountId,FirstName,LastName,Title\n003A,001X,Maria,Chen,CFO\n003B,001Y,Ken,Ito,CEO\n",
		"Opportunity.csv": "Id,AccountId,Name,StageName,Amount,CloseDate\n006A,001X,Renewal,Negotiation,5000,2026-06-30\n",
		"Account.csv":     "Id,Name,Industry\n001X,Contoso,Retail\n001Y,Fabrikam,Energy\n",
	}
	dir := t.TempDir()
	folder := filepath.Join(dir, "export")
	os.Mkdir(folder, 0o755)
	zipPath := filepath.Join(dir, "export.zip")
	zf, _ := os.Create(zipPath)
	zw := zip.NewWriter(zf)
	for name, body := range files {
		writeFile(t, filepath.Join(folder, name), []byte(body))
		w, _ := zw.Create("export/" + name)
		w.Write([]byte(body))
	}
	zw.Close()
	zf.Close()
	for _, source := range []string{folder, zipPath} {
		db := filepath.Join(t.TempDir(), "w.orchard")
		code, out, stderr := run("import", source, "--db", db)
		if code != 0 {
			t.Fatalf("%s: %s %s", filepath.Base(source), out, stderr)
		}
		ws, err := openForTest(db)
		if err != nil {
			t.Fatal(err)
		}
		p := ws.Portfolio()
		if p.Count(model.KindAccount) != 2 || p.Count(model.KindStakeholder) != 2 || p.Count(model.KindOpportunity) != 1 {
			t.Errorf("%s: %d accounts, %d people, %d deals\n%s", filepath.Base(source), p.Count(model.KindAccount),
				p.Count(model.KindStakeholder), p.Count(model.KindOpportunity), out)
		}
		for _, a := range p.Accounts() {
			if strings.HasPrefix(a.Name, "Account ") {
				t.Errorf("%s: a link was not resolved within the export: %s", filepath.Base(source), a.Name)
			}
		}
		ws.Close()
	}
}

// The wizard imports a folder of files as one step that one undo takes back.
func TestImportWizardFolderIsOneStep(t *testing.T) {
	d := newTestDesktop(t)
	d.async = func(f func()) { f() }
	folder := filepath.Join(t.TempDir(), "crm export")
	os.Mkdir(folder, 0o755)
	writeFile(t, filepath.Join(folder, "Account.csv"), []byte("Id,Name,Industry\n001X,Contoso,Retail\n"))
	writeFile(t, filepath.Join(folder, "Contact.csv"), []byte("Id,AccountId,FirstName,LastName\n003A,001X,Maria,Chen\n"))
	before, people := d.ws.Portfolio().Count(model.KindAccount), d.ws.Portfolio().Count(model.KindStakeholder)
	d.previewImport(folder, "")
	w := waitForPlan(t, d, nil)
	if len(w.Sheets) != 2 || w.Res.New != 2 {
		t.Fatalf("%d sheets, %s %v", len(w.Sheets), w.Res.Summary(), w.Res.Problems)
	}
	w.doImport()
	if got := d.ws.Portfolio().Count(model.KindAccount); got != before+1 {
		t.Fatalf("%d accounts after the import, want %d", got, before+1)
	}
	d.undo()
	if got := d.ws.Portfolio().Count(model.KindAccount); got != before || d.ws.Portfolio().Count(model.KindStakeholder) != people {
		t.Errorf("one undo left %d accounts and %d people, want %d and %d", got, d.ws.Portfolio().Count(model.KindStakeholder), before, people)
	}
}

// orchard new makes an empty workspace, and refuses to replace a file.
func TestNewCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.orchard")
	if code, out, stderr := run("new", "--db", db); code != 0 || !strings.Contains(out, "empty workspace") {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	ws, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	n := ws.Portfolio().Count(model.KindAccount)
	ws.Close()
	if n != 0 {
		t.Errorf("a new workspace holds %d accounts", n)
	}
	if code, _, stderr := run("new", "--db", db); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("new over an existing file: %d %s", code, stderr)
	}
}

// An import that cannot be written takes no copy of the workspace: not of
// a read-only workspace, and none is left when the import is refused.
func TestRefusedImportLeavesNoCopy(t *testing.T) {
	dir, db := demoWorkspace(t, "w.orchard")
	csv := filepath.Join(dir, "accounts.csv")
	writeFile(t, csv, []byte("Account,Revenue\nNew Co,1000\n"))
	os.Chmod(db, 0o444)
	defer os.Chmod(db, 0o644)
	if code, _, _ := run("import", csv, "--db", db); code == 0 {
		t.Fatal("an import into a read-only workspace succeeded")
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "w.before-import-*")); len(matches) != 0 {
		t.Errorf("a refused import left copies: %v", matches)
	}
}
