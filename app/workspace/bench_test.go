package workspace_test

import (
	"path/filepath"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/assets/sample"
)

// BenchmarkMoveAccount measures one command end to end: validate, one
// transaction, undo record, notification — what a quadrant drop costs.
func BenchmarkMoveAccount(b *testing.B) {
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	ws, err := workspace.Create(filepath.Join(b.TempDir(), "b.orchard"), settings, records)
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	id := ws.Portfolio().Accounts()[0].ID
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if err := ws.MoveAccount(id, float64(i%100), 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUndoRedo measures undoing and redoing one command.
func BenchmarkUndoRedo(b *testing.B) {
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	ws, err := workspace.Create(filepath.Join(b.TempDir(), "b.orchard"), settings, records)
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	if err := ws.MoveAccount(ws.Portfolio().Accounts()[0].ID, 10, 10); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ws.Undo(); err != nil {
			b.Fatal(err)
		}
		if _, err := ws.Redo(); err != nil {
			b.Fatal(err)
		}
	}
}
