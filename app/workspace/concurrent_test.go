package workspace_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/store"
)

// twoProcesses opens the same file twice, as two Orchard processes would:
// each has its own connections and its own portfolio in memory.
func twoProcesses(t *testing.T) (*workspace.Workspace, *workspace.Workspace, string) {
	t.Helper()
	first, path := openSample(t)
	second, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	return first, second, path
}

func firstAccount(ws *workspace.Workspace) *model.Account {
	return ws.Portfolio().Accounts()[0]
}

func TestEditNeverWritesOverAnotherProcessChange(t *testing.T) {
	window, cli, path := twoProcesses(t)
	id := firstAccount(window).ID

	theirs := model.Clone(cli.Portfolio().Account(id)).(*model.Account)
	theirs.Revenue += 123_456_00
	if err := cli.Update(theirs); err != nil {
		t.Fatal(err)
	}

	mine := model.Clone(window.Portfolio().Account(id)).(*model.Account)
	mine.Region = "Somewhere else"
	err := window.Update(mine)
	if !errors.Is(err, workspace.ErrConflict) {
		t.Fatalf("an edit computed from the old record = %v, want ErrConflict", err)
	}
	stored := onDisk(t, path).Account(id)
	if stored.Revenue != theirs.Revenue || stored.Region == "Somewhere else" {
		t.Errorf("file holds revenue %d region %q; the other process's revenue %d must stay and the stale edit must not land",
			stored.Revenue, stored.Region, theirs.Revenue)
	}
	if got := window.Portfolio().Account(id).Revenue; got != theirs.Revenue {
		t.Errorf("the window still shows revenue %d after the refusal, want the other process's %d", got, theirs.Revenue)
	}
	// Made again on what it now shows, the edit lands with both changes.
	mine = model.Clone(window.Portfolio().Account(id)).(*model.Account)
	mine.Region = "Somewhere else"
	if err := window.Update(mine); err != nil {
		t.Fatal(err)
	}
	stored = onDisk(t, path).Account(id)
	if stored.Revenue != theirs.Revenue || stored.Region != "Somewhere else" {
		t.Errorf("after redoing the edit the file holds revenue %d region %q", stored.Revenue, stored.Region)
	}
}

func TestEditOfAnotherRecordLandsAndBringsTheOtherChangeIn(t *testing.T) {
	window, cli, path := twoProcesses(t)
	accounts := window.Portfolio().Accounts()
	a, b := accounts[0].ID, accounts[1].ID
	var events []workspace.Event
	window.Subscribe(func(ev workspace.Event) { events = append(events, ev) })

	theirs := model.Clone(cli.Portfolio().Account(a)).(*model.Account)
	theirs.Objective = "revenue_growth"
	if err := cli.Update(theirs); err != nil {
		t.Fatal(err)
	}
	mine := model.Clone(window.Portfolio().Account(b)).(*model.Account)
	mine.Objective = "retention"
	if err := window.Update(mine); err != nil {
		t.Fatalf("an edit of a record nobody else changed was refused: %v", err)
	}
	disk := onDisk(t, path)
	if disk.Account(a).Objective != "revenue_growth" || disk.Account(b).Objective != "retention" {
		t.Errorf("file holds %q and %q, want both edits", disk.Account(a).Objective, disk.Account(b).Objective)
	}
	if window.Portfolio().Account(a).Objective != "revenue_growth" {
		t.Error("the window did not take in the other process's edit")
	}
	var external *workspace.Event
	for i := range events {
		if events[i].Label == workspace.ExternalLabel {
			external = &events[i]
		}
	}
	if external == nil || len(external.Changes) != 1 || external.Changes[0].ID != a {
		t.Fatalf("views should hear exactly the record another process changed, got %+v", events)
	}
}

func TestRefreshReadsOtherProcessChanges(t *testing.T) {
	window, cli, _ := twoProcesses(t)
	if changed, err := window.Changed(); err != nil || changed {
		t.Fatalf("Changed() = %v, %v before anyone wrote", changed, err)
	}
	var gone model.Entity
	for _, e := range cli.Portfolio().All(model.KindAction) {
		gone = e
		break
	}
	if err := cli.Delete(model.KindAction, gone.EntityID()); err != nil {
		t.Fatal(err)
	}
	if changed, _ := window.Changed(); !changed {
		t.Fatal("the window did not notice another process's save")
	}
	var heard []workspace.Change
	window.Subscribe(func(ev workspace.Event) { heard = append(heard, ev.Changes...) })
	if read, err := window.Refresh(); err != nil || !read {
		t.Fatalf("Refresh() = %v, %v", read, err)
	}
	if window.Portfolio().Get(model.KindAction, gone.EntityID()) != nil {
		t.Error("the deleted action is still shown")
	}
	if len(heard) != 1 || heard[0].After != nil || heard[0].ID != gone.EntityID() {
		t.Errorf("listeners heard %+v, want the one removal", heard)
	}
	if changed, _ := window.Changed(); changed {
		t.Error("still reports a change after reading it")
	}
}

func TestUndoNeverRevertsAnotherProcessChange(t *testing.T) {
	window, cli, path := twoProcesses(t)
	id := firstAccount(window).ID
	mine := model.Clone(window.Portfolio().Account(id)).(*model.Account)
	mine.Notes = "mine"
	if err := window.Update(mine); err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Refresh(); err != nil {
		t.Fatal(err)
	}
	theirs := model.Clone(cli.Portfolio().Account(id)).(*model.Account)
	theirs.Notes = "theirs"
	if err := cli.Update(theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := window.Undo(); !errors.Is(err, workspace.ErrConflict) {
		t.Fatalf("undo over another process's edit = %v, want ErrConflict", err)
	}
	if got := onDisk(t, path).Account(id).Notes; got != "theirs" {
		t.Errorf("file holds notes %q, want the other process's", got)
	}
}

func TestImportPlannedBeforeAnotherSaveIsNotWritten(t *testing.T) {
	window, cli, path := twoProcesses(t)
	pending, err := window.PrepareImport("Import new.csv", []model.Entity{
		&model.Account{ID: "new-1", Name: "Fresh Co", Currency: "EUR"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	theirs := model.Clone(firstAccount(cli)).(*model.Account)
	theirs.Notes = "saved meanwhile"
	if err := cli.Update(theirs); err != nil {
		t.Fatal(err)
	}
	if err := pending.Save(); !errors.Is(err, store.ErrStale) {
		t.Fatalf("saving an import planned before another save = %v, want ErrStale", err)
	}
	if onDisk(t, path).Account("new-1") != nil {
		t.Error("the stale import was written")
	}
	// The workspace takes commands again once the refused import is over.
	mine := model.Clone(window.Portfolio().Accounts()[1]).(*model.Account)
	mine.Notes = "after"
	if err := window.Update(mine); err != nil {
		t.Errorf("after a refused import the workspace refuses commands: %v", err)
	}
}

// Copies before imports get a new name however many are taken in one
// second, and only the newest ten are kept.
func TestCopiesBeforeImportArePruned(t *testing.T) {
	fileOnly(t, "copies beside a file (the server keeps its own backups)")
	ws, path := openSample(t)
	var last string
	for range workspace.KeepImportCopies + 3 {
		p, err := ws.CopyBeforeImport()
		if err != nil {
			t.Fatal(err)
		}
		last = p
	}
	matches, _ := filepath.Glob(strings.TrimSuffix(path, ".orchard") + ".before-import-*.orchard")
	if len(matches) != workspace.KeepImportCopies {
		t.Errorf("%d copies kept, want %d: %v", len(matches), workspace.KeepImportCopies, matches)
	}
	if _, err := os.Stat(last); err != nil {
		t.Errorf("the newest copy was pruned: %v", err)
	}
	c, err := workspace.Open(last)
	if err != nil {
		t.Fatalf("the copy does not open: %v", err)
	}
	defer c.Close()
	if c.Portfolio().Count(model.KindAccount) != ws.Portfolio().Count(model.KindAccount) {
		t.Error("the copy lost accounts")
	}
}
