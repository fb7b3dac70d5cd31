package pack_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"orchard/app/pack"
	"orchard/assets/sample"
	"orchard/model"
)

// deckParts unzips a deck.
func deckParts(t testing.TB, file string) map[string][]byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s is not a zip: %v", file, err)
	}
	out := map[string][]byte{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

var textRun = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)

// slideTexts are the texts of each slide, in order.
func slideTexts(parts map[string][]byte) []string {
	var out []string
	for i := 1; ; i++ {
		body, ok := parts[fmt.Sprintf("ppt/slides/slide%d.xml", i)]
		if !ok {
			return out
		}
		var b strings.Builder
		for _, m := range textRun.FindAllSubmatch(body, -1) {
			b.WriteString(htmlUnescape(string(m[1])) + "\n")
		}
		out = append(out, b.String())
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#xA;", "\n").Replace(s)
}

func writeDeck(t testing.TB, p *model.Portfolio, o pack.DeckOptions) (string, pack.DeckResult) {
	t.Helper()
	if o.Path == "" {
		ext := ".pptx"
		if o.Format == pack.PDF {
			ext = ".pdf"
		}
		o.Path = filepath.Join(t.TempDir(), "review"+ext)
	}
	if o.Today.IsZero() {
		o.Today = today
	}
	res, err := pack.WriteDeck(p, o)
	if err != nil {
		t.Fatal(err)
	}
	return o.Path, res
}

// The deck is a complete package: every part has its content type, every
// relationship points at a part that is there, every part is well-formed
// XML, and the presentation lists each slide once.
func TestDeckIsACompletePresentation(t *testing.T) {
	p, acc := secretPortfolio(t)
	file, res := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Figures: true})
	checkPackage(t, deckParts(t, file), res.Slides)
}

func checkPackage(t *testing.T, parts map[string][]byte, slides int) {
	t.Helper()
	types := string(parts["[Content_Types].xml"])
	for name, body := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(body))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Errorf("%s is not well-formed: %v", name, err)
					break
				}
			}
		}
		ext := path.Ext(name)
		switch {
		case name == "[Content_Types].xml", strings.HasSuffix(name, ".rels"):
		case ext == ".xml" && !strings.Contains(types, `PartName="/`+name+`"`):
			t.Errorf("%s has no content type", name)
		case ext != ".xml" && !strings.Contains(types, `Extension="`+strings.TrimPrefix(ext, ".")+`"`):
			t.Errorf("%s: no content type for %s files", name, ext)
		}
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		dir := path.Dir(path.Dir(name)) // the folder of the part the relationships belong to
		if dir == "." {
			dir = ""
		}
		for _, m := range regexp.MustCompile(`Target="([^"]+)"`).FindAllSubmatch(body, -1) {
			target := path.Clean(path.Join(dir, string(m[1])))
			if strings.Contains(string(body), `TargetMode="External"`) {
				continue
			}
			if _, ok := parts[target]; !ok {
				t.Errorf("%s points at %s, which is missing", name, target)
			}
		}
	}
	if n := strings.Count(string(parts["ppt/presentation.xml"]), "<p:sldId "); n != slides {
		t.Errorf("the presentation lists %d slides, %d were written", n, slides)
	}
	if !strings.Contains(types, "presentationml.presentation.main+xml") {
		t.Error("the presentation part is not typed as a presentation")
	}
	for i := 1; i <= slides; i++ {
		if !strings.Contains(string(parts[fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", i)]), "slideLayout") {
			t.Errorf("slide %d names no layout", i)
		}
	}
}

// forbiddenFor lists what the customer-safe review (deck, PDF or pack) of
// acc must not say: our assessment words, other customers, internal goals,
// actions not agreed with the customer.
func forbiddenFor(p *model.Portfolio, acc *model.Account) []string {
	forbidden := []string{"SECRETGOAL", "SECRETNOTE", "SECRETLESSON", "gatekeeper", "champion", "detractor", "supporter",
		"Attitude", "Influence", "Buying role", "Probability", "Margin", "Priority", "Potential", "Account health", "Coverage", "INTERNAL", "quadrant"}
	for _, other := range p.Accounts() {
		if other.ID != acc.ID {
			forbidden = append(forbidden, other.Name)
		}
	}
	for _, e := range p.All(model.KindGoal) {
		if g := e.(*model.Goal); g.Internal {
			forbidden = append(forbidden, g.Title)
		}
	}
	agreed := map[string]bool{}
	for _, x := range p.Actions(acc.ID) {
		agreed[x.Title] = agreed[x.Title] || x.CustomerAgreed
	}
	for title, ok := range agreed {
		if !ok {
			forbidden = append(forbidden, title)
		}
	}
	return forbidden
}

// The customer-safe deck shows the goals, the agreed actions with owners
// and dates, the figures when chosen and the next review, as text on the
// slides, and none of what the customer may not see.
func TestCustomerSafeDeck(t *testing.T) {
	p, acc := secretPortfolio(t)
	file, res := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Figures: true})
	texts := slideTexts(deckParts(t, file))
	if len(texts) != res.Slides || res.Slides < 7 {
		t.Fatalf("%d slides read, %d written", len(texts), res.Slides)
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(texts[0], acc.Name) || !strings.Contains(texts[0], model.FormatDate(today)) {
		t.Errorf("the title slide says %q", texts[0])
	}
	var agreed *model.Action
	for _, x := range p.Actions(acc.ID) {
		if x.CustomerAgreed && x.OwnerID != "" && !x.Due.IsZero() {
			agreed = x
			break
		}
	}
	owner := p.Get(model.KindTeamMember, agreed.OwnerID).(*model.TeamMember).Name
	figures := p.PlanVsActual(acc.ID)
	wants := []string{"Your goals and initiatives", "Cut order-to-delivery time", "Plan against actual", "Who we work with",
		"Agreed actions", agreed.Title, owner, model.FormatDate(agreed.Due), "What changed since the last review", "Next steps", "Next review",
		figures[0].Period, figures[0].Actual.Format(acc.Currency)}
	for _, want := range wants {
		if !strings.Contains(all, want) {
			t.Errorf("the deck does not say %q", want)
		}
	}
	for _, word := range forbiddenFor(p, acc) {
		if strings.Contains(all, word) {
			t.Errorf("the customer-safe deck says %q", word)
		}
	}
	// Without "show plan against actual" the figures stay out.
	file, _ = writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID})
	if all := strings.Join(slideTexts(deckParts(t, file)), "\n"); strings.Contains(all, "Plan against actual") || strings.Contains(all, figures[0].Actual.Format(acc.Currency)) {
		t.Error("the deck shows plan against actual although it was not chosen")
	}
}

// The internal version says INTERNAL on every slide and keeps what the
// customer-safe one leaves out.
func TestInternalDeckIsMarkedOnEverySlide(t *testing.T) {
	p, acc := secretPortfolio(t)
	file, _ := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Internal: true})
	texts := slideTexts(deckParts(t, file))
	for i, s := range texts {
		if !strings.Contains(s, "INTERNAL") {
			t.Errorf("slide %d is not marked INTERNAL", i+1)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"SECRETGOAL", "Account health", "Plan against actual"} {
		if !strings.Contains(all, want) {
			t.Errorf("the internal deck lacks %q", want)
		}
	}
}

// Long tables go on as many slides as they need, each row once and in
// order, with the header on every slide; a long account name still fits.
func TestDeckSplitsLongTables(t *testing.T) {
	p, acc := secretPortfolio(t)
	a := model.Clone(acc).(*model.Account)
	a.Name = "The Extraordinarily Long-Named International Logistics and Warehousing Holding Company of Northern Europe"
	p.Put(a)
	for i := 0; i < 150; i++ {
		p.Put(&model.Action{ID: fmt.Sprintf("long%03d", i), AccountID: a.ID, CustomerAgreed: true, Status: model.StatusPlanned,
			Title: fmt.Sprintf("Step %03d: %s", i, strings.Repeat("agree the detailed scope and owners with procurement ", 1+i%4))})
	}
	file, _ := writeDeck(t, p, pack.DeckOptions{AccountID: a.ID})
	texts := slideTexts(deckParts(t, file))
	actionSlides := 0
	seen := map[int]int{}
	for _, s := range texts {
		if !strings.HasPrefix(s, "Agreed actions") {
			continue
		}
		actionSlides++
		if !strings.Contains(s, "Owner\nDue\nStatus") {
			t.Errorf("an actions slide lacks the header: %.80q", s)
		}
		for _, m := range regexp.MustCompile(`Step (\d{3})`).FindAllStringSubmatch(s, -1) {
			n, _ := strconv.Atoi(m[1])
			seen[n]++
		}
	}
	for i := 0; i < 150; i++ {
		if seen[i] != 1 {
			t.Errorf("step %d is on the slides %d times", i, seen[i])
		}
	}
	if actionSlides < 6 {
		t.Errorf("150 long actions on %d slides", actionSlides)
	}
	if !strings.Contains(texts[0], a.Name) {
		t.Error("the title slide lost the long name")
	}
}

// An account with nothing recorded gets slides that say what is missing.
func TestDeckSaysWhatIsMissing(t *testing.T) {
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "empty", Name: "Blank Industries", Currency: "EUR"})
	file, _ := writeDeck(t, p, pack.DeckOptions{AccountID: "empty", Figures: true})
	all := strings.Join(slideTexts(deckParts(t, file)), "\n")
	for _, want := range []string{"No goals are recorded for Blank Industries", "No revenue targets or actuals are recorded",
		"No people are recorded", "No actions are agreed", "first review", "Next review: to be agreed"} {
		if !strings.Contains(all, want) {
			t.Errorf("the empty account's deck does not say %q", want)
		}
	}
}

// Cancel leaves no file behind; a finished deck replaces the file whole.
func TestDeckCancelLeavesNothing(t *testing.T) {
	p, acc := secretPortfolio(t)
	dir := t.TempDir()
	n := 0
	_, err := pack.WriteDeck(p, pack.DeckOptions{AccountID: acc.ID, Path: filepath.Join(dir, "r.pptx"), Today: today, Cancelled: func() bool { n++; return n > 1 }})
	if err != pack.ErrDeckCancelled {
		t.Fatalf("cancel: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled deck left %s", entries[0].Name())
	}
}

// The PDF holds the same review as text a reader can search, with page
// numbers, and none of what the customer may not see.
func TestReviewPDF(t *testing.T) {
	needTool(t, "pdftotext", "poppler-utils")
	p, acc := secretPortfolio(t)
	file, res := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Format: pack.PDF, Figures: true})
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if pages := strings.Count(text, "\f"); pages != res.Slides {
		t.Errorf("%d pages, %d slides", pages, res.Slides)
	}
	figures := p.PlanVsActual(acc.ID)
	for _, want := range []string{acc.Name, "Your goals and initiatives", "Cut order-to-delivery time", "Agreed actions", "Next review",
		figures[0].Actual.Format(acc.Currency), fmt.Sprintf("1/%d", res.Slides), fmt.Sprintf("%d/%d", res.Slides, res.Slides)} {
		if !strings.Contains(strings.ReplaceAll(text, " / ", "/"), want) {
			t.Errorf("the PDF does not say %q", want)
		}
	}
	for _, word := range forbiddenFor(p, acc) {
		if strings.Contains(text, word) {
			t.Errorf("the customer-safe PDF says %q", word)
		}
	}
	file, _ = writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Format: pack.PDF, Internal: true})
	out, _ = exec.Command("pdftotext", file, "-").Output()
	for i, page := range strings.Split(strings.TrimRight(string(out), "\f"), "\f") {
		if !strings.Contains(page, "INTERNAL") {
			t.Errorf("internal PDF page %d is not marked", i+1)
		}
	}
}

// The deck opens in LibreOffice Impress: converted to PDF it has a page
// per slide and the slides' texts.
func TestDeckRendersInLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-impress-nogui")
	needTool(t, "pdftotext", "poppler-utils")
	p, acc := secretPortfolio(t)
	file, res := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Figures: true})
	text := renderWithLibreOffice(t, soffice, file, res.Slides)
	for _, want := range []string{acc.Name, "Your goals and initiatives", "Agreed actions", "Next steps"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's rendering does not say %q", want)
		}
	}
}

// needTool finds a program the test needs; without it the test is skipped,
// or fails where ORCHARD_REQUIRE_TOOLS=1 (CI, which installs them).
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("ORCHARD_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is not installed (apt-get install %s)", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	}
	return p
}

func renderWithLibreOffice(t *testing.T, soffice, file string, slides int) string {
	t.Helper()
	out := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(out, "profile")), "--convert-to", "pdf", "--outdir", out, file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice could not convert the deck: %v\n%s", err, msg)
	}
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+".pdf")
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	if pages := strings.Count(string(text), "\f"); pages != slides {
		t.Errorf("LibreOffice shows %d pages for %d slides", pages, slides)
	}
	return string(text)
}

// The customer-safe deck of every fully planned sample account leaks
// nothing either.
func TestCustomerSafeDeckLeaksNothing(t *testing.T) {
	p, _ := secretPortfolio(t)
	for _, name := range sample.PlannedAccounts {
		acc := accountNamed(p, name)
		file, _ := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Figures: true})
		all := strings.Join(slideTexts(deckParts(t, file)), "\n")
		for _, word := range forbiddenFor(p, acc) {
			if strings.Contains(all, word) {
				t.Errorf("%s: the customer-safe deck says %q", name, word)
			}
		}
	}
}

// BenchmarkReviewDeck300 writes the deck, and the PDF, for an account
// with 300 more stakeholders and 500 more actions.
func BenchmarkReviewDeck300(b *testing.B) {
	p, acc := bigAccount(b)
	for _, f := range []struct {
		name   string
		format pack.DeckFormat
	}{{"pptx", pack.PPTX}, {"pdf", pack.PDF}} {
		b.Run(f.name, func(b *testing.B) {
			dir := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pack.WriteDeck(p, pack.DeckOptions{AccountID: acc.ID, Path: filepath.Join(dir, "r."+f.name), Format: f.format, Today: today, Figures: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// companyTemplate makes a company's template from a deck Orchard wrote: a
// 4:3 slide, an orange theme, a logo on the master, no "title only"
// layout, saved as a .potx. edit may change its parts further.
func companyTemplate(t *testing.T, edit func(map[string][]byte)) string {
	t.Helper()
	p := model.NewPortfolio()
	p.Put(&model.Account{ID: "t", Name: "Template Co", Currency: "EUR"})
	file, _ := writeDeck(t, p, pack.DeckOptions{AccountID: "t"})
	parts := deckParts(t, file)
	parts["ppt/theme/theme1.xml"] = bytes.Replace(parts["ppt/theme/theme1.xml"], []byte(`<a:accent1><a:srgbClr val="2E7D32"/>`), []byte(`<a:accent1><a:srgbClr val="FF6600"/>`), 1)
	parts["ppt/presentation.xml"] = regexp.MustCompile(`<p:sldSz [^>]*/>`).ReplaceAll(parts["ppt/presentation.xml"], []byte(`<p:sldSz cx="9144000" cy="6858000"/>`))
	parts["[Content_Types].xml"] = bytes.Replace(parts["[Content_Types].xml"], []byte("presentation.main+xml"), []byte("template.main+xml"), 1)
	parts["ppt/media/logo.png"] = parts["ppt/media/image1.png"]
	if parts["ppt/media/logo.png"] == nil { // the template account has no pictures: any PNG will do
		p, acc := secretPortfolio(t)
		f, _ := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID})
		parts["ppt/media/logo.png"] = deckParts(t, f)["ppt/media/image1.png"]
	}
	parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = bytes.Replace(parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"], []byte("</Relationships>"),
		[]byte(`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/logo.png"/></Relationships>`), 1)
	layout3 := string(parts["ppt/slideLayouts/slideLayout3.xml"])
	layout3 = strings.Replace(layout3, `type="titleOnly"`, `type="blank"`, 1)
	layout3 = regexp.MustCompile(`(?s)<p:sp>.*</p:sp>`).ReplaceAllString(layout3, "")
	parts["ppt/slideLayouts/slideLayout3.xml"] = []byte(layout3)
	if edit != nil {
		edit(parts)
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range parts {
		if strings.HasPrefix(name, "ppt/slides/") {
			continue // a template's own slides are not used
		}
		w, _ := z.Create(name)
		w.Write(body)
	}
	z.Close()
	out := filepath.Join(t.TempDir(), "Company.potx")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// A company template gives the deck its slide size, theme, master
// pictures and layouts; Orchard's slides go on its title-and-content
// layout when it has no title-only one.
func TestDeckUsesTheCompanyTemplate(t *testing.T) {
	tmpl := companyTemplate(t, nil)
	if err := pack.CheckTemplate(tmpl); err != nil {
		t.Fatal(err)
	}
	p, acc := secretPortfolio(t)
	file, res := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Template: tmpl, Figures: true})
	if res.TemplateProblem != "" {
		t.Fatalf("the template was not used: %s", res.TemplateProblem)
	}
	parts := deckParts(t, file)
	checkPackage(t, parts, res.Slides)
	if !bytes.Contains(parts["ppt/theme/theme1.xml"], []byte("FF6600")) || parts["ppt/media/logo.png"] == nil {
		t.Error("the deck does not carry the template's theme and logo")
	}
	if !bytes.Contains(parts["ppt/presentation.xml"], []byte(`cx="9144000" cy="6858000"`)) {
		t.Error("the deck is not the template's size")
	}
	if !bytes.Contains(parts["ppt/slides/_rels/slide2.xml.rels"], []byte("slideLayout2.xml")) {
		t.Errorf("slide 2 is not on the template's title-and-content layout: %s", parts["ppt/slides/_rels/slide2.xml.rels"])
	}
	if !bytes.Contains(parts["[Content_Types].xml"], []byte("presentationml.presentation.main+xml")) || bytes.Contains(parts["[Content_Types].xml"], []byte("template.main")) {
		t.Error("the deck is typed as a template, which PowerPoint opens as a new presentation")
	}
	soffice := needTool(t, "soffice", "libreoffice-impress-nogui")
	needTool(t, "pdftotext", "poppler-utils")
	if text := renderWithLibreOffice(t, soffice, file, res.Slides); !strings.Contains(text, "Agreed actions") {
		t.Error("LibreOffice's rendering of the templated deck lacks its slides")
	}
}

// A template that cannot be used is refused with why, and the deck is
// written on the built-in template.
func TestDeckRefusesAnUnusableTemplate(t *testing.T) {
	notPPT := filepath.Join(t.TempDir(), "notes.potx")
	os.WriteFile(notPPT, []byte("just some text"), 0o644)
	noTitles := companyTemplate(t, func(parts map[string][]byte) {
		for _, n := range []string{"ppt/slideLayouts/slideLayout1.xml", "ppt/slideLayouts/slideLayout2.xml"} {
			parts[n] = regexp.MustCompile(`(?s)<p:sp>.*</p:sp>`).ReplaceAll(parts[n], nil)
		}
	})
	p, acc := secretPortfolio(t)
	for _, c := range []struct{ file, why string }{
		{notPPT, "not a PowerPoint template"},
		{noTitles, "title placeholder"},
		{filepath.Join(t.TempDir(), "gone.potx"), "gone.potx"},
	} {
		if err := pack.CheckTemplate(c.file); err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: %v, want a refusal saying %q", filepath.Base(c.file), err, c.why)
		}
		file, res := writeDeck(t, p, pack.DeckOptions{AccountID: acc.ID, Template: c.file})
		if !strings.Contains(res.TemplateProblem, c.why) || !strings.Contains(res.TemplateProblem, "built-in template") {
			t.Errorf("%s: the deck says %q about its template", filepath.Base(c.file), res.TemplateProblem)
		}
		if parts := deckParts(t, file); !bytes.Contains(parts["ppt/theme/theme1.xml"], []byte("2E7D32")) {
			t.Errorf("%s: the deck is not on the built-in template", filepath.Base(c.file))
		}
	}
}
