package views

import (
	"fmt"
	"strings"
	"testing"
)

// In a large portfolio a word typed quickly into the filter is filtered
// once, when typing pauses, for the whole word; in a small one every
// keystroke filters at once.
func TestFilterWaitsForTypingToPause(t *testing.T) {
	s := portfolioOf(t, filterPauseFrom+500)
	ws := s.ws
	all := len(s.list.rows)
	var pending []func()
	s.later = func(f func()) { pending = append(pending, f) } // time passes when the test says
	for _, text := range []string{"A", "Ac", "Acc", "Account 0", "Account 01"} {
		s.search.SetText(text)
	}
	if len(s.list.rows) != all || len(pending) != 5 {
		t.Fatalf("while typing the list shows %d rows of %d (%d filterings waiting)", len(s.list.rows), all, len(pending))
	}
	want := 0
	for _, a := range ws.Portfolio().Accounts() {
		if strings.Contains(a.Name, "Account 01") {
			want++
		}
	}
	// The pauses after the first four keystrokes come after the fifth:
	// only the last filters.
	for _, f := range pending[:4] {
		f()
		if len(s.list.rows) != all {
			t.Fatalf("a superseded keystroke filtered the list to %d rows", len(s.list.rows))
		}
	}
	pending[4]()
	if len(s.list.rows) != want || want == 0 {
		t.Errorf("after the pause the list shows %d rows, want the %d named Account 01…", len(s.list.rows), want)
	}
}

// A large portfolio is filtered off the UI thread: the list keeps its rows
// until the filtering is done, then shows them in one go; a run that a
// newer keystroke overtook shows nothing, even when it finishes last.
func TestLargeFilterRunsOffTheUIThreadAndDropsStaleRuns(t *testing.T) {
	s := portfolioOf(t, filterPauseFrom+500)
	all := len(s.list.rows)
	var works []func() func()
	s.offThread = func(work func() func()) { works = append(works, work) }
	s.list.query.text = "Account 01"
	s.filterChanged()
	s.list.query.text = "Account 012"
	s.filterChanged()
	if len(works) != 2 || len(s.list.rows) != all {
		t.Fatalf("%d runs started; the list shows %d of %d rows before any finished", len(works), len(s.list.rows), all)
	}
	want := 0
	for _, a := range s.ws.Portfolio().Accounts() {
		if strings.Contains(a.Name, "Account 012") {
			want++
		}
	}
	show := works[1]()
	show()
	if len(s.list.rows) != want || want == 0 || s.count.Text == "" || !strings.HasPrefix(s.count.Text, fmt.Sprint(want)) {
		t.Fatalf("after the latest run the list shows %d rows (%q), want %d", len(s.list.rows), s.count.Text, want)
	}
	// The overtaken run was cancelled: whatever it found is not shown.
	works[0]()()
	if len(s.list.rows) != want {
		t.Errorf("a stale run replaced the rows: %d, want %d", len(s.list.rows), want)
	}
	// A reload (another screen's edit) also makes a run under way stale.
	s.list.query.text = "Account 0"
	s.filterChanged()
	s.list.query.text = ""
	s.refreshList()
	works[2]()()
	if len(s.list.rows) != all {
		t.Errorf("a run overtaken by a reload showed %d rows, want all %d", len(s.list.rows), all)
	}
}
