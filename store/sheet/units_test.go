package sheet_test

import (
	"strings"
	"testing"

	"orchard/model"
	"orchard/store/sheet"
)

// Units and currencies a header or cell gives are used and said; none is
// made up without a note.
func TestAmountUnitsAndCurrencies(t *testing.T) {
	tests := []struct {
		name, text string
		revenue    float64
		currency   string
		note       string
	}{
		{"millions.csv", "Account,Revenue ($M)\nAcme,1.5\n", 1_500_000, "USD", "millions"},
		{"tausend.csv", "Kunde;Umsatz in Tsd. €\nMüller;1.200,5\n", 1_200_500, "EUR", "thousands"},
		{"code.csv", "Account,Annual revenue (GBP)\nAcme,250000\n", 250_000, "GBP", ""},
		{"sign.csv", "Account,Revenue\nAcme,\"$7,450,000.00 \"\n", 7_450_000, "USD", ""},
		{"none.csv", "Account,Revenue\nAcme,1000\n", 1000, "EUR", "gives no currency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := plan(t, writeCSV(t, tt.name, tt.text), model.NewPortfolio(), sheet.Options{})
			if res.New != 1 {
				t.Fatalf("%s %v", res.Summary(), res.Problems)
			}
			a := res.Records[0].(*model.Account)
			if a.Revenue != model.MoneyFromMajor(tt.revenue) || a.Currency != tt.currency {
				t.Errorf("revenue %v %s, want %.0f %s", a.Revenue, a.Currency, tt.revenue, tt.currency)
			}
			if notes := strings.Join(res.Notes, " "); tt.note != "" && !strings.Contains(notes, tt.note) {
				t.Errorf("notes %q should say %q", res.Notes, tt.note)
			}
		})
	}
	res := plan(t, writeCSV(t, "given.csv", "Account,Revenue\nAcme,1000\n"), model.NewPortfolio(), sheet.Options{Currency: "CHF"})
	if a := res.Records[0].(*model.Account); a.Currency != "CHF" || strings.Contains(strings.Join(res.Notes, " "), "gives no currency") {
		t.Errorf("with a currency given: %s, notes %q", a.Currency, res.Notes)
	}
}

// A sheet can be read as another kind than the evidence chose: its columns
// are mapped again for that kind.
func TestSetKindMapsAgain(t *testing.T) {
	wb := read(t, writeCSV(t, "list.csv", "Name,Company,Title\nMaria Chen,Acme,CFO\n"))
	m := sheet.Analyse(wb)[0]
	if m.Kind != sheet.KindStakeholders {
		t.Fatalf("read as %s", m.Kind)
	}
	m.SetKind(sheet.KindAccounts)
	if m.Fields[0] != sheet.FAccount {
		t.Errorf("as accounts, Name maps to %q, want the account's name", m.Fields[0])
	}
	if k, ok := sheet.KindByName("people"); !ok || k != sheet.KindStakeholders {
		t.Errorf("KindByName(people) = %s", k)
	}
}
