// Command hello is the Fyne hello-world Orchard's start-up is measured
// against (scripts/startup.sh): a window of Orchard's first size with one
// label. With ORCHARD_STARTUP_PROBE set it prints "first-content" once its
// first frame is up, as Orchard does.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(1240, 660))
	if os.Getenv("ORCHARD_STARTUP_PROBE") != "" {
		a.Lifecycle().SetOnStarted(func() {
			go fyne.Do(func() { fmt.Println("first-content") })
		})
	}
	w.ShowAndRun()
}
