package store_test

import (
	"testing"

	"orchard/store"
)

// BenchmarkOpenAndLoad measures start-up: open, check and load the sample.
func BenchmarkOpenAndLoad(b *testing.B) {
	path, _, _ := newSampleFile(b)
	b.ReportAllocs()
	for b.Loop() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Load(); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
