package sheet

import (
	"path/filepath"
	"sort"
	"strings"
)

// What a sheet holds is decided from all the evidence at once, scored per
// kind: what its headers mean for that kind (a "Name" column is an
// account's name in an account list and a person's in a contact list), the
// conventions of the tools people export from, the file and sheet names,
// and the shapes of the values.

// kindVocab holds, per kind, header words that mean something particular
// for that kind; they are looked up before the general synonyms. Drawn
// from the vendors' field references: Salesforce API names (Account:
// Name, ParentId, OwnerId; Contact: AccountId, ReportsToId, FirstName,
// LastName; Opportunity: StageName, CloseDate; Task: Subject, WhatId,
// ActivityDate), Dynamics 365 display names ("Potential Customer", "Est.
// Revenue", "Topic", "Company Name", "(Do Not Modify) Contact"), HubSpot
// ("Record ID", "Associated Company", "Deal Stage"), Pipedrive ("Deal -
// Title", "Person - Organization"), Odoo partners ("Related Company", "Job
// Position", "Salesperson") and task tools (Jira "Summary", "Issue key";
// Trello "Card Name", "List Name"; Asana and Planner "Task Name",
// "Assignee", "Assigned To").
var kindVocab = map[Kind]map[string]Field{
	KindAccounts: {
		"name": FAccount, "accountname": FAccount, "companyname": FAccount, "company": FAccount, "customername": FAccount,
		"organizationname": FAccount, "organisationname": FAccount, "displayname": FAccount, "organization": FAccount,
		"unternehmen": FAccount, "firmenname": FAccount, "kundenname": FAccount, "nomdelentreprise": FAccount, "raisonsociale": FAccount,
		"empresa": FAccount, "nombreempresa": FAccount, "ragionesociale": FAccount, "azienda": FAccount, "razaosocial": FAccount,
		"nazwa": FAccount, "nazwafirmy": FAccount, "klient": FAccount, "bedrijfsnaam": FAccount, "bedrijf": FAccount,
		"id": FID, "accountid": FID, "recordid": FID, "companyid": FID, "customerid": FID, "organizationid": FID,
		"donotmodifyaccount": FID, "externalid": FID, "kundennummer": FID, "customernumber": FID,
		"parentid": FParent, "parentaccount": FParent, "parentaccountid": FParent, "parentcompany": FParent,
		"relatedcompany": FParent, "verbundenesunternehmen": FParent, "zugehorigesunternehmen": FParent, "societeliee": FParent,
		"isacompany": FIsCompany, "iscompany": FIsCompany, "isteinunternehmen": FIsCompany, "companytype": FIsCompany,
		"esunaempresa": FIsCompany, "estuneentreprise": FIsCompany,
		"jobposition": FTitle, "stellenbezeichnung": FTitle, "arbeitsposition": FTitle, "email": FEmail, "emailadresse": FEmail,
		"ownerid": FOwner, "owner": FOwner, "companyowner": FOwner, "salesperson": FOwner, "verkaufer": FOwner,
		"accountmanager": FOwner, "organizationowner": FOwner,
		"primarycontact": FContact, "primarycontactname": FContact, "maincontact": FContact, "ansprechpartner": FContact,
		"hauptansprechpartner": FContact, "contactprincipal": FContact, "contattoprincipale": FContact, "contatoprincipal": FContact,
		"emailprimarycontact": FContactEmail, "primarycontactemail": FContactEmail, "emailansprechpartner": FContactEmail,
		"billingcountry": FRegion, "shippingcountry": FRegion, "countryregion": FRegion, "address1countryregion": FRegion,
		"address1country": FRegion, "country": FRegion, "land": FRegion, "pais": FRegion, "paese": FRegion, "kraj": FRegion,
		"industry": FIndustry, "industria": FIndustry, "settore": FIndustry, "setor": FIndustry, "branza": FIndustry,
		"annualrevenue": FRevenue, "revenue": FRevenue, "fatturato": FRevenue, "receita": FRevenue, "faturamento": FRevenue, "przychod": FRevenue,
	},
	KindStakeholders: {
		"name": FName, "fullname": FName, "contactname": FName, "personname": FName, "displayname": FName, "nomecompleto": FName,
		"nombrecompleto": FName, "imieinazwisko": FName, "vollstandigername": FName, "stakeholder": FName, "interesado": FName,
		"parteinteressada": FName, "interessato": FName, "interesariusz": FName, "naam": FName, "nombre": FName,
		"bezeichnung": FName, "nom": FName, "nome": FName,
		"team": FDepartment, "teaminvolved": FDepartment, "functionalteam": FDepartment, "functionalarea": FDepartment,
		"expectations": FToNotes, "expectativas": FToNotes, "expectativasprincipales": FToNotes, "erwartung": FToNotes,
		"erwartungen": FToNotes, "erfordernis": FToNotes, "requirements": FToNotes, "anforderungen": FToNotes,
		"interest": FToNotes, "interes": FToNotes, "interesse": FToNotes, "areaofinterest": FToNotes, "bezugzumsystem": FToNotes,
		"influencia": FInfluence, "influenza": FInfluence, "influencja": FInfluence, "poder": FInfluence, "macht": FInfluence,
		"firstname": FFirstName, "givenname": FFirstName, "vorname": FFirstName, "prenom": FFirstName, "imie": FFirstName,
		"primeironome": FFirstName, "voornaam": FFirstName,
		"lastname": FLastName, "surname": FLastName, "familyname": FLastName, "nachname": FLastName, "apellido": FLastName,
		"apellidos": FLastName, "cognome": FLastName, "sobrenome": FLastName, "nazwisko": FLastName, "achternaam": FLastName,
		"accountid": FAccount, "account": FAccount, "accountname": FAccount, "company": FAccount, "companyname": FAccount,
		"associatedcompany": FAccount, "parentcustomer": FAccount, "parentcustomerid": FAccount, "relatedcompany": FAccount,
		"zugehorigesunternehmen": FAccount, "unternehmen": FAccount, "organization": FAccount, "personorganization": FAccount,
		"customer": FAccount, "empresa": FAccount, "azienda": FAccount, "firma": FAccount, "organizationname": FAccount,
		"organizzazione": FAccount, "organizacion": FAccount, "organizacao": FAccount, "organizacja": FAccount,
		"organisation": FAccount, "entreprise": FAccount, "societe": FAccount, "societa": FAccount,
		"id": FID, "contactid": FID, "recordid": FID, "personid": FID, "employeeid": FID, "donotmodifycontact": FID,
		"reportstoid": FManagerID, "managerid": FManagerID, "parentid": FManagerID, "supervisorid": FManagerID,
		"reportsto": FReportsTo, "manager": FReportsTo, "vorgesetzter": FReportsTo, "responsabile": FReportsTo,
		"managersname": FReportsTo, "managername": FReportsTo,
		"jobtitle": FTitle, "title": FTitle, "jobposition": FTitle, "function": FTitle, "position": FTitle, "stellenbezeichnung": FTitle,
		"arbeitsposition": FTitle, "funktion": FTitle, "cargo": FTitle, "ruolo": FTitle, "stanowisko": FTitle, "funcao": FTitle,
		"email": FEmail, "emailaddress": FEmail, "email1": FEmail, "personemail": FEmail, "mail": FEmail,
	},
	KindTeam: {
		"name": FName, "fullname": FName, "employeename": FName, "firstname": FFirstName, "lastname": FLastName,
		"vorname": FFirstName, "nachname": FLastName, "id": FID, "employeeid": FID, "userid": FID,
		"title": FTitle, "jobtitle": FTitle, "email": FEmail, "reportsto": FManager, "manager": FManager,
	},
	KindOpportunities: {
		"name": FName, "opportunityname": FName, "dealname": FName, "topic": FName, "dealtitle": FName, "opportunity": FName,
		"accountid": FAccount, "account": FAccount, "accountname": FAccount, "potentialcustomer": FAccount, "customer": FAccount,
		"company": FAccount, "associatedcompany": FAccount, "dealorganization": FAccount, "organization": FAccount, "cliente": FAccount,
		"id": FID, "opportunityid": FID, "recordid": FID, "dealid": FID, "donotmodifyopportunity": FID,
		"stagename": FStage, "stage": FStage, "dealstage": FStage, "salesstage": FStage, "pipelinephase": FStage, "fase": FStage,
		"amount": FAmount, "estrevenue": FAmount, "estimatedrevenue": FAmount, "dealvalue": FAmount, "value": FAmount,
		"closedate": FCloseDate, "estclosedate": FCloseDate, "expectedclosedate": FCloseDate, "estimatedclosedate": FCloseDate,
		"dealexpectedclosedate": FCloseDate, "probability": FProbability, "winprobability": FProbability, "dealprobability": FProbability,
		"win": FProbability, "winchance": FProbability, "probabilidad": FProbability,
		"probabilita": FProbability, "probabilidade": FProbability, "prawdopodobienstwo": FProbability, "kans": FProbability,
		"wahrscheinlichkeit": FProbability, "probabilite": FProbability, "expectedclose": FCloseDate, "abschlussdatum": FCloseDate,
	},
	KindActions: {
		"subject": FAction, "summary": FAction, "title": FAction, "taskname": FAction, "cardname": FAction, "name": FAction,
		"activitysubject": FAction, "task": FAction, "action": FAction, "podsumowanie": FAction, "tytul": FAction, "zadanie": FAction,
		"titolo": FAction, "attivita": FAction, "tarefa": FAction, "titulo": FAction, "resumo": FAction, "riepilogo": FAction,
		"activitydate": FDue, "duedate": FDue, "due": FDue, "terminwykonania": FDue, "termin": FDue, "scadenza": FDue, "prazo": FDue,
		"datadevencimento": FDue, "activityduedate": FDue, "fechadevencimiento": FDue, "fechalimite": FDue,
		"status": FStatus, "progress": FStatus, "state": FStatus, "listname": FStatus, "stato": FStatus, "estado": FStatus,
		"situacao": FStatus, "activitydone": FStatus,
		"ownerid": FOwner, "assignee": FOwner, "assignedto": FOwner, "members": FOwner, "owner": FOwner, "responsible": FOwner,
		"osobaprzypisana": FOwner, "przypisany": FOwner, "responsabile": FOwner, "responsavel": FOwner, "responsable": FOwner,
		"activityassignedtouser": FOwner, "verantwortlich": FOwner,
		"whatid": FAccount, "accountid": FAccount, "account": FAccount, "relatedto": FAccount, "regarding": FAccount,
		"customer": FAccount, "company": FAccount, "activityorganization": FAccount,
		"description": FNotes, "notes": FNotes, "comments": FNotes, "opis": FNotes, "descrizione": FNotes, "descricao": FNotes,
		"carddescription": FNotes,
		"id":              FID, "taskid": FID, "issuekey": FID, "issueid": FID, "cardid": FID, "activityid": FID, "recordid": FID,
	},
}

// kindWords are words in file and sheet names that say what they hold.
var kindWords = map[Kind][]string{
	KindAccounts:      {"account", "compan", "customer", "client", "kunde", "organi", "partner", "firm", "empresa", "aziend", "klant"},
	KindStakeholders:  {"contact", "stakeholder", "people", "person", "interesad", "interessat", "register", "orgchart", "org chart", "org_chart", "kontakt", "ansprech"},
	KindTeam:          {"employee", "team", "staff", "user", "mitarbeiter", "sales rep"},
	KindOpportunities: {"opportunit", "deal", "pipeline", "chance", "oportunidad", "opportunita", "oportunidade"},
	KindActions:       {"task", "action", "activit", "todo", "to-do", "issue", "jira", "trello", "asana", "planner", "risk", "aufgab", "massnahm", "zadan", "tarea", "tarefa"},
	KindRevenue:       {"revenue", "target", "goal", "forecast", "budget", "umsatz", "plan"},
}

// identity is the field without which a kind's row makes no record.
var identity = map[Kind][]Field{
	KindAccounts:      {FAccount},
	KindStakeholders:  {FName, FFirstName, FLastName},
	KindTeam:          {FName, FAgent, FFirstName, FLastName},
	KindOpportunities: {FName, FStage, FAmount},
	KindActions:       {FAction},
	KindRevenue:       {FPeriod, FYear, FPeriodActual, FPeriodTarget},
}

// strong fields say more about a kind than their count: a stage is an
// opportunity's, a manager link a person's.
var strong = map[Kind]map[Field]float64{
	KindAccounts:      {FAccount: 3, FIndustry: 1.5, FRevenue: 1.5, FParent: 1},
	KindStakeholders:  {FName: 3, FFirstName: 2, FLastName: 2, FReportsTo: 2, FManagerID: 2, FAttitude: 2, FInfluence: 2, FRole: 1.5, FTitle: 1.5, FEmail: 1.5},
	KindTeam:          {FAgent: 3, FName: 2, FFirstName: 1.5, FLastName: 1.5, FManager: 1.5},
	KindOpportunities: {FStage: 3, FAmount: 2, FCloseDate: 2, FProbability: 2, FName: 1},
	KindActions:       {FAction: 3, FDue: 2, FStatus: 2, FOwner: 1, FAgreed: 2},
	KindRevenue:       {FPeriod: 3, FYear: 2, FTarget: 2, FActual: 2, FFigureKind: 2},
}

// neutral fields a kind reads without their saying anything of it: the
// title and e-mail of the people in a companies-and-people list.
var neutral = map[Kind]map[Field]bool{KindAccounts: {FTitle: true, FEmail: true}}

// kindScore is one kind's case for a sheet.
type kindScore struct {
	kind   Kind
	score  float64
	fields []Field
}

// mapFor maps headers for one kind: its own words first, then the general
// synonyms the kind has a use for, then period headers.
func mapFor(k Kind, headers []string, generic []Field) []Field {
	fields := make([]Field, len(headers))
	allowed := map[Field]bool{}
	for _, f := range KindFields[k] {
		allowed[f] = true
	}
	for j, h := range headers {
		n := normalise(h)
		if f, ok := lookup(kindVocab[k], h); ok && allowed[f] {
			fields[j] = f
			continue
		}
		if d := doNotModifyKind(n); d != "" {
			if d == k {
				fields[j] = FID
			}
			continue
		}
		if f := fieldOf(h); f != "" && allowed[f] {
			fields[j] = f
		} else if j < len(generic) && allowed[generic[j]] {
			fields[j] = generic[j] // as the header finder read it (a two-row header's lower cell)
		}
	}
	dedupe(fields)
	return fields
}

// doNotModifyKind reads Dynamics 365's hidden key column, "(Do Not
// Modify) Contact", for the kind of record it keys.
func doNotModifyKind(n string) Kind {
	rest, ok := strings.CutPrefix(n, "donotmodify")
	if !ok {
		return ""
	}
	switch rest {
	case "account":
		return KindAccounts
	case "contact":
		return KindStakeholders
	case "opportunity":
		return KindOpportunities
	case "task", "activity", "phonecall", "appointment":
		return KindActions
	case "goal":
		return KindRevenue
	}
	return KindUnknown
}

// scoreKinds weighs every kind for a sheet with these headers, in a file
// and sheet of these names, with these value shapes per column; the best
// comes first.
func scoreKinds(file, sheet string, headers []string, generic []Field, shapes []columnShape) []kindScore {
	names := strings.ToLower(filepath.Base(file) + " " + sheet)
	normHeaders := map[string]bool{}
	for _, h := range headers {
		normHeaders[normalise(h)] = true
	}
	var out []kindScore
	for _, k := range Kinds {
		if k == KindUnknown {
			continue
		}
		fields := mapFor(k, headers, generic)
		score := 0.0
		has := map[Field]bool{}
		periods := 0
		for j, f := range fields {
			if f == "" || f == FToNotes {
				continue
			}
			if f == FPeriodActual || f == FPeriodTarget {
				periods++
				continue
			}
			has[f] = true
			if neutral[k][f] {
				continue // read when present, but no evidence of the kind
			}
			w := strong[k][f]
			if w == 0 {
				w = 1
			}
			// A name column of a person's list should hold people's names.
			if j < len(shapes) && (f == FName || f == FAgent) && (k == KindStakeholders || k == KindTeam) {
				switch {
				case shapes[j].personNames >= 0.6:
					w += 1.5
				case shapes[j].personNames < 0.2 && shapes[j].filled > 0:
					w -= 1.5
				}
			}
			if j < len(shapes) && f == FEmail && shapes[j].emails >= 0.5 {
				w += 1
			}
			score += w
		}
		if k == KindRevenue && periods >= 2 {
			score += 2 + float64(min(periods, 12))/4
			has[FPeriod] = true
		}
		// A column of Plan/Ist, Budget/Actual says which figures a row
		// holds, whatever its header.
		if k == KindRevenue && !has[FFigureKind] {
			for j := range fields {
				if j < len(shapes) && fields[j] == "" && shapes[j].filled >= 2 && shapes[j].figureKind >= 0.9 {
					fields[j], has[FFigureKind] = FFigureKind, true
					score += strong[k][FFigureKind]
					break
				}
			}
		}
		// Headers in words Orchard does not know may still sit over a
		// column of months and a column of amounts.
		if k == KindRevenue && !has[FPeriod] {
			if inferred, w := inferFigures(fields, shapes); w > 0 {
				fields, score = inferred, score+w
				has[FPeriod] = true
			}
		}
		// Without its identity column a kind can make no record, whatever
		// the names around it say.
		if !hasAny(has, identity[k]) {
			out = append(out, kindScore{kind: k, score: score * 0.3, fields: fields})
			continue
		}
		for _, w := range kindWords[k] {
			if strings.Contains(names, w) {
				score += 3
				// A people list named for our own staff, with no customer
				// column, is the account team.
				if k == KindTeam && !has[FAccount] {
					score += 4
				}
				break
			}
		}
		score += vendorSignature(k, normHeaders)
		out = append(out, kindScore{kind: k, score: score, fields: fields})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out
}

// vendorSignature adds the weight of columns that only one kind of export
// has.
func vendorSignature(k Kind, h map[string]bool) float64 {
	for n := range h {
		if d := doNotModifyKind(n); d != "" && d != KindUnknown {
			if d == k {
				return 8
			}
			return -4
		}
	}
	switch k {
	case KindActions:
		if h["whatid"] || h["whoid"] || h["issuekey"] || h["cardname"] || (h["subject"] && h["activitydate"]) {
			return 6
		}
	case KindOpportunities:
		if h["stagename"] || h["dealstage"] || h["potentialcustomer"] || h["estclosedate"] || h["pipelinephase"] {
			return 6
		}
	case KindStakeholders:
		if h["reportstoid"] || (h["accountid"] && (h["firstname"] || h["lastname"])) || h["associatedcompany"] && h["jobtitle"] {
			return 6
		}
	case KindAccounts:
		if (h["billingcity"] || h["billingcountry"] || h["numberofemployees"] || h["accountnumber"] || h["companydomainname"]) && !h["accountid"] {
			return 4
		}
	}
	return 0
}

func hasAny(has map[Field]bool, fields []Field) bool {
	for _, f := range fields {
		if has[f] {
			return true
		}
	}
	return false
}

// SetKind reads the sheet as another kind: its columns are mapped again
// with what their headers mean for that kind.
func (m *SheetMapping) SetKind(k Kind) {
	if k == m.Kind {
		return
	}
	generic := make([]Field, len(m.Headers))
	for j, h := range m.Headers {
		generic[j] = fieldOf(h)
	}
	m.Kind, m.RunnerUp = k, ""
	if k == KindUnknown {
		m.Fields = generic
		return
	}
	m.Fields = mapFor(k, m.Headers, generic)
}

// KindByName finds a kind from what a person types: "accounts",
// "stakeholders" or "people", "team", "opportunities", "actions",
// "revenue".
func KindByName(s string) (Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "accounts", "account":
		return KindAccounts, true
	case "stakeholders", "stakeholder", "people", "contacts":
		return KindStakeholders, true
	case "team", "team members", "team-members":
		return KindTeam, true
	case "opportunities", "opportunity", "deals":
		return KindOpportunities, true
	case "actions", "action", "tasks":
		return KindActions, true
	case "revenue", "revenue figures", "figures":
		return KindRevenue, true
	case "unknown", "none", "skip":
		return KindUnknown, true
	}
	return "", false
}
