package model

import (
	"errors"
	"fmt"
	"strings"
)

// FieldError says which field of which record broke which rule, in words a
// user can act on.
type FieldError struct {
	Record string // "account", "stakeholder", ...
	Field  string // "name", "revenue", ...
	Rule   string // "is required", "must be between 1 and 5", ...
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%s %s %s", e.Record, e.Field, e.Rule)
}

// ValidationError gathers every field error of one record so a form can mark
// all of them at once.
type ValidationError struct {
	Fields []*FieldError
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		msgs[i] = f.Error()
	}
	return strings.Join(msgs, "; ")
}

// FieldErrors returns the field errors inside err, if it is a validation error.
func FieldErrors(err error) []*FieldError {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return []*FieldError{fe}
	}
	return nil
}

// checker accumulates field errors for one record.
type checker struct {
	record string
	errs   []*FieldError
}

func (c *checker) fail(field, rule string, args ...any) {
	c.errs = append(c.errs, &FieldError{Record: c.record, Field: field, Rule: fmt.Sprintf(rule, args...)})
}

func (c *checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.fail(field, "is required")
	}
}

func (c *checker) maxLen(field, value string, n int) {
	if len([]rune(value)) > n {
		c.fail(field, "must be at most %d characters (found %d)", n, len([]rune(value)))
	}
}

func (c *checker) between(field string, v, lo, hi int) {
	if v < lo || v > hi {
		c.fail(field, "must be between %d and %d (found %d)", lo, hi, v)
	}
}

func (c *checker) notNegative(field string, m Money) {
	if m < 0 {
		c.fail(field, "must not be negative (found %s)", m.String())
	}
}

func (c *checker) oneOf(field, value string, allowed []string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	c.fail(field, "must be one of %s (found %q)", strings.Join(allowed, ", "), value)
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{Fields: c.errs}
}
