package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run Orchard's command line in a child process, to
// kill it part way.
func TestMain(m *testing.M) {
	if os.Getenv("ORCHARD_TEST_RUN_MAIN") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// An import killed while it writes leaves the workspace exactly as it was:
// the child is killed once its transaction has begun spilling pages to the
// write-ahead log, well before it can commit.
func TestImportKilledHalfWayChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.orchard")
	if code, _, stderr := run("demo", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	ws, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	account := ws.Portfolio().Accounts()[0].Name
	ws.Close()
	var b strings.Builder
	b.WriteString("Account,Name,Title,Department,Attitude\n")
	for i := 0; i < 25000; i++ {
		fmt.Fprintf(&b, "%s,Person %05d,Analyst %d,Department %d,neutral\n", account, i, i%97, i%13)
	}
	csv := filepath.Join(dir, "people.csv")
	writeFile(t, csv, []byte(b.String()))
	before := summaryWithoutPath(t, db)

	cmd := child("import", csv, "--db", db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	wal := db + "-wal"
	killed := false
	deadline := time.Now().Add(2 * time.Minute)
	for !killed && time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("the import finished (%v) before it was seen writing; the test needs a bigger file", err)
		default:
		}
		if info, err := os.Stat(wal); err == nil && info.Size() > 256<<10 {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
		time.Sleep(time.Millisecond)
	}
	if !killed {
		cmd.Process.Kill()
		t.Fatal("the import never started writing")
	}
	err = <-exited
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Success() {
		t.Fatalf("the child was not killed: %v", err)
	}
	after := summaryWithoutPath(t, db)
	if !jsonEqual(before, after) {
		t.Error("the workspace changed although the import was killed before it committed")
	}
	// And the workspace still takes an import afterwards.
	small := filepath.Join(dir, "one.csv")
	writeFile(t, small, []byte("Account,Name,Title\n"+account+",Person after,CEO\n"))
	if code, out, stderr := run("import", small, "--db", db); code != 0 || !strings.Contains(out, "1 new") {
		t.Errorf("import after the kill: %d %q %q", code, out, stderr)
	}
}
