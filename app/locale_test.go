package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orchard/model"
	"orchard/views"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A problem report opens in the user's spreadsheet as columns: ';' where
// the decimal mark is a comma, ',' elsewhere.
func TestListSeparatorFollowsTheRegion(t *testing.T) {
	for locale, want := range map[string]rune{
		"de_DE.UTF-8": ';', "fr-FR": ';', "pt_BR": ';', "es_ES.UTF-8": ';', "nl_NL@euro": ';', "sv-SE": ';',
		"en_US.UTF-8": ',', "en-IN": ',', "ja_JP.UTF-8": ',', "es_MX.UTF-8": ',', "C.UTF-8": ',', "": ',', "zh-Hans-CN": ',',
	} {
		if got := listSeparator(locale); got != want {
			t.Errorf("%q: %q, want %q", locale, got, want)
		}
	}
}

// orchard import --report writes the problem report for the spreadsheet
// of the region LC_ALL/LANG names: a German one gets semicolons (and its
// decimals, with commas, stay whole in their cells).
func TestImportReportUsesTheRegionsSeparator(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.orchard")
	src := filepath.Join(dir, "kontakte.csv")
	if err := os.WriteFile(src, []byte("Name,Firma,Einfluss\nAna Ruiz,Acme,enorm\nBen Ode,Acme,hoch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for locale, sep := range map[string]string{"de_DE.UTF-8": ";", "en_US.UTF-8": ","} {
		t.Setenv("LC_ALL", locale)
		report := filepath.Join(dir, locale+".csv")
		if code, _, stderr := run("import", src, "--db", db, "--report", report); code != 0 {
			t.Fatalf("%s: import failed: %s", locale, stderr)
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if first != strings.Join([]string{"Sheet", "Row", "Column", "Found", "Expected"}, sep) {
			t.Errorf("%s: the report begins %q, want fields separated by %q", locale, first, sep)
		}
		if !strings.Contains(string(data), "enorm") {
			t.Errorf("%s: the report does not name the bad value: %s", locale, data)
		}
	}
}

// The command line's text follows the terminal's locale; its JSON stays
// neutral whatever the locale.
func TestCommandLineTextFollowsTheLocale(t *testing.T) {
	dir := t.TempDir()
	goals := filepath.Join(dir, "Goal.csv")
	csv := "Name,Goal Owner,Target,Fiscal Period,Fiscal Year,Parent Goal\n" +
		"Team Q1 FY2026,Maria Lopez,100000,Quarter 1,FY2026,\n" +
		"Q1 FY2026 - Ann,Ann Berg,40000,Quarter 1,FY2026,Team Q1 FY2026\n" +
		"Q1 FY2026 - Ben,Ben Okafor,50000,Quarter 1,FY2026,Team Q1 FY2026\n"
	if err := os.WriteFile(goals, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	_, text, stderr := run("import", goals, "--db", filepath.Join(dir, "a.orchard"))
	_, js, _ := run("import", goals, "--db", filepath.Join(dir, "b.orchard"), "--json")
	if !strings.Contains(text+stderr, "says 100.000, but the goals under it add up to 90.000") {
		t.Errorf("German text output does not write amounts the German way:\n%s%s", text, stderr)
	}
	if !strings.Contains(js, "says 100,000") {
		t.Errorf("the JSON output should stay neutral:\n%s", js)
	}
	if model.CurrentRegion() != "" {
		t.Errorf("the command left the region set to %q", model.CurrentRegion())
	}
}

// The window follows the system's region unless the user chose one; the
// choice rebuilds the screens in place, on the same account and page.
func TestRegionSettingOverridesTheSystem(t *testing.T) {
	t.Cleanup(func() { model.SetRegion("") })
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_NUMERIC", "")
	t.Setenv("LANG", "de_DE.UTF-8")
	d := newTestDesktop(t)
	if got := d.applyRegion(); got != "de-DE" {
		t.Errorf("with LANG=de_DE.UTF-8 the region is %q", got)
	}
	d.fa.Preferences().SetString(prefRegion, "fr-FR")
	if got := d.applyRegion(); got != "fr-FR" {
		t.Errorf("with fr-FR chosen the region is %q", got)
	}
	account := d.shell.Account()
	d.shell.Show(views.SectionReview)
	d.rebuildShell()
	if d.shell.Account() != account || d.shell.Section() != views.SectionReview {
		t.Errorf("after the region changed the window shows %v of %q, not the review of %q", d.shell.Section(), d.shell.Account(), account)
	}
}

// Trying a region in the dialog and cancelling leaves everything as it
// was; Use keeps the choice.
func TestRegionDialogCancelKeepsTheRegion(t *testing.T) {
	t.Cleanup(func() { model.SetRegion("") })
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_NUMERIC", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	d := newTestDesktop(t)
	d.applyRegion()
	choose := func(region, button string) {
		d.regionDialog()
		top := d.win.Canvas().Overlays().Top()
		for _, o := range test.LaidOutObjects(top) {
			if sel, ok := o.(*widget.Select); ok {
				sel.SetSelected(region)
			}
		}
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == button {
				test.Tap(b)
			}
		}
	}
	choose("de-DE", "Cancel")
	if got := model.CurrentRegion(); got != "en-GB" || d.fa.Preferences().String(prefRegion) != "" {
		t.Errorf("after Cancel the region is %q (setting %q), want en-GB as before", got, d.fa.Preferences().String(prefRegion))
	}
	choose("de-DE", "Use")
	if got := model.CurrentRegion(); got != "de-DE" || d.fa.Preferences().String(prefRegion) != "de-DE" {
		t.Errorf("after Use the region is %q (setting %q), want de-DE", got, d.fa.Preferences().String(prefRegion))
	}
}
