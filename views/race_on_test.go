//go:build race

package views

// raceDetector is on: tests that walk every workshop page at two window
// sizes only repeat layout work; test.sh runs them without it.
const raceDetector = true
