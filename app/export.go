package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/views/chart"
)

// runExport handles `orchard export`: today the relationship map picture.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("orchard export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "workspace file")
	account := fs.String("account", "", "account name")
	mapPath := fs.String("map", "", "write the relationship map as a PNG here")
	safe := fs.Bool("customer-safe", false, "leave out attitudes, coverage strengths and gaps")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *db == "" || *account == "" || *mapPath == "" {
		msg := "--db, --account and --map are required"
		if err != nil {
			msg = err.Error()
		} else if fs.NArg() > 0 {
			msg = fmt.Sprintf("unexpected argument %q", fs.Arg(0))
		}
		fmt.Fprintf(stderr, "orchard export: %s\n\n", msg)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return 2
	}
	return report(exportMap(*db, *account, *mapPath, *safe, stdout), stderr)
}

func exportMap(db, name, out string, safe bool, stdout io.Writer) error {
	ws, err := workspace.Open(db)
	if err != nil {
		return err
	}
	defer ws.Close()
	a, err := findAccount(ws.Portfolio(), name)
	if err != nil {
		return err
	}
	png, err := chart.RelationshipMapPNG(ws.Portfolio(), a.ID, safe, 2)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, png, 0o644); err != nil {
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
