package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
