package workspace_test

import (
	"errors"
	"strings"
	"testing"

	"orchard/app/workspace"
	"orchard/model"
)

// A form shows a record; someone else changes it and the window takes
// their change in; the form's save is refused, says who changed what,
// keeps the person's edit, and applying it again keeps both changes.
func TestStaleEditIsRefusedAndCanBeAppliedAgain(t *testing.T) {
	for _, refreshed := range []bool{true, false} {
		window, cli, path := twoProcesses(t)
		cli.SetAuthor("Bo Chen")
		id := firstAccount(window).ID
		base := window.Portfolio().Account(id) // what the form shows

		theirs := model.Clone(cli.Portfolio().Account(id)).(*model.Account)
		theirs.Revenue += 5_000_00
		theirs.Notes = "Renewal moved to March"
		if err := cli.Save(theirs); err != nil {
			t.Fatal(err)
		}
		if refreshed {
			if _, err := window.Refresh(); err != nil {
				t.Fatal(err)
			}
		}
		mine := model.Clone(base).(*model.Account)
		mine.Name = "Renamed by me"
		err := window.SaveEdit(base, mine)
		var c *workspace.Conflict
		if !errors.As(err, &c) || !errors.Is(err, workspace.ErrConflict) {
			t.Fatalf("refreshed=%v: saving over Bo's change = %v, want a conflict", refreshed, err)
		}
		msg := err.Error()
		for _, want := range []string{"Bo Chen", "revenue and notes", base.Name} {
			if !strings.Contains(msg, want) {
				t.Errorf("refreshed=%v: the message %q does not say %q", refreshed, msg, want)
			}
		}
		if got := onDisk(t, path).Account(id); got.Name == "Renamed by me" || got.Notes != theirs.Notes {
			t.Fatalf("refreshed=%v: the refused edit was written (%q, %q)", refreshed, got.Name, got.Notes)
		}
		if got := window.Portfolio().Account(id); got.Notes != theirs.Notes {
			t.Errorf("refreshed=%v: the window shows notes %q, want Bo's", refreshed, got.Notes)
		}
		if !c.CanReapply() || c.Mine().(*model.Account).Name != "Renamed by me" || model.FieldLabels(c.MyFields()) != "name" {
			t.Fatalf("refreshed=%v: the person's edit is not kept: %+v", refreshed, c.Mine())
		}
		if err := window.Reapply(c); err != nil {
			t.Fatalf("refreshed=%v: applying my change again: %v", refreshed, err)
		}
		got := onDisk(t, path).Account(id)
		if got.Name != "Renamed by me" || got.Notes != theirs.Notes || got.Revenue != theirs.Revenue {
			t.Errorf("refreshed=%v: after applying again the file holds %q %q %d; want my name with Bo's notes and revenue", refreshed, got.Name, got.Notes, got.Revenue)
		}
	}
}

// A deleted record cannot take the edit: the refusal says so.
func TestEditOfARecordDeletedElsewhereIsRefused(t *testing.T) {
	window, cli, path := twoProcesses(t)
	cli.SetAuthor("Bo Chen")
	id := firstAccount(window).ID
	base := window.Portfolio().Account(id)
	if err := cli.Delete(model.KindAccount, id); err != nil {
		t.Fatal(err)
	}
	if _, err := window.Refresh(); err != nil {
		t.Fatal(err)
	}
	mine := model.Clone(base).(*model.Account)
	mine.Region = "North"
	err := window.SaveEdit(base, mine)
	var c *workspace.Conflict
	if !errors.As(err, &c) || c.CanReapply() || !strings.Contains(err.Error(), "Bo Chen deleted") {
		t.Fatalf("saving a deleted account = %v", err)
	}
	if onDisk(t, path).Account(id) != nil {
		t.Error("the refused edit brought the account back")
	}
}

// The window's own change to a record a form shows (a drag on the quadrant)
// is no conflict: the form's edit is laid over it and both are kept.
func TestOwnChangeUnderAFormIsKept(t *testing.T) {
	window, path := openSample(t)
	id := firstAccount(window).ID
	base := window.Portfolio().Account(id)
	if err := window.MoveAccount(id, 12, 34); err != nil {
		t.Fatal(err)
	}
	mine := model.Clone(base).(*model.Account)
	mine.Region = "North"
	if err := window.SaveEdit(base, mine); err != nil {
		t.Fatal(err)
	}
	got := onDisk(t, path).Account(id)
	if got.Region != "North" || !got.Placed || got.PlaceX != 12 {
		t.Errorf("the file holds region %q placed %v at %v; want both the move and the edit", got.Region, got.Placed, got.PlaceX)
	}
}

// Undo of one's own change is refused, with who changed the record since,
// after the window took their change in; the step stays to undo later.
func TestUndoAfterAnothersChangeIsRefusedAndKept(t *testing.T) {
	window, cli, path := twoProcesses(t)
	cli.SetAuthor("Bo Chen")
	id := firstAccount(window).ID
	mine := model.Clone(window.Portfolio().Account(id)).(*model.Account)
	mine.Notes = "mine"
	if err := window.Save(mine); err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Refresh(); err != nil {
		t.Fatal(err)
	}
	theirs := model.Clone(cli.Portfolio().Account(id)).(*model.Account)
	theirs.Revenue++
	if err := cli.Save(theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := window.Refresh(); err != nil {
		t.Fatal(err)
	}
	_, err := window.Undo()
	var c *workspace.Conflict
	if !errors.As(err, &c) || !strings.Contains(err.Error(), "Bo Chen changed") || !strings.HasPrefix(err.Error(), "Cannot undo") {
		t.Fatalf("undo over Bo's change = %v", err)
	}
	if label, ok := window.CanUndo(); !ok || !strings.Contains(label, mine.Name) {
		t.Errorf("the refused step is gone from the undo list (%q, %v)", label, ok)
	}
	got := onDisk(t, path).Account(id)
	if got.Notes != "mine" || got.Revenue != theirs.Revenue {
		t.Errorf("the file holds notes %q revenue %d after the refused undo", got.Notes, got.Revenue)
	}
	if c, err := window.LastChange(model.KindAccount, id); err != nil || c.By != "Bo Chen" {
		t.Errorf("last change = %+v, %v", c, err)
	}
}
