package app

import (
	"encoding/json"
	"errors"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"orchard/app/workspace"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
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
	// The command line works on the team workspace as on a file.
	csv := filepath.Join(t.TempDir(), "more.csv")
	os.WriteFile(csv, []byte("Account Name,Industry,Annual Revenue,Currency\nZephyr Foods,Food,1200000,EUR\n"), 0o644)
	if code, out, stderr := run("import", csv, "--db", url); code != 0 || !strings.Contains(out, "1 new") {
		t.Errorf("import into the team workspace: %d %q %q", code, out, stderr)
	}
	if counts(url)["accounts"] != file["accounts"]+1 {
		t.Error("the imported account is not on the server")
	}
	// The address is not a path: nothing is made on disk under its name.
	if _, err := os.Stat(strings.SplitN(url, "/", 2)[0]); err == nil {
		t.Errorf("importing into %s made a file or folder named after the address in the working folder", url)
	}
	if code, out, stderr := run("flags", "--db", url); code != 0 || out == "" {
		t.Errorf("flags of the team workspace: %d %q", code, stderr)
	}
	deck := filepath.Join(t.TempDir(), "review.pptx")
	if code, _, stderr := run("export", "--db", url, "--account", "Northwind Logistics", "--pptx", deck); code != 0 {
		t.Errorf("a review deck from the team workspace: %d %q", code, stderr)
	}
	if code, _, stderr := run("publish", "--db", db, "--to", url); code != 1 || !strings.Contains(stderr, "already holds") {
		t.Errorf("publishing into a full team workspace: %d %q", code, stderr)
	}
	if code, _, stderr := run("publish", "--db", url, "--to", url); code != 2 {
		t.Errorf("publishing from a server: %d %q", code, stderr)
	}
}

// The window opens a team workspace as it opens a file: an edit is saved
// to the server, where another process reads it, and undo takes it back.
func TestWindowOnATeamWorkspace(t *testing.T) {
	url := pgtest.Start(t)
	publishDemo(t, url)
	d := newDesktop(test.NewTempApp(t))
	withPassword := strings.Replace(url, "postgres:///", "postgres://postgres:s3cret@/", 1)
	if err := d.open(withPassword); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.closeWorkspace)
	acc := model.Clone(d.ws.Portfolio().Accounts()[0]).(*model.Account)
	acc.Region = "Nordics (team)"
	if err := d.ws.Save(acc); err != nil {
		t.Fatal(err)
	}
	other, err := workspace.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	if got := other.Portfolio().Account(acc.ID).Region; got != "Nordics (team)" {
		t.Errorf("another process reads region %q", got)
	}
	other.Close()
	if _, err := d.ws.Undo(); err != nil {
		t.Fatal(err)
	}
	other, err = workspace.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if got := other.Portfolio().Account(acc.ID).Region; got == "Nordics (team)" {
		t.Error("undo did not reach the server")
	}
	for _, p := range append(d.fa.Preferences().StringList(prefRecent), d.fa.Preferences().String(prefLast), d.win.Title()) {
		if strings.Contains(p, "s3cret") {
			t.Errorf("the password is kept or shown: %q", p)
		}
	}
}

// File ▸ Open team workspace… takes server, database, login and password;
// "remember" keeps the password in the keychain (never the preferences),
// so the team workspace reopens from the recent list without asking.
func TestOpenTeamWorkspaceRemembersThePasswordInTheKeychain(t *testing.T) {
	keyring.MockInit()
	srv := pgtest.New(t)
	url := srv.URL
	u, _ := neturl.Parse(url)
	socket, database := srv.Host(), strings.TrimPrefix(u.Path, "/")
	publishDemo(t, url)
	d := newDesktop(test.NewTempApp(t))
	t.Cleanup(d.closeWorkspace)
	for _, c := range []struct{ server, db, login, want string }{
		{"", database, "postgres", "which server"},
		{socket, "", "postgres", "which database"},
		{socket, database, "", "which login"},
	} {
		if err := d.openTeam(c.server, c.db, c.login, "pw", false); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want a refusal saying %q", c, err, c.want)
		}
	}
	if err := d.openTeam(socket, database, "postgres", "s3cret", true); err != nil {
		t.Fatal(err)
	}
	if d.ws.Portfolio().Count(model.KindAccount) != 28 {
		t.Fatal("the team workspace did not open")
	}
	last := d.fa.Preferences().String(prefLast)
	if strings.Contains(last, "s3cret") || !store.IsServerURL(last) {
		t.Fatalf("the last workspace is kept as %q", last)
	}
	if got := withRememberedPassword(last); !strings.Contains(got, "s3cret") {
		t.Errorf("reopening %q does not find the remembered password (%q)", last, got)
	}
	if !slices.Contains(d.recentPaths(), last) {
		t.Error("the team workspace is not in Open recent")
	}
	if err := d.open(last); err != nil {
		t.Errorf("reopening from the recent list: %v", err)
	}
	// Without "remember" the password is forgotten.
	if err := d.openTeam(socket, database, "postgres", "s3cret", false); err != nil {
		t.Fatal(err)
	}
	if got := withRememberedPassword(last); strings.Contains(got, "s3cret") {
		t.Error("the password is still remembered after opening without \"remember\"")
	}
}

// File ▸ Publish to team server… copies the open file into an empty team
// workspace and opens it there; a second publish is refused.
func TestPublishFromTheWindow(t *testing.T) {
	keyring.MockInit()
	srv := pgtest.New(t)
	url := srv.URL
	u, _ := neturl.Parse(url)
	socket, database := srv.Host(), strings.TrimPrefix(u.Path, "/")
	d := newTestDesktop(t)
	file := d.ws.Path()
	accounts := d.ws.Portfolio().Count(model.KindAccount)
	if err := d.publishTo(socket, database, "postgres", "", false); err != nil {
		t.Fatal(err)
	}
	if !store.IsServerURL(d.ws.Path()) || d.ws.Portfolio().Count(model.KindAccount) != accounts {
		t.Fatalf("after publishing the window shows %s with %d accounts", d.ws.Path(), d.ws.Portfolio().Count(model.KindAccount))
	}
	if !strings.Contains(d.shell.Status(), "published") {
		t.Errorf("status line: %q", d.shell.Status())
	}
	if err := d.open(file); err != nil {
		t.Fatal(err)
	}
	if err := d.publishTo(socket, database, "postgres", "", false); err == nil || !strings.Contains(err.Error(), "already holds") {
		t.Errorf("publishing into the now full team workspace: %v", err)
	}
}

// When the team server goes away the window says so, and says so again
// when it is back.
func TestWindowSaysWhenTheTeamServerIsUnreachable(t *testing.T) {
	d, srv, st := teamWindow(t)
	waitStatus := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			d.checkWorkspace(d.ws, st)
			if strings.Contains(d.shell.Status(), want) {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the status line says %q, want it to say %q", d.shell.Status(), want)
	}
	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	waitStatus("Cannot reach the team server")
	if !strings.Contains(d.shell.Offline(), "Cannot reach the team server") {
		t.Errorf("no banner says the server is out of reach: %q", d.shell.Offline())
	}
	a := model.Clone(d.ws.Portfolio().Accounts()[0]).(*model.Account)
	a.Region = "typed while away"
	if err := d.ws.Save(a); !errors.Is(err, workspace.ErrOffline) {
		t.Errorf("a save while the server is away = %v, want it refused as offline", err)
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	// Someone saves before the window is back: it catches up on coming back.
	bo, err := workspace.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	theirs := model.Clone(bo.Portfolio().Account(a.ID)).(*model.Account)
	theirs.Industry = "Saved while you were away"
	if err := bo.Save(theirs); err != nil {
		t.Fatal(err)
	}
	waitStatus("The team server is back")
	if got := d.ws.Portfolio().Account(a.ID).Industry; got != theirs.Industry {
		t.Errorf("after coming back the window shows industry %q, not what was saved meanwhile", got)
	}
	if d.shell.Offline() != "" {
		t.Errorf("the offline banner stays after the server is back: %q", d.shell.Offline())
	}
	if err := d.ws.Save(a); err != nil {
		t.Errorf("the save once the server is back: %v", err)
	}
}

// teamWindow opens a window on the demo published to a new test server,
// with the window's watch stopped for the test to take its steps in turn
// (the test driver runs the window's UI work on whichever goroutine asks).
func teamWindow(t *testing.T) (*desktopApp, *pgtest.Server, *watchState) {
	t.Helper()
	srv := pgtest.New(t)
	publishDemo(t, srv.URL)
	d := newDesktop(test.NewTempApp(t))
	if err := d.open(srv.URL); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.closeWorkspace)
	return d, srv, stopWatching(d)
}

// stopWatching stops the window's own watch, for a test to take its steps
// in turn, and returns what the watch shares with the window.
func stopWatching(d *desktopApp) *watchState {
	close(d.stopWatch)
	<-d.watchDone
	d.stopWatch, d.watchDone = nil, nil
	return d.watch
}

// publishDemo publishes the demo workspace to a team workspace and returns
// the file it came from.
func publishDemo(t *testing.T, url string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := run("publish", "--db", db, "--to", url); code != 0 {
		t.Fatal(stderr)
	}
	return db
}
