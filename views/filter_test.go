package views

import (
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
