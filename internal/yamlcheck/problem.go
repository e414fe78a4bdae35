// Package yamlcheck reads user-written YAML strictly and reports every
// problem with its file, line and key: the plan and scenario loaders share
// it. It parses to a yaml.Node tree (which keeps line numbers, unlike viper)
// and walks it with typed accessors that record problems instead of
// stopping at the first one.
package yamlcheck

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"fyp/internal/bilingual"
	"fyp/internal/numfmt"
)

// Problem is one thing wrong with a user's file.
type Problem struct {
	File string
	Line int // 0 when no line can be known
	Col  int
	Key  string // dotted key path, e.g. assumptions.gdp.rate
	Msg  string // in English
	// MsgZH is the message in Chinese ("" falls back to Msg).
	MsgZH string
}

// Error is the problem in English.
func (p Problem) Error() string { return p.In("en") }

// In is the problem in lang ("en", else Chinese): the same file, line,
// column and key, then the message.
func (p Problem) In(lang string) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Key != "" {
		b.WriteString(p.Key)
		b.WriteString(": ")
	}
	if lang != "en" && p.MsgZH != "" {
		b.WriteString(p.MsgZH)
	} else {
		b.WriteString(p.Msg)
	}
	return b.String()
}

// Problems is every problem found in one or more files; it is an error
// whose message lists them one a line, in file and line order.
type Problems []Problem

// MaxShown is how many problems Error lists; the rest are counted. A file
// with 100,000 bad rows gives the first MaxShown and "… and 99,950 more
// problems", not 100,000 lines.
const MaxShown = 50

// Error lists the first MaxShown problems in file order, one a line, and
// counts the rest, in English.
func (ps Problems) Error() string { return ps.In("en") }

// In lists the problems as Error does, in lang ("en", else Chinese).
func (ps Problems) In(lang string) string {
	ps.Sort()
	n := min(len(ps), MaxShown)
	lines := make([]string, n, n+1)
	for i, p := range ps[:n] {
		lines[i] = p.In(lang)
	}
	if more := len(ps) - n; more > 0 {
		noun := "problems"
		if more == 1 {
			noun = "problem"
		}
		lines = append(lines, bilingual.Sprintf(lang, "……另有%[1]s个问题（共%[3]s个）", "… and %s more %s (%s in all)", numfmt.Thousands(more), noun, numfmt.Thousands(len(ps))))
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by file, line and column.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns ps as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Suggest returns the candidates closest to s, best first, at most three:
// those within an edit distance of a third of its length in characters (at
// least 1, so a four-character Chinese name tolerates one wrong character),
// and those that contain it.
func Suggest(s string, candidates []string) []string {
	type scored struct {
		c string
		d int
	}
	n := utf8.RuneCountInString(s)
	limit := max(1, n/3)
	var best []scored
	for _, c := range candidates {
		d := Distance(strings.ToLower(s), strings.ToLower(c))
		if d <= limit || (n >= 2 && strings.Contains(c, s)) {
			best = append(best, scored{c, d})
		}
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].d < best[j].d })
	out := []string{}
	for i := 0; i < len(best) && i < 3; i++ {
		out = append(out, best[i].c)
	}
	return out
}

// Hint is DidYouMean in both languages, for bilingual messages.
func Hint(s string, candidates []string) bilingual.Text {
	sug := Suggest(s, candidates)
	if len(sug) == 0 {
		return bilingual.Text{}
	}
	return bilingual.Text{ZH: "；是否想写 " + strings.Join(quoteAll(sug), " 或 ") + "？", EN: "; did you mean " + strings.Join(quoteAll(sug), " or ") + "?"}
}

// DidYouMean formats a suggestion for a message ("" when there is none).
func DidYouMean(s string, candidates []string) string {
	sug := Suggest(s, candidates)
	if len(sug) == 0 {
		return ""
	}
	return "; did you mean " + strings.Join(quoteAll(sug), " or ") + "?"
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// Distance is the edit distance between a and b in runes, counting an
// insertion, a deletion, a substitution or a swap of two neighbours as one.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
