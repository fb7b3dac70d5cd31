package model

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the ways people type a date, ISO first. Day-first forms
// are accepted because most of our users write dates that way; a
// month-first date such as 11/23/2026 is refused rather than guessed.
var dateLayouts = []string{"2006-01-02", "2.1.2006", "02.01.2006", "2/1/2006", "02/01/2006", "2 Jan 2006", "2 January 2006", "Jan 2, 2006"}

// ParseDate reads a date a person typed; "" is no date.
func ParseDate(s string) (time.Time, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return time.Time{}, nil
	}
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, t); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (expected e.g. 2026-11-23 or 23.11.2026)", s)
}
