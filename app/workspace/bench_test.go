package workspace_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/assets/sample"
	"orchard/model"
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

// BenchmarkImport25000 measures saving an import of 25,000 people as one
// undoable step: checks, one transaction, portfolio update.
func BenchmarkImport25000(b *testing.B) {
	settings, records := sample.Build(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		ws, err := workspace.Create(filepath.Join(b.TempDir(), "b.orchard"), settings, records)
		if err != nil {
			b.Fatal(err)
		}
		acc := ws.Portfolio().Accounts()[0].ID
		people := make([]model.Entity, 25000)
		for i := range people {
			people[i] = &model.Stakeholder{ID: model.NewID(), AccountID: acc, Name: fmt.Sprintf("Person %05d", i), Title: "Analyst"}
		}
		b.StartTimer()
		if err := ws.Import("Import people.csv", people, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		ws.Close()
		b.StartTimer()
	}
}
