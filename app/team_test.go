package app

import (
	"errors"
	"strings"
	"testing"

	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"
)

// orchard team add-user, list and remove: the people of a team workspace,
// and what a manager then sees of it.
func TestTeamCommands(t *testing.T) {
	srv := pgtest.New(t)
	publishDemo(t, srv.URL)
	code, out, stderr := run("team", "add-user", "--db", srv.URL, "--name", "Anna Berg", "--login", "anna", "--password", "anna-pw-1", "--role", "manager")
	if code != 0 || !strings.Contains(out, "reads and changes 7 accounts") {
		t.Fatalf("add-user: %d %q %q", code, out, stderr)
	}
	if code, out, _ := run("team", "add-user", "--db", srv.URL, "--name", "Nobody Here", "--login", "nobody", "--password", "nobody-pw", "--role", "manager"); code != 0 || !strings.Contains(out, "sees none until one does") {
		t.Errorf("a manager of no account is not warned: %q", out)
	}
	if code, _, stderr := run("team", "add-user", "--db", srv.URL, "--name", "Lee", "--login", "lee", "--password", "x", "--role", "boss"); code == 0 || !strings.Contains(stderr, "not a role") {
		t.Errorf("a role that is none: %d %q", code, stderr)
	}
	code, out, _ = run("team", "list", "--db", srv.URL)
	if code != 0 || !strings.Contains(out, "anna") || !strings.Contains(out, "Anna Berg") || !strings.Contains(out, "manager") || !strings.Contains(out, "nobody") {
		t.Errorf("list: %q", out)
	}
	st, err := store.Open(srv.As("anna", "anna-pw-1"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.Load()
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Accounts() {
		if a.Owner != "Anna Berg" {
			t.Errorf("Anna reads %s, owned by %s", a.Name, a.Owner)
		}
	}
	if p.Count(model.KindAccount) != 7 {
		t.Errorf("Anna reads %d accounts, want her 7", p.Count(model.KindAccount))
	}
	if code, out, _ := run("team", "remove", "--db", srv.URL, "--login", "anna"); code != 0 || !strings.Contains(out, "no longer sign in") {
		t.Errorf("remove: %d %q", code, out)
	}
	if code, _, stderr := run("team", "list", "--db", "plain.orchard"); code != 2 || !strings.Contains(stderr, "team workspace") {
		t.Errorf("team on a file: %d %q", code, stderr)
	}
}

// The window on a team workspace says who is signed in and as what; a
// viewer's is read-only.
func TestTeamWindowSaysWhoIsSignedIn(t *testing.T) {
	keyring.MockInit()
	srv := pgtest.New(t)
	publishDemo(t, srv.URL)
	for _, u := range [][3]string{{"anna", "Anna Berg", "manager"}, {"vera", "Vera Holm", "viewer"}} {
		if code, _, stderr := run("team", "add-user", "--db", srv.URL, "--name", u[1], "--login", u[0], "--password", u[0]+"-pw-1", "--role", u[2]); code != 0 {
			t.Fatal(stderr)
		}
	}
	d := newDesktop(test.NewTempApp(t))
	d.win = test.NewTempWindow(t, nil)
	t.Cleanup(d.closeWorkspace)
	if err := d.open(srv.As("vera", "vera-pw-1")); err != nil {
		t.Fatal(err)
	}
	if title := d.win.Title(); !strings.Contains(title, "Vera Holm, viewer") || !strings.Contains(title, "read-only") {
		t.Errorf("a viewer's title: %q", title)
	}
	if !d.ws.ReadOnly() || d.ws.Portfolio().Count(model.KindAccount) != 28 {
		t.Errorf("a viewer's window: read-only %v, %d accounts", d.ws.ReadOnly(), d.ws.Portfolio().Count(model.KindAccount))
	}
	if err := d.open(srv.As("anna", "anna-pw-1")); err != nil {
		t.Fatal(err)
	}
	if title := d.win.Title(); !strings.Contains(title, "Anna Berg, manager") || strings.Contains(title, "read-only") {
		t.Errorf("a manager's title: %q", title)
	}
	for _, a := range d.ws.Portfolio().Accounts() {
		if a.Owner != "Anna Berg" {
			t.Errorf("Anna's window shows %s", a.Name)
		}
	}
	st := d.ws.Portfolio().Settings
	st.AtRisk++
	if err := d.ws.UpdateSettings(st); !errors.Is(err, store.ErrNotAllowed) || !strings.Contains(err.Error(), "nothing was saved") {
		t.Errorf("a manager changing the settings: %v", err)
	}
	if _, ok := d.ws.CanUndo(); ok {
		t.Error("a refused change is on the undo stack")
	}
}
