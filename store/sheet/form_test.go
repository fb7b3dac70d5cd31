package sheet_test

import (
	"strings"
	"testing"

	"orchard/model"
	"orchard/store/sheet"
)

// An account plan laid out as a form (a label and its value per row, under
// a title) is read as one account with those facts, and says so; a plain
// two-column list of people is still a list.
func TestFormSheetIsOneRecord(t *testing.T) {
	path := writeCSV(t, "acme account plan.csv", "Account Plan,\n,\nAccount name:,Acme Corp\nIndustry:,Manufacturing\n"+
		"Annual revenue,1200000\nAccount owner,Jane Doe\nRegion,EMEA\nCurrency,EUR\nNext steps,Agree the pilot scope\n")
	res := plan(t, path, model.NewPortfolio(), sheet.Options{})
	var accounts []*model.Account
	for _, e := range res.Records {
		if a, ok := e.(*model.Account); ok {
			accounts = append(accounts, a)
		}
	}
	if len(accounts) != 1 {
		t.Fatalf("a form made %d accounts: %s", len(accounts), res.Summary())
	}
	a := accounts[0]
	if a.Name != "Acme Corp" || a.Industry != "Manufacturing" || a.Owner != "Jane Doe" || a.Revenue != model.MoneyFromMajor(1_200_000) || a.Currency != "EUR" {
		t.Errorf("the form's account: %+v", a)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "laid out as a form") {
		t.Errorf("the notes do not say the sheet was read as a form: %v", res.Notes)
	}

	list := writeCSV(t, "people.csv", "Name,Title\nAnna Berg,CFO\nJonas Weber,CIO\nPriya Nair,COO\nTomás Ruiz,CEO\n")
	res = plan(t, list, model.NewPortfolio(), sheet.Options{})
	people := 0
	for _, e := range res.Records {
		if _, ok := e.(*model.Stakeholder); ok {
			people++
		}
	}
	if people != 4 {
		t.Errorf("a two-column list of people gave %d people: %s", people, res.Summary())
	}
}
