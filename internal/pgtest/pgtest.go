// Package pgtest starts a throw-away PostgreSQL server for tests of the
// team workspace: a new cluster in a temporary folder, listening on a
// socket there only, stopped and removed when the test ends.
package pgtest

import (
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// binDir finds PostgreSQL's programs: Debian keeps them out of PATH.
func binDir() string {
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(found) > 0 {
		return filepath.Dir(found[len(found)-1])
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

var databases atomic.Int64

// Server is a running test server.
type Server struct {
	URL  string // the address of an empty database on it, as the server's administrator
	ctl  func(args ...string) error
	data string
	dir  string // its folder, where its socket is
	opts string
	db   string
	port int
}

// As is the address of the same database for another login, over TCP on
// 127.0.0.1 where logins other than the administrator give a password.
func (s *Server) As(login, password string) string {
	return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", url.PathEscape(login), url.PathEscape(password), s.port, s.db)
}

// Stop stops the server (as a crash or a lost network would), and Restart
// starts it again on the same data.
func (s *Server) Stop() error { return s.ctl("-D", s.data, "-m", "immediate", "-w", "stop") }
func (s *Server) Restart() error {
	return s.ctl("-D", s.data, "-l", filepath.Join(filepath.Dir(s.data), "log"), "-w", "-o", s.opts, "start")
}

// Start starts a server and returns the address of an empty database on
// it. Without PostgreSQL installed the test is skipped, or fails where
// ORCHARD_REQUIRE_TOOLS=1 (CI, which has it).
func Start(t testing.TB) string { return New(t).URL }

// New is Start that gives the server, to stop and restart it.
func New(t testing.TB) *Server {
	t.Helper()
	s, stop, skip, err := launch()
	if skip != "" {
		skipOrFail(t, skip)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return s
}

func skipOrFail(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("ORCHARD_REQUIRE_TOOLS") == "1" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// launch makes a cluster in a temporary folder, starts it and creates an
// empty database; stop stops it and removes the folder. skip says why it
// cannot run here.
func launch() (s *Server, stop func(), skip string, err error) {
	bin := binDir()
	if bin == "" {
		return nil, nil, "PostgreSQL is not installed (apt-get install postgresql)", nil
	}
	dir, err := os.MkdirTemp("", "orchard-pg-")
	if err != nil {
		return nil, nil, "", err
	}
	removeDir := func() { os.RemoveAll(dir) }
	os.Chmod(dir, 0o777)
	data := filepath.Join(dir, "data")
	// initdb refuses to run as root: the cluster then belongs to postgres.
	var as []string
	chown := func(string) {}
	if os.Getuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			removeDir()
			return nil, nil, "running as root without a postgres user to own a test cluster", nil
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		chown = func(p string) { os.Chown(p, uid, gid) }
		os.Mkdir(data, 0o700)
		chown(data)
		chown(dir)
		as = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) error {
		full := append(append([]string{}, as...), append([]string{filepath.Join(bin, name)}, args...)...)
		cmd := exec.Command(full[0], full[1:]...)
		cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v\n%s", name, err, out)
		}
		return nil
	}
	if err := run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "--locale=C", "-E", "UTF8"); err != nil {
		removeDir()
		return nil, nil, "", err
	}
	// The administrator signs in without a password; everyone else, as on
	// a real server, with theirs.
	hba := "local all postgres trust\nlocal all all scram-sha-256\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
	if err := os.WriteFile(filepath.Join(data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		removeDir()
		return nil, nil, "", err
	}
	chown(filepath.Join(data, "pg_hba.conf"))
	port, err := freePort()
	if err != nil {
		removeDir()
		return nil, nil, "", err
	}
	// fsync off: a test's data need not survive the machine, only the
	// server, which the tests stop the hard way; commits are still written
	// out as they happen (synchronous_commit stays on), so nothing a test
	// saw committed is lost by a stop.
	s = &Server{data: data, dir: dir, port: port, opts: fmt.Sprintf("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories=%s -c fsync=off -c max_connections=300", port, dir)}
	s.ctl = func(args ...string) error {
		full := append(append([]string{}, as...), append([]string{filepath.Join(bin, "pg_ctl")}, args...)...)
		cmd := exec.Command(full[0], full[1:]...)
		cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pg_ctl %v: %v\n%s", args, err, out)
		}
		return nil
	}
	if err := s.Restart(); err != nil {
		removeDir()
		return nil, nil, "", err
	}
	stop = func() { s.Stop(); removeDir() }
	if err := s.newDatabase(); err != nil {
		stop()
		return nil, nil, "", err
	}
	return s, stop, "", nil
}

// newDatabase makes an empty database on the server and points the
// server's URL at it.
func (s *Server) newDatabase() error {
	name := fmt.Sprintf("orchard_%d", databases.Add(1))
	admin, err := sql.Open("pgx", fmt.Sprintf("postgres:///postgres?host=%s&port=%d&user=postgres", s.dir, s.port))
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		return fmt.Errorf("creating test database %s: %w", name, err)
	}
	s.db = name
	s.URL = fmt.Sprintf("postgres:///%s?host=%s&port=%d&user=postgres", name, s.dir, s.port)
	return nil
}

// One server a test binary shares (Database), stopped by StopShared.
var shared struct {
	sync.Mutex
	srv  *Server
	stop func()
	skip string
	err  error
	done bool
}

// Database returns the address of a new empty database on a server the
// test binary shares, for suites that run each test on a team workspace
// as well as on a file: starting one server per test would take longer
// than the tests. The package's TestMain calls StopShared.
func Database(t testing.TB) string {
	t.Helper()
	shared.Lock()
	defer shared.Unlock()
	if !shared.done {
		shared.done = true
		shared.srv, shared.stop, shared.skip, shared.err = launch()
	}
	if shared.skip != "" {
		skipOrFail(t, shared.skip)
	}
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	if err := shared.srv.newDatabase(); err != nil {
		t.Fatal(err)
	}
	return shared.srv.URL
}

// StopShared stops the server Database started, if it did.
func StopShared() {
	shared.Lock()
	defer shared.Unlock()
	if shared.stop != nil {
		shared.stop()
		shared.stop = nil
	}
}

// Host is the server's name and port, as a person types it.
func (s *Server) Host() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }

// DB is a plain connection to the database as the administrator, closed
// when the test ends.
func (s *Server) DB(t testing.TB) *sql.DB {
	db, err := sql.Open("pgx", s.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// freePort finds a TCP port on 127.0.0.1 nothing listens on.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
