package app

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"orchard/store"
)

// runTeam handles `orchard team add-user|list|remove --db URL …`: who may
// sign in to a team workspace, and as what. PostgreSQL enforces it.
func runTeam(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("orchard team "+sub, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "the team workspace: postgres://USER@HOST/DATABASE")
	name := fs.String("name", "", "the person's name, as accounts' owners and teams spell it")
	login := fs.String("login", "", "their login on the server")
	password := fs.String("password", "", "their password; - reads it from the input")
	role := fs.String("role", "", "manager, leader or viewer")
	usageErr := func(msg string) int {
		fmt.Fprintf(stderr, "orchard team: %s\n\n", msg)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return 2
	}
	switch sub {
	case "add-user", "list", "remove":
	case "":
		return usageErr("say add-user, list or remove")
	default:
		return usageErr(fmt.Sprintf("unknown team command %q (add-user, list or remove)", sub))
	}
	if err := fs.Parse(args); err != nil {
		return usageErr(err.Error())
	}
	switch {
	case fs.NArg() > 0:
		return usageErr(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	case *db == "":
		return usageErr("--db postgres://… is required: people and roles belong to a team workspace")
	case !store.IsServerURL(*db):
		return usageErr(fmt.Sprintf("--db must be a team workspace's address, postgres://USER@HOST/DATABASE (found %q); a file has one person", *db))
	case sub != "list" && *login == "":
		return usageErr("--login is required")
	case sub == "add-user" && (*name == "" || *role == ""):
		return usageErr("add-user needs --name, --login, --password and --role manager|leader|viewer")
	}
	if *password == "-" {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return report(fmt.Errorf("no password on the input"), stderr)
		}
		*password = strings.TrimRight(line, "\r\n")
	}
	st, err := store.Open(*db)
	if err != nil {
		return report(err, stderr)
	}
	defer st.Close()
	switch sub {
	case "add-user":
		return report(addUser(st, *login, *name, *role, *password, stdout), stderr)
	case "remove":
		dropped, err := st.RemoveTeamLogin(*login)
		if err != nil {
			return report(err, stderr)
		}
		if dropped {
			fmt.Fprintf(stdout, "%s may no longer sign in to %s; the login is removed from the server\n", *login, st.Path())
		} else {
			fmt.Fprintf(stdout, "%s may no longer sign in to %s; the login stays on the server, which still uses it elsewhere\n", *login, st.Path())
		}
		return 0
	}
	logins, err := st.TeamLogins()
	if err != nil {
		return report(err, stderr)
	}
	if len(logins) == 0 {
		fmt.Fprintf(stdout, "Nobody but the owner signs in to %s yet (orchard team add-user adds people)\n", st.Path())
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "LOGIN\tNAME\tROLE\tACCOUNTS")
	for _, l := range logins {
		acc := fmt.Sprint(l.Accounts)
		if l.Role != store.RoleManager {
			acc = "all (reads)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Login, l.Name, l.Role, acc)
	}
	return report(tw.Flush(), stderr)
}

func addUser(st *store.Store, login, name, role, password string, stdout io.Writer) error {
	if err := st.AddTeamLogin(login, name, role, password); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s (%s) signs in to %s as %s\n", name, login, st.Path(), role)
	if role != store.RoleManager {
		return nil
	}
	logins, err := st.TeamLogins()
	if err != nil {
		return err
	}
	for _, l := range logins {
		if l.Login == login && l.Accounts == 0 {
			fmt.Fprintf(stdout, "No account names %s as its owner or on its team yet, so %s sees none until one does\n", name, login)
		} else if l.Login == login {
			fmt.Fprintf(stdout, "%s reads and changes %d accounts: those %s owns or is on the team of\n", login, l.Accounts, name)
		}
	}
	return nil
}
