package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// A team workspace lives on a PostgreSQL server instead of in a file: the
// same tables, made by the same migrations, read and written by the same
// code. Where the two dialects differ it is handled in one of two places:
// the migrations' SQLite text is turned into PostgreSQL's once, as they
// run (serverSQL), and the statements the store sends, written with ?
// placeholders, are numbered $1, $2… by the connection (rebind). What only
// a file has (its journal, copies before an upgrade, the integrity probe,
// the lock between processes) is not done for a server, which keeps its
// own.

// IsServerURL tells a team workspace's address from a file's path.
func IsServerURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// serverName is a server address to show: without its password.
func serverName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the team server"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.Redacted()
}

const serverDriver = "orchard-postgres"

func init() {
	sql.Register(serverDriver, rebindDriver{stdlib.GetDefaultDriver()})
}

// openServer opens (and, the first time, makes) a team workspace.
func openServer(raw string) (*Store, error) {
	name := serverName(raw)
	db, err := sql.Open(serverDriver, raw)
	if err != nil {
		return nil, fmt.Errorf("cannot open the team workspace %s: %w", name, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	s := &Store{db: db, path: name, server: true, raw: raw}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach the team workspace %s: %w", name, s.serverError(err))
	}
	if err := s.readAccess(); err != nil {
		db.Close()
		return nil, err
	}
	var current int
	if err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err == nil && current > LatestVersion() {
		db.Close()
		return nil, fmt.Errorf("cannot open the team workspace %s: it was made by a newer Orchard (schema version %d; this Orchard knows up to version %d). Update Orchard to open it", name, current, LatestVersion())
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot open the team workspace %s: %w", name, s.serverError(err))
	}
	return s, nil
}

var (
	sqlitePragma   = regexp.MustCompile(`(?m)^\s*PRAGMA [^;]*;.*$`)
	sqliteInteger  = regexp.MustCompile(`\bINTEGER\b`)
	sqliteReal     = regexp.MustCompile(`\bREAL\b`)
	sqliteRandomID = regexp.MustCompile(`lower\(hex\(randomblob\(16\)\)\)`)
)

// serverSQL turns a migration's SQLite text into PostgreSQL's: no PRAGMA;
// integers as 64-bit (money is in minor units) and reals as doubles; a
// random ID from md5 instead of randomblob. Everything else the
// migrations use is common to both.
func serverSQL(s string) string {
	s = sqlitePragma.ReplaceAllString(s, "")
	s = sqliteInteger.ReplaceAllString(s, "BIGINT")
	s = sqliteReal.ReplaceAllString(s, "DOUBLE PRECISION")
	s = sqliteRandomID.ReplaceAllString(s, "md5(random()::text || clock_timestamp()::text)")
	return s
}

// rebind numbers a statement's ? placeholders for PostgreSQL, leaving any
// inside quotes alone.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	quote := rune(0)
	for _, r := range q {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '?':
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rebindDriver is PostgreSQL's driver with the store's ? placeholders
// numbered on the way through.
type rebindDriver struct{ d driver.Driver }

func (r rebindDriver) Open(name string) (driver.Conn, error) {
	c, err := r.d.Open(name)
	if err != nil {
		return nil, err
	}
	return rebindConn{c}, nil
}

type rebindConn struct{ driver.Conn }

func (c rebindConn) Prepare(q string) (driver.Stmt, error) { return c.Conn.Prepare(rebind(q)) }

func (c rebindConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	if p, ok := c.Conn.(driver.ConnPrepareContext); ok {
		return p.PrepareContext(ctx, rebind(q))
	}
	return c.Conn.Prepare(rebind(q))
}

func (c rebindConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if e, ok := c.Conn.(driver.ExecerContext); ok {
		return e.ExecContext(ctx, rebind(q), args)
	}
	return nil, driver.ErrSkip
}

func (c rebindConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if e, ok := c.Conn.(driver.QueryerContext); ok {
		return e.QueryContext(ctx, rebind(q), args)
	}
	return nil, driver.ErrSkip
}

func (c rebindConn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	if b, ok := c.Conn.(driver.ConnBeginTx); ok {
		return b.BeginTx(ctx, o)
	}
	return nil, errors.New("the PostgreSQL driver cannot begin a transaction") // pgx always can
}

func (c rebindConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c rebindConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c rebindConn) CheckNamedValue(v *driver.NamedValue) error {
	if n, ok := c.Conn.(driver.NamedValueChecker); ok {
		return n.CheckNamedValue(v)
	}
	return driver.ErrSkip
}

func (c rebindConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// serverReady refuses a database that holds something other than an
// Orchard workspace: Orchard makes its tables only in an empty one. It
// reports whether the workspace's tables are there.
func (s *Store) serverReady(ctx context.Context) (bool, error) {
	var ours bool
	var others int
	err := s.db.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL,
		(SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema'))`).Scan(&ours, &others)
	if err != nil {
		return false, s.serverError(err)
	}
	if !ours && others > 0 {
		return false, fmt.Errorf("the database holds %d tables that are not an Orchard workspace's; give Orchard an empty database of its own", others)
	}
	return ours, nil
}
