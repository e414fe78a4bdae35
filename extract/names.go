package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"fyp/seeds/vocabulary"
)

// chapterConcept finds a clause's subject in the vocabulary, or a
// vocabulary name that holds the subject (规模以上工业企业 in
// 规模以上工业企业数).
func chapterConcept(voc *vocabulary.Vocabulary, subj string) (vocabulary.Entry, bool) {
	if e, ok := concept(voc, subj); ok {
		return e, true
	}
	// NFC橙汁加工型柑橘(含柠檬)种植基地: the parenthesis only qualifies
	if bare := parenRe.ReplaceAllString(subj, ""); bare != subj && bare != "" {
		if e, ok := chapterConcept(voc, bare); ok {
			return e, true
		}
	}
	n := utf8.RuneCountInString(subj)
	if n < 4 {
		return vocabulary.Entry{}, false
	}
	for _, e := range voc.Entries {
		for _, name := range e.Names {
			if strings.Contains(name, subj) && n*10 >= utf8.RuneCountInString(name)*6 {
				return e, true
			}
		}
	}
	// 区级以上产业化龙头企业 and 区级以上农业产业化龙头企业: a word more or less
	if n >= 6 {
		for _, e := range voc.Entries {
			for _, name := range e.Names {
				m := utf8.RuneCountInString(name)
				if m >= 6 && (m >= n && m-n <= 3 && subsequence(subj, name) || n > m && n-m <= 3 && subsequence(name, subj)) {
					return e, true
				}
			}
		}
	}
	// 水土流失面积 and 水土流失治理面积: the same thing measured
	if c := core(subj); utf8.RuneCountInString(c) >= 3 {
		if e, ok := coresOf(voc)[c]; ok {
			return e, true
		}
	}
	return vocabulary.Entry{}, false
}

var parenRe = regexp.MustCompile(`[(（][^()（）]*[)）]`)

// measureWords end a name without changing what is counted.
var measureRe = regexp.MustCompile(`(?:建设|治理|改造|种植|播种)?(?:里程|面积|数量|总量|总数|数|规模)$`)

// core is a name without its measure word: 村社便道建设里程 → 村社便道.
func core(s string) string {
	return measureRe.ReplaceAllString(lastRunes(s, 20), "")
}

// cores maps each vocabulary to the first entry of each name's core, so
// that a document naming thousands of unknown subjects costs a lookup
// each, not a regular expression on every name of the vocabulary.
var cores sync.Map // *vocabulary.Vocabulary → map[string]vocabulary.Entry

func coresOf(voc *vocabulary.Vocabulary) map[string]vocabulary.Entry {
	if m, ok := cores.Load(voc); ok {
		return m.(map[string]vocabulary.Entry)
	}
	m := map[string]vocabulary.Entry{}
	for _, e := range voc.Entries {
		for _, name := range e.Names {
			if c := core(name); m[c].ID == "" {
				m[c] = e
			}
		}
	}
	cores.Store(voc, m)
	return m
}

// sameUnit finds an entry measured in unit with a name holding subj.
func sameUnit(voc *vocabulary.Vocabulary, subj, unit string) (vocabulary.Entry, bool) {
	n := utf8.RuneCountInString(subj)
	for _, e := range voc.Entries {
		if e.Unit != unit {
			continue
		}
		for _, name := range e.Names {
			if strings.Contains(name, subj) && n*2 >= utf8.RuneCountInString(name) {
				return e, true
			}
		}
	}
	return vocabulary.Entry{}, false
}

// subsequence tells whether the runes of a appear in b in order.
func subsequence(a, b string) bool {
	rb := []rune(b)
	j := 0
	for _, r := range a {
		for j < len(rb) && rb[j] != r {
			j++
		}
		if j == len(rb) {
			return false
		}
		j++
	}
	return true
}

func allKnown(voc *vocabulary.Vocabulary, parts []string) bool {
	for _, p := range parts {
		if _, ok := chapterConcept(voc, subjectOf(p)); !ok {
			return false
		}
	}
	return true
}

// completeParts gives a short part of a list the head of the one before:
// 单位工业用地增加值强度、税收强度 → …、单位工业用地税收强度.
func completeParts(voc *vocabulary.Vocabulary, parts []string) []string {
	out := append([]string(nil), parts...)
	for k := 1; k < len(out); k++ {
		if _, ok := chapterConcept(voc, subjectOf(out[k])); ok {
			continue
		}
		prev := []rune(subjectOf(out[k-1]))
		n := utf8.RuneCountInString(out[k])
		for cut := n - 1; cut <= n+2; cut++ {
			if cut <= 0 || cut >= len(prev) {
				continue
			}
			cand := string(prev[:len(prev)-cut]) + out[k]
			if _, ok := chapterConcept(voc, cand); ok {
				out[k] = cand
				break
			}
		}
	}
	return out
}
