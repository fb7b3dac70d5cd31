package pack_test

import (
	"bytes"
	"fmt"
	"html"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orchard/app/pack"
	"orchard/assets/sample"
	"orchard/model"
)

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// secretPortfolio is the sample with marked private content on the
// account packed.
func secretPortfolio(t testing.TB) (*model.Portfolio, *model.Account) {
	p := model.NewPortfolio()
	settings, records := sample.Build(today)
	p.Settings = settings
	for _, r := range records {
		p.Put(r)
	}
	acc := accountNamed(p, sample.PlannedAccounts[0])
	p.Put(&model.Goal{ID: "secret-goal", AccountID: acc.ID, Title: "SECRETGOAL squeeze their budget", Internal: true})
	for _, x := range p.Actions(acc.ID)[:3] {
		c := model.Clone(x).(*model.Action)
		c.Notes, c.NotesInternal = "SECRETNOTE pricing floor", true
		c.Lesson = "SECRETLESSON"
		p.Put(c)
	}
	return p, acc
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func TestCustomerSafePack(t *testing.T) {
	p, acc := secretPortfolio(t)
	dir := filepath.Join(t.TempDir(), "Northwind review")
	var steps int
	files, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: dir, Today: today, Progress: func(done, total int, _ string) {
		steps = done
		if done > total {
			t.Errorf("progress %d of %d", done, total)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := readAll(t, dir)
	for _, n := range pack.CustomerCharts(false) {
		img, err := png.Decode(bytes.NewReader(got[n+".png"]))
		if err != nil {
			t.Errorf("%s.png: %v", n, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != 1400 || b.Dy() != 700 {
			t.Errorf("%s.png is %v", n, b)
		}
		if !strings.Contains(string(got[n+".svg"]), "<svg") {
			t.Errorf("%s.svg is not SVG", n)
		}
	}
	for _, n := range []string{"quadrant.png", "pareto.svg", "coverage.png", "revenue.png"} {
		if _, ok := got[n]; ok {
			t.Errorf("the customer-safe pack holds %s (other customers, our assessments, or figures not chosen)", n)
		}
	}
	for _, n := range []string{"relationship-map.png", "account.xlsx", "summary.html", "review.pdf"} {
		if len(got[n]) == 0 {
			t.Errorf("the pack lacks %s", n)
		}
	}
	if len(files) != len(got) || steps == 0 {
		t.Errorf("%d files listed, %d written, %d progress steps", len(files), len(got), steps)
	}
	page := string(got["summary.html"])
	for _, want := range []string{acc.Name, "Your goals", "Cut order-to-delivery time", "Open actions", "Completed actions", "Next review"} {
		if !strings.Contains(page, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// Nothing sensitive in any file, including inside the workbook's zip.
	for name, data := range got {
		text := string(data)
		if strings.HasSuffix(name, ".xlsx") {
			text = unzipText(t, data)
		}
		for _, secret := range []string{"SECRETGOAL", "SECRETNOTE", "SECRETLESSON", "detractor", "Account health", "trusted advisor"} {
			if strings.Contains(text, secret) {
				t.Errorf("customer-safe %s contains %q", name, secret)
			}
		}
	}
}

func TestInternalPackKeepsEverything(t *testing.T) {
	p, acc := secretPortfolio(t)
	dir := filepath.Join(t.TempDir(), "internal")
	if _, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: dir, Today: today, Internal: true}); err != nil {
		t.Fatal(err)
	}
	page := string(readAll(t, dir)["summary.html"])
	for _, want := range []string{"SECRETGOAL", "SECRETNOTE", "Account health", "internal version"} {
		if !strings.Contains(page, want) {
			t.Errorf("the internal summary lacks %q", want)
		}
	}
}

func TestPackFailsWholeOrCancels(t *testing.T) {
	p, acc := secretPortfolio(t)
	parent := t.TempDir()
	existing := filepath.Join(parent, "exists")
	os.Mkdir(existing, 0o755)
	if _, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: existing, Today: today}); err == nil || !strings.Contains(err.Error(), existing) {
		t.Errorf("an existing folder: %v", err)
	}
	n := 0
	dir := filepath.Join(parent, "cancelled")
	_, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: dir, Today: today, Cancelled: func() bool { n++; return n > 3 }})
	if err != pack.ErrCancelled {
		t.Fatalf("cancel: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.Name() != "exists" {
			t.Errorf("a cancelled pack left %s behind", e.Name())
		}
	}
	locked := filepath.Join(parent, "locked")
	os.Mkdir(locked, 0o555)
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	if os.Getuid() != 0 { // root may write anywhere
		if _, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: filepath.Join(locked, "pack"), Today: today}); err == nil || !strings.Contains(err.Error(), locked) {
			t.Errorf("an unwritable folder: %v", err)
		}
	}
}

// BenchmarkReviewPack300 builds a pack for an account with 300
// stakeholders and 500 actions.
func BenchmarkReviewPack300(b *testing.B) {
	p, acc := bigAccount(b)
	parent := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: filepath.Join(parent, fmt.Sprint(i)), Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}

// bigAccount is the sample with 300 more stakeholders and 500 more
// actions on the account reviewed.
func bigAccount(b testing.TB) (*model.Portfolio, *model.Account) {
	p, acc := secretPortfolio(b)
	var people []*model.Stakeholder
	for i := 0; i < 300; i++ {
		s := &model.Stakeholder{ID: fmt.Sprintf("bs%03d", i), AccountID: acc.ID, Name: fmt.Sprintf("Person %03d", i), Role: model.BuyingRoles[i%7]}
		if i > 0 {
			s.ReportsTo = people[(i-1)/6].ID
		}
		people = append(people, s)
		p.Put(s)
	}
	for i := 0; i < 500; i++ {
		p.Put(&model.Action{ID: fmt.Sprintf("ba%03d", i), AccountID: acc.ID, Title: fmt.Sprintf("Action %d", i), Status: model.Statuses[i%5], CustomerAgreed: i%2 == 0})
	}
	return p, acc
}

// A pack for an account whose names carry markup holds no live markup:
// the summary page and every SVG show the names as text.
func TestPackEscapesHostileNames(t *testing.T) {
	p, acc := secretPortfolio(t)
	const evil = `<script>alert("pack")</script><img src=x onerror=alert(1)> & Co`
	a := model.Clone(acc).(*model.Account)
	a.Name = evil
	p.Put(a)
	for _, s := range p.Stakeholders(a.ID)[:2] {
		c := model.Clone(s).(*model.Stakeholder)
		c.Name = evil + " " + c.Name
		p.Put(c)
	}
	dir := filepath.Join(t.TempDir(), "pack")
	if _, err := pack.Write(p, pack.Options{AccountID: a.ID, Dir: dir, Today: today}); err != nil {
		t.Fatal(err)
	}
	for name, b := range readAll(t, dir) {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".svg") {
			continue
		}
		if bytes.Contains(b, []byte("<script")) || bytes.Contains(b, []byte("<img src=x")) {
			t.Errorf("%s carries the name as live markup", name)
		}
	}
	if page, _ := os.ReadFile(filepath.Join(dir, "summary.html")); !bytes.Contains(page, []byte("&lt;script&gt;")) {
		t.Error("the summary page lost the account's name")
	}
}

// The customer-safe pack of every fully planned sample account holds no
// other customer's name, none of our assessment words and nothing marked
// internal, in any file: SVG and HTML text and the workbook's cells.
func TestCustomerSafePackLeaksNothing(t *testing.T) {
	if raceDetector {
		t.Skip("heavy: test.sh runs it without the race detector")
	}
	p, _ := secretPortfolio(t)
	for _, name := range sample.PlannedAccounts {
		acc := accountNamed(p, name)
		dir := filepath.Join(t.TempDir(), "pack")
		if _, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: dir, Today: today}); err != nil {
			t.Fatal(err)
		}
		forbidden := append(forbiddenFor(p, acc), "Gatekeeper", "Champion", "coverage strength", "not yet")
		for file, data := range readAll(t, dir) {
			if strings.HasSuffix(file, ".png") {
				continue
			}
			text := string(data)
			if strings.HasSuffix(file, ".xlsx") {
				text = unzipText(t, data)
			}
			for _, word := range forbidden {
				if strings.Contains(text, html.EscapeString(word)) || strings.Contains(text, word) {
					t.Errorf("%s: the customer-safe %s contains %q", name, file, word)
				}
			}
		}
	}
}

// The internal pack says INTERNAL on its page and on every picture.
func TestInternalPackIsMarked(t *testing.T) {
	p, acc := secretPortfolio(t)
	dir := filepath.Join(t.TempDir(), "internal")
	if _, err := pack.Write(p, pack.Options{AccountID: acc.ID, Dir: dir, Today: today, Internal: true}); err != nil {
		t.Fatal(err)
	}
	for file, data := range readAll(t, dir) {
		switch {
		case strings.HasSuffix(file, ".svg"), strings.HasSuffix(file, ".html"):
			if !strings.Contains(string(data), "INTERNAL") {
				t.Errorf("%s is not marked INTERNAL", file)
			}
		case strings.HasSuffix(file, ".png"):
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			r, g, b, _ := img.At(img.Bounds().Dx()-3, 3).RGBA()
			if r>>8 != 0xb7 || g>>8 != 0x1c || b>>8 != 0x1c {
				t.Errorf("%s has no red INTERNAL band at its top", file)
			}
		}
	}
}

// accountNamed is the portfolio's account of that name.
func accountNamed(p *model.Portfolio, name string) *model.Account {
	for _, a := range p.Accounts() {
		if a.Name == name {
			return a
		}
	}
	return nil
}
