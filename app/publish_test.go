package app

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"orchard/internal/pgtest"
)

// A workspace file published to a team server reads back the same from it;
// publishing again into the now full team workspace is refused.
func TestPublishToATeamServer(t *testing.T) {
	url := pgtest.Start(t)
	db := filepath.Join(t.TempDir(), "demo.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	code, out, stderr := run("publish", "--db", db, "--to", url)
	if code != 0 || !strings.Contains(out, "published") || !strings.Contains(out, "28 accounts") {
		t.Fatalf("publish: %d %q %q", code, out, stderr)
	}
	counts := func(path string) map[string]int {
		t.Helper()
		code, out, stderr := run("summary", "--db", path)
		if code != 0 {
			t.Fatalf("summary of %s: %s", path, stderr)
		}
		var s struct {
			Counts map[string]int `json:"counts"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("summary of %s: %v", path, err)
		}
		return s.Counts
	}
	file, server := counts(db), counts(url)
	if len(file) == 0 || len(file) != len(server) {
		t.Fatalf("the file counts %v, the server %v", file, server)
	}
	for k, n := range file {
		if server[k] != n {
			t.Errorf("%s: %d in the file, %d on the server", k, n, server[k])
		}
	}
	if code, _, stderr := run("publish", "--db", db, "--to", url); code != 1 || !strings.Contains(stderr, "already holds") {
		t.Errorf("publishing into a full team workspace: %d %q", code, stderr)
	}
	if code, _, stderr := run("publish", "--db", url, "--to", url); code != 2 {
		t.Errorf("publishing from a server: %d %q", code, stderr)
	}
}
