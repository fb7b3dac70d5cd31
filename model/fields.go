package model

import (
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"
)

// bookkeeping fields change with every save and say nothing a person edited.
var bookkeeping = map[string]bool{"ID": true, "Updated": true}

// ChangedFields names the fields in which two versions of one record differ
// (Go field names, in the record's order), leaving out its ID and when it
// was last updated. Either may be nil: then every field counts.
func ChangedFields(a, b Entity) []string {
	va, vb := recordValue(a), recordValue(b)
	var t reflect.Type
	switch {
	case va.IsValid() && vb.IsValid():
		if va.Type() != vb.Type() {
			return nil
		}
		t = va.Type()
	case va.IsValid():
		t = va.Type()
	case vb.IsValid():
		t = vb.Type()
	default:
		return nil
	}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || bookkeeping[f.Name] {
			continue
		}
		if va.IsValid() && vb.IsValid() && sameValue(va.Field(i), vb.Field(i)) {
			continue
		}
		names = append(names, f.Name)
	}
	return names
}

// WithFields returns a copy of base in which the named fields hold edited's
// values: one person's edits laid over another's version of the record.
func WithFields(base, edited Entity, names []string) Entity {
	out := Clone(base)
	dst, src := recordValue(out), recordValue(edited)
	if !dst.IsValid() || !src.IsValid() || dst.Type() != src.Type() {
		return out
	}
	for _, n := range names {
		if f := dst.FieldByName(n); f.IsValid() && f.CanSet() {
			f.Set(src.FieldByName(n))
		}
	}
	return out
}

// FieldLabel turns a field name into words for a message: "PrevRevenue"
// becomes "prev revenue", "NotesInternal" "notes internal".
func FieldLabel(name string) string {
	if l, ok := fieldLabels[name]; ok {
		return l
	}
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// fieldLabels say what a field is called on screen where its Go name does not.
var fieldLabels = map[string]string{
	"PrevRevenue":      "previous revenue",
	"MarginPct":        "margin",
	"PriorityOverride": "priority",
	"Placed":           "position on the quadrant",
	"PlaceX":           "position on the quadrant",
	"PlaceY":           "position on the quadrant",
	"NotesInternal":    "whether the notes are internal",
	"Answers":          "assessment answers",
	"ReportsTo":        "reports to",
	"DottedLine":       "dotted line",
	"AccountID":        "account",
}

// FieldLabels turns field names into a list of distinct words for a
// message, in order: "revenue, owner and notes".
func FieldLabels(names []string) string {
	var labels []string
	seen := map[string]bool{}
	for _, n := range names {
		if l := FieldLabel(n); !seen[l] {
			seen[l] = true
			labels = append(labels, l)
		}
	}
	switch len(labels) {
	case 0:
		return ""
	case 1:
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], ", ") + " and " + labels[len(labels)-1]
}

func recordValue(e Entity) reflect.Value {
	if e == nil {
		return reflect.Value{}
	}
	v := reflect.ValueOf(e)
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return v
}

// FieldText shows one field's value for a message: money as written on
// screen, dates as dates, yes or no, long text cut short.
func FieldText(e Entity, name string) string {
	v := recordValue(e)
	if !v.IsValid() {
		return ""
	}
	f := v.FieldByName(name)
	if !f.IsValid() {
		return ""
	}
	var s string
	switch x := f.Interface().(type) {
	case time.Time:
		if x.IsZero() {
			return "none"
		}
		s = x.Format("2006-01-02")
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case fmt.Stringer:
		s = x.String()
	default:
		s = fmt.Sprint(x)
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "empty"
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return "“" + s + "”"
}
