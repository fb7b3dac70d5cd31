package store

import (
	"strings"
	"testing"

	"orchard/internal/pgtest"
)

func TestRebindNumbersPlaceholders(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"INSERT INTO t(a, b) VALUES (?, ?)", "INSERT INTO t(a, b) VALUES ($1, $2)"},
		{"SELECT '?' , ? WHERE x = \"a?b\"", "SELECT '?' , $1 WHERE x = \"a?b\""},
	} {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The migrations make the same tables on a server, in PostgreSQL's terms.
func TestServerSQL(t *testing.T) {
	got := serverSQL("PRAGMA application_id = 1; -- x\nCREATE TABLE a (n INTEGER NOT NULL, r REAL, id TEXT DEFAULT (lower(hex(randomblob(16)))));")
	for _, bad := range []string{"PRAGMA", "INTEGER", " REAL", "randomblob"} {
		if strings.Contains(got, bad) {
			t.Errorf("%q still says %s", got, bad)
		}
	}
	for _, want := range []string{"BIGINT", "DOUBLE PRECISION", "md5("} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %s", got, want)
		}
	}
}

func TestServerOpens(t *testing.T) {
	url := pgtest.Start(t)
	s, err := Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != LatestVersion() {
		t.Errorf("schema %d, want %d", s.SchemaVersion(), LatestVersion())
	}
	if strings.Contains(s.Path(), "password") {
		t.Errorf("path %q", s.Path())
	}
}
