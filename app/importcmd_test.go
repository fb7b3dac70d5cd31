package app

import (
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
