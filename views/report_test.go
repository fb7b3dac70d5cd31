package views

import (
	"errors"
	"testing"
)

func TestReportToSendsErrorsToTheShellAndIgnoresNil(t *testing.T) {
	var got []error
	report := func(err error) { got = append(got, err) }
	reportTo(report, nil, nil)
	if len(got) != 0 {
		t.Fatalf("a nil error was reported: %v", got)
	}
	want := errors.New("owner is required")
	reportTo(report, nil, want)
	if len(got) != 1 || got[0] != want {
		t.Fatalf("reported %v, want exactly %v", got, want)
	}
}
