package app

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"orchard/model"
	"orchard/store"
)

// runPublish handles `orchard publish --db FILE --to URL`: the workspace
// file is copied, records and settings, into an empty team workspace on a
// PostgreSQL server, in one transaction. A team workspace that already
// holds records is refused: publishing never mixes two portfolios.
func runPublish(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("orchard publish", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "the workspace file to publish")
	to := fs.String("to", "", "the team workspace: postgres://USER@HOST/DATABASE")
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "orchard publish: %s\n\n", msg)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return 2
	}
	if err := fs.Parse(args); err != nil {
		return usageErr(err.Error())
	}
	switch {
	case fs.NArg() > 0:
		return usageErr(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	case *db == "" || *to == "":
		return usageErr("both --db FILE and --to postgres://… are required")
	case store.IsServerURL(*db):
		return usageErr("--db names the workspace file to publish; the team server goes after --to")
	case !store.IsServerURL(*to):
		return usageErr(fmt.Sprintf("--to must be a team workspace's address, postgres://USER@HOST/DATABASE (found %q)", *to))
	}
	return report(publish(*db, *to, stdout), stderr)
}

func publish(file, url string, stdout io.Writer) error {
	src, err := store.Open(file)
	if err != nil {
		return err
	}
	defer src.Close()
	p, err := src.Load()
	if err != nil {
		return err
	}
	dst, err := store.Open(url)
	if err != nil {
		return err
	}
	defer dst.Close()
	there, err := dst.Load()
	if err != nil {
		return err
	}
	held := 0
	for _, k := range model.Kinds {
		held += there.Count(k)
	}
	if held > 0 {
		return fmt.Errorf("cannot publish %s to %s: the team workspace there already holds %d records (%d accounts); publish into an empty database, or open that one with --db",
			file, dst.Path(), held, there.Count(model.KindAccount))
	}
	var puts []model.Entity
	var counts []string
	for _, k := range model.Kinds {
		all := p.All(k)
		puts = append(puts, all...)
		if len(all) > 0 && (k == model.KindAccount || k == model.KindStakeholder || k == model.KindAction) {
			counts = append(counts, fmt.Sprintf("%d %ss", len(all), strings.ReplaceAll(string(k), "_", " ")))
		}
	}
	settings := p.Settings
	if err := dst.Write(store.Batch{Puts: puts, Settings: &settings}); err != nil {
		return fmt.Errorf("publishing %s to %s: %w; nothing was written there", file, dst.Path(), err)
	}
	fmt.Fprintf(stdout, "published %s to %s: %d records (%s)\n", file, dst.Path(), len(puts), strings.Join(counts, ", "))
	return nil
}
