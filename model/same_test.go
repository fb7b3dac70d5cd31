package model

import (
	"testing"
	"time"
)

func TestSame(t *testing.T) {
	a := &Account{ID: "a", Name: "Acme", PlaceX: 42.02550453614933, Answers: Answers{1, 2}, Updated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	b := Clone(a).(*Account)
	b.PlaceX = 42.0255045361493 // what a spreadsheet keeps
	b.Updated = a.Updated.In(time.FixedZone("CET", 3600))
	if !Same(a, b) {
		t.Error("a record that differs only past the 15th digit and in time zone should be the same")
	}
	b.PlaceX = 42.0256
	if Same(a, b) {
		t.Error("a moved account should differ")
	}
	c := Clone(a).(*Account)
	c.Answers[1] = 3
	if Same(a, c) {
		t.Error("a changed answer should differ")
	}
	x := &Action{ID: "x", Stakeholders: []string{"s1"}}
	y := &Action{ID: "x", Stakeholders: []string{"s1", "s2"}}
	if Same(x, y) {
		t.Error("an action with another person linked should differ")
	}
}
