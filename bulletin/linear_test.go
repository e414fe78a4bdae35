package bulletin

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestYearMarksBefore: the year named before any point of a sentence, from
// the marks found once, is the one yearIn finds rescanning the prefix, at
// every character boundary, 相比 cut in two included.
func TestYearMarksBefore(t *testing.T) {
	for _, s := range []string{
		"2023年全年实现地区生产总值1401.59亿元,比2022年增长7.0%",
		"与2020年相比,2023年人均地区生产总值达104274元,2021年相比下降",
		"最终计算2021年全县生产总值,6、江津区:2021年,江津区常住人口2020年相",
		"从2019年到2021年,至2022年末",
		"无年份",
		"2020年相比2021年相比",
	} {
		ys := yearMarksIn(s)
		for c := 0; c <= len(s); c++ {
			if c < len(s) && !utf8.RuneStart(s[c]) {
				continue
			}
			if got, want := ys.before(c), yearIn(s[:c]); got != want {
				t.Errorf("%q cut at %d (%q): %d, want %d", s, c, s[:c], got, want)
			}
		}
	}
}

// TestClauseIndex: where the lead words end before a name and the last
// space before it, from the clause's index, are what rescanning the
// clause's start gives, at every character boundary.
func TestClauseIndex(t *testing.T) {
	for _, c := range []string{
		"全年全区实现地区生产总值1401.59亿元",
		"2023年末全区常住人口133.45万人",
		"第三产业 1469.26 7.5 71.3 年末全区常住人口",
		"江津区人民政府全年 常住人口",
		"全年",
		"",
		"  全年 全区 ",
	} {
		ix := indexClause(c)
		for i := 0; i <= len(c); i++ {
			if i < len(c) && !utf8.RuneStart(c[i]) {
				continue
			}
			lead := leadRe.FindStringIndex(c[:i])[1]
			if got := ix.leadBefore(c, i); got != lead {
				t.Errorf("%q at %d: lead ends at %d, want %d", c, i, got, lead)
			}
			if got, want := ix.lastSpace(lead, i), strings.LastIndex(c[lead:i], " "); got != want {
				t.Errorf("%q at %d: last space %d, want %d", c, i, got, want)
			}
		}
	}
}

// TestWarningQuotesBounded: a clause of megabytes (a PDF without
// punctuation) is quoted in a warning by its first maxQuote characters and
// "…", not whole (it printed 9.6 MB on one line).
func TestWarningQuotesBounded(t *testing.T) {
	r := readText(t, "long.txt", "2023年公报\n"+strings.Repeat("常住人口", 100000)+"5万人\n", 0)
	if len(r.Warnings) == 0 {
		t.Fatal("no warning for the unreadable clause")
	}
	for _, w := range r.Warnings {
		for _, q := range []string{w.Clause, w.Msg, w.MsgEN} {
			if n := utf8.RuneCountInString(q); n > maxQuote+1 || n > 100 && !strings.HasSuffix(q, "…") {
				t.Errorf("a warning quotes %d characters: %.80s…", n, q)
			}
		}
	}
}

// TestElsewhere: a title's place is the plan's when each names the other's
// bare name (江津区 for 重庆市江津区); the city's for a district's plan, or
// a district's for the city's, is another place.
func TestElsewhere(t *testing.T) {
	for _, c := range []struct {
		place, region string
		want          bool
	}{
		{"重庆市江津区", "重庆市江津区", false}, {"江津区", "重庆市江津区", false},
		{"重庆市", "重庆市江津区", true}, {"重庆市江津区", "重庆市", true},
		{"重庆市永川区", "重庆市江津区", true}, {"", "重庆市江津区", false}, {"重庆市", "", false},
	} {
		if got := (&Result{Place: c.place}).Elsewhere(c.region); got != c.want {
			t.Errorf("Elsewhere(%q, plan %q) = %v, want %v", c.place, c.region, got, c.want)
		}
	}
}

// TestMarkReview: each figure keeps its own mark and gains the new one;
// one figure's mark never reaches another's.
func TestMarkReview(t *testing.T) {
	r := &Result{Figures: []Figure{{Review: "原文为约数或预计数"}, {}, {Review: "表中未写明年份"}}}
	r.MarkReview("另一地区")
	for i, want := range []string{"原文为约数或预计数; 另一地区", "另一地区", "表中未写明年份; 另一地区"} {
		if got := r.Figures[i].Review; got != want {
			t.Errorf("figure %d: %q, want %q", i, got, want)
		}
	}
}
