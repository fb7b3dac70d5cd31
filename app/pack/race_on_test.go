//go:build race

package pack_test

// raceDetector is on: tests that only repeat work many times over (whole
// corpora, packs for every account) run once more without it in test.sh.
const raceDetector = true
