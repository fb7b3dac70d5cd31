package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orchard/app/workspace"
	"orchard/model"
)

// summaryWithoutPath runs `orchard summary` and drops the file path, the
// one thing two copies of a workspace cannot share.
func summaryWithoutPath(t *testing.T, db string) map[string]any {
	t.Helper()
	code, out, stderr := run("summary", "--db", db)
	if code != 0 {
		t.Fatalf("summary of %s exited %d: %s", db, code, stderr)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	delete(s, "path")
	return s
}

func TestExportThenImportGivesTheSameSummary(t *testing.T) {
	dir := t.TempDir()
	src, book, dst := filepath.Join(dir, "src.orchard"), filepath.Join(dir, "all.xlsx"), filepath.Join(dir, "dst.orchard")
	if code, _, stderr := run("demo", "--db", src); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	if code, _, stderr := run("export", "--db", src, "--xlsx", book); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	ws, err := workspace.Create(dst, model.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	code, out, stderr := run("import", book, "--db", dst)
	if code != 0 {
		t.Fatalf("import exited %d: %s\n%s", code, stderr, out)
	}
	want, got := summaryWithoutPath(t, src), summaryWithoutPath(t, dst)
	wj, _ := json.MarshalIndent(want, "", " ")
	gj, _ := json.MarshalIndent(got, "", " ")
	if string(wj) != string(gj) {
		t.Errorf("summary after export and import differs:\n%s", lineDiff(string(wj), string(gj)))
	}
	// Importing the same workbook again changes nothing.
	code, out, _ = run("import", book, "--db", dst)
	if code != 0 || !strings.Contains(out, " 0 new, 0 updated") {
		t.Errorf("second import: %d %s", code, out)
	}
}

// lineDiff lists the lines of b that differ from a, with their neighbours'
// positions, enough to see which field changed.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
			if len(out) > 40 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// Ambiguous dates stop an import until --dates says how to read them; a
// mapping saved from one file reads the next the same way.
func TestImportDatesAndMappingFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	ws, _ := workspace.Open(db)
	account := ws.Portfolio().Accounts()[0].Name
	ws.Close()
	csv := filepath.Join(dir, "actions.csv")
	writeFile(t, csv, []byte("Account,Action,Due,Priority\n"+account+",Call the CFO,03/04/2026,high\n"))
	before := summaryWithoutPath(t, db)
	code, out, stderr := run("import", csv, "--db", db)
	if code != 1 || !strings.Contains(stderr, "--dates") || !strings.Contains(out, "question:") || !strings.Contains(out, "not imported") {
		t.Fatalf("ambiguous dates: exit %d, %q, %q", code, out, stderr)
	}
	if after := summaryWithoutPath(t, db); !jsonEqual(before, after) {
		t.Fatal("a refused import changed the workspace")
	}
	if code, _, stderr := run("import", csv, "--db", db, "--dates", "yyyy"); code != 2 || !strings.Contains(stderr, "dmy") {
		t.Errorf("bad --dates: %d %q", code, stderr)
	}
	mapping := filepath.Join(dir, "actions-mapping.json")
	if code, _, stderr := run("import", csv, "--db", db, "--dates", "mdy", "--dry-run", "--save-mapping", mapping); code != 0 {
		t.Fatalf("save mapping: %s", stderr)
	}
	// Edit the mapping: the Priority column goes to the notes.
	data, _ := os.ReadFile(mapping)
	edited := strings.Replace(string(data), `"fields": [
        "account",
        "action",
        "due date",
        ""
      ]`, `"fields": ["account", "action", "due date", "to notes"]`, 1)
	if edited == string(data) {
		t.Fatalf("mapping file not as expected:\n%s", data)
	}
	writeFile(t, mapping, []byte(edited))
	code, out, stderr = run("import", csv, "--db", db, "--mapping", mapping)
	if code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("import with mapping: %d %q %q", code, out, stderr)
	}
	ws, _ = workspace.Open(db)
	defer ws.Close()
	found := false
	for _, e := range ws.Portfolio().All(model.KindAction) {
		if x := e.(*model.Action); x.Title == "Call the CFO" {
			found = true
			if x.Due.Format("2006-01-02") != "2026-03-04" || x.Notes != "Priority: high" {
				t.Errorf("stored due %s notes %q; want 2026-03-04 (month first) and the priority in the notes", x.Due.Format("2006-01-02"), x.Notes)
			}
		}
	}
	if !found {
		t.Error("the action was not imported")
	}
	other := filepath.Join(dir, "other.csv")
	writeFile(t, other, []byte("Name,Title\nAna,CEO\n"))
	if code, _, stderr := run("import", other, "--db", db, "--mapping", mapping); code != 1 || !strings.Contains(stderr, "same headers") {
		t.Errorf("a mapping for another shape: %d %q", code, stderr)
	}
}

func jsonEqual(a, b map[string]any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// One account's workbook brings that account, its people and its team into
// another workspace.
func TestAccountWorkbookRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, book, dst := filepath.Join(dir, "src.orchard"), filepath.Join(dir, "one.xlsx"), filepath.Join(dir, "dst.orchard")
	if code, _, stderr := run("demo", "--db", src); code != 0 {
		t.Fatal(stderr)
	}
	ws, _ := workspace.Open(src)
	var name string
	var people int
	for _, a := range ws.Portfolio().Accounts() {
		if n := len(ws.Portfolio().OfAccount(model.KindStakeholder, a.ID)); n > people {
			name, people = a.Name, n
		}
	}
	ws.Close()
	if code, _, stderr := run("export", "--db", src, "--account", name, "--xlsx", book); code != 0 {
		t.Fatal(stderr)
	}
	w2, err := workspace.Create(dst, model.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	w2.Close()
	if code, out, stderr := run("import", book, "--db", dst); code != 0 {
		t.Fatalf("%s %s", out, stderr)
	}
	w2, _ = workspace.Open(dst)
	defer w2.Close()
	accs := w2.Portfolio().Accounts()
	if len(accs) != 1 || accs[0].Name != name || len(w2.Portfolio().OfAccount(model.KindStakeholder, accs[0].ID)) != people {
		t.Errorf("imported %d accounts; want only %s with its %d people", len(accs), name, people)
	}
}
