package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"fyp/document"
	"fyp/seeds/vocabulary"

	"fyp/internal/bilingual"
)

// Options steer an extraction; zero values are read from the document.
type Options struct {
	ID         string // the plan's id; "plan" when empty
	BaseYear   int    // 基期; from the table header or the plan's number
	TargetYear int
	Vocabulary *vocabulary.Vocabulary // the shipped one when nil
}

// Result is what Extract finds.
type Result struct {
	Plan   *Plan
	Record *Plan // the previous plan's record table, when the plan prints one
	// Sections counts the targets found in each chapter (第一章 …), in order.
	Sections []SectionCount
}

// SectionCount is a number of targets found in a chapter.
type SectionCount struct {
	Chapter string
	Targets int
}

// ErrNotAPlan is returned (wrapped) for a document without an indicator
// table and without a quantified target.
var ErrNotAPlan = &bilingual.Error{
	ZH: "不是规划：没有找到主要指标表（标题含“主要指标”或“指标体系”，各行序号为1、2 …），也没有量化目标（“到2025年…达到X”“年均增长X%”“控制在X以内”…）",
	EN: `not a plan: found no main indicator table (a heading with "主要指标" or "指标体系" and rows "序号 1, 2 …") and no quantified target ("到2025年…达到X", "年均增长X%", "控制在X以内" …)`,
}

var (
	titleRe   = regexp.MustCompile(`^.{0,40}(?:第([一二三四五六七八九十]+)个五年规划|“?([一二三四五六七八九十]+)五”?规划).{0,40}$`)
	regionRe  = regexp.MustCompile(`^(.{2,20}?(?:省|自治区|市|区|县|旗|州|盟))(?:国民经济|“|"|十)`)
	visionNum = regexp.MustCompile(`(二〇[一二三四五六七八九〇]{2}|20[3-5]\d)年远景目标`)
)

// MaxItems bounds the targets, goals and table rows read from one
// document. A plan states a few hundred (Jiangjin's 14th plan 180 targets
// and 23 goals, a national plan fewer); a document with thousands is not
// one, and reading it into a plan file would take memory in proportion
// (some 60 KB an item while the file is written and checked) for a file
// too large to load (YAMLLimit holds some 30,000 items).
const MaxItems = 5000

// tooMany is the error of a document over MaxItems, at line (0: unknown).
func tooMany(line int) error {
	if line > 0 {
		return bilingual.Errorf("第%[2]d行：读到的量化目标已超过%[1]d个，不像一份规划（一份规划通常有几十到几百个）", "line %[2]d: over %[1]d quantified targets read, more than any plan states (a plan has tens to hundreds)", MaxItems, line)
	}
	return bilingual.Errorf("指标表超过%d行，不像一份规划（一份规划通常有几十到几百个目标）", "an indicator table of over %d rows, more than any plan holds (a plan has tens to hundreds of targets)", MaxItems)
}

// Extract reads a plan document.
func Extract(doc *document.Document, o Options) (*Result, error) {
	voc := o.Vocabulary
	if voc == nil {
		voc = vocabulary.Default()
	}
	places := locate(doc)
	sections := make([]string, len(places))
	for i, p := range places {
		sections[i] = p.Section
	}
	p := &Plan{ID: o.ID, Header: "Extracted by fyp extract from " + doc.Name + ". Check every item marked review, then delete its review line."}
	if p.ID == "" {
		p.ID = "plan"
	}
	// Title, region, years from the plan's name.
	nth := 0
	for _, b := range doc.Blocks {
		if b.Table != nil {
			continue
		}
		if m := titleRe.FindStringSubmatch(b.Text); m != nil && strings.Contains(b.Text, "规划") {
			t := strings.TrimSpace(b.Text)
			if k := strings.LastIndex(t, ">>"); k >= 0 {
				t = strings.TrimSpace(t[k+2:])
			}
			p.Title = Text{ZH: t}
			p.Source = t
			nth = cnNumber(m[1] + m[2])
			if r := regionRe.FindStringSubmatch(t); r != nil {
				p.Region = &Text{ZH: r[1]}
			}
			if v := visionNum.FindStringSubmatch(t); v != nil {
				p.VisionYear = yearOf(v[1])
			}
			break
		}
	}
	if p.Title.ZH == "" {
		p.Title = Text{ZH: doc.Name}
	}
	tables := findTables(doc, sections)
	var main, record *rawTable
	for _, t := range tables {
		switch {
		case t.Record && record == nil:
			record = t
		case !t.Record && main == nil:
			main = t
		}
	}
	y := span{o.BaseYear, o.TargetYear}
	if nth >= 3 {
		if y.Target == 0 {
			y.Target = 1970 + 5*(nth-3)
		}
	}
	if main != nil && len(main.Years) >= 2 {
		sorted := append([]int(nil), main.Years...)
		sort.Ints(sorted)
		if y.Base == 0 {
			y.Base = sorted[0]
		}
		if y.Target == 0 {
			y.Target = sorted[len(sorted)-1]
		}
	}
	if y.Target == 0 && y.Base != 0 {
		y.Target = y.Base + 5
	}
	if y.Base == 0 && y.Target != 0 {
		y.Base = y.Target - 5
	}
	if y.Base == 0 {
		return nil, bilingual.Errorf("%v；也没有规划年份：请给出--base-year和--target-year", "%w; and no plan years: give --base-year and --target-year", ErrNotAPlan)
	}
	if y.Target <= y.Base {
		return nil, bilingual.Errorf("目标年%d不晚于基期年%d", "the target year %d is not after the base year %d", y.Target, y.Base)
	}
	p.BaseYear, p.TargetYear = y.Base, y.Target
	if p.VisionYear != 0 && p.VisionYear < p.TargetYear {
		p.VisionYear = 0
	}
	res := &Result{Plan: p}
	for _, t := range []*rawTable{main, record} {
		if t != nil && len(t.Rows) > MaxItems {
			return nil, tooMany(0)
		}
	}
	if main != nil {
		for _, row := range main.Rows {
			p.Indicators = append(p.Indicators, rowIndicator(main, row, y, voc))
		}
		if main.Notes != "" {
			for _, ind := range p.Indicators {
				addNote(&ind.Note, "表注: "+main.Notes)
				break
			}
		}
	}
	uniqueIDs(p) // two rows read as one concept: the second renamed before chapters attach to the first
	if err := chapterTargets(doc, places, tables, p, y, voc); err != nil {
		return nil, err
	}
	uniqueIDs(p)
	settleLevels(p)
	if p.Targets() == 0 {
		return nil, ErrNotAPlan
	}
	if record != nil {
		res.Record = recordPlan(record, p, voc)
		if res.Record != nil {
			p.Previous = res.Record.ID
		}
	}
	res.Sections = countSections(p)
	return res, nil
}

// recordPlan reads a previous plan's record table into its own plan file:
// its base and target years are the previous period's.
func recordPlan(t *rawTable, p *Plan, voc *vocabulary.Vocabulary) *Plan {
	n := p.TargetYear - p.BaseYear
	y := span{p.BaseYear - n, p.BaseYear}
	r := &Plan{
		ID: p.ID + "-previous", Title: Text{ZH: strings.TrimSpace(strings.TrimPrefix(t.Title, "专栏"))}, Region: p.Region,
		BaseYear: y.Base, TargetYear: y.Target, Source: p.Source + ", " + t.Title,
		Header: "The previous plan's record, extracted by fyp extract from the table " + t.Title + ".",
	}
	for _, row := range t.Rows {
		r.Indicators = append(r.Indicators, rowIndicator(t, row, y, voc))
	}
	uniqueIDs(r)
	settleLevels(r)
	if len(r.Indicators) == 0 {
		return nil
	}
	return r
}

// uniqueIDs renames a second indicator with the same id (two rows read as
// one concept) and marks it.
func uniqueIDs(p *Plan) {
	seen := map[string]int{}
	for _, ind := range p.Indicators {
		seen[ind.ID]++
		if k := seen[ind.ID]; k > 1 {
			addReview(&ind.Review, "与另一指标同为"+ind.ID+"，请核对是否同一指标")
			ind.ID = fmt.Sprintf("%s_%d", ind.ID, k)
		}
	}
}

func countSections(p *Plan) []SectionCount {
	var out []SectionCount
	idx := map[string]int{}
	for _, ind := range p.Indicators {
		ch := ind.Section
		if k := strings.Index(ch, "章"); k >= 0 {
			ch = ch[:k+len("章")]
		}
		i, ok := idx[ch]
		if !ok {
			i = len(out)
			idx[ch] = i
			out = append(out, SectionCount{Chapter: ch})
		}
		out[i].Targets += len(ind.Targets)
	}
	return out
}

// yearOf reads 2035 or 二〇三五.
func yearOf(s string) int {
	if y := cnYear(s); y != 0 {
		return y
	}
	y := 0
	fmt.Sscanf(s, "%d", &y)
	return y
}
