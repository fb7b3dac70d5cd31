package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// People on a team workspace sign in to PostgreSQL with logins of their
// own, and PostgreSQL decides what each may read and change: table rights
// per role and row-level security per account, so a login connecting
// with psql gets no more than Orchard shows it.
//
//   - manager: reads and changes the accounts they own (the account's
//     owner is their name) or are on the team of (a team member of their
//     name is assigned to it), with everything of those accounts.
//   - leader: reads every account, internal items included, and changes
//     reviews, customer scores, position marks, the actions a review
//     decides and the workspace settings (which hold the flags' limits).
//   - viewer: reads every account, without items marked internal.
//
// Items marked internal (goals, initiatives, team assignments marked so,
// and notes kept in internal_notes) are read only by the account's team
// and leaders. Whoever owns the database (who published it) is not
// limited: they run `orchard team`.

// Team roles.
const (
	RoleManager = "manager"
	RoleLeader  = "leader"
	RoleViewer  = "viewer"
)

// Access is who the store is signed in as on a team workspace.
type Access struct {
	Login string // the PostgreSQL login
	Name  string // the person's name, as accounts and teams spell it
	Role  string // manager, leader or viewer; "" for the database's owner or a file
}

// Access returns who the store is signed in as. A file, and the owner of
// a team workspace, have every right and no role.
func (s *Store) Access() Access { return s.access }

// ErrNotAllowed is returned by a write the signed-in role may not make.
var ErrNotAllowed = errors.New("not allowed for your role on this team workspace")

// TeamLogin is one person who may sign in to a team workspace.
type TeamLogin struct {
	Login, Name, Role string
	Accounts          int // accounts they own or are on the team of
}

// accountTable is a table of records that belong to one account, and
// what its rows allow beyond the manager's own accounts.
type accountTable struct {
	name     string
	account  string // the column naming the account
	internal bool   // rows may be marked internal (column internal)
	leader   string // what a leader may do: "all", "insert" or ""
	inner    bool   // every row is internal (internal_notes)
	nullable bool   // rows without an account are everyone's (external_keys of team members)
}

var accountTables = []accountTable{
	{name: "accounts", account: "id"},
	{name: "stakeholders", account: "account_id"},
	{name: "team_assignments", account: "account_id", internal: true},
	{name: "coverage", account: "account_id"},
	{name: "influence_links", account: "account_id"},
	{name: "goals", account: "account_id", internal: true},
	{name: "initiatives", account: "account_id", internal: true},
	{name: "whitespace_cells", account: "account_id"},
	{name: "opportunities", account: "account_id"},
	{name: "actions", account: "account_id", leader: "insert"},
	{name: "period_figures", account: "account_id"},
	{name: "scorecards", account: "account_id", leader: "all"},
	{name: "planning_cycles", account: "account_id"},
	{name: "review_meetings", account: "account_id", leader: "all"},
	{name: "position_marks", account: "account_id", leader: "all"},
	{name: "external_keys", account: "account_id", nullable: true},
	{name: "internal_notes", account: "account_id", inner: true},
	{name: "record_changes", account: "account_id", nullable: true, leader: "all"},
}

// teamSetup makes the table of logins, the functions policies ask and the
// policies themselves. It runs again whenever a login is added, so a
// table a later migration made is covered too.
func teamSetup() []string {
	q := []string{
		`CREATE TABLE IF NOT EXISTS orchard_logins (
			login TEXT PRIMARY KEY,
			name  TEXT NOT NULL,
			role  TEXT NOT NULL CHECK (role IN ('manager', 'leader', 'viewer')))`,
		`CREATE OR REPLACE FUNCTION orchard_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
			SET search_path = public, pg_temp AS $$ SELECT role FROM orchard_logins WHERE login = session_user $$`,
		`CREATE OR REPLACE FUNCTION orchard_name() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
			SET search_path = public, pg_temp AS $$ SELECT name FROM orchard_logins WHERE login = session_user $$`,
		// The accounts the signed-in person owns or is on the team of.
		`CREATE OR REPLACE FUNCTION orchard_team_accounts() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
			SET search_path = public, pg_temp AS $$
			SELECT a.id FROM accounts a JOIN orchard_logins l ON l.login = session_user AND lower(a.owner) = lower(l.name)
			UNION
			SELECT t.account_id FROM team_assignments t JOIN team_members m ON m.id = t.member_id
				JOIN orchard_logins l ON l.login = session_user AND lower(m.name) = lower(l.name) $$`,
		// The accounts whose items marked internal they may read.
		`CREATE OR REPLACE FUNCTION orchard_inner_accounts() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
			SET search_path = public, pg_temp AS $$
			SELECT id FROM accounts WHERE (SELECT role FROM orchard_logins WHERE login = session_user) = 'leader'
			UNION SELECT orchard_team_accounts() $$`,
		// The accounts they may read at all.
		`CREATE OR REPLACE FUNCTION orchard_readable_accounts() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
			SET search_path = public, pg_temp AS $$
			SELECT id FROM accounts WHERE (SELECT role FROM orchard_logins WHERE login = session_user) IN ('leader', 'viewer')
			UNION SELECT orchard_team_accounts() $$`,
	}
	policy := func(table, name, rest string) {
		q = append(q, fmt.Sprintf("DROP POLICY IF EXISTS %s ON %s", name, table),
			fmt.Sprintf("CREATE POLICY %s ON %s %s", name, table, rest))
	}
	const manager = "orchard_role() = 'manager'"
	for _, t := range accountTables {
		q = append(q, "ALTER TABLE "+t.name+" ENABLE ROW LEVEL SECURITY")
		mine := fmt.Sprintf("%s IN (SELECT orchard_team_accounts())", t.account)
		read := fmt.Sprintf("%s IN (SELECT orchard_readable_accounts())", t.account)
		switch {
		case t.inner:
			read = fmt.Sprintf("%s IN (SELECT orchard_inner_accounts())", t.account)
		case t.internal:
			read += fmt.Sprintf(" AND (internal = 0 OR %s IN (SELECT orchard_inner_accounts()))", t.account)
		}
		if t.nullable {
			read = fmt.Sprintf("(%s IS NULL OR %s)", t.account, read)
			mine = fmt.Sprintf("(%s IS NULL OR %s)", t.account, mine)
		}
		policy(t.name, "orchard_read", "FOR SELECT USING ("+read+")")
		check := mine
		if t.name == "accounts" {
			// A manager may add an account of their own.
			check = "(" + mine + " OR lower(owner) = lower(orchard_name()))"
		}
		policy(t.name, "orchard_manage", fmt.Sprintf("FOR ALL USING (%s AND %s) WITH CHECK (%s AND %s)", manager, mine, manager, check))
		switch t.leader {
		case "all":
			policy(t.name, "orchard_lead", "FOR ALL USING (orchard_role() = 'leader') WITH CHECK (orchard_role() = 'leader')")
		case "insert":
			policy(t.name, "orchard_lead", "FOR INSERT WITH CHECK (orchard_role() = 'leader')")
		}
	}
	// Rows that hang from another table's row follow it.
	for _, c := range []struct{ table, column, parent, leader string }{
		{"scorecard_scores", "scorecard_id", "scorecards", "all"},
		{"action_stakeholders", "action_id", "actions", "insert"},
	} {
		q = append(q, "ALTER TABLE "+c.table+" ENABLE ROW LEVEL SECURITY")
		policy(c.table, "orchard_read", fmt.Sprintf("FOR SELECT USING (%s IN (SELECT id FROM %s))", c.column, c.parent))
		mine := fmt.Sprintf("%s IN (SELECT id FROM %s WHERE account_id IN (SELECT orchard_team_accounts()))", c.column, c.parent)
		policy(c.table, "orchard_manage", fmt.Sprintf("FOR ALL USING (%s AND %s) WITH CHECK (%s AND %s)", manager, mine, manager, mine))
		if c.leader == "all" {
			policy(c.table, "orchard_lead", "FOR ALL USING (orchard_role() = 'leader') WITH CHECK (orchard_role() = 'leader')")
		} else {
			policy(c.table, "orchard_lead", "FOR INSERT WITH CHECK (orchard_role() = 'leader')")
		}
	}
	// Everyone reads the team's people and the settings; managers and
	// leaders add people, leaders change settings.
	q = append(q, "ALTER TABLE team_members ENABLE ROW LEVEL SECURITY", "ALTER TABLE settings ENABLE ROW LEVEL SECURITY")
	policy("team_members", "orchard_read", "FOR SELECT USING (true)")
	policy("team_members", "orchard_manage", "FOR ALL USING (orchard_role() IN ('manager', 'leader')) WITH CHECK (orchard_role() IN ('manager', 'leader'))")
	policy("settings", "orchard_read", "FOR SELECT USING (true)")
	policy("settings", "orchard_lead", "FOR ALL USING (orchard_role() = 'leader') WITH CHECK (orchard_role() = 'leader')")
	return q
}

var loginPattern = regexp.MustCompile(`^[a-z_][a-z0-9_.\-]{0,62}$`)

func validRole(role string) bool {
	return role == RoleManager || role == RoleLeader || role == RoleViewer
}

// AddTeamLogin lets a person sign in to the team workspace with a role: it
// makes the PostgreSQL login (or, when it exists, sets its password when
// one is given) and gives it its rights, all in one transaction. Only the
// database's owner, with the right to create logins, can.
func (s *Store) AddTeamLogin(login, name, role, password string) error {
	if !s.server {
		return errors.New("people and roles belong to a team workspace; publish this workspace to a PostgreSQL server first (orchard publish)")
	}
	name = strings.TrimSpace(name)
	switch {
	case !loginPattern.MatchString(login):
		return fmt.Errorf("%q cannot be a login: use lower-case letters, digits, _ . or -, starting with a letter", login)
	case name == "":
		return errors.New("a login needs the person's name, as the accounts' owner and team columns spell it")
	case !validRole(role):
		return fmt.Errorf("%q is not a role: choose manager, leader or viewer", role)
	}
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.serverError(err)
	}
	defer tx.Rollback()
	if err := s.ownsWorkspace(tx, "add people to it"); err != nil {
		return err
	}
	for _, q := range teamSetup() {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("setting up access on %s: %w", s.path, s.serverError(err))
		}
	}
	var exists, super bool
	if err := tx.QueryRow("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?), COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = ?), false)", login, login).Scan(&exists, &super); err != nil {
		return s.serverError(err)
	}
	var self string
	tx.QueryRow("SELECT current_user").Scan(&self)
	switch {
	case login == self:
		return fmt.Errorf("%s is the login that owns this team workspace; give the person a login of their own", login)
	case super:
		return fmt.Errorf("%s is an administrator of the server; roles cannot limit it, give the person a login of their own", login)
	case !exists && password == "":
		return fmt.Errorf("the new login %s needs a password (--password)", login)
	}
	verb := "CREATE ROLE %I LOGIN PASSWORD %L"
	if exists {
		verb = "ALTER ROLE %I LOGIN PASSWORD %L"
	}
	if exists && password == "" {
		verb = ""
	}
	if verb != "" {
		var stmt string
		if err := tx.QueryRow("SELECT format('"+verb+"', ?::text, ?::text)", login, password).Scan(&stmt); err != nil {
			return s.serverError(err)
		}
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("cannot make the login %s: %w", login, s.serverError(err))
		}
	}
	if _, err := tx.Exec(`INSERT INTO orchard_logins (login, name, role) VALUES (?, ?, ?)
		ON CONFLICT (login) DO UPDATE SET name = excluded.name, role = excluded.role`, login, name, role); err != nil {
		return s.serverError(err)
	}
	if err := s.grantRights(tx, login, role); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.serverError(err)
	}
	return nil
}

// grantRights gives a login its role's rights on every table.
func (s *Store) grantRights(q querier, login, role string) error {
	rights := "SELECT, INSERT, UPDATE, DELETE"
	if role == RoleViewer {
		rights = "SELECT"
	}
	for _, g := range []string{
		"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I",
		"GRANT " + rights + " ON ALL TABLES IN SCHEMA public TO %I",
		"REVOKE ALL ON orchard_logins, schema_migrations FROM %I",
		"GRANT SELECT ON schema_migrations TO %I",
	} {
		var stmt string
		if err := q.QueryRow("SELECT format('"+g+"', ?::text)", login).Scan(&stmt); err != nil {
			return s.serverError(err)
		}
		if _, err := q.Exec(stmt); err != nil {
			return fmt.Errorf("cannot give %s its rights: %w", login, s.serverError(err))
		}
	}
	return nil
}

// secureAgain covers what a migration added: the policies are made again
// and every login given its rights on the new tables.
func (s *Store) secureAgain(ctx context.Context) error {
	var have bool
	if err := s.db.QueryRowContext(ctx, "SELECT to_regclass('orchard_logins') IS NOT NULL").Scan(&have); err != nil || !have {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range teamSetup() {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("setting up access on %s: %w", s.path, s.serverError(err))
		}
	}
	rows, err := tx.Query("SELECT login, role FROM orchard_logins")
	if err != nil {
		return err
	}
	var logins [][2]string
	for rows.Next() {
		var l [2]string
		rows.Scan(&l[0], &l[1])
		logins = append(logins, l)
	}
	rows.Close()
	for _, l := range logins {
		if err := s.grantRights(tx, l[0], l[1]); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// TeamLogins lists who may sign in, by login.
func (s *Store) TeamLogins() ([]TeamLogin, error) {
	if !s.server {
		return nil, errors.New("people and roles belong to a team workspace; this is a file")
	}
	var have bool
	if err := s.db.QueryRow("SELECT to_regclass('orchard_logins') IS NOT NULL").Scan(&have); err != nil || !have {
		return nil, s.serverError(err)
	}
	rows, err := s.db.Query(`SELECT l.login, l.name, l.role,
		(SELECT count(DISTINCT a.id) FROM accounts a WHERE lower(a.owner) = lower(l.name)
			OR a.id IN (SELECT t.account_id FROM team_assignments t JOIN team_members m ON m.id = t.member_id WHERE lower(m.name) = lower(l.name)))
		FROM orchard_logins l ORDER BY l.login`)
	if err != nil {
		return nil, fmt.Errorf("reading who may sign in to %s: %w", s.path, s.serverError(err))
	}
	defer rows.Close()
	var out []TeamLogin
	for rows.Next() {
		var l TeamLogin
		if err := rows.Scan(&l.Login, &l.Name, &l.Role, &l.Accounts); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// RemoveTeamLogin takes a person's rights to the team workspace away and,
// when the login has no other use on the server, the login too. It
// reports whether the login was dropped.
func (s *Store) RemoveTeamLogin(login string) (bool, error) {
	if !s.server {
		return false, errors.New("people and roles belong to a team workspace; this is a file")
	}
	tx, err := s.db.Begin()
	if err != nil {
		return false, s.serverError(err)
	}
	defer tx.Rollback()
	if err := s.ownsWorkspace(tx, "remove people from it"); err != nil {
		return false, err
	}
	var have bool
	tx.QueryRow("SELECT to_regclass('orchard_logins') IS NOT NULL").Scan(&have)
	n := int64(0)
	if have {
		res, err := tx.Exec("DELETE FROM orchard_logins WHERE login = ?", login)
		if err != nil {
			return false, s.serverError(err)
		}
		n, _ = res.RowsAffected()
	}
	if n == 0 {
		return false, fmt.Errorf("%s is not among the people of %s (orchard team list shows them)", login, s.path)
	}
	var stmt string
	if err := tx.QueryRow("SELECT format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', ?::text)", login).Scan(&stmt); err != nil {
		return false, s.serverError(err)
	}
	if _, err := tx.Exec(stmt); err != nil {
		return false, s.serverError(err)
	}
	if err := tx.Commit(); err != nil {
		return false, s.serverError(err)
	}
	// The login itself goes only when nothing else on the server needs it
	// (another workspace's rights keep it); that is tried on its own.
	tx.QueryRow("SELECT format('DROP ROLE %I', ?::text)", login).Scan(&stmt)
	if _, err := s.db.Exec(stmt); err != nil {
		return false, nil
	}
	return true, nil
}

// ownsWorkspace refuses team changes from anyone but the database's owner.
func (s *Store) ownsWorkspace(q querier, what string) error {
	var owner, self string
	if err := q.QueryRow("SELECT pg_get_userbyid(c.relowner), current_user FROM pg_class c WHERE c.oid = 'accounts'::regclass").Scan(&owner, &self); err != nil {
		return s.serverError(err)
	}
	var super bool
	q.QueryRow("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&super)
	if owner != self && !super {
		return fmt.Errorf("only %s, who owns the team workspace %s, can %s (you are signed in as %s)", owner, s.path, what, self)
	}
	return nil
}

// readAccess finds out who the store is signed in as, and refuses a
// login that is not one of the workspace's people.
func (s *Store) readAccess() error {
	var login string
	var have bool
	if err := s.db.QueryRow("SELECT session_user, to_regclass('orchard_logins') IS NOT NULL").Scan(&login, &have); err != nil {
		return s.serverError(err)
	}
	s.access = Access{Login: login}
	if !have {
		return nil
	}
	var role, name sql.NullString
	if err := s.db.QueryRow("SELECT orchard_role(), orchard_name()").Scan(&role, &name); err != nil {
		return s.serverError(err)
	}
	s.access.Role, s.access.Name = role.String, name.String
	if s.access.Role == "" && s.ownsWorkspace(s.db, "") != nil {
		return fmt.Errorf("the login %s is not one of the people of the team workspace %s; ask whoever runs it to add you (orchard team add-user)", login, s.path)
	}
	if s.access.Role == RoleViewer {
		s.readOnly = true
	}
	return nil
}

// serverError says in words what PostgreSQL refused.
func (s *Store) serverError(err error) error {
	var pg *pgconn.PgError
	if err == nil || !errors.As(err, &pg) {
		return err
	}
	switch pg.Code {
	case "42501": // insufficient_privilege, also a row-level security refusal
		return fmt.Errorf("%w: %s", ErrNotAllowed, s.rightsText())
	case "28P01", "28000":
		return fmt.Errorf("the server refused the login (wrong password, or no such login): %w", err)
	}
	return err
}

// lostConnection reports whether err is the server's connection gone: shut
// down, cut by an administrator, or the network.
func lostConnection(err error) bool {
	if err == nil {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return strings.HasPrefix(pg.Code, "08") || pg.Code == "57P01" || pg.Code == "57P02" || pg.Code == "57P03"
	}
	var ne net.Error
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &ne) || strings.Contains(err.Error(), "conn closed")
}

// refused is a write's error; one PostgreSQL refused for want of rights
// says what could not be done and what the role may do.
func (s *Store) refused(err error, what string) error {
	var pg *pgconn.PgError
	if s.server && errors.As(err, &pg) && pg.Code == "42501" {
		return fmt.Errorf("cannot %s: %w: %s", what, ErrNotAllowed, s.rightsText())
	}
	return err
}

// rightsText says what the signed-in role may do.
func (s *Store) rightsText() string {
	who := s.access.Login
	switch s.access.Role {
	case RoleViewer:
		return fmt.Sprintf("%s is a viewer and may read the workspace but not change it; nothing was saved", who)
	case RoleLeader:
		return fmt.Sprintf("%s is a leader and may change reviews, customer scores, position marks and settings, not the accounts' plans; nothing was saved", who)
	case RoleManager:
		return fmt.Sprintf("%s is a manager and may change only the accounts they own or are on the team of, not the workspace settings; nothing was saved", who)
	}
	return fmt.Sprintf("%s may not make this change; nothing was saved", who)
}
