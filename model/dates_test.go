package model_test

import (
	"testing"
	"time"

	"orchard/model"
)

func TestParseDate(t *testing.T) {
	want := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2026-11-23", "23.11.2026", "23/11/2026", "23 Nov 2026", " 23 November 2026 ", "Nov 23, 2026"} {
		got, err := model.ParseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"tomorrow", "2026-13-01", "11/23/2026", "31.02.2026"} {
		if _, err := model.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	if d, err := model.ParseDate(""); err != nil || !d.IsZero() {
		t.Error("an empty date should be no date")
	}
}
