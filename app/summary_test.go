package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/model"
)

// The streamed summary is the document the summary always was: valid
// JSON, every account once, indented with one account a line.
func TestSummaryStreamsTheSameDocument(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.orchard")
	ws, err := createSample(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	var out bytes.Buffer
	if err := writeSummary(ws, &out); err != nil {
		t.Fatal(err)
	}
	var s workspaceSummary
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if len(s.Accounts) != ws.Portfolio().Count(model.KindAccount) || s.Counts["accounts"] != len(s.Accounts) || s.Pareto.Currency == "" {
		t.Errorf("%d accounts summarised of %d; pareto %+v", len(s.Accounts), ws.Portfolio().Count(model.KindAccount), s.Pareto)
	}
	lines := strings.Split(out.String(), "\n")
	accountLines := 0
	for _, l := range lines {
		if strings.HasPrefix(l, `    {"name":`) {
			accountLines++
			var one accountSummary
			if err := json.Unmarshal([]byte(strings.TrimSuffix(l, ",")), &one); err != nil {
				t.Errorf("an account's line is not JSON by itself: %v", err)
			}
		}
	}
	if accountLines != len(s.Accounts) || !strings.HasPrefix(out.String(), "{\n  \"workspace\": ") {
		t.Errorf("%d account lines for %d accounts:\n%s", accountLines, len(s.Accounts), out.String()[:min(600, out.Len())])
	}

	empty, err := workspace.Create(filepath.Join(t.TempDir(), "e.orchard"), model.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	out.Reset()
	if err := writeSummary(empty, &out); err != nil || !json.Valid(out.Bytes()) || !bytes.Contains(out.Bytes(), []byte(`"accounts": []`)) {
		t.Errorf("an empty workspace's summary: %v\n%s", err, out.String())
	}
}

// summaryAccounts makes n accounts with a person and an action each.
func summaryAccounts(n int) []model.Entity {
	out := make([]model.Entity, 0, 3*n)
	for i := 0; i < n; i++ {
		a := &model.Account{ID: fmt.Sprintf("acc-%05d", i), Name: fmt.Sprintf("Account %05d", i), Currency: "EUR",
			Revenue: model.Money((i%997 + 1) * 100_000), Owner: fmt.Sprintf("Owner %d", i%40)}
		for q := range a.Answers {
			a.Answers[q] = 1 + (i*7+q*3)%5
		}
		out = append(out, a,
			&model.Stakeholder{ID: fmt.Sprintf("st-%05d", i), AccountID: a.ID, Name: fmt.Sprintf("Person %05d", i)},
			&model.Action{ID: fmt.Sprintf("ac-%05d", i), AccountID: a.ID, Title: "Call", Status: model.StatusPlanned})
	}
	return out
}

// BenchmarkSummary50k streams the summary of 50,000 accounts (with a
// person and an action each). ORCHARD_KEEP_SUMMARY_DB=PATH keeps the
// workspace, to time `orchard summary` on it.
func BenchmarkSummary50k(b *testing.B) {
	path := os.Getenv("ORCHARD_KEEP_SUMMARY_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "big.orchard")
	}
	ws, err := workspace.Create(path, model.DefaultSettings(), summaryAccounts(50_000))
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := writeSummary(ws, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// The hand-written account line is byte for byte what encoding/json
// writes for the same summary, for every account of the sample and for
// text that needs escaping.
func TestAccountJSONIsEncodingJSONs(t *testing.T) {
	ws, err := createSample(filepath.Join(t.TempDir(), "s.orchard"))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	check := func(as *accountSummary) {
		t.Helper()
		want, err := marshalJSON(as, false, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := appendAccountJSON(nil, as); !bytes.Equal(got, want) {
			t.Errorf("hand-written:\n%s\nencoding/json:\n%s", got, want)
		}
	}
	n := 0
	if err := eachAccountSummary(ws.Portfolio(), time.Now(), func(as *accountSummary) error {
		check(as)
		n++
		return nil
	}); err != nil || n == 0 {
		t.Fatalf("%d accounts, %v", n, err)
	}
	q, pr, cy := "weak-high", 3, "FY2026 \"H2\""
	odd := &accountSummary{Name: "Müller & Söhne <GmbH> \"quoted\"\t\\ \u2028 \x01", Industry: "bad \xff byte",
		Owner: "日本語", Currency: "EUR", Revenue: 1e21, PrevRevenue: 0.0000001, Potential: -12.5,
		Quadrant: &q, Priority: &pr, Cycle: &cy, RelationshipScore: round1(3.25), ActionsByStatus: map[string]int{"b": 2, "a": 1},
		HealthFactors: map[string]float64{"z": -1.5, "a": 0}, PipelineTotal: 123456789.01}
	check(odd)
	check(&accountSummary{})
}
