package app

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"orchard/model"
)

// child runs Orchard's command line in another process.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ORCHARD_TEST_RUN_MAIN=1", "LANG=en_US.UTF-8")
	return cmd
}

func accountsCSV(n int, prefix string) []byte {
	var b strings.Builder
	b.WriteString("Account Name,Industry,Region,Annual Revenue,Currency\n")
	for i := range n {
		fmt.Fprintf(&b, "%s %05d,Retail,EMEA,%d,EUR\n", prefix, i, 1000+i)
	}
	return []byte(b.String())
}

// Two processes importing the same new accounts at the same moment: one
// writes them, the other finds them there and doubles nothing.
func TestTwoImportsAtOnceDoNotDouble(t *testing.T) {
	dir, db := demoWorkspace(t, "w.orchard")
	csv := filepath.Join(dir, "accounts.csv")
	writeFile(t, csv, accountsCSV(3000, "Parallel"))
	ws, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	before := ws.Portfolio().Count(model.KindAccount)
	ws.Close()

	var outs [2]bytes.Buffer
	var cmds [2]*exec.Cmd
	for i := range cmds {
		cmds[i] = child("import", csv, "--db", db)
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("import %d failed: %v\n%s", i+1, err, outs[i].String())
		}
	}
	ws, err = openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	t.Logf("first: %s\nsecond: %s", firstLine(outs[0].String()), firstLine(outs[1].String()))
	if got := ws.Portfolio().Count(model.KindAccount); got != before+3000 {
		t.Errorf("after two imports of the same 3000 accounts the workspace has %d accounts, want %d\n%s\n%s",
			got, before+3000, outs[0].String(), outs[1].String())
	}
}

// A window open on a workspace while `orchard import` writes to it: the
// window reads the import in, and its stale copy of an imported record is
// never written back over it.
func TestWindowSeesCommandLineImport(t *testing.T) {
	dir, db := demoWorkspace(t, "w.orchard")
	window, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	target := window.Portfolio().Accounts()[0]
	csv := filepath.Join(dir, "revenue.csv")
	writeFile(t, csv, []byte(fmt.Sprintf("Account Name,Region,Annual Revenue,Currency\n%s,Antarctica,%.0f,%s\n",
		target.Name, target.Revenue.Major()+777, target.Currency)))
	stale := model.Clone(target).(*model.Account)

	out, err := child("import", csv, "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if changed, err := window.Changed(); err != nil || !changed {
		t.Fatalf("the window did not notice the import (%v)", err)
	}
	stale.Notes = "typed in the window before it noticed"
	if err := window.Save(stale); err == nil {
		t.Fatal("the window's edit of a record the import changed was written over it")
	}
	now := window.Portfolio().Account(target.ID)
	if now.Region != "Antarctica" {
		t.Errorf("the window shows region %q, want the imported one", now.Region)
	}
}

// Reading never waits for another process's write: a summary taken while
// a long import holds the write lock answers at once.
func TestSummaryWhileAnotherProcessWrites(t *testing.T) {
	_, db := demoWorkspace(t, "w.orchard")
	ws, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	// Hold the write lock the way a long import does, from another
	// connection.
	hold, err := holdWriteLock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer hold()
	if code, out, stderr := run("summary", "--db", db); code != 0 || !strings.Contains(out, `"accounts"`) {
		t.Errorf("summary while another process holds the write lock: %d %s %s", code, out, stderr)
	}
}

// holdWriteLock begins a write transaction on the file from a connection
// of its own, as another process's import does, and returns its release.
func holdWriteLock(path string) (func(), error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_txlock=immediate&_pragma=busy_timeout(2000)")
	if err != nil {
		return nil, err
	}
	tx, err := db.Begin()
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := tx.Exec("UPDATE settings SET value = value WHERE key = 'name'"); err != nil {
		tx.Rollback()
		db.Close()
		return nil, err
	}
	return func() { tx.Rollback(); db.Close() }, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
