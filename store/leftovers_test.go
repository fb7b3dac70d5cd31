package store

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// What a dead process left is removed; what a running one is writing stays.
func TestRemoveLeftoversKeepsRunningProcessesFiles(t *testing.T) {
	dir := t.TempDir()
	mine, err := CreateTemp(dir, ".w.orchard", ".creating")
	if err != nil {
		t.Fatal(err)
	}
	mine.Close()
	// A process ID far above any the system hands out.
	dead := filepath.Join(dir, ".w.orchard.creating"+tempMarker+strconv.Itoa(1<<30)+"-abc")
	for _, p := range []string{dead, dead + "-wal"} {
		os.WriteFile(p, []byte("x"), 0o644)
	}
	deadDir := filepath.Join(dir, ".pack.partial"+tempMarker+strconv.Itoa(1<<30)+"-def")
	os.Mkdir(deadDir, 0o755)
	os.WriteFile(filepath.Join(deadDir, "chart.png"), []byte("x"), 0o644)
	user := filepath.Join(dir, "notes~orchard-plan.txt")
	os.WriteFile(user, []byte("keep"), 0o644)

	RemoveLeftovers(dir)
	for _, p := range []string{dead, dead + "-wal", deadDir} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was left by a dead process and should be gone", filepath.Base(p))
		}
	}
	for _, p := range []string{mine.Name(), user} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s should stay: %v", filepath.Base(p), err)
		}
	}
}
