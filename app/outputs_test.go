package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"orchard/model"
)

// A link planted where an export used to put its temporary file is never
// followed: the file it points at stays as it was.
func TestExportNeverFollowsAPlantedLink(t *testing.T) {
	dir, db := demoWorkspace(t, "demo.orchard")
	victim := filepath.Join(dir, "victim.txt")
	writeFile(t, victim, []byte("precious"))
	for _, name := range []string{".all.xlsx.partial.xlsx", ".all.xlsx.partial"} {
		if err := os.Symlink(victim, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := run("export", "--db", db, "--xlsx", filepath.Join(dir, "all.xlsx")); code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Error("the export wrote through a planted link")
	}
}

// A kill at any moment of `orchard demo` leaves either no workspace or a
// whole one, never a file that later runs refuse; the next run in the
// folder removes what the killed one left.
func TestDemoKilledLeavesNothingOrAWholeWorkspace(t *testing.T) {
	for _, delay := range []time.Duration{5, 20, 40, 80, 150, 300} {
		dir := t.TempDir()
		db := filepath.Join(dir, "w.orchard")
		cmd := child("demo", "--db", db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		if _, err := os.Stat(db); err == nil {
			ws, err := openForTest(db)
			if err != nil {
				t.Fatalf("killed after %v: the workspace left behind is refused: %v", delay*time.Millisecond, err)
			}
			if n := ws.Portfolio().Count(model.KindAccount); n != 28 {
				t.Errorf("killed after %v: the workspace holds %d accounts, want all 28", delay*time.Millisecond, n)
			}
			ws.Close()
			continue
		}
		if code, _, stderr := run("demo", "--db", db); code != 0 {
			t.Fatalf("killed after %v: a new demo in its place fails: %s", delay*time.Millisecond, stderr)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if name := e.Name(); name != "w.orchard" {
				t.Errorf("killed after %v: %s was left beside the workspace", delay*time.Millisecond, name)
			}
		}
	}
}
