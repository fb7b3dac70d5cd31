package sheet

import (
	"fmt"
	"strings"

	"orchard/model"
)

// Responsibility matrices (RACI, RASCI, RACI-VS): a task per row, a role
// per column, each cell a code saying the role's part in the task. Project
// and account templates lay them out under a header of role names, often
// with the roles' groups merged above, and with section rows (a phase's
// name alone) between the tasks. Read as actions: each task becomes an
// action whose owner is the role responsible for it, with every role's
// part in its notes; the roles join the team.

// FRACI is a role's column in a responsibility matrix: its header names the
// role, its cells say R, A, C or I (or several, "R/A").
const FRACI Field = "role's responsibility (R, A, C, I)"

// raciLetters are the codes of the common responsibility schemes.
var raciLetters = map[string]string{"r": "Responsible", "a": "Accountable", "c": "Consulted", "i": "Informed",
	"s": "Supports", "v": "Verifies", "d": "Decides", "p": "Performs"}

// raciCode says whether a cell holds a responsibility code: one or more of
// the letters, alone or joined by "/", ",", "+" or spaces.
func raciCode(v string) bool {
	parts := codeParts(v)
	if len(parts) == 0 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		if _, ok := raciLetters[p]; !ok {
			return false
		}
	}
	return true
}

// codeParts splits a cell of codes: "R/A" -> r, a.
func codeParts(v string) []string {
	return strings.FieldsFunc(strings.ToLower(strings.TrimSpace(v)), func(r rune) bool {
		return r == '/' || r == ',' || r == '+' || r == ' ' || r == '&'
	})
}

// raciMapping recognises a responsibility matrix: rows holding codes in two
// or more columns, under a row naming those columns. It returns the
// sheet's mapping as actions.
func raciMapping(rows [][]string) (SheetMapping, bool) {
	// The first task sits near the top, under its header.
	first := -1
	for i, r := range rows[:min(len(rows), 40)] {
		if codeCells(r) >= 2 {
			first = i
			break
		}
	}
	if first < 1 {
		return SheetMapping{}, false
	}
	codeCols := map[int]int{}
	tasks := 0
	for _, r := range rows[first:] {
		if codeCells(r) > 0 {
			tasks++
		}
		for j, c := range r {
			if raciCode(c) {
				codeCols[j]++
			}
		}
	}
	if tasks < 3 || len(codeCols) < 2 {
		return SheetMapping{}, false
	}
	// The header is the nearest row above the tasks naming two or more of
	// the role columns; group labels above it make a two-row header.
	h := -1
	for i := first - 1; i >= 0 && i >= first-10; i-- {
		if namesRoles(rows[i], codeCols) >= 2 {
			h = i
			break
		}
	}
	if h < 0 {
		return SheetMapping{}, false
	}
	two := h > 0 && namesRoles(rows[h-1], codeCols) >= 2
	width := 0
	for _, r := range rows[h:] {
		width = max(width, len(r))
	}
	cell := func(i, j int) string {
		if i < 0 || j >= len(rows[i]) {
			return ""
		}
		return strings.TrimSpace(rows[i][j])
	}
	m := SheetMapping{HeaderRow: h + 1, TwoRows: two, Kind: KindActions, Headers: make([]string, width), Fields: make([]Field, width)}
	roleStart := width
	for j := range width {
		if codeCols[j] > 0 {
			roleStart = min(roleStart, j)
		}
	}
	// The task column: of the columns before the roles, the one filled in
	// most task rows.
	task, most := -1, 0
	for j := 0; j < roleStart; j++ {
		n := 0
		for _, r := range rows[first:] {
			if j < len(r) && codeCells(r) > 0 && strings.TrimSpace(r[j]) != "" {
				n++
			}
		}
		if n > most {
			task, most = j, n
		}
	}
	if task < 0 {
		return SheetMapping{}, false
	}
	for j := range width {
		group, name := "", cell(h, j)
		if two {
			group = cell(h-1, j)
		}
		if name == "" {
			// A header left empty may be written on a row between the
			// header and the first task, beside the first section's name.
			for i := h + 1; i < first; i++ {
				if c := cell(i, j); c != "" && j > 0 {
					name = c
				}
			}
		}
		switch {
		case codeCols[j] > 0:
			m.Fields[j] = FRACI
			if name == "" {
				name = group
			}
			if group != "" && group != name {
				name = group + "\n" + name // the role's group above it, as the wizard shows two-row headers
			}
		case j == task:
			m.Fields[j] = FAction
		case name != "":
			m.Fields[j] = FToNotes
		}
		if name == "" && j == task {
			name = "Task"
		}
		m.Headers[j] = name
	}
	return m, true
}

func codeCells(r []string) int {
	n := 0
	for _, c := range r {
		if raciCode(c) {
			n++
		}
	}
	return n
}

// namesRoles counts the cells of a row, over columns holding codes, that
// are text and not codes themselves.
func namesRoles(r []string, codeCols map[int]int) int {
	n := 0
	for j, c := range r {
		if c = strings.TrimSpace(c); c != "" && codeCols[j] > 0 && !raciCode(c) {
			n++
		}
	}
	return n
}

// roleName is a role column's name without its group: the lower line of
// a two-row header.
func roleName(header string) (name, group string) {
	if g, n, ok := strings.Cut(header, "\n"); ok {
		return strings.TrimSpace(n), strings.TrimSpace(g)
	}
	return strings.TrimSpace(header), ""
}

// raciRoles adds the roles of a matrix to the team, once, so that tasks
// can be owned by them; it returns the member of each role column.
func (im *importer) raciRoles(sheet string, headers []string, fields []Field) map[int]*model.TeamMember {
	out := map[int]*model.TeamMember{}
	var added []string
	for j, f := range fields {
		if f != FRACI || j >= len(headers) {
			continue
		}
		name, group := roleName(headers[j])
		if name == "" {
			continue
		}
		if m := im.members[key(name)]; m != nil {
			out[j] = m
			continue
		}
		m := &model.TeamMember{ID: model.NewID(), Name: name, Function: roleFunction(name + " " + group), Title: group}
		im.members[key(name)] = m
		im.put(nil, m)
		out[j] = m
		added = append(added, name)
	}
	if len(added) > 0 {
		im.res.Notes = append(im.res.Notes, fmt.Sprintf("Sheet %s is a responsibility matrix: its %d roles (%s) are added to the team, so that each task is owned by the role responsible for it. Rename them to the people who hold them, or delete the customer's.",
			sheet, len(added), strings.Join(added[:min(len(added), 4)], ", ")+map[bool]string{true: ", …", false: ""}[len(added) > 4]))
	}
	return out
}

// roleFunction guesses a role's function from its words.
func roleFunction(s string) model.Function {
	w := strings.ToLower(s)
	has := func(words ...string) bool {
		for _, x := range words {
			if strings.Contains(w, x) {
				return true
			}
		}
		return false
	}
	switch {
	case has("ceo", "director", "executive", "chief", "vp", "president", "sponsor", "leadership"):
		return model.FunctionExecutive
	case has("marketing", "brand", "communication"):
		return model.FunctionMarketing
	case has("sales", "account", "business develop"):
		return model.FunctionSales
	case has("develop", "engineer", "technical", "devops", "qa", "test", "architect", "product", "design", "ux", "it/"):
		return model.FunctionProduct
	}
	return model.FunctionService
}

// raciParts gives a task row's owner (the first role responsible, else
// accountable) and a note line per part: "Responsible: Business Analyst".
func raciParts(r []string, fields []Field, headers []string, members map[int]*model.TeamMember) (*model.TeamMember, string) {
	byPart := map[string][]string{}
	var owner, accountable *model.TeamMember
	for j, f := range fields {
		if f != FRACI || j >= len(r) || !raciCode(r[j]) {
			continue
		}
		name, _ := roleName(headers[j])
		for _, p := range codeParts(r[j]) {
			part := raciLetters[p]
			byPart[part] = append(byPart[part], name)
			if p == "r" && owner == nil {
				owner = members[j]
			}
			if p == "a" && accountable == nil {
				accountable = members[j]
			}
		}
	}
	if owner == nil {
		owner = accountable
	}
	var lines []string
	for _, p := range []string{"r", "a", "s", "c", "i", "v", "d", "p"} {
		if names := byPart[raciLetters[p]]; len(names) > 0 {
			lines = append(lines, raciLetters[p]+": "+strings.Join(names, ", "))
		}
	}
	return owner, strings.Join(lines, "\n")
}
