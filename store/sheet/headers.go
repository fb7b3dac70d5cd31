package sheet

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"orchard/model"
)

// Kind of records a sheet holds.
type Kind string

const (
	KindAccounts      Kind = "accounts"
	KindStakeholders  Kind = "stakeholders"
	KindTeam          Kind = "team members"
	KindOpportunities Kind = "opportunities"
	KindActions       Kind = "actions"
	KindRevenue       Kind = "revenue figures"
	KindUnknown       Kind = "unknown"
)

// Field is one thing a column can mean.
type Field string

const (
	FAccount    Field = "account"
	FName       Field = "name"
	FID         Field = "id"
	FIndustry   Field = "industry"
	FRegion     Field = "region"
	FOwner      Field = "owner"
	FRevenue    Field = "revenue"
	FCurrency   Field = "currency"
	FPotential  Field = "potential"
	FParent     Field = "parent"
	FTitle      Field = "title"
	FDepartment Field = "department"
	FReportsTo  Field = "reports to"
	FManagerID  Field = "manager id"
	FInfluence  Field = "influence"
	FAttitude   Field = "attitude"
	FRole       Field = "buying role"
	FEmail      Field = "email"
	// FContact is an account's main contact, named in its row (Dynamics
	// 365's "Primary Contact", "Ansprechpartner"), and FContactEmail theirs.
	FContact      Field = "primary contact"
	FContactEmail Field = "primary contact's email"
	FProduct      Field = "offering"
	FStage        Field = "stage"
	FAmount       Field = "value"
	FCloseDate    Field = "close date"
	FProbability  Field = "probability"
	FStatus       Field = "status"
	FDue          Field = "due date"
	FAction       Field = "action"
	FAgent        Field = "team member"
	FManager      Field = "manager"
	FNotes        Field = "notes"
	FAgreed       Field = "customer agreed"
	FPeriod       Field = "period"
	FFigureKind   Field = "target or actual"
	FMargin       Field = "margin"
	FTarget       Field = "revenue target"
	FActual       Field = "revenue actual"
	// A column per period, its header naming the period ("Jan 2026",
	// "Plan Q1 2026"), as wide revenue sheets lay figures out.
	FPeriodActual Field = "actual for the period in the header"
	// A person's first and last names in two columns.
	FFirstName Field = "first name"
	// FIsCompany tells, in a list of companies and people together (an
	// Odoo partner export), which rows are companies.
	FIsCompany    Field = "is a company"
	FLastName     Field = "last name"
	FPeriodTarget Field = "target for the period in the header"
	// FYear completes a period column that names a quarter or month
	// without its year ("Quarter 1" beside "FY2025").
	FYear Field = "year of the period"
	// FToNotes keeps a column no field takes as a line "Header: value" in
	// the record's notes.
	FToNotes Field = "to notes"
)

// KindFields lists, per kind, the fields a column can be mapped to, in the
// order the import wizard offers them.
var KindFields = map[Kind][]Field{
	KindAccounts:      {FAccount, FID, FIndustry, FRegion, FOwner, FRevenue, FCurrency, FPotential, FMargin, FParent, FIsCompany, FTitle, FEmail, FNotes, FToNotes, FContact, FContactEmail},
	KindStakeholders:  {FAccount, FName, FFirstName, FLastName, FID, FTitle, FDepartment, FReportsTo, FManagerID, FInfluence, FAttitude, FRole, FEmail, FNotes, FToNotes},
	KindTeam:          {FAgent, FName, FFirstName, FLastName, FID, FTitle, FEmail, FManager},
	KindOpportunities: {FAccount, FName, FID, FProduct, FStage, FAmount, FCloseDate, FProbability, FCurrency, FToNotes},
	KindActions:       {FAccount, FAction, FName, FID, FOwner, FStatus, FDue, FNotes, FAgreed, FToNotes, FRACI},
	KindRevenue:       {FAccount, FPeriod, FYear, FFigureKind, FRevenue, FAmount, FTarget, FActual, FMargin, FPeriodActual, FPeriodTarget},
}

// Kinds lists what a sheet can be imported as, in the wizard's order.
var Kinds = []Kind{KindAccounts, KindStakeholders, KindTeam, KindOpportunities, KindActions, KindRevenue, KindUnknown}

// synonyms maps normalised header words to fields, in English, German,
// French, Dutch and Spanish, and the usual CRM field names.
var synonyms = map[string]Field{
	"account": FAccount, "accountname": FAccount, "customer": FAccount, "company": FAccount, "companyname": FAccount,
	"kunde": FAccount, "firma": FAccount, "klant": FAccount, "client": FAccount, "cliente": FAccount, "organisation": FAccount,
	"organization": FAccount, "accountid": FAccount,
	"name": FName, "fullname": FName, "stakeholder": FName, "contact": FName, "contactname": FName, "employeename": FName,
	"person": FName, "nom": FName, "naam": FName, "nombre": FName,
	"id": FID, "employeeid": FID, "contactid": FID, "opportunityid": FID, "externalid": FID,
	"industry": FIndustry, "sector": FIndustry, "branche": FIndustry, "secteur": FIndustry, "sectorindustria": FIndustry, "vertical": FIndustry,
	"region": FRegion, "officelocation": FRegion, "country": FRegion, "land": FRegion, "pays": FRegion, "pais": FRegion,
	"location": FRegion, "employeelocation": FRegion, "regionaloffice": FRegion,
	"owner": FOwner, "accountowner": FOwner, "accountmanager": FOwner, "ownerid": FOwner, "verantwortlich": FOwner,
	"recordowner": FOwner, "dealowner": FOwner, "contactowner": FOwner, "firmeninhaber": FOwner, "kontoinhaber": FOwner,
	"kundenbetreuer": FOwner, "zustandig": FOwner, "besitzer": FOwner, "proprietaire": FOwner, "propietario": FOwner,
	"proprietario": FOwner, "titolare": FOwner, "wlasciciel": FOwner, "opiekun": FOwner, "eigenaar": FOwner, "владелец": FOwner,
	"revenue": FRevenue, "annualrevenue": FRevenue, "umsatz": FRevenue, "chiffredaffaires": FRevenue, "omzet": FRevenue, "ingresos": FRevenue,
	"jahresumsatz": FRevenue, "umsatzerlose": FRevenue, "ricavi": FRevenue, "fatturatoannuo": FRevenue, "receitaanual": FRevenue,
	"przychody": FRevenue, "obrot": FRevenue, "jaaromzet": FRevenue, "ingresosanuales": FRevenue, "facturacion": FRevenue,
	"выручка": FRevenue, "оборот": FRevenue,
	"datensatzid": FID, "idregistro": FID, "identifiant": FID, "identificador": FID,
	"currency": FCurrency, "wahrung": FCurrency, "devise": FCurrency, "valuta": FCurrency, "moneda": FCurrency, "currencyisocode": FCurrency,
	"potential": FPotential, "wallet": FPotential,
	"subsidiaryof": FParent, "parent": FParent, "parentaccount": FParent, "parentid": FParent,
	"title": FTitle, "jobtitle": FTitle, "position": FTitle, "employeetitle": FTitle, "funktion": FTitle, "titre": FTitle, "functie": FTitle, "cargo": FTitle,
	"department": FDepartment, "abteilung": FDepartment, "departement": FDepartment, "afdeling": FDepartment, "departamento": FDepartment, "businessunit": FDepartment,
	"reportsto": FReportsTo, "reportstoname": FReportsTo, "vorgesetzter": FReportsTo, "responsable": FReportsTo, "leidinggevende": FReportsTo,
	"managerid": FManagerID, "reportstoid": FManagerID,
	"influence": FInfluence, "powerinfluence": FInfluence, "power": FInfluence, "einfluss": FInfluence,
	"attitude": FAttitude, "stance": FAttitude, "sentiment": FAttitude, "haltung": FAttitude,
	"buyingrole": FRole, "role": FRole, "raci": FRole, "rolle": FRole,
	"email": FEmail, "emailaddress": FEmail, "mail": FEmail,
	"product": FProduct, "offering": FProduct, "produkt": FProduct, "produit": FProduct, "producto": FProduct,
	"stage": FStage, "dealstage": FStage, "stagename": FStage, "phase": FStage, "fase": FStage,
	"amount": FAmount, "value": FAmount, "closevalue": FAmount, "dealvalue": FAmount, "betrag": FAmount, "montant": FAmount, "bedrag": FAmount, "importe": FAmount,
	"closedate": FCloseDate, "expectedclose": FCloseDate, "closingdate": FCloseDate,
	"probability": FProbability, "wahrscheinlichkeit": FProbability, "probabilite": FProbability,
	"status": FStatus, "state": FStatus, "statut": FStatus, "estado": FStatus,
	"due": FDue, "duedate": FDue, "deadline": FDue, "termin": FDue, "echeance": FDue, "fecha": FDue,
	"actiontitle": FAction, "task": FAction, "massnahme": FAction, "aufgabe": FAction, "tache": FAction, "taak": FAction, "tarea": FAction, "action": FAction,
	"salesagent": FAgent, "agent": FAgent, "teammember": FAgent, "salesrep": FAgent, "rep": FAgent,
	"manager":        FManager,
	"customeragreed": FAgreed, "agreed": FAgreed, "agreedwithcustomer": FAgreed, "abgestimmt": FAgreed, "convenu": FAgreed, "akkoord": FAgreed, "acordado": FAgreed,
	"notes": FNotes, "note": FNotes, "comment": FNotes, "comments": FNotes, "description": FNotes,
	"period": FPeriod, "month": FPeriod, "quarter": FPeriod, "fiscalperiod": FPeriod, "periode": FPeriod, "zeitraum": FPeriod,
	"monat": FPeriod, "mois": FPeriod, "maand": FPeriod, "mes": FPeriod, "periodo": FPeriod, "quartal": FPeriod, "trimestre": FPeriod,
	"year": FYear, "fiscalyear": FYear, "fy": FYear, "jahr": FYear, "geschaftsjahr": FYear, "annee": FYear, "exercice": FYear,
	"ano": FYear, "anno": FYear, "rok": FYear, "jaar": FYear, "boekjaar": FYear, "anofiscal": FYear,
	"kind": FFigureKind, "figurekind": FFigureKind, "planactual": FFigureKind, "targetactual": FFigureKind, "scenario": FFigureKind,
	"margin": FMargin, "marginpct": FMargin, "grossmargin": FMargin, "marge": FMargin, "margen": FMargin, "deckungsbeitrag": FMargin,
	"target": FTarget, "plan": FTarget, "budget": FTarget, "soll": FTarget, "objectif": FTarget, "doel": FTarget, "objetivo": FTarget,
	"revenuetarget": FTarget, "plannedrevenue": FTarget,
	// Russian, as in risk and action registers.
	"клиент": FAccount, "компания": FAccount, "заказчик": FAccount, "контрагент": FAccount,
	"фио": FName, "имя": FName, "должность": FTitle, "отдел": FDepartment, "подразделение": FDepartment,
	"руководитель": FReportsTo, "ответственный": FOwner, "ответственные": FOwner, "исполнитель": FOwner,
	"статус": FStatus, "срок": FDue, "срокисполнения": FDue, "дата": FDue,
	"действие": FAction, "задача": FAction, "мероприятие": FAction, "названиериска": FAction, "риск": FAction,
	"riskname": FAction, "risk": FAction, "risktitle": FAction,
	"действия": FNotes, "мероприятия": FNotes, "mitigation": FNotes, "mitigationactions": FNotes,
	"описание": FToNotes, "описаниериска": FToNotes, "приоритет": FToNotes, "вероятность": FToNotes, "влияние": FToNotes,
	"стратегия": FToNotes, "типриска": FToNotes, "riskdescription": FToNotes, "likelihood": FToNotes, "impact": FToNotes,
	"actual": FActual, "actuals": FActual, "ist": FActual, "reel": FActual, "werkelijk": FActual, "real": FActual, "actualrevenue": FActual,
}

// normalise folds a header to lower-case letters and digits only, with
// accents removed: "Account Name " -> "accountname", "Währung" -> "wahrung".
func normalise(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch r {
		case 'ä', 'à', 'á', 'â', 'ã', 'å', 'ą':
			r = 'a'
		case 'é', 'è', 'ê', 'ë', 'ę':
			r = 'e'
		case 'ö', 'ó', 'ô', 'õ', 'ò', 'ø':
			r = 'o'
		case 'ü', 'ú', 'ù', 'û':
			r = 'u'
		case 'í', 'ï', 'ì', 'î':
			r = 'i'
		case 'ç', 'ć':
			r = 'c'
		case 'ñ', 'ń':
			r = 'n'
		case 'ł':
			r = 'l'
		case 'ś':
			r = 's'
		case 'ż', 'ź':
			r = 'z'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerKeys are the forms a header is looked up by, most exact first:
// the whole header; without what is in brackets ("Interés (1–5)",
// "INTEREST (how much…)"); and each part of "Name / Role" or of a header
// broken over lines.
func headerKeys(h string) []string {
	keys := []string{normalise(h)}
	add := func(s string) {
		if n := normalise(s); n != "" && !slices.Contains(keys, n) {
			keys = append(keys, n)
		}
	}
	add(withoutBrackets(h))
	add(withoutUnits(h))
	if m := numberedField.FindStringSubmatch(h); m != nil && m[2] == "1" {
		// A contact manager's first of several values ("E-mail 1 -
		// Value", "Organization 1 - Name", "Organization 1 - Title"): the
		// thing itself, its name, or the attribute of it.
		switch thing, attr := m[1], normalise(m[3]); attr {
		case "value":
			add(thing)
		case "name":
			add(thing + " name")
		default:
			add(m[3])
		}
	}
	for _, part := range strings.FieldsFunc(withoutBrackets(h), func(r rune) bool { return r == '/' || r == '\n' || r == '|' }) {
		add(part)
	}
	return keys
}

// numberedField is a header of a numbered multi-value field, as Google
// Contacts and other address books export them: "Organization 1 - Name".
var numberedField = regexp.MustCompile(`^\s*(.+?)\s+(\d+)\s*-\s*(.+?)\s*$`)

// withoutUnits drops what a header says about its unit and currency
// ("Umsatz in Tsd. €" -> "Umsatz").
func withoutUnits(h string) string {
	h = millionsUnit.ReplaceAllString(h, " ")
	h = thousandsUnit.ReplaceAllString(h, " ")
	h = currencyWord.ReplaceAllStringFunc(h, func(w string) string {
		if knownCurrency[w] {
			return " "
		}
		return w
	})
	h = strings.NewReplacer("€", " ", "$", " ", "£", " ", "¥", " ", "₫", " ").Replace(h)
	if i := strings.LastIndex(strings.ToLower(h), " in "); i > 0 && strings.TrimSpace(h[i+4:]) == "" {
		h = h[:i]
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(h), " in"))
}

// withoutBrackets drops text in round or square brackets.
func withoutBrackets(h string) string {
	var b strings.Builder
	depth := 0
	for _, r := range h {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// lookup finds a header in a vocabulary by its keys.
func lookup(vocab map[string]Field, h string) (Field, bool) {
	for _, k := range headerKeys(h) {
		if f, ok := vocab[k]; ok {
			return f, true
		}
	}
	return "", false
}

// fieldOf returns what a header means, or "".
func fieldOf(h string) Field {
	if f, _ := lookup(synonyms, h); f != "" {
		return f
	}
	if _, kind, ok := periodHeader(h); ok {
		if kind == model.FigureTarget {
			return FPeriodTarget
		}
		return FPeriodActual
	}
	return ""
}
