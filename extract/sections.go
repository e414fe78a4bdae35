package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"fyp/document"
)

var (
	partRe    = regexp.MustCompile(`^第([一二三四五六七八九十百零〇\d]+)篇`)
	chapterRe = regexp.MustCompile(`^第([一二三四五六七八九十百零〇\d]+)章`)
	sectionRe = regexp.MustCompile(`^第([一二三四五六七八九十百零〇\d]+)节`)
	boxRe     = regexp.MustCompile(`^专栏\s*\d*`)
)

// place is where a block stands: its section (第一章第四节) and box.
type place struct {
	Section string
	Box     string
	Heading bool // the block is a heading or a box title
	// Past: the section reviews the previous period (取得决定性成就,
	// 发展基础): its figures are results, not targets.
	Past bool
}

var (
	listChapterRe = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	listSectionRe = regexp.MustCompile(`^[(（][一二三四五六七八九十]+[)）]`)
)

// hasChapters tells a plan with 第N章 or 第N篇 headings.
func hasChapters(doc *document.Document) bool {
	for _, b := range doc.Blocks {
		if utf8.RuneCountInString(b.Text) <= 50 && (chapterRe.MatchString(b.Text) || partRe.MatchString(b.Text)) {
			return true
		}
	}
	return false
}

var pastHeadingRe = regexp.MustCompile(`成就|回顾|成效|发展基础|发展环境|现实基础|取得`)

// locate gives every block its section and box. A box runs from its title
// to the next heading or box; a table block ends it too.
func locate(doc *document.Document) []place {
	out := make([]place, len(doc.Blocks))
	// A table of contents lists the headings once before the text: the
	// text starts at the last 第一章 (or 第一篇).
	start := 0
	for i, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, "第一章") || strings.HasPrefix(b.Text, "第一篇") || strings.HasPrefix(b.Text, "第1章") {
			if utf8.RuneCountInString(b.Text) <= 50 {
				start = i
			}
		}
	}
	// A plan without 第N章 headings numbers them 一、 and (一): read those.
	chRe, secRe := chapterRe, sectionRe
	if !hasChapters(doc) {
		chRe, secRe = listChapterRe, listSectionRe
	}
	var part, chapter, section, box string
	past := false
	for i, b := range doc.Blocks {
		if i < start {
			continue
		}
		t := b.Text
		short := utf8.RuneCountInString(t) <= 50 && !strings.HasSuffix(t, "。")
		switch {
		case b.Table != nil:
		case short && partRe.MatchString(t):
			part, chapter, section, box = partRe.FindString(t), "", "", ""
			past = pastHeadingRe.MatchString(t)
			out[i].Heading = true
		case short && chRe.MatchString(t):
			chapter, section, box = chRe.FindString(t), "", ""
			past = pastHeadingRe.MatchString(t)
			out[i].Heading = true
		case short && secRe.MatchString(t):
			section, box = secRe.FindString(t), ""
			past = pastHeadingRe.MatchString(t)
			out[i].Heading = true
		case boxRe.MatchString(t) && utf8.RuneCountInString(t) <= 60:
			box = strings.Join(strings.Fields(t), " ")
			out[i].Heading = true
		}
		switch {
		case chapter != "":
			out[i].Section = chapter + section
		case part != "":
			out[i].Section = part
		}
		out[i].Box = box
		out[i].Past = past
		if out[i].Heading && !boxRe.MatchString(t) {
			out[i].Box = ""
		}
	}
	return out
}
