package extract

import (
	"bytes"
	"fmt"
	"os"
	"strings"
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

// BenchmarkExtractNoFullStops extracts a document whose targets stand in
// one sentence (a copy that lost every 。), each clause naming another
// subject, at 2,000 and 4,000 clauses. The time per clause must stay flat
// between the two (it grew with the sentence: the sentence so far was
// rebuilt and searched for each clause, and every vocabulary name's core
// recomputed for each subject).
func BenchmarkExtractNoFullStops(b *testing.B) {
	for _, clauses := range []int{2000, 4000} {
		b.Run(fmt.Sprint(clauses), func(b *testing.B) {
			var text strings.Builder
			text.WriteString("某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n第一章 发展目标\n\n第一节 主要目标\n\n")
			for i := range clauses {
				fmt.Fprintf(&text, "到2025年,第%d产业园产值达到%d亿元,", i, i+1)
			}
			doc := []byte(text.String())
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				d, err := document.Read("plan.txt", doc)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Extract(d, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*clauses), "µs/clause")
		})
	}
}
