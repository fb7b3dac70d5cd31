package workspace_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// Two people on one team workspace: an edit made against a record someone
// else changed meanwhile is refused and the newer record shown; an edit to
// another record goes through; neither loses the other's change.
func TestTeamWorkspaceLosesNoUpdate(t *testing.T) {
	ann, bo := twoOnServer(t)
	accounts := ann.Portfolio().Accounts()
	first, second := accounts[0].ID, accounts[1].ID

	a := model.Clone(ann.Portfolio().Account(first)).(*model.Account)
	a.Region = "Ann's region"
	if err := ann.Save(a); err != nil {
		t.Fatal(err)
	}
	b := model.Clone(bo.Portfolio().Account(first)).(*model.Account) // Bo still sees the old record
	b.Region = "Bo's region"
	if err := bo.Save(b); !errors.Is(err, workspace.ErrConflict) {
		t.Fatalf("Bo's edit of the record Ann changed: %v, want a conflict", err)
	}
	if got := bo.Portfolio().Account(first).Region; got != "Ann's region" {
		t.Errorf("after the conflict Bo sees %q, want Ann's change", got)
	}
	c := model.Clone(bo.Portfolio().Account(second)).(*model.Account)
	c.Region = "Bo's other region"
	if err := bo.Save(c); err != nil {
		t.Fatalf("Bo's edit of another record: %v", err)
	}
	if _, err := ann.Refresh(); err != nil {
		t.Fatal(err)
	}
	if ann.Portfolio().Account(first).Region != "Ann's region" || ann.Portfolio().Account(second).Region != "Bo's other region" {
		t.Error("one of the two changes was lost")
	}
}

// twoOnServer opens one team workspace twice, as two people's windows.
func twoOnServer(t *testing.T) (*workspace.Workspace, *workspace.Workspace) {
	t.Helper()
	url := pgtest.Database(t)
	st, err := store.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err := st.Write(store.Batch{Puts: records, Settings: &settings}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var ws []*workspace.Workspace
	for range 2 {
		w, err := workspace.Open(url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		ws = append(ws, w)
	}
	return ws[0], ws[1]
}

// listen hears a workspace's notices on a channel until the test ends.
func listen(t *testing.T, w *workspace.Workspace) <-chan store.Notice {
	t.Helper()
	notices := make(chan store.Notice, 100)
	ready := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		w.Listen(ctx, store.Heard{Changed: func(n store.Notice) { notices <- n }, Ready: func() { ready <- struct{}{} }})
		close(done)
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("never listening")
	}
	return notices
}

func heard(t *testing.T, notices <-chan store.Notice) store.Notice {
	t.Helper()
	select {
	case n := <-notices:
		return n
	case <-time.After(10 * time.Second):
		t.Fatal("no notice heard")
	}
	return store.Notice{}
}

// Another's save reaches a listening window as a notice naming the
// records; reading just those shows the change, tells the screens exactly
// what changed, and leaves the window up to date for its own next edit.
func TestNoticeBringsInJustTheChangedRecords(t *testing.T) {
	ann, bo := twoOnServer(t)
	notices := listen(t, ann)
	id := ann.Portfolio().Accounts()[0].ID
	var events []workspace.Event
	ann.Subscribe(func(ev workspace.Event) { events = append(events, ev) })

	theirs := model.Clone(bo.Portfolio().Account(id)).(*model.Account)
	theirs.Region = "Bo's region"
	if err := bo.Save(theirs); err != nil {
		t.Fatal(err)
	}
	n := heard(t, notices)
	if read, err := ann.TakeNotice(n); err != nil || !read {
		t.Fatalf("taking the notice: %v, %v", read, err)
	}
	if got := ann.Portfolio().Account(id).Region; got != "Bo's region" {
		t.Errorf("Ann sees region %q after the notice", got)
	}
	if len(events) != 1 || len(events[0].Changes) != 1 || events[0].Changes[0].ID != id {
		t.Errorf("the screens were told %+v; want the one account", events)
	}
	if changed, _ := ann.Changed(); changed {
		t.Error("after the notice the window still thinks it is behind")
	}
	mine := model.Clone(ann.Portfolio().Account(id)).(*model.Account)
	mine.Notes = "Ann's note"
	if err := ann.Save(mine); err != nil {
		t.Fatalf("Ann's edit after taking Bo's in: %v", err)
	}
	// Ann hears her own save too: it changes nothing.
	if read, _ := ann.TakeNotice(heard(t, notices)); read {
		t.Error("a window's own save was read in again")
	}
}

// A missed notice (the connection was lost meanwhile) is made good by
// reading the whole workspace.
func TestMissedNoticeReadsEverything(t *testing.T) {
	ann, bo := twoOnServer(t)
	notices := listen(t, ann)
	accounts := bo.Portfolio().Accounts()
	for i, a := range accounts[:2] {
		c := model.Clone(a).(*model.Account)
		c.Region = fmt.Sprintf("region %d", i)
		if err := bo.Save(c); err != nil {
			t.Fatal(err)
		}
	}
	heard(t, notices) // the first is lost
	if read, err := ann.TakeNotice(heard(t, notices)); err != nil || !read {
		t.Fatalf("taking the second notice: %v, %v", read, err)
	}
	for i, a := range accounts[:2] {
		if got := ann.Portfolio().Account(a.ID).Region; got != fmt.Sprintf("region %d", i) {
			t.Errorf("account %d shows region %q", i, got)
		}
	}
}

// While the server is out of reach every command is refused, saving
// nothing, and works again once it is back.
func TestOfflineRefusesCommands(t *testing.T) {
	ann, _ := twoOnServer(t)
	ann.SetOffline(true)
	a := model.Clone(ann.Portfolio().Accounts()[0]).(*model.Account)
	a.Region = "offline"
	if err := ann.Save(a); !errors.Is(err, workspace.ErrOffline) {
		t.Fatalf("a save while offline = %v", err)
	}
	if ann.Portfolio().Account(a.ID).Region == "offline" {
		t.Error("the refused save shows on screen")
	}
	ann.SetOffline(false)
	if err := ann.Save(a); err != nil {
		t.Fatal(err)
	}
}
