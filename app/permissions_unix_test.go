//go:build !windows

package app

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Files Orchard writes get the user's default permissions, like any file
// they save: 0644 under the usual umask of 022.
func TestOutputsGetDefaultPermissions(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir, db := demoWorkspace(t, "demo.orchard")
	book := filepath.Join(dir, "all.xlsx")
	png := filepath.Join(dir, "revenue.png")
	pack := filepath.Join(dir, "pack")
	for _, args := range [][]string{
		{"export", "--db", db, "--xlsx", book},
		{"export", "--db", db, "--chart", "revenue", "--account", "Northwind Logistics", "--format", "png", "--out", png},
		{"export", "--db", db, "--account", "Northwind Logistics", "--out", pack},
	} {
		if code, _, stderr := run(args...); code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
	}
	for _, f := range []string{book, png, filepath.Join(pack, "summary.html"), filepath.Join(pack, "account.xlsx")} {
		if info, err := os.Stat(f); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v (%v), want 0644", filepath.Base(f), info.Mode().Perm(), err)
		}
	}
	if info, _ := os.Stat(pack); info.Mode().Perm() != 0o755 {
		t.Errorf("the pack folder has mode %v, want 0755", info.Mode().Perm())
	}
}
