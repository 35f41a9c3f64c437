package geo

import "testing"

func BenchmarkLookup(b *testing.B) {
	g := Default()
	codes := []string{"75001", "13001", "69001", "13100", "20000", "97110", "97600", "59000", "00000", "29990"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Lookup(codes[i%len(codes)])
	}
}

// BenchmarkDefaultLoad measures what Default pays once at start-up: decompressing
// and parsing the embedded file.
func BenchmarkDefaultLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := parse(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
