package sheet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orchard/model"
	"orchard/store/sheet"
)

const data = "../../../shared/data/"

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// needShared skips a test on the real files in ../shared/data when the
// folder is not beside the project (a fresh clone), and fails it when
// ORCHARD_REQUIRE_SHARED=1 says it must be there (CI).
func needShared(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("ORCHARD_REQUIRE_SHARED") == "1" {
			t.Fatalf("%s is missing and ORCHARD_REQUIRE_SHARED=1", path)
		}
		t.Skipf("skipped: %s is not beside the project (real files live in ../shared/data)", path)
	}
}

func plan(t *testing.T, path string, p *model.Portfolio, o sheet.Options) *sheet.Result {
	t.Helper()
	if strings.HasPrefix(path, data) {
		needShared(t, path)
	}
	wb, err := sheet.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	o.Today = today
	res, err := sheet.Plan(wb, p, o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func apply(p *model.Portfolio, res *sheet.Result) {
	for _, e := range res.Writes() {
		p.Put(e)
	}
}

func TestImportMavenAccounts(t *testing.T) {
	p := model.NewPortfolio()
	res := plan(t, data+"maven_crm_accounts.csv", p, sheet.Options{})
	if res.Sheets[0].Kind != sheet.KindAccounts || res.New != 85 || len(res.Problems) != 0 {
		t.Fatalf("%+v: %s, problems %v", res.Sheets[0], res.Summary(), res.Problems)
	}
	apply(p, res)
	var acme *model.Account
	for _, a := range p.Accounts() {
		if a.Name == "Acme Corporation" {
			acme = a
		}
	}
	if acme == nil || acme.Revenue != model.MoneyFromMajor(1100.04) || acme.Industry != "technolgy" || acme.Region != "United States" {
		t.Errorf("Acme imported as %+v", acme)
	}
	// The same accounts with revenue as currency text update, not double.
	res = plan(t, data+"accounts_currency_strings.csv", p, sheet.Options{})
	if res.New != 0 || res.Updated+res.Unchanged != 85 {
		t.Errorf("re-import: %s", res.Summary())
	}
	for _, e := range res.Records {
		if a := e.(*model.Account); a.Name == "Acme Corporation" && a.Revenue != model.MoneyFromMajor(1100.04) {
			t.Errorf("\"$1,100.04 \" read as %v", a.Revenue)
		}
	}
}

func TestImportTeamAndPipeline(t *testing.T) {
	p := model.NewPortfolio()
	apply(p, plan(t, data+"maven_crm_accounts.csv", p, sheet.Options{}))
	team := plan(t, data+"maven_crm_sales_teams.csv", p, sheet.Options{})
	if team.Sheets[0].Kind != sheet.KindTeam || team.New != 35 {
		t.Fatalf("team: %+v %s", team.Sheets[0], team.Summary())
	}
	apply(p, team)
	pipe := plan(t, data+"maven_crm_sales_pipeline.csv", p, sheet.Options{})
	if pipe.Sheets[0].Kind != sheet.KindOpportunities {
		t.Fatalf("pipeline read as %s", pipe.Sheets[0].Kind)
	}
	if pipe.New < 6000 || pipe.Skipped == 0 {
		t.Errorf("pipeline: %s; deals without an account are skipped", pipe.Summary())
	}
	found := false
	for _, pr := range pipe.Problems {
		if pr.Column == "account" && pr.Row > 1 && strings.Contains(pr.Expected, "account") {
			found = true
			break
		}
	}
	if !found {
		t.Error("skipped rows should be listed with sheet, row and column")
	}
	for _, e := range pipe.Records {
		o := e.(*model.Opportunity)
		if o.Name == "1C1I7A6R" {
			if o.Value != model.MoneyFromMajor(1054) || o.ExpectedClose.Format("2006-01-02") != "2017-03-01" || o.Probability != 100 {
				t.Errorf("first deal: value %v close %v probability %d (day-first dates)", o.Value, o.ExpectedClose, o.Probability)
			}
		}
	}
}

func TestImportOrgChartWithManagerIDs(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "acc", Name: "N3v", Currency: "EUR"})
	res := plan(t, data+"orgchart_n3vdev.xlsx", p, sheet.Options{AccountID: "acc"})
	if res.Sheets[0].Kind != sheet.KindStakeholders || res.New != 150 {
		t.Fatalf("%+v %s %v", res.Sheets[0], res.Summary(), res.Problems)
	}
	apply(p, res)
	roots, linked := 0, 0
	for _, s := range p.Stakeholders("acc") {
		if s.ReportsTo == "" {
			roots++
		} else {
			linked++
		}
	}
	if roots != 1 || linked != 149 {
		t.Errorf("hierarchy: %d roots, %d with a manager; want one root", roots, linked)
	}
	if err := checkAll(p); err != nil {
		t.Error(err)
	}
}

func checkAll(p *model.Portfolio) error {
	for _, k := range model.Kinds {
		for _, e := range p.All(k) {
			if err := p.Check(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func TestImportInfluenceMap(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "acc", Name: "Client", Currency: "EUR"})
	res := plan(t, data+"stakeholders_influence_map.csv", p, sheet.Options{AccountID: "acc"})
	if res.Sheets[0].Kind != sheet.KindStakeholders || res.New != 12 {
		t.Fatalf("%+v %s %v", res.Sheets[0], res.Summary(), res.Problems)
	}
	apply(p, res)
	for _, s := range p.Stakeholders("acc") {
		if s.Name == "Sarah C" {
			if s.Title != "VP Product" || s.Attitude != 2 || s.Influence != model.InfluenceHigh {
				t.Errorf("Sarah C (VP Product), Champion, 5: got %+v", s)
			}
			return
		}
	}
	t.Error("Sarah C was not imported under her name without the role")
}

func TestMessyWorkbook(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Key account plan FY2026"},
		{},
		{"Kunde", "Branche", "Umsatz", "Währung"},
		{"Müller AG", "Maschinenbau", "1.200.000,00 €", "EUR"},
		{"Dupont SA", "Chimie", "€ 1,2 Mio", "EUR"},
		{"Bad Revenue GmbH", "Handel", "viel", "EUR"},
		{"Total", "", "2.400.000", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "plan.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res := plan(t, path, model.NewPortfolio(), sheet.Options{})
	if res.Sheets[0].HeaderRow != 3 || res.Sheets[0].Kind != sheet.KindAccounts {
		t.Fatalf("header found at row %d as %s", res.Sheets[0].HeaderRow, res.Sheets[0].Kind)
	}
	// The bad revenue and the total row are both skipped, each with its
	// reason: a problem, and a note on the total.
	if res.New != 2 || res.Skipped != 2 || len(res.Problems) != 1 {
		t.Fatalf("%s, problems %v", res.Summary(), res.Problems)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "total or subtotal rows left out (rows 7)") {
		t.Errorf("the total row is not accounted for: %q", res.Notes)
	}
	pr := res.Problems[0]
	if pr.Sheet != "Sheet1" || pr.Row != 6 || pr.Column != "Umsatz" || pr.Found != "viel" {
		t.Errorf("problem %s should name sheet, row, column and value", pr)
	}
	for _, e := range res.Records {
		if a := e.(*model.Account); a.Revenue != 1_200_000_00 {
			t.Errorf("%s revenue %v, want 1,200,000", a.Name, a.Revenue)
		}
	}
}

func TestRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	tests := []struct{ path, want string }{
		{write("old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}), "container is damaged"},
		{write("broken.xlsx", append([]byte("PK\x03\x04"), make([]byte, 100)...)), "damaged or truncated"},
		{write("empty.csv", nil), "empty"},
		{write("binary.csv", []byte{1, 2, 0, 4, 5}), "binary"},
	}
	for _, tt := range tests {
		_, err := sheet.ReadFile(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), filepath.Base(tt.path)) {
			t.Errorf("%s: %v, want the file named and %q", filepath.Base(tt.path), err, tt.want)
		}
	}
	noHeaders := write("numbers.csv", []byte("1,2,3\n4,5,6\n"))
	wb, err := sheet.ReadFile(noHeaders)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{}); err == nil || !strings.Contains(err.Error(), "headers") {
		t.Errorf("a sheet without headers: %v", err)
	}
}

func TestTextEncodings(t *testing.T) {
	dir := t.TempDir()
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Account;Revenue\nZürich AG;100\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	win1252 := []byte("Account;Revenue\nZ\xfcrich AG;100\n")
	for name, data := range map[string][]byte{"u16.csv": utf16, "cp1252.txt": win1252, "bom.csv": append([]byte{0xEF, 0xBB, 0xBF}, []byte("Account,Revenue\nZürich AG,100\n")...)} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		res := plan(t, path, model.NewPortfolio(), sheet.Options{})
		if res.New != 1 || res.Records[0].(*model.Account).Name != "Zürich AG" {
			t.Errorf("%s: %s %v", name, res.Summary(), res.Records)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"$1,200,000", "1.200.000,00 €", "€ 1,2 Mio", "1.2M", "(5,000)", "3e6", "n/a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		wb := &sheet.Workbook{Path: "fuzz.csv", Tables: []sheet.Table{{Name: "fuzz", Rows: [][]string{{"Account", "Revenue"}, {"A", s}}}}}
		res, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.New+res.Skipped != 1 {
			t.Fatalf("%q: one row must be imported or skipped, got %s", s, res.Summary())
		}
		if res.New == 1 {
			if a := res.Records[0].(*model.Account); a.Revenue < 0 || a.Revenue.Major() >= 1e15 {
				t.Fatalf("%q stored as revenue %d", s, a.Revenue)
			}
		}
	})
}

func TestActionsSheetWithBooleansAndReport(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "acc", Name: "Acme", Currency: "EUR"})
	p.Put(&model.TeamMember{ID: "ann", Name: "Ann Lee"})
	wb := &sheet.Workbook{Path: "plan.csv", Tables: []sheet.Table{{Name: "Aktionen", Rows: [][]string{
		{"Maßnahme", "Owner", "Status", "Termin", "Abgestimmt"},
		{"Call the CFO", "Ann Lee", "in progress", "15.12.2026", "ja"},
		{"Send the deck", "Bob; Ann Lee", "done", "01.12.2026", "nein"},
		{"=HYPERLINK(\"x\")", "", "someday", "", "vielleicht"},
	}}}}
	res, err := sheet.Plan(wb, p, sheet.Options{AccountID: "acc", Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sheets[0].Kind != sheet.KindActions || res.New != 3 {
		t.Fatalf("%+v %s", res.Sheets[0], res.Summary())
	}
	byTitle := map[string]*model.Action{}
	for _, e := range res.Records {
		a := e.(*model.Action)
		byTitle[a.Title] = a
	}
	call := byTitle["Call the CFO"]
	if call.Status != model.StatusInProgress || !call.CustomerAgreed || call.OwnerID != "ann" || call.Due.Format("2006-01-02") != "2026-12-15" {
		t.Errorf("Call the CFO: %+v", call)
	}
	if deck := byTitle["Send the deck"]; deck.CustomerAgreed || deck.Status != model.StatusDone {
		t.Errorf("Send the deck: %+v", deck)
	}
	if len(res.Problems) != 2 {
		t.Fatalf("problems %v: an unknown status and an unclear yes/no", res.Problems)
	}
	report := string(res.ProblemsCSV())
	if !strings.HasPrefix(report, "Sheet,Row,Column,Found,Expected") || !strings.Contains(report, "Aktionen,4,Status,someday") {
		t.Errorf("report:\n%s", report)
	}
}

// The Russian risk register: Cyrillic headers, statuses in Russian, several
// owners (roles, not team members) in one cell, "4 весьма вероятно" scores
// kept in the notes, and a lookup sheet that is not imported.
func TestImportRussianRiskRegister(t *testing.T) {
	p := model.NewPortfolio()
	a := &model.Account{ID: model.NewID(), Name: "Банк", Currency: "RUB", Objective: model.ObjectiveGrowth}
	p.Put(a)
	res := plan(t, data+"crmimpl_risk_register.xlsx", p, sheet.Options{AccountID: a.ID})
	if res.New != 14 || res.Skipped != 0 || len(res.Problems) != 0 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	if res.Sheets[0].Kind != sheet.KindActions || res.Sheets[1].Kind != sheet.KindUnknown {
		t.Errorf("sheets read as %s and %s; want actions and the lookup sheet left out", res.Sheets[0].Kind, res.Sheets[1].Kind)
	}
	byStatus := map[model.Status]int{}
	var first *model.Action
	for _, e := range res.Records {
		x := e.(*model.Action)
		byStatus[x.Status]++
		if x.AccountID != a.ID {
			t.Errorf("%q went to account %s", x.Title, x.AccountID)
		}
		if x.Title == "Пропущены основные требования к CRM" {
			first = x
		}
	}
	if first == nil {
		t.Fatal("the first risk is not among the actions")
	}
	if first.Status != model.StatusPlanned || !strings.HasPrefix(first.Description, "Проведение тренингов") {
		t.Errorf("first risk stored as status %s, description %q", first.Status, first.Description)
	}
	for _, want := range []string{"Приоритет: Высокий", "Вероятность: 4 весьма вероятно", "Owner in the file: Руководитель проекта, бизнес-аналитик, спонсор/заказчик"} {
		if !strings.Contains(first.Notes, want) {
			t.Errorf("notes %q lack %q", first.Notes, want)
		}
	}
	if byStatus[model.StatusPlanned] == 0 || byStatus[model.StatusPlanned]+byStatus[model.StatusInProgress]+byStatus[model.StatusNotImplemented] != 14 {
		t.Errorf("statuses %v", byStatus)
	}
}

// A legacy .xls imports, and imports again, as its .xlsx does: the second
// import of the same file changes nothing.
func TestReimportXLS(t *testing.T) {
	path := filepath.Join("testdata", "xls", "rows10k.xls")
	p := model.NewPortfolio()
	first := plan(t, path, p, sheet.Options{})
	if first.New != 10000 || len(first.Problems) != 0 {
		t.Fatalf("first import: %d new, problems %v", first.New, first.Problems)
	}
	apply(p, first)
	again := plan(t, path, p, sheet.Options{})
	if again.New != 0 || again.Updated != 0 || again.Unchanged != 10000 {
		t.Errorf("importing the .xls again: %d new, %d updated, %d unchanged; want all 10,000 unchanged", again.New, again.Updated, again.Unchanged)
	}
	a := p.Accounts()[0]
	if a.Currency != "EUR" || a.Revenue == 0 {
		t.Errorf("first account %+v", a)
	}
}
