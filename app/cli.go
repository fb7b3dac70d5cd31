// Package app is Orchard's composition root: it reads the command line,
// opens the workspace file, builds the window with its menus, shortcuts and
// preferences, and runs the headless commands.
package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"orchard/model"
	"orchard/store"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"orchard/app/workspace"
	"orchard/assets/sample"
)

const usage = `Orchard — strategic account planning

Usage:
  orchard                       open the window on the default workspace
  orchard --db PATH             open the window on the workspace file PATH
  orchard [--db PATH] --import FILE
                                open the window and the import wizard on the spreadsheet FILE
  orchard new --db PATH         create an empty workspace at PATH
  orchard demo --db PATH        create a workspace at PATH filled with the sample portfolio
  orchard summary --db PATH     print a JSON summary of the workspace at PATH
  orchard import FILE... --db PATH [--account NAME] [--mapping M.json] [--save-mapping M.json]
                     [--dates dmy|mdy] [--kind SHEET=KIND]... [--currency EUR] [--dry-run] [--json]
                     [--report PROBLEMS.csv]
                                import accounts, people, team, opportunities, actions and revenue
                                from .xlsx or .csv, or an Orchard workbook back into a workspace
  orchard flags --db PATH [--owner NAME] [--json]
                                list the coaching flags across accounts
  orchard export --db PATH --account NAME --out DIR [--figures] [--internal]
                                write the account's review pack into the new folder DIR
  orchard export --db PATH --account NAME --pptx FILE [--pdf FILE] [--figures] [--internal] [--template FILE.potx]
                                write the account's review as a PowerPoint deck and/or a PDF
  orchard export --db PATH --chart NAME [--account NAME] --format png|svg --out FILE
                                draw one chart: quadrant, pareto, revenue, actions, impact, scorecard, coverage
  orchard export --db PATH --account NAME --map FILE.png [--customer-safe]
                                draw an account's relationship map (2× scale)
  orchard export --db PATH [--account NAME] --xlsx FILE
                                write the whole workspace (or one account) as a workbook that imports back
  orchard publish --db PATH --to postgres://USER@HOST/DATABASE
                                copy a workspace file into an empty team workspace on a PostgreSQL
                                server; --db postgres://… then reads it (summary, flags, export)
  orchard team add-user --db postgres://… --name NAME --login LOGIN --password P|- --role manager|leader|viewer
  orchard team list --db postgres://…
  orchard team remove --db postgres://… --login LOGIN
                                who may sign in to a team workspace, and as what: a manager reads and
                                changes the accounts they own or are on the team of, a leader reads all
                                and changes reviews and settings, a viewer reads (internal items only
                                for the account's team and leaders); PostgreSQL enforces it
  orchard PATH.orchard          open the window on that workspace
  orchard --version             print Orchard's version
  orchard help                  show this text

The default workspace is %s
`

// Main runs Orchard with the arguments after the program name and returns
// the process exit code: 0 on success, 1 on failure, 2 on a usage error.
func Main(args []string, stdout, stderr io.Writer) int {
	// Scratch files (excelize's spill files, scratch workspaces) live in
	// one folder of this process's own, removed on the way out.
	defer store.RemoveTempDir()
	cmd := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	cmd, args = command(cmd, args)
	switch cmd {
	case "":
		// --import FILE opens the window with the import wizard on FILE.
		var importPath string
		for i := 0; i+1 < len(args); i++ {
			if args[i] == "--import" || args[i] == "-import" {
				importPath = args[i+1]
				args = append(args[:i:i], args[i+2:]...)
				break
			}
		}
		db, ok := parseDB("orchard", args, false, stderr)
		if !ok {
			return 2
		}
		return runGUI(db, importPath, stderr)
	case "demo":
		db, ok := parseDB("orchard demo", args, true, stderr)
		if !ok {
			return 2
		}
		return report(runDemo(db, stdout), stderr)
	case "new":
		db, ok := parseDB("orchard new", args, true, stderr)
		if !ok {
			return 2
		}
		return report(runNew(db, stdout), stderr)
	case "summary":
		db, ok := parseDB("orchard summary", args, true, stderr)
		if !ok {
			return 2
		}
		return report(runSummary(db, stdout), stderr)
	case "import":
		defer textRegion(args)()
		return runImport(args, stdout, stderr)
	case "flags":
		defer textRegion(args)()
		return runFlags(args, stdout, stderr)
	case "export":
		return runExport(args, stdout, stderr)
	case "publish":
		return runPublish(args, stdout, stderr)
	case "team":
		return runTeam(args, os.Stdin, stdout, stderr)
	case "help":
		fmt.Fprintf(stdout, usage, DefaultWorkspacePath())
		return 0
	case "version":
		fmt.Fprintln(stdout, versionText())
		return 0
	}
	fmt.Fprintf(stderr, "orchard: unknown command %q\n\n", cmd)
	fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
	return 2
}

// textRegion writes a command's text output (not its JSON, which stays
// neutral) as the terminal's locale writes numbers and dates, until the
// function it returns puts the region back.
func textRegion(args []string) func() {
	was := model.CurrentRegion()
	id := envLocale()
	for _, a := range args {
		if a == "--json" || a == "-json" {
			id = ""
		}
	}
	model.SetRegion(id)
	return func() { model.SetRegion(was) }
}

// parseDB reads the one flag every entry point shares.
func parseDB(name string, args []string, required bool, stderr io.Writer) (string, bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "workspace file")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
			return "", false
		}
		fmt.Fprintf(stderr, "%s: %v\n\n", name, err)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return "", false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n\n", name, fs.Arg(0))
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return "", false
	}
	if required && *db == "" {
		fmt.Fprintf(stderr, "%s: --db PATH is required\n\n", name)
		fmt.Fprintf(stderr, usage, DefaultWorkspacePath())
		return "", false
	}
	return *db, true
}

func report(err error, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintf(stderr, "orchard: %v\n", err)
		return 1
	}
	return 0
}

// DefaultWorkspacePath is where the workspace lives when no --db is given.
func DefaultWorkspacePath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "Orchard", "workspace.orchard")
}

// createSample makes a new workspace at path filled with the sample portfolio.
func createSample(path string) (*workspace.Workspace, error) {
	settings, records := sample.Build(time.Now())
	return workspace.Create(path, settings, records)
}

// runNew creates an empty workspace (the default settings, no records).
func runNew(path string, stdout io.Writer) error {
	ws, err := workspace.Create(path, model.DefaultSettings(), nil)
	if err != nil {
		return err
	}
	defer ws.Close()
	fmt.Fprintf(stdout, "created %s: an empty workspace\n", path)
	return nil
}

func runDemo(path string, stdout io.Writer) error {
	ws, err := createSample(path)
	if err != nil {
		return err
	}
	defer ws.Close()
	p := ws.Portfolio()
	fmt.Fprintf(stdout, "created %s: %d accounts, %d stakeholders, %d actions\n", path,
		len(p.Accounts()), p.Count("stakeholder"), p.Count("action"))
	return nil
}

// workspaceExt is the extension of workspace files.
const workspaceExt = ".orchard"

// versionText names the version, the commit it was built from when the
// build recorded one, and the platform.
func versionText() string {
	commit := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				commit = ", commit " + s.Value[:7]
			}
		}
	}
	return fmt.Sprintf("Orchard %s (%s/%s%s, %s)", Version, runtime.GOOS, runtime.GOARCH, commit, runtime.Version())
}

// command reads the forms that are not a command word: a workspace file
// given alone opens it (what a double-click on the file runs once the
// package registers the extension), and --version asks for the version.
func command(cmd string, args []string) (string, []string) {
	if strings.HasSuffix(strings.ToLower(cmd), workspaceExt) {
		return "", append([]string{"--db", cmd}, args...)
	}
	if cmd == "" && len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		return "version", nil
	}
	return cmd, args
}
