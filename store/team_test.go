package store_test

import (
	"database/sql"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// teamPortfolio is three accounts: Ann owns Acme, Dee is on Bolt's team,
// nobody of the logins has Cora. Acme has an internal goal and an internal
// note, Bolt an internal team assignment.
func teamPortfolio() (model.Settings, []model.Entity) {
	settings := model.DefaultSettings()
	settings.Name = "Team"
	acc := func(id, name, owner, notes string, internal bool) *model.Account {
		return &model.Account{ID: id, Name: name, Owner: owner, Currency: "EUR", Notes: notes, NotesInternal: internal}
	}
	return settings, []model.Entity{
		acc("acme", "Acme", "Ann Lee", "Ann's private note", true),
		acc("bolt", "Bolt", "Bo Chen", "", false),
		acc("cora", "Cora", "Cy Diaz", "Cora's public note", false),
		&model.TeamMember{ID: "m-dee", Name: "Dee Ray"},
		&model.TeamAssignment{ID: "ta-dee", AccountID: "bolt", MemberID: "m-dee", Responsibility: "Delivery", Internal: true},
		&model.Goal{ID: "g-open", AccountID: "acme", Title: "Grow services"},
		&model.Goal{ID: "g-secret", AccountID: "acme", Title: "Displace the incumbent", Internal: true},
		&model.Goal{ID: "g-cora", AccountID: "cora", Title: "Renew"},
	}
}

type teamServer struct {
	srv   *pgtest.Server
	owner *store.Store
}

func newTeamServer(t *testing.T) teamServer {
	t.Helper()
	srv := pgtest.New(t)
	owner, err := store.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Close() })
	settings, records := teamPortfolio()
	if err := owner.Write(store.Batch{Puts: records, Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][3]string{{"ann", "Ann Lee", "manager"}, {"dee", "Dee Ray", "manager"}, {"lea", "Lea Park", "leader"}, {"vic", "Vic Ode", "viewer"}} {
		if err := owner.AddTeamLogin(l[0], l[1], l[2], l[0]+"-secret"); err != nil {
			t.Fatalf("adding %s: %v", l[0], err)
		}
	}
	return teamServer{srv: srv, owner: owner}
}

func (ts teamServer) open(t *testing.T, login string) *store.Store {
	t.Helper()
	s, err := store.Open(ts.srv.As(login, login+"-secret"))
	if err != nil {
		t.Fatalf("signing in as %s: %v", login, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func accountIDs(p *model.Portfolio) string {
	var ids []string
	for _, a := range p.Accounts() {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	return strings.Join(ids, " ")
}

// Each role reads what it may, through Orchard's own store.
func TestTeamRolesReadWhatTheyMay(t *testing.T) {
	ts := newTeamServer(t)
	for _, c := range []struct {
		login, accounts string
		secrets         bool // sees Acme's internal goal and note (when it sees Acme)
	}{
		{"ann", "acme", true},
		{"dee", "bolt", true},
		{"lea", "acme bolt cora", true},
		{"vic", "acme bolt cora", false},
	} {
		s := ts.open(t, c.login)
		p, err := s.Load()
		if err != nil {
			t.Fatalf("%s: %v", c.login, err)
		}
		if got := accountIDs(p); got != c.accounts {
			t.Errorf("%s reads accounts %q, want %q", c.login, got, c.accounts)
		}
		if a := p.Account("acme"); a != nil {
			if got := a.Notes == "Ann's private note"; got != c.secrets {
				t.Errorf("%s reads Acme's internal note %q", c.login, a.Notes)
			}
			if got := p.Get(model.KindGoal, "g-secret") != nil; got != c.secrets {
				t.Errorf("%s reads the internal goal: %v, want %v", c.login, got, c.secrets)
			}
			if p.Get(model.KindGoal, "g-open") == nil {
				t.Errorf("%s cannot read Acme's open goal", c.login)
			}
		}
		if got, want := p.Get(model.KindTeamAssignment, "ta-dee") != nil, c.login == "dee" || c.login == "lea"; got != want {
			t.Errorf("%s reads Bolt's internal team assignment: %v, want %v", c.login, got, want)
		}
		if p.Count(model.KindTeamMember) != 1 || p.Settings.Name != "Team" {
			t.Errorf("%s misses the team's people or settings", c.login)
		}
		if got := s.Access(); got.Login != c.login || got.Role == "" {
			t.Errorf("%s is signed in as %+v", c.login, got)
		}
	}
}

// Each role changes only what it may; a refusal says so and saves nothing.
func TestTeamRolesChangeWhatTheyMay(t *testing.T) {
	ts := newTeamServer(t)
	edit := func(s *store.Store, id string) error {
		p, err := s.Load()
		if err != nil {
			t.Fatal(err)
		}
		a := p.Account(id)
		if a == nil {
			a = &model.Account{ID: id, Name: "Unseen", Currency: "EUR"}
		}
		a = model.Clone(a).(*model.Account)
		a.Region = "Changed"
		return s.Write(store.Batch{Puts: []model.Entity{a}})
	}
	settings := func(s *store.Store) error {
		st := model.DefaultSettings()
		st.Name = "Renamed"
		return s.Write(store.Batch{Settings: &st})
	}
	review := &model.ReviewMeeting{ID: "rv", AccountID: "bolt", Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}

	ann, lea, vic := ts.open(t, "ann"), ts.open(t, "lea"), ts.open(t, "vic")
	if err := edit(ann, "acme"); err != nil {
		t.Errorf("Ann editing her own account: %v", err)
	}
	for _, c := range []struct {
		who  string
		err  error
		want error
	}{
		{"Ann editing Bolt", edit(ann, "bolt"), store.ErrNotAllowed},
		{"Ann changing settings", settings(ann), store.ErrNotAllowed},
		{"Lea editing an account", edit(lea, "cora"), store.ErrNotAllowed},
		{"Vic editing", edit(vic, "cora"), store.ErrReadOnly},
	} {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: %v, want %v", c.who, c.err, c.want)
		}
	}
	if err := edit(ann, "bolt"); err == nil || !strings.Contains(err.Error(), "cannot save account") || !strings.Contains(err.Error(), "own or are on the team of") {
		t.Errorf("Ann's refusal does not say what and why: %v", err)
	}
	if err := settings(lea); err != nil {
		t.Errorf("Lea changing settings: %v", err)
	}
	if err := lea.Write(store.Batch{Puts: []model.Entity{review}}); err != nil {
		t.Errorf("Lea recording a review: %v", err)
	}
	p, err := ts.owner.Load()
	if err != nil {
		t.Fatal(err)
	}
	if p.Account("acme").Region != "Changed" || p.Account("bolt").Region != "" || p.Account("cora").Region != "" {
		t.Errorf("regions after the edits: acme %q bolt %q cora %q", p.Account("acme").Region, p.Account("bolt").Region, p.Account("cora").Region)
	}
	if p.Get(model.KindReview, "rv") == nil || p.Settings.Name != "Renamed" {
		t.Error("the leader's review or settings were not saved")
	}
	if p.Count(model.KindAccount) != 3 {
		t.Errorf("%d accounts, want 3 (a refused insert slipped through?)", p.Count(model.KindAccount))
	}
}

// A login with psql gets no more than Orchard shows it.
func TestTeamRolesHoldOnAPlainConnection(t *testing.T) {
	ts := newTeamServer(t)
	plain := func(login string) *sql.DB {
		db, err := sql.Open("pgx", ts.srv.As(login, login+"-secret"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	count := func(db *sql.DB, q string) int {
		t.Helper()
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}
	vic := plain("vic")
	if n := count(vic, "SELECT count(*) FROM internal_notes"); n != 0 {
		t.Errorf("a viewer reads %d internal notes", n)
	}
	if n := count(vic, "SELECT count(*) FROM goals WHERE internal <> 0"); n != 0 {
		t.Errorf("a viewer reads %d internal goals", n)
	}
	if n := count(vic, "SELECT count(*) FROM accounts WHERE notes LIKE '%private%'"); n != 0 {
		t.Error("a viewer reads the internal note in the account's own row")
	}
	for _, q := range []string{"UPDATE accounts SET name = 'x'", "DELETE FROM goals", "SELECT * FROM orchard_logins", "INSERT INTO settings(key, value) VALUES ('name', 'x')"} {
		if _, err := vic.Exec(q); err == nil {
			t.Errorf("a viewer may %s", q)
		}
	}
	ann := plain("ann")
	res, err := ann.Exec("UPDATE accounts SET region = 'psql'")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Errorf("Ann's UPDATE of every account changed %d, want her one", n)
	}
	if n := count(ann, "SELECT count(*) FROM goals"); n != 2 {
		t.Errorf("Ann reads %d goals, want Acme's 2", n)
	}
	if _, err := ann.Exec("INSERT INTO goals (id, account_id, title) VALUES ('g-x', 'cora', 'Mine now')"); err == nil {
		t.Error("Ann added a goal to an account not hers")
	}
	if _, err := ann.Exec("UPDATE orchard_logins SET role = 'leader'"); err == nil {
		t.Error("Ann made herself a leader")
	}
	if n := count(ts.srv.DB(t), "SELECT count(*) FROM accounts WHERE region = 'psql'"); n != 1 {
		t.Errorf("%d accounts say psql, want 1", n)
	}
}

// Logins are listed, removed, and refused with a reason.
func TestTeamLogins(t *testing.T) {
	ts := newTeamServer(t)
	logins, err := ts.owner.TeamLogins()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range logins {
		got = append(got, l.Login+":"+l.Role+":"+string(rune('0'+l.Accounts)))
	}
	if strings.Join(got, " ") != "ann:manager:1 dee:manager:1 lea:leader:0 vic:viewer:0" {
		t.Errorf("team list: %v", got)
	}
	if _, err := store.Open(ts.srv.As("ann", "wrong")); err == nil || !strings.Contains(err.Error(), "refused the login") {
		t.Errorf("a wrong password: %v", err)
	}
	ann := ts.open(t, "ann")
	if err := ann.AddTeamLogin("eve", "Eve", "leader", "eve-secret-1"); err == nil || !strings.Contains(err.Error(), "owns the team workspace") {
		t.Errorf("a manager adding a leader: %v", err)
	}
	for _, bad := range [][3]string{{"Bad Login", "X", "viewer"}, {"x", "", "viewer"}, {"x", "X", "boss"}, {"postgres", "X", "viewer"}} {
		if err := ts.owner.AddTeamLogin(bad[0], bad[1], bad[2], "pw-12345678"); err == nil {
			t.Errorf("added %v", bad)
		}
	}
	if _, err := ts.srv.DB(t).Exec("CREATE ROLE zed LOGIN PASSWORD 'zed-secret'"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(ts.srv.As("zed", "zed-secret")); err == nil || !strings.Contains(err.Error(), "not one of the people") {
		t.Errorf("a login of the server that is not on the team: %v", err)
	}
	dropped, err := ts.owner.RemoveTeamLogin("vic")
	if err != nil || !dropped {
		t.Fatalf("removing vic: %v, dropped %v", err, dropped)
	}
	if _, err := store.Open(ts.srv.As("vic", "vic-secret")); err == nil {
		t.Error("a removed login still signs in")
	}
	if _, err := ts.owner.RemoveTeamLogin("vic"); err == nil {
		t.Error("removing vic twice")
	}
}

// Orchard makes its tables only in an empty database.
func TestServerRefusesAnotherApplicationsDatabase(t *testing.T) {
	srv := pgtest.New(t)
	if _, err := srv.DB(t).Exec("CREATE TABLE invoices (id int)"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(srv.URL); err == nil || !strings.Contains(err.Error(), "not an Orchard workspace") {
		t.Errorf("opening another application's database: %v", err)
	}
	var n int
	srv.DB(t).QueryRow("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").Scan(&n)
	if n != 1 {
		t.Errorf("%d tables there afterwards, want the 1 it had", n)
	}
}
