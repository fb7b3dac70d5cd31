package app

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"
)

// appendAccountJSON appends the account's summary to b exactly as
// encoding/json writes it on one line with HTML left unescaped (fields in
// their order, map keys sorted), without reflection or a map per field:
// for 50,000 accounts the reflecting encoder and its sorted map keys cost
// more than working the summaries out. TestAccountJSONIsEncodingJSONs holds
// the two to the same bytes.
func appendAccountJSON(b []byte, as *accountSummary) []byte {
	b = append(b, `{"name":`...)
	b = appendJSONString(b, as.Name)
	b = append(b, `,"industry":`...)
	b = appendJSONString(b, as.Industry)
	b = append(b, `,"owner":`...)
	b = appendJSONString(b, as.Owner)
	b = append(b, `,"currency":`...)
	b = appendJSONString(b, as.Currency)
	b = append(b, `,"revenue":`...)
	b = appendJSONFloat(b, as.Revenue)
	b = append(b, `,"previous_revenue":`...)
	b = appendJSONFloat(b, as.PrevRevenue)
	b = append(b, `,"potential":`...)
	b = appendJSONFloat(b, as.Potential)
	b = append(b, `,"objective":`...)
	b = appendJSONString(b, as.Objective)
	b = append(b, `,"relationship_score":`...)
	b = appendJSONFloatPtr(b, as.RelationshipScore)
	b = append(b, `,"value_score":`...)
	b = appendJSONFloatPtr(b, as.ValueScore)
	b = append(b, `,"quadrant":`...)
	if as.Quadrant == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, *as.Quadrant)
	}
	b = append(b, `,"priority":`...)
	if as.Priority == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(*as.Priority), 10)
	}
	b = append(b, `,"priority_overridden":`...)
	b = strconv.AppendBool(b, as.PrioritySetByHand)
	b = append(b, `,"manual_placement":`...)
	b = strconv.AppendBool(b, as.ManualPlacement)
	b = append(b, `,"stakeholders":`...)
	b = strconv.AppendInt(b, int64(as.Stakeholders), 10)
	b = append(b, `,"actions":`...)
	b = strconv.AppendInt(b, int64(as.Actions), 10)
	b = append(b, `,"actions_by_status":`...)
	b = appendJSONMap(b, as.ActionsByStatus, func(b []byte, v int) []byte { return strconv.AppendInt(b, int64(v), 10) })
	b = append(b, `,"overdue_actions":`...)
	b = strconv.AppendInt(b, int64(as.OverdueActions), 10)
	b = append(b, `,"goals":`...)
	b = strconv.AppendInt(b, int64(as.Goals), 10)
	b = append(b, `,"initiatives":`...)
	b = strconv.AppendInt(b, int64(as.Initiatives), 10)
	b = append(b, `,"whitespace_open_cells":`...)
	b = strconv.AppendInt(b, int64(as.WhitespaceOpenCells), 10)
	b = append(b, `,"pipeline_total":`...)
	b = appendJSONFloat(b, as.PipelineTotal)
	b = append(b, `,"pipeline_weighted":`...)
	b = appendJSONFloat(b, as.PipelineWeighted)
	b = append(b, `,"health":`...)
	b = appendJSONFloat(b, as.Health)
	b = append(b, `,"health_factors":`...)
	b = appendJSONMap(b, as.HealthFactors, appendJSONFloat)
	b = append(b, `,"at_risk":`...)
	b = strconv.AppendBool(b, as.AtRisk)
	b = append(b, `,"health_assessed":`...)
	b = strconv.AppendBool(b, as.HealthAssessed)
	b = append(b, `,"revenue_vs_target":`...)
	b = appendJSONFloatPtr(b, as.RevenueVsTarget)
	b = append(b, `,"cycle":`...)
	if as.Cycle == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, *as.Cycle)
	}
	return append(b, '}')
}

// appendJSONMap writes a map as encoding/json does: keys sorted, null
// for a nil map.
func appendJSONMap[V any](b []byte, m map[string]V, val func([]byte, V) []byte) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	var keys [16]string
	ks := keys[:0]
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	b = append(b, '{')
	for i, k := range ks {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = val(b, m[k])
	}
	return append(b, '}')
}

func appendJSONFloatPtr(b []byte, f *float64) []byte {
	if f == nil {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, *f)
}

// appendJSONFloat formats f as encoding/json does: the shortest form
// that reads back the same, in exponent form only for very small or very
// large magnitudes, with a one-digit negative exponent kept short.
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		// Not JSON; the summary rounds finite figures only, so this is a
		// bug to see rather than a document to break.
		return append(b, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString writes s quoted. Text that needs no escaping (nearly
// every name) is copied as it is; anything else is left to encoding/json
// so its escaping rules are followed to the byte.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return appendJSONStringSlow(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			return appendJSONStringSlow(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendJSONStringSlow(b []byte, s string) []byte {
	js, err := marshalJSON(s, false, "")
	if err != nil {
		js, _ = json.Marshal(s)
	}
	return append(b, js...)
}
