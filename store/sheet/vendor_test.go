package sheet_test

import (
	"strings"
	"testing"

	"orchard/model"
	"orchard/store/sheet"
)

// planCSV plans a text file made in the test and applies it to p.
func planCSV(t *testing.T, p *model.Portfolio, name, text string) *sheet.Result {
	t.Helper()
	res := plan(t, writeCSV(t, name, text), p, sheet.Options{})
	apply(p, res)
	return res
}

func accountNamed(p *model.Portfolio, name string) []*model.Account {
	var out []*model.Account
	for _, a := range p.Accounts() {
		if a.Name == name {
			out = append(out, a)
		}
	}
	return out
}

// A CRM export in Salesforce's shape: accounts keyed by Id (two customers
// share a name), contacts linked by AccountId with managers by
// ReportsToId and one e-mail address on every row, opportunities by
// AccountId, tasks by a WhatId that names an opportunity.
func TestSalesforceExportLinksByID(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "Account.csv", "\ufeffId,IsDeleted,Name,Type,ParentId,BillingCountry,Industry,AnnualRevenue,OwnerId\n"+
		"001A000001,false,Nissan Motors,Customer,,Japan,Manufacturing,5000000,005X1\n"+
		"001A000002,false,Grand Hotels,Partner,,USA,Hospitality,900000,005X1\n"+
		"001A000003,false,Nissan Motors,Prospect,,USA,Manufacturing,,005X1\n")
	if res.Sheets[0].Kind != sheet.KindAccounts || res.New != 3 {
		t.Fatalf("accounts read as %s: %s", res.Sheets[0].Kind, res.Summary())
	}
	if n := len(accountNamed(p, "Nissan Motors")); n != 2 {
		t.Errorf("%d accounts named Nissan Motors, want the two the export keeps apart", n)
	}
	for _, a := range p.Accounts() {
		if a.Name == "Customer" || a.Name == "Partner" || a.Objective != "" {
			t.Errorf("account %+v: the Type column is not a name, and no objective is invented", a)
		}
	}

	res = planCSV(t, p, "Contact.csv", "Id,AccountId,LastName,FirstName,Title,ReportsToId,Email\n"+
		"003C1,001A000001,Sato,Yuki,CEO,,same@example.com\n"+
		"003C2,001A000001,Ito,Ken,CFO,003C1,same@example.com\n"+
		"003C3,001A000003,Lee,Ann,Buyer,,same@example.com\n")
	if res.Sheets[0].Kind != sheet.KindStakeholders || res.New != 3 || res.Skipped != 0 {
		t.Fatalf("contacts read as %s: %s %v", res.Sheets[0].Kind, res.Summary(), res.Problems)
	}
	var ken, yuki *model.Stakeholder
	for _, e := range p.All(model.KindStakeholder) {
		s := e.(*model.Stakeholder)
		switch s.Name {
		case "Ken Ito":
			ken = s
		case "Yuki Sato":
			yuki = s
		case "Ann Lee":
			if a := p.Account(s.AccountID); p.KeyOf(a, "Salesforce") != "001A000003" {
				t.Errorf("Ann Lee is under %s, want the second Nissan Motors", p.KeyOf(a, ""))
			}
		}
	}
	if ken == nil || yuki == nil || ken.ReportsTo != yuki.ID || ken.Title != "CFO" {
		t.Fatalf("Ken Ito %+v should report to Yuki Sato %+v", ken, yuki)
	}

	res = planCSV(t, p, "Opportunity.csv", "Id,AccountId,Name,StageName,Amount,Probability,CloseDate,IsClosed\n"+
		"006O1,001A000002,Spa refit,Closed Won,120000,100,2025-03-01,1\n"+
		"006O2,001A000002,Lobby screens,Prospecting,40000,10,2026-09-30,\n")
	if res.Sheets[0].Kind != sheet.KindOpportunities || res.New != 2 {
		t.Fatalf("opportunities read as %s: %s %v", res.Sheets[0].Kind, res.Summary(), res.Problems)
	}
	res = planCSV(t, p, "Task.csv", "Id,Subject,ActivityDate,Status,WhatId,Description\n"+
		"00T1,Send the proposal,2025-01-10,Completed,006O1,Sent by mail\n"+
		"00T2,Book the site visit,2026-08-01,Not Started,006O2,\n")
	if res.Sheets[0].Kind != sheet.KindActions || res.New != 2 {
		t.Fatalf("tasks read as %s: %s %v", res.Sheets[0].Kind, res.Summary(), res.Problems)
	}
	hotel := accountNamed(p, "Grand Hotels")[0]
	statuses := map[string]model.Status{}
	for _, x := range p.Actions(hotel.ID) {
		statuses[x.Title] = x.Status
	}
	if statuses["Send the proposal"] != model.StatusDone || statuses["Book the site visit"] != model.StatusPlanned {
		t.Errorf("tasks on the opportunity's account: %v", statuses)
	}

	// Re-importing the accounts finds them by key: nothing doubles.
	res = planCSV(t, p, "Account.csv", "Id,Name,Industry\n001A000001,Nissan Motors,Automotive\n001A000003,Nissan Motors,Manufacturing\n")
	if res.New != 0 || p.Count(model.KindAccount) != 3 {
		t.Errorf("re-import: %s, %d accounts", res.Summary(), p.Count(model.KindAccount))
	}
}

// Opportunities that arrive before their accounts keep the link: an
// account known only by its key, named by the accounts file later.
func TestLinkToAnAccountNotImportedYet(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "Opportunity.csv", "Id,AccountId,Name,StageName,Amount\n006X,0010000000000001,Renewal,Negotiation,1000\n")
	if res.New != 2 || !strings.Contains(strings.Join(res.Notes, " "), "only by their ID") {
		t.Fatalf("%s, notes %q", res.Summary(), res.Notes)
	}
	planCSV(t, p, "Account.csv", "Id,Name,Industry\n0010000000000001,Contoso,Retail\n")
	if p.Count(model.KindAccount) != 1 || p.Accounts()[0].Name != "Contoso" {
		t.Errorf("accounts after the accounts file: %v", p.Accounts())
	}
}

// Dynamics 365 display names: Full name from first and last, the
// company by name, the hidden key column, dates with a time.
func TestDynamicsDisplayNames(t *testing.T) {
	p, acme := withAccount("Acme")
	res := planCSV(t, p, "Contacts.csv", "(Do Not Modify) Contact,(Do Not Modify) Row Checksum,First Name,Last Name,Company Name,Job Title,Email\n"+
		"{4F1C},x,Maria,Chen,Acme,Head of IT,maria@acme.example\n")
	if res.Sheets[0].Kind != sheet.KindStakeholders || res.New != 1 {
		t.Fatalf("read as %s: %s %v", res.Sheets[0].Kind, res.Summary(), res.Problems)
	}
	s := p.Stakeholders(acme.ID)
	if len(s) != 1 || s[0].Name != "Maria Chen" || p.KeyOf(s[0], "Dynamics 365") != "{4F1C}" || s[0].Title != "Head of IT" {
		t.Errorf("contact stored as %+v", s)
	}
	res = planCSV(t, p, "Opportunities.csv", "Topic,Potential Customer,Status,Est. Revenue,Est. Close Date\n"+
		"Cloud move,Acme,Open,\"$250,000.00\",3/14/2026 9:30\n")
	if res.Sheets[0].Kind != sheet.KindOpportunities || res.New != 1 || len(res.Problems) != 0 {
		t.Fatalf("read as %s: %s %v", res.Sheets[0].Kind, res.Summary(), res.Problems)
	}
}

// A register of roles without names keeps its rows, labelled by team, and
// says so; a legend below the list is not a record.
func TestRegisterWithoutNamesAndALegend(t *testing.T) {
	p, _ := withAccount("Acme")
	res := plan(t, writeCSV(t, "Stakeholder analysis.csv", "Functional/Team involved,Name,Role,Interest (H/L),Power (H/L)\n"+
		"Finance,,Chief Financial Officer,H,H\n"+
		"Sponsors,,Executive sponsor,H,H\n"+
		",,,,\n"+
		"Legend\n"+
		"H = high,,,,\n"), p, sheet.Options{})
	if res.Sheets[0].Kind != sheet.KindStakeholders || res.New != 3 || res.Skipped != 2 {
		t.Fatalf("read as %s: %s %v", res.Sheets[0].Kind, res.Summary(), res.Problems)
	}
	names := map[string]string{}
	for _, e := range res.Records {
		if s, ok := e.(*model.Stakeholder); ok {
			names[s.Name] = s.Title
		}
	}
	if names["Finance"] != "Chief Financial Officer" || names["Sponsors"] != "Executive sponsor" {
		t.Errorf("people stored as %v", names)
	}
	notes := strings.Join(res.Notes, " ")
	if !strings.Contains(notes, "no name in the file") || !strings.Contains(notes, "legend") {
		t.Errorf("notes %q should say names are missing and where the list ends", res.Notes)
	}
}

// Our own staff list, named so and with no customer column, is the team.
func TestEmployeesFileIsTheTeam(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "employees.csv", "employeeID,lastName,firstName,title,reportsTo\n1,Davolio,Nancy,Sales Representative,2\n2,Fuller,Andrew,\"Vice President, Sales\",NULL\n")
	if res.Sheets[0].Kind != sheet.KindTeam || p.Count(model.KindTeamMember) != 2 {
		t.Fatalf("read as %s: %s", res.Sheets[0].Kind, res.Summary())
	}
}

// Every row read is accounted for: new, updated, unchanged, merged or
// skipped add up to the rows with data.
func TestEveryRowIsAccountedFor(t *testing.T) {
	p := model.NewPortfolio()
	res := plan(t, writeCSV(t, "accounts.csv", "Account,Industry,Revenue\nAcme,Retail,100\nBeta,Energy,200\nAcme,Retail,150\nGamma,,lots\nTotal,,450\n"), p, sheet.Options{})
	if res.New != 2 || res.Merged != 1 || res.Skipped != 2 || res.New+res.Updated+res.Unchanged+res.Merged+res.Skipped != 5 {
		t.Fatalf("%s for 5 rows", res.Summary())
	}
	if len(res.Merges) != 1 || !strings.Contains(res.Merges[0], "row 4") || !strings.Contains(res.Merges[0], "row 2") {
		t.Errorf("the merge should name both rows: %q", res.Merges)
	}
	if report := string(res.ProblemsCSV()); !strings.Contains(report, "accounts,4,(merged)") {
		t.Errorf("the problem report does not list the merged row:\n%s", report)
	}
}

// An unquoted comma inside an address pushes the rest of its row one
// column right: the row is put back together where its values fit their
// columns, and said; "NULL" reads as empty.
func TestRaggedRowsAreMended(t *testing.T) {
	text := "customerID,companyName,contactName,address,city,postalCode,country,phone\n" +
		"ALFKI,Alfreds Futterkiste,Maria Anders,Obere Str. 57,Berlin,12209,Germany,030-0074321\n" +
		"ANATR,Ana Trujillo,Ana Trujillo,Avda. de la Constitución 2222,México D.F.,05021,Mexico,(5) 555-4729\n" +
		"BLONP,Blondel père et fils,Frédérique Citeaux,24, place Kléber,Strasbourg,67000,France,88.60.15.31\n" +
		"BOLID,Bólido Comidas,Martín Sommer,C/ Araquil 67,Madrid,28023,Spain,(91) 555 22 82\n" +
		"BONAP,Bon app',Laurence Lebihan,12, rue des Bouchers,Marseille,13008,France,91.24.45.40\n" +
		"CACTU,Cactus Comidas,Patricio Simpson,Cerrito 333,Buenos Aires,1010,Argentina,(1) 135-5555\n" +
		"CHOPS,Chop-suey Chinese,Yang Wang,Hauptstr. 29,Bern,3012,Switzerland,0452-076545\n"
	p := model.NewPortfolio()
	res := plan(t, writeCSV(t, "customers.csv", text), p, sheet.Options{})
	if res.New < 7 || res.Skipped != 0 {
		t.Fatalf("%s %v", res.Summary(), res.Problems)
	}
	apply(p, res)
	for _, a := range p.Accounts() {
		if a.Name == "Blondel père et fils" && a.Region != "France" {
			t.Errorf("the mended row's country is %q, want France", a.Region)
		}
		if a.Name == "Strasbourg" || a.Name == "67000" {
			t.Errorf("a shifted value became an account: %q", a.Name)
		}
	}
	if !strings.Contains(strings.Join(res.Notes, " "), "put back together") {
		t.Errorf("the mend is not said: %q", res.Notes)
	}
}

// A file nothing can be read from says why, and what to do: a CSV saved
// again by a spreadsheet with another separator, or headers nobody knows.
func TestRefusalsExplain(t *testing.T) {
	resaved := "\"Summary,Issue key,Status,Assignee,Created\";;;;\n" +
		"\"Fix login,PRJ-1,Done,Ann,2023-07-19\";;;;\n" +
		"\"Add search,PRJ-2,To Do,Ben,2023-07-20\";;;;\n" +
		"\"Speed up,PRJ-3,In Progress,Cy,2023-07-21\";;;;\n"
	wb := read(t, writeCSV(t, "jira.csv", resaved))
	_, err := sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
	if err == nil || !strings.Contains(err.Error(), "saved again with another separator") {
		t.Errorf("a re-saved CSV: %v", err)
	}
	wb = read(t, writeCSV(t, "ledger.csv", "GroupKey;Subgroup;ControlAccount\n001;Vendas;Receita\n002;Custos;Mão de obra\n"))
	_, err = sheet.Plan(wb, model.NewPortfolio(), sheet.Options{})
	if err == nil || !strings.Contains(err.Error(), `"GroupKey"`) || !strings.Contains(err.Error(), "--kind") {
		t.Errorf("unknown headers: %v", err)
	}
}

// A list of companies and people together (Odoo's partners): the
// companies are accounts, each person joins the company named as related,
// and a private person without one is reported, not made an account.
func TestCompaniesAndPeopleTogether(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "res.partner.csv", "Name,Ist ein Unternehmen,Verbundenes Unternehmen,Stadt,Land,E-Mail\n"+
		"Werner Kopp,,Oberflächentechnik GmbH,Zürich,Schweiz,w@example.com\n"+
		"Oberflächentechnik GmbH,true,,Zürich,Schweiz,info@example.com\n"+
		"Muster AG,true,,Bern,Schweiz,info@example.com\n"+
		"Anita Inglin,,,Luzern,Schweiz,a@example.com\n")
	// The two companies, and the private person as a customer of her own.
	if p.Count(model.KindAccount) != 3 || res.New != 4 || res.Skipped != 0 {
		t.Fatalf("%d accounts (%v), want the two companies and Anita Inglin; %s %v", p.Count(model.KindAccount), p.Accounts(), res.Summary(), res.Problems)
	}
	firm := accountNamed(p, "Oberflächentechnik GmbH")
	if len(firm) != 1 || len(p.Stakeholders(firm[0].ID)) != 1 || p.Stakeholders(firm[0].ID)[0].Name != "Werner Kopp" {
		t.Errorf("Werner Kopp is not a contact of his company: %v", p.All(model.KindStakeholder))
	}
	private := accountNamed(p, "Anita Inglin")
	if len(private) != 1 || !strings.Contains(private[0].Notes, "Private person") || len(p.Stakeholders(private[0].ID)) != 0 {
		t.Errorf("the private person should be an account marked as a person: %v", private)
	}
	if notes := strings.Join(res.Notes, " "); !strings.Contains(notes, "1 people in the list belong to no company (Anita Inglin)") {
		t.Errorf("the notes do not say so: %s", notes)
	}
}

// A stakeholder register in Italian: the organisation column names the
// account, and influence in words (alta, media, bassa) is read; so are
// Portuguese and Polish headers with their accents.
func TestStakeholderRegisterInOtherLanguages(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "registro.csv", "Nome,Ruolo,Organizzazione,Interesse,Influenza\n"+
		"Marco Bianchi,Direttore IT,Acme Corp,Alto,Alta\nGiulia Rossi,Responsabile Acquisti,Acme Corp,Medio,Bassa\n")
	if len(res.Problems) != 0 || len(accountNamed(p, "Acme Corp")) != 1 {
		t.Fatalf("%s; problems %v; accounts %v", res.Summary(), res.Problems, p.Accounts())
	}
	for _, e := range p.All(model.KindStakeholder) {
		s := e.(*model.Stakeholder)
		want := map[string]model.Influence{"Marco Bianchi": model.InfluenceHigh, "Giulia Rossi": model.InfluenceLow}[s.Name]
		if s.Influence != want || s.Title == "" {
			t.Errorf("%s: influence %v title %q", s.Name, s.Influence, s.Title)
		}
	}
	q := model.NewPortfolio()
	res = planCSV(t, q, "partes.csv", "Nome completo,Cargo,Organização,Influência\nJoão Silva,Diretor Financeiro,Beta Ltda,Baixa\n")
	if len(res.Problems) != 0 || len(accountNamed(q, "Beta Ltda")) != 1 {
		t.Errorf("Portuguese register: %s; problems %v; accounts %v", res.Summary(), res.Problems, q.Accounts())
	}
}

// A CRM report exported as CSV ends with its title, copyright, "Generated
// By" and company lines: they end the list and are no accounts.
func TestReportFooterIsNotRecords(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "accounts report.csv", "Account Name,Type,Industry,Billing Country\n"+
		"Acme Corp,Customer,Software,Spain\nBeta GmbH,Prospect,Machinery,Germany\n\n"+
		"\"Accounts report\"\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n"+
		"\"Confidential Information - Do Not Distribute\"\n\"Generated By:  Tom Lee  3/1/2026 9:41 AM\"\n\"Orchard Demo Inc.\"\n")
	if res.New != 2 || res.Skipped != 5 || p.Count(model.KindAccount) != 2 {
		t.Fatalf("%s; accounts %v", res.Summary(), p.Accounts())
	}
	if !strings.Contains(strings.Join(res.Notes, " "), "the list ends at row 3; the 5 lines below it") {
		t.Errorf("notes %q", res.Notes)
	}
	// One account with only its name at the end of a list is still an
	// account.
	q := model.NewPortfolio()
	res = planCSV(t, q, "accounts.csv", "Account Name,Industry\nAcme Corp,Software\nBeta GmbH\n")
	if q.Count(model.KindAccount) != 2 {
		t.Errorf("a name-only last row was dropped: %s", res.Summary())
	}
}

// A grouped report names each account once, on the first of its rows; the
// rows below belong to it. A list that merely misses an account on some
// rows is not read so: those rows are reported.
func TestGroupedReportCarriesTheAccountDown(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "opportunities by account.csv", "Account Name,Opportunity Name,Stage,Amount,Close Date\n"+
		"Acme Corp,Acme renewal,Proposal,120000,2026-03-31\n,Acme upsell,Qualify,30000,2026-06-30\n,Acme services,Negotiation,15000,2026-04-15\n"+
		"Beta GmbH,Beta pilot,Qualify,45000,2026-05-15\n,Beta rollout,Prospecting,90000,2026-09-30\n")
	if res.New != 7 || len(res.Problems) != 0 {
		t.Fatalf("%s; problems %v", res.Summary(), res.Problems)
	}
	for _, e := range p.All(model.KindOpportunity) {
		o := e.(*model.Opportunity)
		a := p.Account(o.AccountID)
		if a == nil || !strings.HasPrefix(o.Name, strings.Fields(a.Name)[0]) {
			t.Errorf("%s went to %v", o.Name, a)
		}
	}
	q := model.NewPortfolio()
	res = planCSV(t, q, "deals.csv", "Account Name,Opportunity Name,Stage,Amount\n"+
		"Acme Corp,Acme renewal,Proposal,120000\nAcme Corp,Acme upsell,Qualify,30000\n,Orphan deal,Qualify,1000\nBeta GmbH,Beta pilot,Qualify,45000\n")
	if len(res.Problems) != 1 || res.Problems[0].Row != 4 {
		t.Errorf("a deal with no account in an ordinary list should be reported: %s %v", res.Summary(), res.Problems)
	}
}

// One account known to two systems keeps a key from each, and each
// system's re-import finds it by its own key; two spreadsheets of no
// known system that both number their rows from 1 describe two accounts.
func TestKeysFromTwoSystemsStayApart(t *testing.T) {
	p := model.NewPortfolio()
	planCSV(t, p, "Account.csv", "Id,Name,Industry,OwnerId\n001A1,Acme,Retail,005U1\n")
	res := planCSV(t, p, "hubspot-companies.csv", "Record ID,Company name,Create Date,Industry\n9001,Acme,2025-01-01,Retail Trade\n")
	if p.Count(model.KindAccount) != 1 || res.New != 0 {
		t.Fatalf("HubSpot's Acme made another account: %s", res.Summary())
	}
	acme := p.Accounts()[0]
	if p.KeyOf(acme, "Salesforce") != "001A1" || p.KeyOf(acme, "HubSpot") != "9001" {
		t.Fatalf("Acme's keys: %v", p.KeysOf(acme))
	}
	// Renamed in Salesforce: found by its Salesforce key.
	res = planCSV(t, p, "Account.csv", "Id,Name,Industry,OwnerId\n001A1,Acme Group,Retail,005U1\n")
	if res.Updated != 1 || p.Count(model.KindAccount) != 1 || p.Accounts()[0].Name != "Acme Group" {
		t.Errorf("Salesforce re-import: %s, accounts %v", res.Summary(), p.Accounts())
	}
	if n := len(p.KeysOf(acme)); n != 2 {
		t.Errorf("%d keys after the re-import, want the two", n)
	}

	planCSV(t, p, "north.csv", "customer_id,Customer\n1,Northwind\n")
	res = planCSV(t, p, "south.csv", "customer_id,Customer\n1,Southwind\n")
	if len(accountNamed(p, "Northwind")) != 1 || len(accountNamed(p, "Southwind")) != 1 || res.New != 1 {
		t.Errorf("key 1 of two unrelated files: %s, accounts %v", res.Summary(), p.Accounts())
	}
	res = planCSV(t, p, "north.csv", "customer_id,Customer\n1,Northwind Traders\n")
	if res.Updated != 1 || len(accountNamed(p, "Northwind Traders")) != 1 || len(accountNamed(p, "Southwind")) != 1 {
		t.Errorf("re-import of north.csv: %s, accounts %v", res.Summary(), p.Accounts())
	}
	if res.New+res.Updated+res.Unchanged+res.Merged+res.Skipped != 1 {
		t.Errorf("the keys were counted as rows: %s", res.Summary())
	}
}

// Address books: Outlook's "Title" is a form of address beside its "Job
// Title", and its "Manager's Name" a reporting line; Google Contacts
// numbers its fields ("Organization 1 - Name").
func TestAddressBookExports(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "contacts.csv", "First Name,Last Name,Title,E-mail Address,Job Title,Department,Company,Manager's Name\n"+
		"Anna,Schmidt,Dr.,anna@contoso.example,Head of Procurement,Purchasing,Contoso GmbH,Peter Wolf\n"+
		"Peter,Wolf,,peter@contoso.example,CFO,Finance,Contoso GmbH,\n")
	if res.Sheets[0].Kind != sheet.KindStakeholders || p.Count(model.KindStakeholder) != 2 {
		t.Fatalf("Outlook contacts: %s %s", res.Sheets[0].Kind, res.Summary())
	}
	var anna, peter *model.Stakeholder
	for _, e := range p.All(model.KindStakeholder) {
		switch s := e.(*model.Stakeholder); s.Name {
		case "Anna Schmidt":
			anna = s
		case "Peter Wolf":
			peter = s
		}
	}
	if anna == nil || peter == nil || anna.Title != "Head of Procurement" || anna.ReportsTo != peter.ID || !strings.Contains(anna.Notes, "Dr.") {
		t.Fatalf("Anna Schmidt read as %+v (Peter %+v)", anna, peter)
	}
	if a := p.Account(anna.AccountID); a == nil || a.Name != "Contoso GmbH" {
		t.Errorf("Anna is under %v, want Contoso GmbH", a)
	}

	p = model.NewPortfolio()
	res = planCSV(t, p, "google.csv", "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Title,Organization 1 - Department\n"+
		"John Carter,John,Carter,* Work,john@globex.example,Globex Corporation,VP Operations,Operations\n"+
		"Sam Patel,Sam,Patel,* Work,sam@initech.example,Initech,CTO,\n")
	if p.Count(model.KindAccount) != 2 || p.Count(model.KindStakeholder) != 2 {
		t.Fatalf("Google contacts: %s, accounts %v", res.Summary(), p.Accounts())
	}
	globex := accountNamed(p, "Globex Corporation")
	if len(globex) != 1 || len(p.Stakeholders(globex[0].ID)) != 1 || p.Stakeholders(globex[0].ID)[0].Title != "VP Operations" ||
		!strings.Contains(p.Stakeholders(globex[0].ID)[0].Notes, "john@globex.example") {
		t.Errorf("Globex's people: %+v", p.Stakeholders(globex[0].ID))
	}
}

// Dates with the month in words are never ambiguous, in any order.
func TestNamedMonthDates(t *testing.T) {
	p, acme := withAccount("Acme")
	res := planCSV(t, p, "issues.csv", "Summary,Issue key,Status,Due Date,Account\n"+
		"Executive briefing,KAM-12,In Progress,20/Dec/25 10:00 AM,Acme\n"+
		"Pricing review,KAM-13,To Do,3-Mär-2026,Acme\n"+
		"Site visit,KAM-14,To Do,\"April 7, 2026\",Acme\n")
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	want := map[string]string{"Executive briefing": "2025-12-20", "Pricing review": "2026-03-03", "Site visit": "2026-04-07"}
	for _, x := range p.Actions(acme.ID) {
		if got := x.Due.Format("2006-01-02"); got != want[x.Title] {
			t.Errorf("%s due %s, want %s", x.Title, got, want[x.Title])
		}
	}
}

// A pipeline kept by hand: values in thousands, close dates as quarters
// and half years (each its last day, said once), a date nobody can read
// keeps the deal without it; a German CRM export's annual revenue and
// owner.
func TestHandKeptPipelineAndGermanExport(t *testing.T) {
	p := model.NewPortfolio()
	res := planCSV(t, p, "pipeline.csv", "Opportunity,Customer,Value (k€),Stage,Probability,Expected close\n"+
		"Line 4 retrofit,Globex,450,Proposal,60%,Q3 2026\n"+
		"Spare parts,Globex,\"1,200\",Negotiation,80%,H2 2026\n"+
		"Pilot,Initech,80,Qualification,20%,sometime soon\n")
	if p.Count(model.KindOpportunity) != 3 || len(res.Problems) != 1 {
		t.Fatalf("%s, problems %v", res.Summary(), res.Problems)
	}
	want := map[string]string{"Line 4 retrofit": "2026-09-30", "Spare parts": "2026-12-31", "Pilot": "0001-01-01"}
	for _, e := range p.All(model.KindOpportunity) {
		o := e.(*model.Opportunity)
		if got := o.ExpectedClose.Format("2006-01-02"); got != want[o.Name] {
			t.Errorf("%s closes %s, want %s", o.Name, got, want[o.Name])
		}
		if o.Name == "Spare parts" && o.Value != model.MoneyFromMajor(1_200_000) {
			t.Errorf("Spare parts worth %v, want 1,200,000", o.Value)
		}
	}
	if !strings.Contains(strings.Join(res.Notes, " "), "last day") {
		t.Errorf("the quarters read as days are not said: %q", res.Notes)
	}

	p = model.NewPortfolio()
	res = planCSV(t, p, "hubspot-unternehmen.csv", "Datensatz-ID;Firmenname;Jahresumsatz;Branche;Firmeninhaber\n"+
		"7001;Müller Maschinenbau GmbH;1.234.567,00;Maschinenbau;Jana Richter\n")
	a := p.Accounts()
	if len(a) != 1 || a[0].Revenue != model.MoneyFromMajor(1_234_567) || a[0].Owner != "Jana Richter" || p.KeyOf(a[0], "") != "7001" {
		t.Errorf("German HubSpot company: %s %+v", res.Summary(), a)
	}
}

// An account list that names each account's primary contact (Dynamics
// 365's export) keeps the contact in the account's notes, for the file of
// contacts to bring the person; nobody is made twice.
func TestAccountsWithTheirPrimaryContact(t *testing.T) {
	p := model.NewPortfolio()
	text := "(Do Not Modify) Account,(Do Not Modify) Row Checksum,Account Name,Primary Contact,Email (Primary Contact),Annual Revenue\n" +
		"{A1},x,Fourth Coffee,Yvonne McKay,yvonne@fourthcoffee.example,\"$1,500,000.00\"\n" +
		"{A2},y,Litware,Susanna Stubberod,,\"$250,000.00\"\n"
	res := planCSV(t, p, "Active Accounts.csv", text)
	if p.Count(model.KindAccount) != 2 || p.Count(model.KindStakeholder) != 0 {
		t.Fatalf("%s: %d accounts, %d people", res.Summary(), p.Count(model.KindAccount), p.Count(model.KindStakeholder))
	}
	coffee := accountNamed(p, "Fourth Coffee")[0]
	if !strings.Contains(coffee.Notes, "Primary contact: Yvonne McKay, yvonne@fourthcoffee.example") || coffee.Revenue != model.MoneyFromMajor(1_500_000) {
		t.Errorf("Fourth Coffee: %+v", coffee)
	}
	res = planCSV(t, p, "Active Accounts.csv", text)
	if res.Unchanged != 2 || strings.Count(accountNamed(p, "Fourth Coffee")[0].Notes, "Primary contact") != 1 {
		t.Errorf("re-import: %s, notes %q", res.Summary(), accountNamed(p, "Fourth Coffee")[0].Notes)
	}
}
