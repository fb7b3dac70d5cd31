package store

import (
	"database/sql"
	"time"
)

// querier is what both *sql.DB and *sql.Tx offer; private helpers take one
// so public methods decide where the transaction begins.
type querier interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

const dateLayout = "2006-01-02"

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func parseDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func stampText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseStamp(s string) time.Time {
	if s == "" {
		return time.Time{} // never stamped; time.Parse would build an error to say so
	}
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// nullID stores an empty reference as NULL so foreign keys accept it.
func nullID(id string) any {
	if id == "" {
		return nil
	}
	return id
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// preparedTx is a transaction that prepares each statement once, so a
// batch of thousands of records does not parse the same SQL each time.
type preparedTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

func newPreparedTx(tx *sql.Tx) *preparedTx { return &preparedTx{Tx: tx, stmts: map[string]*sql.Stmt{}} }

func (p *preparedTx) Exec(query string, args ...any) (sql.Result, error) {
	st, ok := p.stmts[query]
	if !ok {
		var err error
		if st, err = p.Tx.Prepare(query); err != nil {
			return nil, err
		}
		p.stmts[query] = st
	}
	return st.Exec(args...)
}

// close releases the prepared statements.
func (p *preparedTx) close() {
	for _, st := range p.stmts {
		st.Close()
	}
}
