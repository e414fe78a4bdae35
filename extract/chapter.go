package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyp/document"
	"fyp/seeds/vocabulary"
)

// chapterTargets reads every quantified clause of the chapters and boxes
// (outside the indicator tables) into targets.
func chapterTargets(doc *document.Document, places []place, tables []*rawTable, p *Plan, y span, voc *vocabulary.Vocabulary) error {
	inTable := map[int]bool{}
	for _, t := range tables {
		for k := t.From; k < t.To; k++ {
			inTable[k] = true
		}
	}
	byID := map[string]*Indicator{}
	for _, ind := range p.Indicators {
		byID[ind.ID] = ind
	}
	counter := map[string]int{}
	vision := false
	read := 0 // quantified clauses read, at most MaxItems
	for i, b := range doc.Blocks {
		pl := places[i]
		if b.Table != nil || pl.Heading || pl.Past || pl.Section == "" || inTable[i] {
			if pl.Heading {
				vision = false
			}
			continue
		}
		text := b.Text
		if p.VisionYear != 0 && visionRe.MatchString(text) {
			vision = true
		} else if vision && !strings.Contains(text, "二〇三五") {
			vision = false
		}
		lead := ""
		if k := strings.Index(text, "。"); k > 0 && utf8.RuneCountInString(text[:k]) <= 15 {
			lead = text[:k]
		}
		text = ungarbleYears(text, y.Base)
		for _, sent := range sentenceSplit.Split(text, -1) {
			year := y.Target
			if vision {
				year = p.VisionYear
			}
			if m := byYearRe.FindStringSubmatch(sent); m != nil {
				if yy := yearOf(m[1]); yy > y.Base {
					year = yy
				}
			}
			if pastRe.MatchString(sent) {
				continue
			}
			var goalClauses []string
			clauses := clauseSplit.Split(sent, -1)
			topics := []string{lead}
			if len(clauses) > 1 && utf8.RuneCountInString(clauses[0]) <= 10 && !byYearRe.MatchString(clauses[0]) {
				// 德感工业园:…; not 到2025年,…, a time and not a part
				topics = append(topics, strings.TrimSpace(clauses[0]))
			}
			lastSubj := ""
			var prevClauses strings.Builder // the sentence so far, built in linear time
			for _, clause := range clauses {
				found := clauseTargets(clause, lastSubj, year, y, voc)
				for k := range found {
					fromContext(&found[k], lastBytes(prevClauses.String(), contextLimit), voc)
				}
				prevClauses.WriteString(clause)
				prevClauses.WriteByte(',')
				if len(found) > 0 {
					lastSubj = found[len(found)-1].subject
				} else if k := strings.IndexAny(clause, "0123456789"); k > 0 {
					// 规模工业总产值年均增长40亿元: a path, not a target; its name
					// serves the next clause (到2025年650亿元)
					if s := subjectOf(trimVerbTail(strings.TrimSuffix(clause[:k], "年均增长"))); s != "" && utf8.RuneCountInString(s) <= 15 {
						lastSubj = s
					}
				}
				for k := range found {
					partOf(&found[k], topics, voc)
				}
				if len(found) == 0 && vision && year == p.VisionYear {
					if c := strings.TrimSpace(clause); utf8.RuneCountInString(c) >= 6 && !strings.Contains(c, "展望") && !strings.Contains(c, "远景目标") && !strings.Contains(c, "按照") {
						goalClauses = append(goalClauses, c)
					}
				}
				for _, f := range found {
					if read++; read > MaxItems {
						return tooMany(b.Line)
					}
					add(p, byID, counter, f, pl, b.Line, voc)
				}
			}
			for _, g := range goalClauses {
				if read++; read > MaxItems {
					return tooMany(b.Line)
				}
				p.Qualitative = append(p.Qualitative, Qualitative{ID: fmt.Sprintf("goal_%d_%d", year, len(p.Qualitative)+1), Year: year, Section: pl.Section, Text: g})
			}
		}
	}
	return nil
}

// visionRe starts a paragraph of long-range goals.
var visionRe = regexp.MustCompile(`^(?:二〇[三四五]\d|20[3-5]\d)年远景目标|(?:展望|到)(?:二〇[三四五][〇一二三四五六七八九]|20[3-5]\d)年`)

var (
	baseOfRe      = regexp.MustCompile(`在(\d{4})年(?:的)?基础上`)
	garbledYearRe = regexp.MustCompile(`到(20\d\d)(\d{1,5}(?:\.\d+)?(?:万|亿)?(?:元|亿元|万元|家|个|人|吨|万吨))`)
	outputRe      = regexp.MustCompile(`^(?:规模工业总产值|规模以上工业总产值|工业总产值|总产值|产值|增加值|营业收入)$`)
)

// ungarbleYears restores the 年 a copy lost in 到2025650亿元 (到2025年650亿元).
// Only a time phrase is taken so: 到 opening a clause, with a year after
// base, never the verb of 达到20000亿元 or 提高到20251人.
func ungarbleYears(text string, base int) string {
	var b strings.Builder
	last := 0
	for _, m := range garbledYearRe.FindAllStringSubmatchIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		year, _ := strconv.Atoi(text[m[2]:m[3]])
		if m[0] > 0 && !strings.ContainsRune("，,。；;：: \t(（", before) || year <= base {
			continue
		}
		b.WriteString(text[last:m[3]])
		b.WriteString("年")
		last = m[3]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// partOf reads a figure of a part (a park, a cluster) under its topic: the
// 规模工业总产值 of the paragraph 德感工业园。… is 德感工业园规模工业总产值.
func partOf(f *found, topics []string, voc *vocabulary.Vocabulary) {
	if !outputRe.MatchString(f.subject) {
		return
	}
	for _, t := range topics {
		if t == "" {
			continue
		}
		if e, ok := concept(voc, t+f.subject); ok {
			f.entry, f.known, f.subject = e, true, t+f.subject
			return
		}
	}
	for _, t := range topics {
		if t != "" {
			f.subject, f.known = t+f.subject, false
			return
		}
	}
}

// contextLimit bounds, in bytes, the earlier clauses of a sentence that
// fromContext searches: a sentence runs to a few hundred characters, and a
// document without full stops (one sentence of a million clauses) must not
// make the search quadratic.
const contextLimit = 4096

// lastBytes is the end of s, at most n bytes, starting at a whole rune.
func lastBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

// fromContext names a bare subject by the clause before it: 创建产业园9个
// after …现代农业产业园 is 现代农业产业园.
func fromContext(f *found, prev string, voc *vocabulary.Vocabulary) {
	if f.known || prev == "" || utf8.RuneCountInString(f.subject) > 4 {
		return
	}
	for _, e := range voc.Entries {
		for _, n := range e.Names {
			if n != f.subject && strings.HasSuffix(n, f.subject) && strings.Contains(prev, n) {
				f.entry, f.known = e, true
				return
			}
		}
	}
}

// found is a quantified clause read into a target, before it is attached.
type found struct {
	subject string
	entry   vocabulary.Entry
	known   bool
	unit    string
	target  *Target
	quote   string
}

// maxRestated bounds the restatements of a target noted on its indicator.
const maxRestated = 10

// moreRestated ends a note that names maxRestated restatements.
const moreRestated = "另有更多重申，从略"

// add attaches a clause's target to its indicator: a restatement of a
// table row refines it, a new figure for a known indicator is added to it,
// an unknown subject becomes a new indicator marked for review.
func add(p *Plan, byID map[string]*Indicator, counter map[string]int, f found, pl place, line int, voc *vocabulary.Vocabulary) {
	t := f.target
	if t.RelativeTo != "" && (byID[t.RelativeTo] == nil || f.known && f.entry.ID == t.RelativeTo) {
		// measured against an indicator the plan does not hold: kept as words
		p.Qualitative = append(p.Qualitative, Qualitative{ID: fmt.Sprintf("goal_%d_%d", t.Year, len(p.Qualitative)+1), Year: t.Year, Section: pl.Section, Text: f.quote})
		return
	}
	if f.known && !slices.Contains(f.entry.Names, f.subject) {
		addReview(&t.Review, "原文“"+f.subject+"”按词表读作"+f.entry.ID)
	}
	if f.known {
		if ind, ok := byID[f.entry.ID]; ok {
			for _, old := range ind.Targets {
				if old.Year != t.Year || old.RelativeTo != t.RelativeTo || old.Value == nil || t.Value == nil || *old.Value != *t.Value {
					continue
				}
				// a restatement: the table's cell stays as printed; a
				// document restating it without end (a hostile or broken
				// one) gets a bounded note, not one growing quadratically
				switch n := strings.Count(ind.Note, "重申: "); {
				case n < maxRestated:
					addNote(&ind.Note, pl.Section+"重申: "+f.quote)
				case n == maxRestated && !strings.HasSuffix(ind.Note, moreRestated):
					addNote(&ind.Note, moreRestated)
				}
				return
			}
			t.Note = pl.Section + ": " + f.quote
			if t.Kind == "level" && ind.Unit != "" && f.unit != "" && f.unit != ind.Unit && f.unit != "%" {
				addReview(&t.Review, "单位"+f.unit+"与指标单位"+ind.Unit+"不同")
			}
			ind.Targets = append(ind.Targets, t)
			return
		}
	}
	ind := &Indicator{Name: f.subject, Section: pl.Section, Box: pl.Box, Attribute: "expected", Quote: f.quote, Baseline: Baseline{Year: p.BaseYear}, line: line}
	if f.known {
		e := f.entry
		ind.ID, ind.NameEN, ind.Unit, ind.UnitEN, ind.Direction, ind.Path, ind.Bounds = e.ID, e.NameEN, e.Unit, e.UnitEN, e.Direction, e.Path, e.Bounds
		ind.Name = e.Names[0]
		if f.unit != "" && f.unit != e.Unit && t.Kind == "level" {
			addReview(&t.Review, "单位"+f.unit+"与词表单位"+e.Unit+"不同")
		}
	} else {
		ch := sectionKey(pl.Section)
		counter[ch]++
		ind.ID = fmt.Sprintf("%s_%d", ch, counter[ch])
		ind.Unit = f.unit
		if ind.Unit == "" {
			ind.Unit = "?"
			addReview(&ind.Review, "未找到单位")
		}
		ind.Direction = guessDirection(f.subject)
		ind.Path = "compound"
		if ind.Unit == "%" {
			ind.Path = "linear"
			if t.Kind == "level" || t.Kind == "floor" {
				ind.Bounds = []float64{0, 100}
			}
		}
		addReview(&ind.Review, "名称不在词表中，请核对名称和id")
	}
	if t.Kind == "level" && len(ind.Bounds) == 2 && (*t.Value < ind.Bounds[0] || *t.Value > ind.Bounds[1]) {
		ind.Bounds = nil
		addReview(&t.Review, "目标值超出取值范围")
	}
	if t.Kind == "reduction" && *t.Value >= 100 {
		t.Kind, t.From = "level", 0
		addReview(&t.Review, "降低率不小于100%")
	}
	ind.Targets = append(ind.Targets, t)
	p.Indicators = append(p.Indicators, ind)
	byID[ind.ID] = ind
}

// sectionKey turns 第三章第一节 into ch3_1.
func sectionKey(s string) string {
	key := "ch"
	for _, m := range regexp.MustCompile(`第([一二三四五六七八九十百零〇\d]+)[篇章节]`).FindAllStringSubmatch(s, -1) {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			n = cnNumber(m[1])
		}
		if key != "ch" {
			key += "_"
		}
		key += strconv.Itoa(n)
	}
	if key == "ch" {
		key = "ch0"
	}
	return key
}
