package workspace_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

func openSample(t *testing.T) (*workspace.Workspace, string) {
	t.Helper()
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	return newWorkspace(t, settings, records)
}

// onServer runs this suite on team workspaces on PostgreSQL instead of
// files: test.sh runs it both ways (ORCHARD_TEST_BACKEND=postgres).
var onServer = os.Getenv("ORCHARD_TEST_BACKEND") == "postgres"

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

// newWorkspace makes a workspace holding settings and records, in a file
// or a new database on the suite's server; it returns the workspace and
// its address, to open it again as another process would.
func newWorkspace(t *testing.T, settings model.Settings, records []model.Entity) (*workspace.Workspace, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ws.orchard")
	if onServer {
		path = pgtest.Database(t)
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		err = st.Write(store.Batch{Puts: records, Settings: &settings})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		ws, err := workspace.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ws.Close() })
		return ws, path
	}
	ws, err := workspace.Create(path, settings, records)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws, path
}

// fileOnly skips a test of what only a workspace file has.
func fileOnly(t *testing.T, what string) {
	t.Helper()
	if onServer {
		t.Skip("a team workspace has no " + what)
	}
}

// snapshot renders a portfolio as sorted lines, one per record, so two can be
// compared and a difference shown.
func snapshot(p *model.Portfolio) []string {
	out := []string{fmt.Sprintf("settings %+v", p.Settings)}
	for _, k := range model.Kinds {
		for _, e := range p.All(k) {
			c := model.Clone(e)
			if a, ok := c.(*model.Account); ok {
				a.Updated = time.Time{} // stamped on save; not content
			}
			out = append(out, fmt.Sprintf("%s %+v", k, c))
		}
	}
	sort.Strings(out)
	return out
}

// onDisk reloads the workspace file from scratch.
func onDisk(t *testing.T, path string) *model.Portfolio {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, w := map[string]bool{}, map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	for _, l := range want {
		w[l] = true
	}
	for _, l := range want {
		if !g[l] {
			t.Errorf("%s: missing %s", what, l)
			break
		}
	}
	for _, l := range got {
		if !w[l] {
			t.Errorf("%s: unexpected %s", what, l)
			break
		}
	}
	t.Fatalf("%s: %d records, want %d", what, len(got), len(want))
}

func firstPlanned(ws *workspace.Workspace) *model.Account {
	for _, a := range ws.Portfolio().Accounts() {
		if a.Name == sample.PlannedAccounts[0] {
			return a
		}
	}
	return nil
}

// Every command kind: do it, check memory and file agree and show the
// change; undo, check both are back; redo, check the change is back.
func TestCommandsUndoRedo(t *testing.T) {
	type cmd struct {
		name  string
		do    func(ws *workspace.Workspace) error
		check func(p *model.Portfolio) error
	}
	cmds := []cmd{
		{"create account", func(ws *workspace.Workspace) error {
			return ws.Create(&model.Account{ID: "new", Name: "Zephyr Ltd", Currency: "EUR", Revenue: 1_000_00})
		}, func(p *model.Portfolio) error {
			if p.Account("new") == nil {
				return errors.New("new account missing")
			}
			return nil
		}},
		{"update account", func(ws *workspace.Workspace) error {
			a := model.Clone(firstPlanned(ws)).(*model.Account)
			a.Name, a.Revenue = "Northwind Global", 9_999_00
			return ws.Update(a)
		}, func(p *model.Portfolio) error {
			for _, a := range p.Accounts() {
				if a.Name == "Northwind Global" && a.Revenue == 9_999_00 {
					return nil
				}
			}
			return errors.New("edit not visible")
		}},
		{"delete account with its plan", func(ws *workspace.Workspace) error {
			return ws.Delete(model.KindAccount, firstPlanned(ws).ID)
		}, func(p *model.Portfolio) error {
			for _, a := range p.Accounts() {
				if a.Name == sample.PlannedAccounts[0] {
					return errors.New("account still there")
				}
			}
			if n := p.Count(model.KindStakeholder); n != 40 {
				return fmt.Errorf("%d stakeholders left, want 40 (two planned accounts)", n)
			}
			return nil
		}},
		{"delete stakeholder with reports", func(ws *workspace.Workspace) error {
			ceo := ceoOf(ws.Portfolio(), firstPlanned(ws).ID)
			return ws.Delete(model.KindStakeholder, ceo.ID)
		}, func(p *model.Portfolio) error {
			for _, s := range p.All(model.KindStakeholder) {
				if s.(*model.Stakeholder).Title == "Chief Financial Officer" && s.(*model.Stakeholder).ReportsTo != "" {
					if p.Get(model.KindStakeholder, s.(*model.Stakeholder).ReportsTo) == nil {
						return errors.New("CFO reports to a deleted CEO")
					}
				}
			}
			return nil
		}},
		{"delete team member", func(ws *workspace.Workspace) error {
			return ws.Delete(model.KindTeamMember, ws.Portfolio().TeamMembers()[0].ID)
		}, func(p *model.Portfolio) error {
			if len(p.TeamMembers()) != 9 {
				return errors.New("team member still there")
			}
			return nil
		}},
		{"apply batch", func(ws *workspace.Workspace) error {
			acc := firstPlanned(ws).ID
			boss := &model.Stakeholder{ID: "boss", AccountID: acc, Name: "New Boss"}
			rep := &model.Stakeholder{ID: "rep", AccountID: acc, Name: "Report", ReportsTo: "boss"}
			return ws.Apply("Import stakeholders", []model.Entity{rep, boss})
		}, func(p *model.Portfolio) error {
			if p.Get(model.KindStakeholder, "rep") == nil || p.Get(model.KindStakeholder, "boss") == nil {
				return errors.New("batch not applied")
			}
			return nil
		}},
		{"settings", func(ws *workspace.Workspace) error {
			s := ws.Portfolio().Settings
			s.Name = "Renamed"
			s.Weights[model.QTrust] = 5
			return ws.UpdateSettings(s)
		}, func(p *model.Portfolio) error {
			if p.Settings.Name != "Renamed" || p.Settings.Weights[model.QTrust] != 5 {
				return errors.New("settings not changed")
			}
			return nil
		}},
		{"move account", func(ws *workspace.Workspace) error {
			return ws.MoveAccount(firstPlanned(ws).ID, 12.5, 140)
		}, func(p *model.Portfolio) error {
			for _, a := range p.Accounts() {
				if a.Placed && a.PlaceX == 12.5 && a.PlaceY == 100 {
					return nil
				}
			}
			return errors.New("placement not saved (or not clamped to 100)")
		}},
		{"place stakeholders", func(ws *workspace.Workspace) error {
			p := ws.Portfolio()
			acc := firstPlanned(ws).ID
			ceo := ceoOf(p, acc)
			var shown []workspace.Placement
			for i, st := range p.Stakeholders(acc) {
				shown = append(shown, workspace.Placement{ID: st.ID, X: float64(i * 10), Y: 7})
			}
			return ws.PlaceStakeholders([]workspace.Placement{{ID: ceo.ID, X: 300, Y: -40}}, shown)
		}, func(p *model.Portfolio) error {
			moved, fixed := 0, 0
			for _, s := range p.All(model.KindStakeholder) {
				st := s.(*model.Stakeholder)
				switch {
				case st.Placed && st.MapX == 300 && st.MapY == -40:
					moved++
				case st.Placed && st.MapY == 7:
					fixed++
				}
			}
			if moved != 1 || fixed == 0 {
				return fmt.Errorf("moved %d, fixed in place %d: want the CEO moved and the people laid out automatically fixed where shown", moved, fixed)
			}
			return nil
		}},
		{"move card", func(ws *workspace.Workspace) error {
			board := ws.Portfolio().Actions(firstPlanned(ws).ID)
			var ids []string
			for _, a := range board {
				ids = append(ids, a.ID)
			}
			a := board[0]
			if a.Status == model.StatusBlocked {
				a = board[len(board)-1]
			}
			return ws.MoveCard(ids, model.BoardMove{ID: a.ID, Status: model.StatusBlocked})
		}, func(p *model.Portfolio) error {
			for _, e := range p.All(model.KindAction) {
				if a := e.(*model.Action); a.Status == model.StatusBlocked {
					return nil
				}
			}
			return errors.New("card not moved to Blocked")
		}},
		{"record positions", func(ws *workspace.Workspace) error {
			n, err := ws.RecordPositions("Review Dec 2026", time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
			if err == nil && n == 0 {
				err = errors.New("no position recorded")
			}
			return err
		}, func(p *model.Portfolio) error {
			for _, e := range p.All(model.KindPositionMark) {
				if m := e.(*model.PositionMark); m.Label == "Review Dec 2026" {
					return nil
				}
			}
			return errors.New("no mark labelled Review Dec 2026")
		}},
		{"record review", func(ws *workspace.Workspace) error {
			return ws.RecordReview(workspace.Review{AccountID: firstPlanned(ws).ID, Date: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC),
				Next: time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC), Attendees: "CEO, CFO", Decisions: "Pilot in Q1",
				NewActions: []string{"Send the pilot plan", "  ", "Book the steering group"}})
		}, func(p *model.Portfolio) error {
			var meeting *model.ReviewMeeting
			for _, e := range p.All(model.KindReview) {
				if m := e.(*model.ReviewMeeting); m.Decisions == "Pilot in Q1" {
					meeting = m
				}
			}
			if meeting == nil || meeting.Snapshot == "" {
				return errors.New("the meeting or its snapshot is missing")
			}
			agreed := 0
			for _, e := range p.All(model.KindAction) {
				if a := e.(*model.Action); a.CustomerAgreed && strings.HasPrefix(a.Description, "Decided at the review of 30 Nov 2026") {
					agreed++
				}
			}
			if agreed != 2 {
				return fmt.Errorf("%d agreed actions from the review, want 2 (the blank line is none)", agreed)
			}
			return nil
		}},
	}
	for _, c := range cmds {
		t.Run(c.name, func(t *testing.T) {
			ws, path := openSample(t)
			start := snapshot(ws.Portfolio())
			if err := c.do(ws); err != nil {
				t.Fatalf("command failed: %v", err)
			}
			if err := c.check(ws.Portfolio()); err != nil {
				t.Fatalf("after command: %v", err)
			}
			done := snapshot(ws.Portfolio())
			same(t, "file after command", snapshot(onDisk(t, path)), done)
			if ok, err := ws.Undo(); !ok || err != nil {
				t.Fatalf("Undo() = %v, %v", ok, err)
			}
			same(t, "memory after undo", snapshot(ws.Portfolio()), start)
			same(t, "file after undo", snapshot(onDisk(t, path)), start)
			if ok, err := ws.Redo(); !ok || err != nil {
				t.Fatalf("Redo() = %v, %v", ok, err)
			}
			same(t, "memory after redo", snapshot(ws.Portfolio()), done)
			same(t, "file after redo", snapshot(onDisk(t, path)), done)
		})
	}
}

func ceoOf(p *model.Portfolio, accountID string) *model.Stakeholder {
	for _, s := range p.Stakeholders(accountID) {
		if s.ReportsTo == "" && s.Title == "Chief Executive Officer" {
			return s
		}
	}
	return nil
}

func TestRejectedCommandChangesNothing(t *testing.T) {
	ws, path := openSample(t)
	start := snapshot(ws.Portfolio())
	a := model.Clone(firstPlanned(ws)).(*model.Account)
	a.Name, a.Currency = "", "euro"
	err := ws.Update(a)
	fields := model.FieldErrors(err)
	if len(fields) != 2 {
		t.Fatalf("Update of a bad account = %v, want errors on name and currency", err)
	}
	if _, ok := ws.CanUndo(); ok {
		t.Error("a rejected command left an undo step")
	}
	same(t, "memory", snapshot(ws.Portfolio()), start)
	same(t, "file", snapshot(onDisk(t, path)), start)
	if err := ws.Update(firstPlanned(ws)); err == nil {
		t.Error("updating the stored record itself (not a copy) must be refused")
	}
}

func TestUndoStackAndLabels(t *testing.T) {
	ws, _ := openSample(t)
	if _, ok := ws.CanUndo(); ok {
		t.Fatal("a freshly opened workspace has nothing to undo")
	}
	id := firstPlanned(ws).ID
	for i := 1; i <= 3; i++ {
		if err := ws.MoveAccount(id, float64(i*10), 50); err != nil {
			t.Fatal(err)
		}
	}
	label, ok := ws.CanUndo()
	if !ok || !strings.Contains(label, "Move account") || !strings.Contains(label, "Northwind") {
		t.Errorf("undo label = %q", label)
	}
	ws.Undo()
	ws.Undo()
	if got := ws.Portfolio().Account(id).PlaceX; got != 10 {
		t.Errorf("after two undos x = %v, want 10", got)
	}
	// A new command clears what could be redone.
	ws.MoveAccount(id, 77, 50)
	if _, ok := ws.CanRedo(); ok {
		t.Error("redo survived a new command")
	}
	if ok, _ := ws.Redo(); ok {
		t.Error("Redo() did something with an empty redo stack")
	}
}

func TestListenersHearWhatChanged(t *testing.T) {
	ws, _ := openSample(t)
	var events []workspace.Event
	stop := ws.Subscribe(func(e workspace.Event) { events = append(events, e) })
	acc := firstPlanned(ws)
	ws.MoveAccount(acc.ID, 20, 20)
	ws.Undo()
	stop()
	ws.Redo()
	if len(events) != 2 {
		t.Fatalf("got %d events, want 2 (none after unsubscribing)", len(events))
	}
	if !events[0].Touches(model.KindAccount) || !events[0].TouchesAccount(acc.ID) {
		t.Errorf("move event %+v does not name the account", events[0])
	}
	if !strings.HasPrefix(events[1].Label, "Undo ") {
		t.Errorf("undo event label = %q", events[1].Label)
	}
	if events[1].Changes[0].After.(*model.Account).Placed {
		t.Error("undo event should carry the restored (unplaced) account as After")
	}
}

func TestReadOnlyWorkspaceRefusesEdits(t *testing.T) {
	fileOnly(t, "file to make read-only (a viewer's refusals are tested in the team tests)")
	ws, path := openSample(t)
	ws.Close()
	os.Chmod(path, 0o444)
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	ro, err := workspace.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Fatal("not read-only")
	}
	before := snapshot(ro.Portfolio())
	err = ro.MoveAccount(firstPlanned(ro).ID, 1, 1)
	if !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("edit on read-only workspace = %v, want ErrReadOnly", err)
	}
	same(t, "memory", snapshot(ro.Portfolio()), before)
}

func TestRollOverLosesNothingAndArchivesReadOnly(t *testing.T) {
	ws, path := openSample(t)
	acc := firstPlanned(ws)
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	p := ws.Portfolio()
	actions := p.Actions(acc.ID)
	var open, finished []string
	for _, a := range actions {
		if a.Status == model.StatusDone || a.Status == model.StatusNotImplemented {
			finished = append(finished, a.Title)
		} else {
			open = append(open, a.ID)
		}
	}
	goals := len(p.Goals(acc.ID))
	people := len(p.Stakeholders(acc.ID))
	start := snapshot(p)
	puts, deletes, next, err := p.RollOver(acc.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.Commit("Start "+next.Name, puts, deletes); err != nil {
		t.Fatal(err)
	}
	p = ws.Portfolio()
	if next.Name != "FY2027" || !next.Start.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("next cycle %s from %v", next.Name, next.Start)
	}
	// Open actions stay, finished ones leave the board for the archive: none lost, none twice.
	left := p.Actions(acc.ID)
	if len(left) != len(open) {
		t.Errorf("%d actions on the board, want the %d open ones", len(left), len(open))
	}
	var closed *model.Cycle
	for _, e := range p.OfAccount(model.KindCycle, acc.ID) {
		if c := e.(*model.Cycle); c.Closed {
			closed = c
		}
	}
	arch, err := closed.ReadArchive()
	if err != nil {
		t.Fatal(err)
	}
	if len(arch.Actions) != len(finished) {
		t.Errorf("archive holds %d actions, want the %d finished ones", len(arch.Actions), len(finished))
	}
	for _, a := range left {
		for _, x := range arch.Actions {
			if x.Title == a.Title && (a.Status == model.StatusDone || a.Status == model.StatusNotImplemented) {
				t.Errorf("%s is both archived and on the board", a.Title)
			}
		}
	}
	if len(p.Goals(acc.ID)) != goals || len(p.Stakeholders(acc.ID)) != people {
		t.Error("goals and the relationship map must carry forward")
	}
	if !strings.Contains(next.Learnings, "Lessons from FY2026") {
		t.Errorf("the new cycle does not start from the lessons: %q", next.Learnings)
	}
	// The archive is read-only.
	c := model.Clone(closed).(*model.Cycle)
	c.RevenueTarget = 1
	if err := ws.Update(c); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("editing a closed cycle: %v", err)
	}
	// Nor by a batch of changes or an import; saving it unchanged is fine.
	if err := ws.Apply("Edit targets", []model.Entity{c}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("applying a change to a closed cycle: %v", err)
	}
	if err := ws.Import("Import plan", []model.Entity{c}, nil); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("importing a change to a closed cycle: %v", err)
	}
	if err := ws.Import("Import plan", []model.Entity{model.Clone(closed)}, nil); err != nil {
		t.Errorf("importing a closed cycle unchanged: %v", err)
	} else {
		ws.Undo() // that import's own (empty) step
	}
	same(t, "file after roll-over", snapshot(onDisk(t, path)), snapshot(p))
	ws.Undo()
	same(t, "after undoing the roll-over", snapshot(ws.Portfolio()), start)
	if _, _, _, err := ws.Portfolio().RollOver("nope", today); err == nil {
		t.Error("rolling over a missing account should fail")
	}
}

func TestReviewSnapshotsShowChanges(t *testing.T) {
	ws, _ := openSample(t)
	acc := firstPlanned(ws)
	before := ws.Portfolio().Snapshot(acc.ID)
	s := model.Clone(ceoOf(ws.Portfolio(), acc.ID)).(*model.Stakeholder)
	s.Attitude = 2
	if s.Attitude == ceoOf(ws.Portfolio(), acc.ID).Attitude {
		s.Attitude = -2
	}
	ws.Update(s)
	ws.Create(&model.Stakeholder{ID: "newbie", AccountID: acc.ID, Name: "Nina New"})
	a := model.Clone(ws.Portfolio().Actions(acc.ID)[0]).(*model.Action)
	a.Status = model.StatusDone
	if ws.Portfolio().Actions(acc.ID)[0].Status == model.StatusDone {
		a.Status = model.StatusDone
	}
	ws.Update(a)
	after := ws.Portfolio().Snapshot(acc.ID)
	round, ok := model.DecodeSnapshot(before.Encode())
	if !ok {
		t.Fatal("a snapshot does not survive encoding")
	}
	text := strings.Join(model.Changes(round, after), "\n")
	for _, want := range []string{"New stakeholders: Nina New", "Attitude changed: " + s.Name} {
		if !strings.Contains(text, want) {
			t.Errorf("changes %q lack %q", text, want)
		}
	}
	if got := model.Changes(after, after); len(got) != 1 || got[0] != "Nothing changed" {
		t.Errorf("no change reads %v", got)
	}
}

// An import saved in steps: while it is being saved the workspace refuses
// other commands; once finished it is one undoable step.
func TestPendingImport(t *testing.T) {
	ws, _ := openSample(t)
	acc := ws.Portfolio().Accounts()[0]
	people := []model.Entity{
		&model.Stakeholder{ID: model.NewID(), AccountID: acc.ID, Name: "Imported One"},
		&model.Stakeholder{ID: model.NewID(), AccountID: acc.ID, Name: "Imported Two"},
	}
	before := ws.Portfolio().Count(model.KindStakeholder)
	pi, err := ws.PrepareImport("Import people.csv", people, nil)
	if err != nil {
		t.Fatal(err)
	}
	moved := model.Clone(acc).(*model.Account)
	moved.Industry = "Changed meanwhile"
	if err := ws.Update(moved); !errors.Is(err, workspace.ErrBusy) {
		t.Errorf("a command during the save gave %v, want ErrBusy", err)
	}
	if _, err := ws.PrepareImport("Another", nil, nil); !errors.Is(err, workspace.ErrBusy) {
		t.Errorf("a second import during the save gave %v, want ErrBusy", err)
	}
	if err := pi.Save(); err != nil {
		t.Fatal(err)
	}
	if ws.Portfolio().Count(model.KindStakeholder) != before {
		t.Error("the portfolio changed before Finish")
	}
	pi.Finish()
	if got := ws.Portfolio().Count(model.KindStakeholder); got != before+2 {
		t.Fatalf("%d people after the import, want %d", got, before+2)
	}
	if err := ws.Update(moved); err != nil {
		t.Errorf("commands are still refused after the import: %v", err)
	}
	ws.Undo()
	ws.Undo()
	if got := ws.Portfolio().Count(model.KindStakeholder); got != before {
		t.Errorf("undo left %d people, want %d", got, before)
	}
}

// A record's keys from the systems it came from go with it, and come back
// with it on undo.
func TestDeletingARecordTakesItsExternalKeys(t *testing.T) {
	ws, path := openSample(t)
	acc := firstPlanned(ws).ID
	s := &model.Stakeholder{ID: "keyed", AccountID: acc, Name: "Ann Lee"}
	k := &model.ExternalKey{ID: "k1", AccountID: acc, RecordKind: model.KindStakeholder, RecordID: "keyed", Source: "Salesforce", Key: "003C1"}
	if err := ws.Apply("Import contacts", []model.Entity{s, k}); err != nil {
		t.Fatal(err)
	}
	if got := ws.Portfolio().KeyOf(s, "Salesforce"); got != "003C1" {
		t.Fatalf("key after import %q", got)
	}
	if err := ws.Delete(model.KindStakeholder, "keyed"); err != nil {
		t.Fatal(err)
	}
	if ws.Portfolio().Get(model.KindExternalKey, "k1") != nil || onDisk(t, path).Get(model.KindExternalKey, "k1") != nil {
		t.Error("the deleted contact's key stayed behind")
	}
	if _, err := ws.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := onDisk(t, path).KeyOf(s, "Salesforce"); got != "003C1" {
		t.Errorf("key after undo %q, want it back", got)
	}
	// A key naming a record that does not exist is refused.
	bad := &model.ExternalKey{ID: "k2", RecordKind: model.KindStakeholder, RecordID: "nobody", Source: "Salesforce", Key: "003C9"}
	if err := ws.Create(bad); err == nil {
		t.Error("a key of no record was stored")
	}
}

// An export replaces the earlier file whole and leaves nothing beside it;
// one that cannot be written leaves the earlier file as it was.
func TestWriteExportReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "whitespace.png")
	if err := os.WriteFile(path, []byte("earlier picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := workspace.WriteExport(path, []byte("new picture")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new picture" {
		t.Errorf("after the export the file holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the export left %d files in the folder", len(entries))
	}
	if err := workspace.WriteExport(filepath.Join(dir, "no such folder", "x.png"), []byte("x")); err == nil {
		t.Error("an export into a missing folder reported success")
	}
	if b, _ := os.ReadFile(path); string(b) != "new picture" {
		t.Errorf("a failed export touched the earlier file: %q", b)
	}
}
