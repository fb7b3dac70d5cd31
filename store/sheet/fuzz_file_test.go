package sheet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"orchard/model"
	"orchard/store/sheet"
)

// FuzzReadCSV feeds whole text files through reading and planning: a file
// is read or refused with a message, never a panic; what is read holds no
// NUL and no cell longer than a cell may be; and every data row planned is
// accounted for as new, updated, unchanged or skipped.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"Account,Industry\nAcme,Retail\n",
		"Name;Revenue\r\n\"Müller; GmbH\";1.200,50\r\n",
		"Account\tOwner\n\"unclosed\tAnn\nBeta\tBen\n",
		"Account,Notes\rAcme,\"two\rlines\"\r",
		"\xff\xfeA\x00c\x00c\x00o\x00u\x00n\x00t\x00\n\x00X\x00\n\x00",
		"<table><tr><th>Account</th></tr><tr><td>Acme</td></tr></table>",
		"Account,Revenue\n=cmd|calc,@SUM(1)\n",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		wb, err := sheet.ReadFile(path)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a refusal without a message")
			}
			return
		}
		for _, tb := range wb.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if strings.IndexByte(c, 0) >= 0 {
						t.Fatalf("a cell holds a NUL: %q", c)
					}
					if utf8.RuneCountInString(c) > sheet.MaxCellChars {
						t.Fatalf("a cell of %d characters was read", utf8.RuneCountInString(c))
					}
				}
			}
		}
		res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
		if err != nil {
			return
		}
		for _, r := range res.Records {
			if a, ok := r.(*model.Account); ok && (a.Name == "" || strings.ContainsAny(a.Name, "\x00")) {
				t.Fatalf("an account named %q was planned", a.Name)
			}
		}
		if res.New < 0 || res.Updated < 0 || res.Unchanged < 0 || res.Skipped < 0 {
			t.Fatalf("negative counts: %s", res.Summary())
		}
	})
}
