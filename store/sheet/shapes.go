package sheet

import (
	"strings"
	"unicode"
)

// columnShape says what a column's values look like, as shares of its
// filled cells among the first rows: evidence of what the column, and so
// the sheet, holds.
type columnShape struct {
	filled      int
	personNames float64 // "Maria Chen", "Chen, Maria", "Dr. Ana de la Cruz"
	emails      float64
	ids         float64 // one token with digits and no spaces: 0015g00000AbCdE, 1042, ALFKI-7
	unique      float64 // distinct values over filled cells
	periods     float64 // a year, quarter, month or first of a month
	amounts     float64 // numbers, plain or formatted
	figureKind  float64 // words saying target or actual: Plan, Ist, Budget, Actual
}

const shapeRows = 200

// columnShapes measures each of n columns over the first rows of data.
func columnShapes(data [][]string, n int) []columnShape {
	out := make([]columnShape, n)
	for j := range out {
		var names, emails, ids, periods, amounts, kinds int
		seen := map[string]bool{}
		filled := 0
		for i := 0; i < len(data) && i < shapeRows; i++ {
			if j >= len(data[i]) {
				continue
			}
			v := strings.TrimSpace(data[i][j])
			if isEmpty(v) {
				continue
			}
			filled++
			seen[v] = true
			switch {
			case looksLikePeriodValue(v):
				periods++
			case looksLikeAmount(v):
				amounts++
			}
			if _, ok := parseFigureKind(v); ok {
				kinds++
			}
			switch {
			case looksLikeEmail(v):
				emails++
			case looksLikePersonName(v):
				names++
			case looksLikeID(v):
				ids++
			}
		}
		if filled == 0 {
			continue
		}
		f := float64(filled)
		out[j] = columnShape{filled: filled, personNames: float64(names) / f, emails: float64(emails) / f,
			ids: float64(ids) / f, unique: float64(len(seen)) / f, periods: float64(periods) / f, amounts: float64(amounts) / f,
			figureKind: float64(kinds) / f}
	}
	return out
}

func looksLikeEmail(v string) bool {
	at := strings.IndexByte(v, '@')
	return at > 0 && strings.Contains(v[at:], ".") && !strings.ContainsAny(v, " ,;")
}

// looksLikePersonName accepts two to five words of letters that begin with
// a capital (particles such as "de", "van", "von" may be lower case), or
// "Last, First".
func looksLikePersonName(v string) bool {
	if len(v) > 60 {
		return false
	}
	if last, first, ok := strings.Cut(v, ","); ok {
		return looksLikePersonName(strings.TrimSpace(first) + " " + strings.TrimSpace(last))
	}
	words := strings.Fields(v)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	capitals := 0
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' && r != '’' {
				return false
			}
		}
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			capitals++
		}
	}
	return capitals >= 2 && !companySuffix(words[len(words)-1])
}

// companySuffix recognises the legal forms that end company names.
func companySuffix(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,")) {
	case "inc", "ltd", "llc", "gmbh", "ag", "sa", "srl", "spa", "bv", "nv", "plc", "corp", "co", "kg", "oy", "ab", "as",
		"limited", "corporation", "company", "group", "holding", "holdings", "sarl", "sas", "lda", "ltda", "sp", "zoo", "kft":
		return true
	}
	return false
}

// looksLikeID accepts one token with at least one digit, or a GUID.
func looksLikeID(v string) bool {
	if strings.ContainsAny(v, " \t") || len(v) > 64 {
		return false
	}
	digits := false
	for _, r := range v {
		if unicode.IsDigit(r) {
			digits = true
		} else if !unicode.IsLetter(r) && r != '-' && r != '_' && r != '.' && r != '{' && r != '}' {
			return false
		}
	}
	return digits
}
