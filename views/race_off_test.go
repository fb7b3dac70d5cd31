//go:build !race

package views

const raceDetector = false
