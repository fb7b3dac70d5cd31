package sheet

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"orchard/model"
)

// The importer's state while a plan is worked out, and the bookkeeping of
// the records it makes: one version per record, counted once.

type importer struct {
	p        *model.Portfolio
	o        Options
	res      *Result
	accounts map[string]*model.Account     // by folded name, including new ones
	members  map[string]*model.TeamMember  // by folded name
	people   map[string]*model.Stakeholder // by account + folded name, new or edited in this import
	written  map[string]model.Entity       // kind/id -> latest version in this import
	list     []model.Entity
	pos      map[string]int          // kind/id -> index in list
	existing map[string]model.Entity // kind/account/folded name -> a record already in the workspace
	// preview rows in order; each record is looked up at the end, when
	// every later change to it (a manager link) is known.
	previewOrder []*PreviewRow
	rowPuts      []rowPut                       // what the row being read saved, in order
	figs         map[string]*model.PeriodFigure // by account/period/kind
	decimalComma bool                           // the sheet's amounts use a decimal comma
	rowPeriods   []periodCell                   // the row's cells under period headers
	keys         *sourceKeys                    // records by their ID in the system they came from
	path         string                         // the sheet's file, for naming the account of rows that name none
	source       string                         // the system the sheet's keys come from
	// described are the accounts the workbook's sheets of accounts gave
	// (ID -> sheet): when there is one, rows that name none are about it.
	described      map[string]string
	describedNoted bool
	// lineAccount is set while reading a plan whose rows are lines of one
	// account's plan (products, services): their figures add up.
	lineAccount *model.Account
	lineFigures map[string]bool // figures this sheet's lines have begun
	// periodDatesNoted are the sheet columns whose dates were periods,
	// noted once.
	periodDatesNoted map[string]bool
	wb               *Workbook
	madeAccounts     int               // accounts made because rows named them
	keyedAccounts    int               // accounts made because rows named their key
	unnamed          int               // people labelled by team or role, the file giving no name
	firstRow         map[string]rowRef // kind/id -> the row that first wrote it
	rowSheet         string            // the row being read: its sheet and number
	rowNum           int
	totalRows        map[string][]int // per sheet, total rows left out
	personRows       []deferredPerson // person rows of a companies-and-people list, read after the companies
	// noAccountColumn is set while reading a sheet that has no account
	// column: its rows belong to the default account.
	noAccountColumn bool
	scale           map[Field]float64 // per amount field of the sheet, the unit its header gives
	headerCurrency  string            // a currency an amount header of the sheet names
	currencyNoted   map[string]bool   // sheets whose missing currency was noted
	dropped         map[int]bool      // rows of the sheet left out because a split could not be mended
	// unlabelled is what figures are whose header does not say target or
	// actual: targets in a file or sheet named as a plan.
	unlabelled      model.FigureKind
	periodsDayFirst bool              // the sheet's periods written as dates read day first
	privatePeople   []string          // people of no company in a companies-and-people list, made accounts
	rowOwner        *model.TeamMember // the owner of the row being read, when the sheet's layout names one
	rowKeys         map[int]string    // per row of the sheet being read, the key its person was filed under
	rowNotes        string            // the row's "Header: value" lines for its record's notes
	rollups         *rollupSums       // a goals sheet's roll-up goals and what their goals add up to
	rollupChild     string            // the roll-up goal the row being read belongs to
	blankGoals      []int             // rows of a goals sheet with no target
}

func joinInts(v []int, most int) string {
	var parts []string
	for i, n := range v {
		if i == most {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, ", ")
}

// amount reads an amount of the sheet being imported.
func (im *importer) amount(s string) (float64, error) { return parseAmountIn(s, im.decimalComma) }

// existingNamed finds a record already in the workspace by kind, account
// and name, through an index built once per import.
func (im *importer) existingNamed(k model.Kind, accountID, name string) model.Entity {
	if im.existing == nil {
		im.existing = map[string]model.Entity{}
		for _, kind := range []model.Kind{model.KindStakeholder, model.KindOpportunity, model.KindAction} {
			for _, e := range im.p.All(kind) {
				var n string
				switch v := e.(type) {
				case *model.Stakeholder:
					n = v.Name
				case *model.Opportunity:
					n = v.Name
				case *model.Action:
					n = v.Title
				}
				im.existing[string(kind)+"/"+model.AccountOf(e)+"/"+key(n)] = e
			}
		}
	}
	return im.existing[string(k)+"/"+accountID+"/"+key(name)]
}

// key folds a name for matching: lower case, runs of white space as one
// space, none at the ends.
func key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// rowRef is a row of a sheet, named as "sheet S, row N" when a message
// needs it.
type rowRef struct {
	sheet string
	row   int
}

func (r rowRef) String() string { return fmt.Sprintf("sheet %s, row %d", r.sheet, r.row) }

// row is the row being read.
func (im *importer) row() rowRef { return rowRef{im.rowSheet, im.rowNum} }

// rowPut is a record a row saved and what happened to it.
type rowPut struct{ key, outcome string }

// put records a new or edited record once, keeping the latest version.
func (im *importer) put(before, e model.Entity) {
	k := model.PendingKey(e.Kind(), e.EntityID())
	if _, ok := im.written[k]; ok {
		if i, listed := im.pos[k]; listed {
			im.list[i] = e
		}
		im.written[k] = e
		im.rowPuts = append(im.rowPuts, rowPut{k, "merged"})
		if first, ok := im.firstRow[k]; ok && first != im.row() && len(im.rowPuts) == 1 {
			im.res.Merged++
			if len(im.res.Merges) < 200 {
				im.res.Merges = append(im.res.Merges, fmt.Sprintf("%s went into %s of %s (the same key or name)", im.row(), model.Describe(e), first))
			}
			im.res.MergedRows = append(im.res.MergedRows, Problem{Sheet: im.rowSheet, Row: im.rowNum, Column: "(merged)",
				Found: model.Describe(e), Expected: "kept with the record of " + first.String() + " (the same key or name)"})
		}
		return
	}
	im.written[k] = e
	im.firstRow[k] = im.row()
	switch {
	case before == nil:
		im.res.New++
		im.rowPuts = append(im.rowPuts, rowPut{k, "new"})
	case model.Same(before, e):
		im.res.Unchanged++
		im.rowPuts = append(im.rowPuts, rowPut{k, "unchanged"})
		return
	default:
		im.res.Updated++
		im.rowPuts = append(im.rowPuts, rowPut{k, "update"})
	}
	im.pos[k] = len(im.list)
	im.list = append(im.list, e)
}

func (im *importer) problem(sheet string, row int, col, found, expected string) {
	im.res.Problems = append(im.res.Problems, Problem{Sheet: sheet, Row: row, Column: col, Found: found, Expected: expected})
}

// cells gives a row's value per field.
type cells map[Field]string

func entityOrNil[T model.Entity](e T) model.Entity {
	var zero T
	if any(e) == any(zero) {
		return nil
	}
	return e
}

// replace swaps the pending version of a record for a newer one.
func (im *importer) replace(before, e model.Entity) {
	k := model.PendingKey(e.Kind(), e.EntityID())
	if _, ok := im.written[k]; ok {
		if i, listed := im.pos[k]; listed {
			im.list[i] = e
		} else { // it was unchanged until now
			im.res.Unchanged--
			im.res.Updated++
			im.pos[k] = len(im.list)
			im.list = append(im.list, e)
		}
		im.written[k] = e
		return
	}
	im.put(before, e)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// notePeriodDates says, once per sheet and column, that dates given as a
// period were read as its last day.
func (im *importer) notePeriodDates(sheet, column, example string, d time.Time) {
	k := sheet + "\x00" + column
	if im.periodDatesNoted[k] {
		return
	}
	if im.periodDatesNoted == nil {
		im.periodDatesNoted = map[string]bool{}
	}
	im.periodDatesNoted[k] = true
	im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s: column %s gives periods rather than days (%s); each is read as its last day (%s).",
		sheet, column, example, d.Format("2006-01-02")))
}
