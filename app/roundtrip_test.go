package app

import (
	"encoding/json"
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
