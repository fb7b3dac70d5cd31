//go:build race

package app

// raceDetector is on: tests that only repeat work many times over (whole
// corpora, packs for every account) run once more without it in test.sh.
const raceDetector = true
