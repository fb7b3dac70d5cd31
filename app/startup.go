package app

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// What start-up does before the first frame besides building it: loading
// the faces the first screen is written in, and collecting garbage.

// loadFaces loads the regular and the bold face, each on a goroutine of
// its own, while the window and the workspace open on the main one; the
// channel closes when both are in the toolkit's cache. Loading a face
// (its file, the emoji and the system fallback) is most of the cost of
// the first text measured, and the first screen needs these two.
//
// A loaded face is not safe for use from two goroutines at once, so
// nothing else may measure text until the channel has closed.
func loadFaces() <-chan struct{} {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fyne.MeasureText("Orchard", theme.TextSize(), style)
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}

// startupHeap is the heap start-up may grow to before the collector runs:
// the first screen's garbage is left until after its first frame, but a
// very large workspace is still collected while it loads.
const startupHeap = 192 << 20

// holdGC stops collecting garbage below startupHeap until the function
// it returns is called, which puts the collector back as it was.
func holdGC() (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(startupHeap)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// profileStartup writes a CPU profile of start-up, until the first frame,
// to the file named (scripts/startup.sh --profile); with no name it does
// nothing.
func profileStartup(name string) (stop func()) {
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "orchard: start-up profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
