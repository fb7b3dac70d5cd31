//go:build !race

package pack_test

const raceDetector = false
