package store

import (
	"context"
	"fmt"
	"strings"

	"orchard/model"
)

// RecordRef names one record; the settings are (SettingsKind, "settings").
type RecordRef struct {
	Kind model.Kind
	ID   string
}

// filter narrows a read to some records' IDs; the zero filter reads all.
type filter struct {
	ids  []string
	args []any
}

func only(ids []string) filter {
	f := filter{ids: ids}
	for _, id := range ids {
		f.args = append(f.args, id)
	}
	return f
}

// where is the filter's WHERE clause on column, or "" for all rows. A
// filter without IDs that is not the zero filter matches nothing.
func (f filter) where(column string) string {
	if f.ids == nil {
		return ""
	}
	if len(f.ids) == 0 {
		return " WHERE 1 = 0"
	}
	return " WHERE " + column + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(f.ids)), ", ") + ")"
}

// Records reads some records, as they now are, and the change count they
// reflect, in one read transaction: what a window needs to show what
// another person just saved without reading the whole workspace. A record
// that is not in the result was deleted, or is no longer one the reader
// may see.
func (s *Store) Records(refs []RecordRef) (*model.Portfolio, bool, int64, error) {
	tx, err := s.db.BeginTx(context.Background(), s.readTx())
	if err != nil {
		return nil, false, 0, fmt.Errorf("reading %s: %w", s.path, s.serverError(busyError(err)))
	}
	defer tx.Rollback()
	seq, err := changeSeq(tx)
	if err != nil {
		return nil, false, 0, fmt.Errorf("reading %s: %w", s.path, s.serverError(busyError(err)))
	}
	p := model.NewPortfolio()
	byKind := map[model.Kind][]string{}
	settings := false
	for _, r := range refs {
		if r.Kind == SettingsKind {
			settings = true
			continue
		}
		if _, ok := tables[r.Kind]; ok {
			byKind[r.Kind] = append(byKind[r.Kind], r.ID)
		}
	}
	if settings {
		if err := loadSettings(tx, &p.Settings); err != nil {
			return nil, false, 0, err
		}
	}
	var all []string
	for _, k := range model.Kinds {
		for start := 0; start < len(byKind[k]); start += 500 {
			ids := byKind[k][start:min(start+500, len(byKind[k]))]
			if err := loadKind(tx, p, k, only(ids)); err != nil {
				return nil, false, 0, err
			}
			all = append(all, ids...)
		}
	}
	for start := 0; start < len(all); start += 500 {
		f := only(all[start:min(start+500, len(all))])
		if err := loadScores(tx, p, f); err != nil {
			return nil, false, 0, err
		}
		if err := loadActionStakeholders(tx, p, f); err != nil {
			return nil, false, 0, err
		}
		if err := loadPrivateNotes(tx, p, f); err != nil {
			return nil, false, 0, err
		}
	}
	return p, settings, seq, nil
}
