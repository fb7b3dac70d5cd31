package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"orchard/model"
)

// TableRows is one table of a workspace as plain values: the form in which
// a whole workspace travels through a workbook and back.
type TableRows struct {
	Name     string
	Columns  []string
	Nullable []bool   // per column: an empty cell is stored as NULL
	Types    []string // per column: INTEGER, REAL or TEXT
	Rows     [][]any  // int64, float64, string or nil per cell
}

// RowProblem is a row Fill left out, and why.
type RowProblem struct {
	Table   string
	Row     int    // index into that table's Rows
	Column  string // the column at fault, when one is
	Found   string
	Why     string
	Cleared bool // the row was kept with the reference emptied
}

// Scratch creates an empty workspace in a temporary folder, for moving
// records between the workspace schema and a workbook. Discard removes it.
func Scratch() (*Store, error) {
	root, err := TempDir()
	if err != nil {
		return nil, fmt.Errorf("cannot make a scratch workspace: %w", err)
	}
	dir, err := os.MkdirTemp(root, "scratch-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a scratch workspace: %w", err)
	}
	s, err := Create(filepath.Join(dir, "scratch.orchard"), nil)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

// Discard closes a scratch workspace and deletes its folder.
func (s *Store) Discard() {
	s.Close()
	os.RemoveAll(filepath.Dir(s.path))
}

// tableNames lists the workspace's own tables in the order they were made,
// which is also an order in which parents come before the rows naming them.
func (s *Store) tableNames() ([]string, error) {
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'workspace_file') ORDER BY rowid`)
	if err != nil {
		return nil, fmt.Errorf("listing tables of %s: %w", s.path, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Dump reads every table of the workspace, with its columns.
func (s *Store) Dump() ([]TableRows, error) {
	names, err := s.tableNames()
	if err != nil {
		return nil, err
	}
	var out []TableRows
	for _, name := range names {
		t := TableRows{Name: name}
		info, err := s.db.Query("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", name)
		if err != nil {
			return nil, fmt.Errorf("reading the columns of %s: %w", name, err)
		}
		for info.Next() {
			var c, typ string
			var notNull bool
			if err := info.Scan(&c, &typ, &notNull); err != nil {
				info.Close()
				return nil, err
			}
			t.Columns = append(t.Columns, c)
			t.Nullable = append(t.Nullable, !notNull)
			t.Types = append(t.Types, strings.ToUpper(typ))
		}
		info.Close()
		rows, err := s.db.Query(fmt.Sprintf("SELECT %s FROM %s ORDER BY rowid", strings.Join(t.Columns, ", "), name))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		for rows.Next() {
			vals := make([]any, len(t.Columns))
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("reading %s: %w", name, err)
			}
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					vals[i] = string(b)
				}
			}
			t.Rows = append(t.Rows, vals)
		}
		rows.Close()
		out = append(out, t)
	}
	return out, nil
}

// Fill inserts rows into an empty workspace in one transaction. A row the
// schema refuses is left out and reported rather than failing the rest.
func (s *Store) Fill(tables []TableRows, known *model.Portfolio) ([]RowProblem, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, fmt.Errorf("filling %s: %w", s.path, err)
	}
	defer tx.Rollback()
	var problems []RowProblem
	byRowID := map[string]map[int64]int{}
	for _, t := range tables {
		ph := strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns)), ", ")
		stmt, err := tx.Prepare(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", t.Name, strings.Join(t.Columns, ", "), ph))
		if err != nil {
			return nil, fmt.Errorf("filling %s: %w", t.Name, err)
		}
		byRowID[t.Name] = map[int64]int{}
		for i, r := range t.Rows {
			res, err := stmt.Exec(r...)
			if err != nil {
				problems = append(problems, RowProblem{Table: t.Name, Row: i, Why: plainSQLError(err)})
				continue
			}
			if id, err := res.LastInsertId(); err == nil {
				byRowID[t.Name][id] = i
			}
		}
		stmt.Close()
	}
	// A reference to a row that is not in the tables is looked up with
	// known (the open workspace); found, that row is copied in. Otherwise an
	// optional reference is cleared and a row that must have it is left
	// out; leaving a row out can strand others, so look again until clean.
	for round := 0; round < 50; round++ {
		found, err := foreignKeyProblems(tx)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			break
		}
		for _, f := range found {
			row := byRowID[f.table][f.rowid]
			var target sql.NullString
			if err := tx.QueryRow(fmt.Sprintf("SELECT %s FROM %s WHERE rowid = ?", f.column, f.table), f.rowid).Scan(&target); err != nil {
				return nil, fmt.Errorf("filling %s: %w", f.table, err)
			}
			if e := lookup(known, f.parent, target.String); e != nil {
				if err := putRecord(tx, e); err != nil {
					return nil, err
				}
				continue
			}
			if f.nullable {
				if _, err := tx.Exec(fmt.Sprintf("UPDATE %s SET %s = NULL WHERE rowid = ?", f.table, f.column), f.rowid); err != nil {
					return nil, fmt.Errorf("filling %s: %w", f.table, err)
				}
				problems = append(problems, RowProblem{Table: f.table, Row: row, Column: f.column, Found: target.String, Cleared: true,
					Why: "it names a row of " + f.parent + " that is in neither the file nor the workspace; the reference was left empty"})
				continue
			}
			// A row the workspace already has keeps its stored version.
			var id string
			if tx.QueryRow("SELECT id FROM "+f.table+" WHERE rowid = ?", f.rowid).Scan(&id) == nil {
				if e := lookup(known, f.table, id); e != nil {
					if err := putRecord(tx, e); err != nil {
						return nil, err
					}
					problems = append(problems, RowProblem{Table: f.table, Row: row, Column: f.column, Found: target.String,
						Why: "it names a row of " + f.parent + " that is in neither the file nor the workspace; the row keeps its stored values"})
					continue
				}
			}
			if _, err := tx.Exec("DELETE FROM "+f.table+" WHERE rowid = ?", f.rowid); err != nil {
				return nil, fmt.Errorf("filling %s: %w", f.table, err)
			}
			problems = append(problems, RowProblem{Table: f.table, Row: row, Column: f.column, Found: target.String,
				Why: "it names a row of " + f.parent + " that is in neither the file nor the workspace; the row was left out"})
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("filling %s: %w", s.path, err)
	}
	return problems, nil
}

type fkProblem struct {
	table, parent, column string
	nullable              bool
	rowid                 int64
}

// lookup finds the record a table's row ID names in the portfolio.
func lookup(p *model.Portfolio, table, id string) model.Entity {
	if p == nil || id == "" {
		return nil
	}
	for k, t := range tables {
		if t.name == table {
			return p.Get(k, id)
		}
	}
	return nil
}

func foreignKeyProblems(tx *sql.Tx) ([]fkProblem, error) {
	rows, err := tx.Query("PRAGMA foreign_key_check")
	if err != nil {
		return nil, fmt.Errorf("checking references: %w", err)
	}
	type raw struct {
		f    fkProblem
		fkid int
	}
	var found []raw
	for rows.Next() {
		var r raw
		var rowid sql.NullInt64
		if err := rows.Scan(&r.f.table, &rowid, &r.f.parent, &r.fkid); err != nil {
			rows.Close()
			return nil, err
		}
		r.f.rowid = rowid.Int64
		found = append(found, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	seen := map[fkProblem]bool{}
	var out []fkProblem
	for _, r := range found {
		f := r.f
		if err := tx.QueryRow(`SELECT k."from", i."notnull" = 0 FROM pragma_foreign_key_list(?) k
			JOIN pragma_table_info(?) i ON i.name = k."from" WHERE k.id = ?`, f.table, f.table, r.fkid).Scan(&f.column, &f.nullable); err != nil {
			return nil, fmt.Errorf("checking references of %s: %w", f.table, err)
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out, nil
}

// plainSQLError turns a constraint failure into words about the row.
func plainSQLError(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE"), strings.Contains(msg, "PRIMARY KEY"):
		return "its ID is used by another row"
	case strings.Contains(msg, "NOT NULL"):
		return "a required value is empty"
	}
	return msg
}
