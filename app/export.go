package app

import (
	"flag"
	"fmt"
	"io"
	"orchard/store"
	"strings"

	"orchard/app/pack"
	"orchard/app/workspace"
	"orchard/model"
	"orchard/store/sheet"
	"orchard/views/chart"
)

// runExport handles `orchard export`: a review pack, one chart, the map
// picture or the workbook.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("orchard export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "workspace file")
	account := fs.String("account", "", "account name")
	mapPath := fs.String("map", "", "write the relationship map as a PNG here")
	chartName := fs.String("chart", "", "write one chart: "+strings.Join(chart.Names, ", "))
	format := fs.String("format", "png", "png or svg")
	out := fs.String("out", "", "the review pack folder, or the chart file")
	xlsx := fs.String("xlsx", "", "write the workbook (all accounts, or --account) here")
	safe := fs.Bool("customer-safe", false, "map only: leave out attitudes, coverage strengths and gaps")
	internal := fs.Bool("internal", false, "review pack: include internal fields, attitudes and health")
	figures := fs.Bool("figures", false, "review pack or deck: show plan against actual to the customer")
	pptx := fs.String("pptx", "", "write the account's review deck (PowerPoint) here")
	pdf := fs.String("pdf", "", "write the account's review as a PDF here")
	template := fs.String("template", "", "review deck: the company's .potx or .pptx template to use")
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "orchard export: %s\n\n", msg)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return usageErr(err.Error())
	}
	if fs.NArg() > 0 {
		return usageErr(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if *db == "" {
		return usageErr("--db is required")
	}
	switch {
	case (*pptx != "" || *pdf != "") && *account == "":
		return usageErr("a review deck is made for one account: add --account NAME")
	case *pptx != "" || *pdf != "":
		return report(exportDeck(*db, *account, *pptx, *pdf, *template, *internal, *figures, stdout, stderr), stderr)
	case *xlsx != "":
		return report(exportWorkbook(*db, *account, *xlsx, stdout), stderr)
	case *mapPath != "" && *account != "":
		return report(exportMap(*db, *account, *mapPath, *safe, stdout), stderr)
	case *chartName != "" && *out != "":
		if *format != "png" && *format != "svg" {
			return usageErr(fmt.Sprintf("--format must be png or svg (found %q)", *format))
		}
		return report(exportChart(*db, *account, *chartName, *format, *out, stdout), stderr)
	case *out != "" && *account != "":
		return report(exportPack(*db, *account, *out, *internal, *figures, stdout), stderr)
	}
	return usageErr("say what to export: --account NAME --out DIR (review pack), --account NAME --pptx FILE or --pdf FILE (review deck), --chart NAME --out FILE, --map FILE.png or --xlsx FILE")
}

// openAccount opens a workspace and finds the account named name, or
// none when name is empty. The caller closes the workspace.
func openAccount(db, name string) (*workspace.Workspace, *model.Account, error) {
	ws, err := workspace.Open(db)
	if err != nil {
		return nil, nil, err
	}
	if name == "" {
		return ws, nil, nil
	}
	a, err := findAccount(ws.Portfolio(), name)
	if err != nil {
		ws.Close()
		return nil, nil, err
	}
	return ws, a, nil
}

func exportPack(db, name, dir string, internal, figures bool, stdout io.Writer) error {
	ws, a, err := openAccount(db, name)
	if err != nil {
		return err
	}
	defer ws.Close()
	files, err := pack.Write(ws.Portfolio(), pack.Options{AccountID: a.ID, Dir: dir, Internal: internal, Figures: figures})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the review pack of %s to %s (%d files)\n", a.Name, dir, len(files))
	return nil
}

// exportDeck writes an account's review deck and/or its PDF.
func exportDeck(db, name, pptx, pdf, template string, internal, figures bool, stdout, stderr io.Writer) error {
	ws, a, err := openAccount(db, name)
	if err != nil {
		return err
	}
	defer ws.Close()
	for _, out := range []struct {
		path   string
		format pack.DeckFormat
	}{{pptx, pack.PPTX}, {pdf, pack.PDF}} {
		if out.path == "" {
			continue
		}
		res, err := pack.WriteDeck(ws.Portfolio(), pack.DeckOptions{AccountID: a.ID, Path: out.path, Format: out.format,
			Internal: internal, Figures: figures, Template: template})
		if err != nil {
			return err
		}
		if res.TemplateProblem != "" {
			fmt.Fprintf(stderr, "orchard export: %s\n", res.TemplateProblem)
		}
		version := "customer-safe"
		if internal {
			version = "internal"
		}
		fmt.Fprintf(stdout, "wrote the %s review of %s to %s (%d slides)\n", version, a.Name, out.path, res.Slides)
	}
	return nil
}

func exportChart(db, name, chartName, format, out string, stdout io.Writer) error {
	ws, a, err := openAccount(db, name)
	if err != nil {
		return err
	}
	defer ws.Close()
	id := ""
	if a != nil {
		id = a.ID
	} else if chartName != "quadrant" && chartName != "pareto" {
		return fmt.Errorf("the %s chart is drawn for one account: add --account NAME", chartName)
	}
	f := chart.PNG
	if format == "svg" {
		f = chart.SVG
	}
	data, err := chart.Render(ws.Portfolio(), chartName, id, f, 1400, 700, true)
	if err != nil {
		return err
	}
	if err := store.WriteAtomically(out, data); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", out, len(data))
	return nil
}

func exportWorkbook(db, name, out string, stdout io.Writer) error {
	ws, a, err := openAccount(db, name)
	if err != nil {
		return err
	}
	defer ws.Close()
	p := ws.Portfolio()
	if a != nil {
		p = p.Subset(a.ID)
	}
	if err := sheet.ExportWorkspace(p, out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	return nil
}

func exportMap(db, name, out string, safe bool, stdout io.Writer) error {
	ws, a, err := openAccount(db, name)
	if err != nil {
		return err
	}
	defer ws.Close()
	png, err := chart.RelationshipMapPNG(ws.Portfolio(), a.ID, safe, 2)
	if err != nil {
		return err
	}
	if err := store.WriteAtomically(out, png); err != nil {
		return fmt.Errorf("writing the map of %s: %w", a.Name, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", out, len(png))
	return nil
}

// findAccount finds an account by name, ignoring case.
func findAccount(p *model.Portfolio, name string) (*model.Account, error) {
	var names []string
	for _, a := range p.Accounts() {
		if strings.EqualFold(a.Name, strings.TrimSpace(name)) {
			return a, nil
		}
		names = append(names, a.Name)
	}
	if len(names) > 6 {
		names = append(names[:6], "…")
	}
	return nil, fmt.Errorf("no account named %q (accounts include: %s)", name, strings.Join(names, ", "))
}
