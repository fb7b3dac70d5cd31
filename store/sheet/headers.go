package sheet

import (
	"strings"
	"unicode"
)

// Kind of records a sheet holds.
type Kind string

const (
	KindAccounts      Kind = "accounts"
	KindStakeholders  Kind = "stakeholders"
	KindTeam          Kind = "team members"
	KindOpportunities Kind = "opportunities"
	KindActions       Kind = "actions"
	KindUnknown       Kind = "unknown"
)

// Field is one thing a column can mean.
type Field string

const (
	FAccount     Field = "account"
	FName        Field = "name"
	FID          Field = "id"
	FIndustry    Field = "industry"
	FRegion      Field = "region"
	FOwner       Field = "owner"
	FRevenue     Field = "revenue"
	FCurrency    Field = "currency"
	FPotential   Field = "potential"
	FParent      Field = "parent"
	FTitle       Field = "title"
	FDepartment  Field = "department"
	FReportsTo   Field = "reports to"
	FManagerID   Field = "manager id"
	FInfluence   Field = "influence"
	FAttitude    Field = "attitude"
	FRole        Field = "buying role"
	FEmail       Field = "email"
	FProduct     Field = "offering"
	FStage       Field = "stage"
	FAmount      Field = "value"
	FCloseDate   Field = "close date"
	FProbability Field = "probability"
	FStatus      Field = "status"
	FDue         Field = "due date"
	FAction      Field = "action"
	FAgent       Field = "team member"
	FManager     Field = "manager"
	FNotes       Field = "notes"
	FAgreed      Field = "customer agreed"
)

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
	"revenue": FRevenue, "annualrevenue": FRevenue, "umsatz": FRevenue, "chiffredaffaires": FRevenue, "omzet": FRevenue, "ingresos": FRevenue,
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
}

// normalise folds a header to lower-case letters and digits only, with
// accents removed: "Account Name " -> "accountname", "Währung" -> "wahrung".
func normalise(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch r {
		case 'ä', 'à', 'á', 'â':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ö', 'ó', 'ô':
			r = 'o'
		case 'ü', 'ú', 'ù':
			r = 'u'
		case 'í', 'ï':
			r = 'i'
		case 'ç':
			r = 'c'
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

// fieldOf returns what a header means, or "".
func fieldOf(h string) Field { return synonyms[normalise(h)] }

// findHeader returns the row among the first 20 whose cells most look like
// headers, and the field of each of its columns.
func findHeader(rows [][]string) (int, []Field) {
	best, bestN := -1, 1
	for i := 0; i < len(rows) && i < 20; i++ {
		n := 0
		for _, c := range rows[i] {
			if fieldOf(c) != "" {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return -1, nil
	}
	fields := make([]Field, len(rows[best]))
	seen := map[Field]bool{}
	for j, c := range rows[best] {
		f := fieldOf(c)
		if seen[f] { // a duplicate header keeps its first column
			f = ""
		}
		seen[f] = true
		fields[j] = f
	}
	return best, fields
}

// guessKind says what a sheet holds from the fields its headers name.
func guessKind(fields []Field) Kind {
	has := map[Field]bool{}
	for _, f := range fields {
		has[f] = true
	}
	switch {
	case has[FStage] || (has[FAmount] && has[FCloseDate]):
		return KindOpportunities
	case has[FAction] || (has[FStatus] && has[FDue]):
		return KindActions
	case has[FAgent] && !has[FAccount]:
		return KindTeam
	case has[FReportsTo] || has[FManagerID] || has[FAttitude] || has[FInfluence] || (has[FName] && has[FTitle]):
		return KindStakeholders
	case has[FAccount] && (has[FRevenue] || has[FIndustry] || has[FRegion]):
		return KindAccounts
	}
	return KindUnknown
}
