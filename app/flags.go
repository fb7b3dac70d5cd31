package app

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"orchard/app/workspace"
)

// runFlags handles `orchard flags`: the coaching flags across accounts.
func runFlags(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("orchard flags", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "workspace file")
	owner := fs.String("owner", "", "only this account manager's accounts")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *db == "" {
		fmt.Fprintf(stderr, "orchard flags: --db PATH is required\n\n")
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return 2
	}
	ws, err := workspace.Open(*db)
	if err != nil {
		return report(err, stderr)
	}
	defer ws.Close()
	type out struct {
		Account string `json:"account"`
		Owner   string `json:"owner"`
		Flag    string `json:"flag"`
		Text    string `json:"text"`
		FixAt   string `json:"fix_at"`
	}
	var list []out
	for _, f := range ws.Portfolio().Flags(time.Now()) {
		if *owner == "" || f.Owner == *owner {
			list = append(list, out{f.Account, f.Owner, string(f.Kind), f.Text, string(f.FixAt)})
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if list == nil {
			list = []out{}
		}
		return report(enc.Encode(list), stderr)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ACCOUNT\tOWNER\tFLAG\tWHERE TO FIX")
	for _, f := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Account, f.Owner, f.Text, f.FixAt)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "%d flag(s)\n", len(list))
	return 0
}
