package sheet

import "strings"

// A sheet laid out as a form — one label and its value per row ("Account
// name | Acme Corp", "Industry | Manufacturing"), as account-plan
// templates often are — describes one record. It is read as a list of one
// row: the labels become the headers, the values the row.

// formTable turns a form-shaped sheet into a header row and one row of
// values; ok is false unless the sheet is clearly a form: at least three
// labels Orchard knows, most labelled rows known, and no row wider than a
// label, a value and a remark.
func formTable(t Table) (Table, bool) {
	var labels, values []string
	known, labelled := 0, 0
	seen := map[string]bool{}
	for _, r := range t.Rows {
		filled := 0
		label, value := "", ""
		for j, c := range r {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			filled++
			switch {
			case label == "" && j <= 1:
				label = strings.TrimSpace(strings.TrimSuffix(c, ":"))
			case label != "" && value == "":
				value = c
			}
		}
		if filled > 3 {
			return t, false // a row of a list, not of a form
		}
		if label == "" || value == "" {
			continue // a title or a heading of the form
		}
		labelled++
		key := normalise(label)
		if seen[key] {
			return t, false // a label twice: a list of pairs, not one record
		}
		seen[key] = true
		if fieldOf(label) != "" {
			known++
		}
		labels, values = append(labels, label), append(values, value)
	}
	if known < 3 || known*10 < labelled*6 {
		return t, false
	}
	return Table{Name: t.Name, Rows: [][]string{labels, values}, File: t.File, Sep: t.Sep, Form: true}, true
}
