package extract

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"

	"fyp/document"
)

// BenchmarkExtract100Pages reads and extracts a 100-page plan: the seed
// text (about 70,000 characters, some 50 pages of a printed plan at 1,400
// characters a page) twice over. The goal: under a second.
func BenchmarkExtract100Pages(b *testing.B) {
	data, err := os.ReadFile(findSeedText(b))
	if err != nil {
		b.Fatal(err)
	}
	var doc []byte
	for utf8.RuneCount(doc) < 100*1400 {
		doc = append(doc, data...)
		doc = append(doc, '\n')
	}
	b.SetBytes(int64(len(doc)))
	b.ReportMetric(float64(utf8.RuneCount(doc))/1400, "pages")
	for b.Loop() {
		d, err := document.Read("plan.txt", doc)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Extract(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := res.Plan.WriteYAML(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
