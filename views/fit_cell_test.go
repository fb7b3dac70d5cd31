package views

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
)

// drawnTexts are the texts the window draws that start with prefix.
func drawnTexts(w fyne.Window, prefix string) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.LaidOutObjects(w.Content()) {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() && strings.HasPrefix(txt.Text, prefix) {
			out = append(out, txt)
		}
	}
	return out
}

// The list shortens a name with "…" when its column is too narrow for it,
// shows it whole when the column is widened, and leaves names that fit
// alone (a shortening label costs the toolkit a second shaping of its
// text at every layout).
func TestListShortensOnlyNamesThatDoNotFit(t *testing.T) {
	test.NewTempApp(t)
	const long = "Account 00000 of the Marlow & Finch Insurance Group International Holdings"
	accounts := manyAccounts(5)
	accounts[0].(*model.Account).Name = long
	ws, err := workspace.Create(filepath.Join(t.TempDir(), "long.orchard"), model.DefaultSettings(), accounts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	w := test.NewTempWindow(t, nil)
	s := NewStartingShell(ws, w)
	t.Cleanup(s.Close)
	s.SelectAccount(accountByName(ws, "Account 00003").ID) // the form names another account
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1240, 660))
	tb := s.portfolio.list.table

	check := func(when string, wantWhole bool) {
		t.Helper()
		drawn := drawnTexts(w, "Account 00000")
		if len(drawn) != 1 {
			t.Fatalf("%s: the window draws %d texts for the long name, want 1", when, len(drawn))
		}
		got := drawn[0].Text
		if wantWhole && got != long {
			t.Errorf("%s: the long name is drawn as %q, want it whole", when, got)
		}
		if !wantWhole && (!strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…"))) {
			t.Errorf("%s: the long name is drawn as %q, want it shortened with …", when, got)
		}
		short := drawnTexts(w, "Account 00001")
		if len(short) != 1 || short[0].Text != "Account 00001" {
			t.Fatalf("%s: the short name is drawn as %v, want it whole", when, short)
		}
		for _, o := range test.LaidOutObjects(tb) {
			if l, ok := o.(*widget.Label); ok && l.Text == "Account 00001" && l.Truncation != fyne.TextTruncateOff {
				t.Errorf("%s: the cell of a name that fits shortens its text", when)
			}
		}
	}
	check("opening", false)
	tb.SetColumnWidth(1, 900)
	check("with the Name column widened", true)
	tb.SetColumnWidth(1, accountColumns[0].width)
	check("with the Name column narrowed again", false)
}
