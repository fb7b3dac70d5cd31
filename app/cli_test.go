package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"--nope"}, {"demo"}, {"summary", "--db"}, {"summary", "--db", "x", "extra"}} {
		code, _, stderr := run(args...)
		if code != 2 {
			t.Errorf("orchard %v exited %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "Usage:") {
			t.Errorf("orchard %v did not print usage: %q", args, stderr)
		}
	}
	if code, out, _ := run("help"); code != 0 || !strings.Contains(out, "orchard demo --db PATH") {
		t.Errorf("help = %d %q", code, out)
	}
}

func TestDemoThenSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.orchard")
	if code, _, stderr := run("demo", "--db", path); code != 0 {
		t.Fatalf("demo exited %d: %s", code, stderr)
	}
	code, out, stderr := run("summary", "--db", path)
	if code != 0 {
		t.Fatalf("summary exited %d: %s", code, stderr)
	}
	var s struct {
		Workspace     string         `json:"workspace"`
		SchemaVersion int            `json:"schema_version"`
		Counts        map[string]int `json:"counts"`
		Accounts      []struct {
			Name         string             `json:"name"`
			Currency     string             `json:"currency"`
			Revenue      float64            `json:"revenue"`
			Priority     *int               `json:"priority"`
			Quadrant     *string            `json:"quadrant"`
			Relationship *float64           `json:"relationship_score"`
			Value        *float64           `json:"value_score"`
			Manual       *bool              `json:"manual_placement"`
			ByStatus     map[string]int     `json:"actions_by_status"`
			Overdue      *int               `json:"overdue_actions"`
			Actions      int                `json:"actions"`
			Goals        *int               `json:"goals"`
			Initiatives  *int               `json:"initiatives"`
			Whitespace   *int               `json:"whitespace_open_cells"`
			Pipeline     *float64           `json:"pipeline_total"`
			Weighted     *float64           `json:"pipeline_weighted"`
			Health       *float64           `json:"health"`
			Factors      map[string]float64 `json:"health_factors"`
			AtRisk       *bool              `json:"at_risk"`
			VsTarget     *float64           `json:"revenue_vs_target"`
			Cycle        *string            `json:"cycle"`
		} `json:"accounts"`
		Pareto struct {
			For80 int     `json:"accounts_for_80_percent"`
			Share float64 `json:"share_of_accounts"`
		} `json:"pareto"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary is not one JSON object: %v\n%s", err, out)
	}
	if !strings.Contains(s.Workspace, "Sample") || s.SchemaVersion < 1 {
		t.Errorf("workspace %q schema %d", s.Workspace, s.SchemaVersion)
	}
	if s.Counts["accounts"] < 25 || s.Counts["team_members"] < 5 || s.Counts["actions"] < 90 || s.Counts["stakeholders"] < 60 {
		t.Errorf("counts %v are too small for the sample the brief promises", s.Counts)
	}
	currencies := map[string]bool{}
	for _, a := range s.Accounts {
		currencies[a.Currency] = true
		if a.Name == "" || a.Revenue <= 0 || a.Priority == nil || *a.Priority < 1 || *a.Priority > 4 || a.Manual == nil {
			t.Errorf("incomplete account in summary: %+v", a)
		}
		if a.Quadrant != nil {
			switch *a.Quadrant {
			case "strong-high", "weak-high", "strong-low", "weak-low":
			default:
				t.Errorf("quadrant %q is not one of the four codes", *a.Quadrant)
			}
		}
		total := 0
		for _, n := range a.ByStatus {
			total += n
		}
		if len(a.ByStatus) != 5 || total != a.Actions || a.Overdue == nil || *a.Overdue > a.Actions {
			t.Errorf("%s: actions_by_status %v (total %d of %d), overdue %v", a.Name, a.ByStatus, total, a.Actions, a.Overdue)
		}
		if a.Actions > 0 && a.ByStatus["not_implemented"] == 0 {
			t.Errorf("%s: a planned sample account should have actions in every status: %v", a.Name, a.ByStatus)
		}
		if a.Health == nil || *a.Health < 0 || *a.Health > 100 || a.AtRisk == nil || len(a.Factors) != 10 {
			t.Errorf("%s: health %v factors %v at risk %v", a.Name, a.Health, a.Factors, a.AtRisk)
		} else {
			lost := 0.0
			for _, v := range a.Factors {
				lost += v
			}
			if d := *a.Health - (100 + lost); d > 0.6 || d < -0.6 {
				t.Errorf("%s: health %v does not add up with its factors (%v)", a.Name, *a.Health, lost)
			}
		}
		if a.Actions > 0 && (a.Cycle == nil || a.VsTarget == nil) {
			t.Errorf("%s: a planned sample account has a cycle and targets: %v %v", a.Name, a.Cycle, a.VsTarget)
		}
		if a.Goals == nil || a.Initiatives == nil || a.Whitespace == nil || a.Pipeline == nil || a.Weighted == nil || *a.Weighted > *a.Pipeline {
			t.Errorf("%s: plan fields missing or inconsistent: %+v", a.Name, a)
		}
		if a.Actions > 0 && (*a.Goals == 0 || *a.Initiatives == 0 || *a.Whitespace == 0 || *a.Pipeline <= 0) {
			t.Errorf("%s is a planned sample account: goals %d, initiatives %d, whitespace %d, pipeline %v", a.Name, *a.Goals, *a.Initiatives, *a.Whitespace, *a.Pipeline)
		}
		if a.Relationship == nil || *a.Relationship < 0 || *a.Relationship > 100 {
			t.Errorf("%s relationship score %v", a.Name, a.Relationship)
		}
	}
	if s.Pareto.For80 < 1 || s.Pareto.For80 > len(s.Accounts) || s.Pareto.Share <= 0 || s.Pareto.Share > 100 {
		t.Errorf("pareto = %+v", s.Pareto)
	}
	if len(currencies) < 3 {
		t.Errorf("sample uses %d currencies, want several", len(currencies))
	}
	// demo refuses to overwrite.
	if code, _, stderr := run("demo", "--db", path); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("demo over an existing file = %d %q", code, stderr)
	}
}

func TestSummaryOfBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.orchard")
	os.WriteFile(path, []byte("not a workspace"), 0o644)
	code, out, stderr := run("summary", "--db", path)
	if code != 1 || out != "" || !strings.Contains(stderr, "text file") || !strings.Contains(stderr, "notes.orchard") {
		t.Errorf("summary of a text file = %d, %q, %q", code, out, stderr)
	}
}

func TestFlagsCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.orchard")
	if code, _, stderr := run("demo", "--db", path); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := run("flags", "--db", path, "--json")
	if code != 0 {
		t.Fatalf("flags exited %d: %s", code, stderr)
	}
	var flags []struct {
		Account, Flag, Text, FixAt string `json:",omitempty"`
	}
	if err := json.Unmarshal([]byte(out), &flags); err != nil || len(flags) == 0 {
		t.Fatalf("flags JSON %v: %s", err, out)
	}
	if code, out, _ := run("flags", "--db", path, "--owner", "Nobody"); code != 0 || !strings.Contains(out, "0 flag(s)") {
		t.Errorf("filtered to an unknown owner: %q", out)
	}
	if code, _, _ := run("flags"); code != 2 {
		t.Error("flags without --db should be a usage error")
	}
}

func TestExportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	packDir := filepath.Join(dir, "pack")
	if code, out, stderr := run("export", "--db", db, "--account", "northwind logistics", "--out", packDir); code != 0 || !strings.Contains(out, "10 files") {
		t.Fatalf("review pack: %d %q %q", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(packDir, "summary.html")); err != nil {
		t.Error("the pack has no summary page")
	}
	if code, _, stderr := run("export", "--db", db, "--account", "Northwind Logistics", "--out", packDir); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("a second pack into the same folder: %d %q", code, stderr)
	}
	for _, name := range []string{"quadrant", "pareto", "revenue", "actions", "impact", "scorecard", "coverage"} {
		for _, format := range []string{"png", "svg"} {
			out := filepath.Join(dir, name+"."+format)
			code, _, stderr := run("export", "--db", db, "--chart", name, "--account", "Northwind Logistics", "--format", format, "--out", out)
			data, err := os.ReadFile(out)
			if code != 0 || err != nil || len(data) < 100 {
				t.Errorf("%s %s: %d %q %v", name, format, code, stderr, err)
			}
			if format == "svg" && !strings.Contains(string(data), "<svg") {
				t.Errorf("%s.svg is not SVG", name)
			}
		}
	}
	if code, _, _ := run("export", "--db", db, "--chart", "revenue", "--format", "gif", "--account", "Northwind Logistics", "--out", "x"); code != 2 {
		t.Error("--format gif should be a usage error")
	}
	if code, _, stderr := run("export", "--db", db, "--chart", "revenue", "--out", filepath.Join(dir, "r.png")); code != 1 || !strings.Contains(stderr, "--account") {
		t.Errorf("an account chart without --account: %d %q", code, stderr)
	}
	if code, _, stderr := run("export", "--db", db, "--chart", "revenue", "--account", "Northwind Logistics", "--out", filepath.Join(dir, "no-such-dir", "r.png")); code != 1 || !strings.Contains(stderr, "no-such-dir") {
		t.Errorf("an unwritable place: %d %q", code, stderr)
	}
	if code, _, _ := run("export", "--db", db); code != 2 {
		t.Error("export with nothing to export should be a usage error")
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	file := "../../shared/data/maven_crm_accounts.csv"
	if _, err := os.Stat(file); err != nil {
		if os.Getenv("ORCHARD_REQUIRE_SHARED") == "1" {
			t.Fatalf("%s is missing and ORCHARD_REQUIRE_SHARED=1", file)
		}
		t.Skipf("skipped: %s is not beside the project (real files live in ../shared/data)", file)
	}
	code, out, stderr := run("import", file, "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "would import") || !strings.Contains(out, "85 new") {
		t.Fatalf("dry run: %d %q %q", code, out, stderr)
	}
	_, sum, _ := run("summary", "--db", db)
	if strings.Contains(sum, "Betasoloin") {
		t.Fatal("a dry run changed the workspace")
	}
	if code, out, stderr := run("import", file, "--db", db); code != 0 || !strings.Contains(out, "85 new") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	if code, out, _ := run("import", file, "--db", db, "--json"); code != 0 || !strings.Contains(out, `"new": 0`) {
		t.Errorf("re-import should update, not double: %q", out)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "demo.before-import-*.orchard"))
	if len(matches) == 0 {
		t.Error("no copy of the workspace was taken before importing")
	}
	bad := filepath.Join(dir, "old.xls")
	os.WriteFile(bad, []byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0}, 0o644)
	if code, _, stderr := run("import", bad, "--db", db); code != 1 || !strings.Contains(stderr, "old.xls") {
		t.Errorf("an .xls file: %d %q", code, stderr)
	}
	if code, _, _ := run("import", "--db", db); code != 2 {
		t.Error("import without a file should be a usage error")
	}
}

// orchard --version names the release FyneApp.toml packages, and a
// workspace file given alone is opened (what a double-click on it runs).
func TestVersionAndWorkspaceArgument(t *testing.T) {
	code, out, _ := run("--version")
	toml, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || !strings.HasPrefix(out, "Orchard "+Version+" (") || !strings.Contains(string(toml), `Version = "`+Version+`"`) {
		t.Errorf("--version: %d %q; FyneApp.toml and the code must name the same version", code, out)
	}
	// A workspace named alone opens the window on it.
	cmd, args := command(`C:\Users\Ana\Plans\Key accounts.ORCHARD`, nil)
	if cmd != "" || len(args) != 2 || args[0] != "--db" || args[1] != `C:\Users\Ana\Plans\Key accounts.ORCHARD` {
		t.Errorf("a workspace path alone reads as %q %q", cmd, args)
	}
	if cmd, _ := command("import", []string{"plan.xlsx"}); cmd != "import" {
		t.Errorf("a command word was taken for a path: %q", cmd)
	}
}

// orchard export --pptx/--pdf writes an account's review deck and its PDF;
// a template that cannot be used is reported and the deck still written.
func TestExportReviewDeck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	deck, pdf := filepath.Join(dir, "review.pptx"), filepath.Join(dir, "review.pdf")
	code, out, stderr := run("export", "--db", db, "--account", "northwind logistics", "--pptx", deck, "--pdf", pdf, "--figures")
	if code != 0 || !strings.Contains(out, "customer-safe review of Northwind Logistics to "+deck) || !strings.Contains(out, pdf) {
		t.Fatalf("deck: %d %q %q", code, out, stderr)
	}
	for _, f := range []struct{ path, magic string }{{deck, "PK\x03\x04"}, {pdf, "%PDF-"}} {
		if data, err := os.ReadFile(f.path); err != nil || !strings.HasPrefix(string(data), f.magic) {
			t.Errorf("%s is not what it should be (%v)", f.path, err)
		}
	}
	bad := filepath.Join(dir, "bad.potx")
	os.WriteFile(bad, []byte("not a template"), 0o644)
	code, _, stderr = run("export", "--db", db, "--account", "Northwind Logistics", "--pptx", filepath.Join(dir, "t.pptx"), "--template", bad)
	if code != 0 || !strings.Contains(stderr, "bad.potx cannot be used") {
		t.Errorf("an unusable template: %d %q", code, stderr)
	}
	if code, _, stderr := run("export", "--db", db, "--pptx", filepath.Join(dir, "x.pptx")); code != 2 || !strings.Contains(stderr, "--account") {
		t.Errorf("a deck without --account: %d %q", code, stderr)
	}
}
