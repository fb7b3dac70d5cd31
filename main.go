// Command orchard is a desktop application for strategic account planning.
// Run it without arguments for the window; see `orchard help` for the
// headless commands.
package main

import (
	"os"

	_ "orchard/internal/plainlocale" // first: before the toolkit reads the locale

	"orchard/app"
)

func main() {
	if len(os.Args) > 1 {
		attachConsole() // Windows: print in the terminal the command came from
	}
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
}
