package document

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// readText reads plain text: UTF-8 (with or without a BOM), UTF-16 with a
// BOM, or GB18030 (which includes GBK and GB2312).
func readText(data []byte) (*Document, error) {
	s, err := decode(data)
	if err != nil {
		return nil, err
	}
	return &Document{Format: Text, Blocks: textBlocks(s)}, nil
}

// decode turns bytes into a string, refusing binary data.
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", ErrBinary
		}
		data = out
	}
	var s string
	if utf8.Valid(data) {
		s = string(data)
	} else {
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", ErrBinary
		}
		s = string(out)
	}
	if binary(s) {
		return "", ErrBinary
	}
	return s, nil
}

// binary tells data that decoded but is not text: NUL bytes, or more than
// one control character or replacement character in a hundred.
func binary(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		switch {
		case r == 0:
			return true
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r == utf8.RuneError || r < 0x20 || (r >= 0x7F && r < 0xA0):
			bad++
		}
	}
	return bad > 0 && bad*100 > n
}

// Normalize narrows full-width ASCII (digits, letters, ％ （ ） ， ： ；) to
// ASCII, turns ideographic and no-break spaces into spaces, drops zero-width
// characters and control characters and collapses runs of spaces. Chinese
// punctuation without an ASCII twin (。、“”〔〕) is kept.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == 0xA0 || r == '\t' || r == 0x2002 || r == 0x2003 || r == 0x2009:
			r = ' '
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF || r == 0xAD:
			continue
		case r == 0x2212: // minus sign
			r = '-'
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || r == utf8.RuneError:
			continue
		}
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// pageNumber matches a line that holds only a page number: "12", "- 12 -",
// "— 12 —", "第12页", "12/80".
var pageNumber = regexp.MustCompile(`^(?:[-—–·]\s*\d{1,4}\s*[-—–·]|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$`)

// textBlocks cuts text into paragraphs: one per non-empty line, after
// dropping page headers and footers and joining lines broken inside a
// sentence.
func textBlocks(s string) []Block {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	type line struct {
		no   int
		text string
	}
	var pages [][]line
	var cur []line
	no := 0
	for _, raw := range strings.Split(s, "\n") {
		no++
		parts := strings.Split(raw, "\f")
		for i, p := range parts {
			if i > 0 {
				pages = append(pages, cur)
				cur = nil
			}
			if t := normalizeLine(p); t != "" {
				cur = append(cur, line{no, t})
			}
		}
	}
	pages = append(pages, cur)
	furniture := pageFurniture(pages, func(l line) string { return l.text })
	var kept []line
	for _, pg := range pages {
		for i, l := range pg {
			if pageNumber.MatchString(l.text) || (i == 0 || i == len(pg)-1) && furniture[furnitureKey(l.text)] {
				continue
			}
			kept = append(kept, l)
		}
	}
	width := typicalWidth(kept, func(l line) string { return l.text })
	var out []Block
	for i := 0; i < len(kept); i++ {
		b := Block{Line: kept[i].no, Text: kept[i].text}
		for i+1 < len(kept) && kept[i+1].no == kept[i].no+1 && softBreak(kept[i].text, kept[i+1].text, width) {
			i++
			b.Text = joinWrapped(b.Text, kept[i].text)
		}
		out = append(out, b)
	}
	return out
}

// normalizeLine normalises a line but keeps runs of two or more spaces as
// two spaces: in pdftotext -layout output they separate table columns.
func normalizeLine(s string) string {
	s = strings.ReplaceAll(s, "\t", "  ")
	fields := columnGap.Split(s, -1)
	var parts []string
	for _, f := range fields {
		if f = Normalize(f); f != "" {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, "  ")
}

var columnGap = regexp.MustCompile(`\s{2,}`)

// pageFurniture finds running headers and footers: the first or last line
// of a page that, with its digits ignored, recurs on at least three pages
// and half of them.
func pageFurniture[T any](pages [][]T, text func(T) string) map[string]bool {
	if len(pages) < 3 {
		return nil
	}
	count := map[string]int{}
	for _, pg := range pages {
		if len(pg) == 0 {
			continue // an empty page ("\f\f") has no first line: it indexed pg[0]
		}
		seen := map[string]bool{}
		for _, i := range []int{0, len(pg) - 1} {
			k := furnitureKey(text(pg[i]))
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		if n >= 3 && 2*n >= len(pages) {
			out[k] = true
		}
	}
	return out
}

func furnitureKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// typicalWidth is the width, in runes, of the longer lines of a text: the
// 90th percentile. A line of about that width that stops without ending its
// sentence was wrapped by the layout.
func typicalWidth[T any](ls []T, text func(T) string) int {
	if len(ls) == 0 {
		return 0
	}
	hist := map[int]int{}
	for _, l := range ls {
		hist[utf8.RuneCountInString(text(l))]++
	}
	want := len(ls) - len(ls)*9/10
	for w := 1 << 20; w > 0; w-- {
		if len(hist) == 0 {
			break
		}
		if n, ok := hist[w]; ok {
			want -= n
			delete(hist, w)
			if want <= 0 {
				return w
			}
		}
	}
	return 0
}

// softBreak tells a line wrapped inside a sentence: it is nearly as wide as
// the text, does not end a sentence or hold table columns (two spaces, or
// cells between | as reposts print them), and the next line does not start
// a heading, an item or a table row.
func softBreak(a, b string, width int) bool {
	n := utf8.RuneCountInString(a)
	if width < 20 || n < width*8/10 || strings.Contains(a, "  ") || strings.Contains(b, "  ") || strings.Count(a, "|") >= 2 || strings.Count(b, "|") >= 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	if strings.ContainsRune("。；;！!？?：:」』”", last) {
		return false
	}
	return !newItem.MatchString(b)
}

var newItem = regexp.MustCompile(`^(?:第[一二三四五六七八九十百零〇\d]+[篇章节]|专栏|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]|——|—|[•●○■□◆])`)

// joinWrapped joins two pieces of a wrapped line: with a space between Latin
// words, directly between Chinese characters.
func joinWrapped(a, b string) string {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if ra < 0x80 && rb < 0x80 && ra != '-' && (unicode.IsLetter(ra) || unicode.IsDigit(ra)) && (unicode.IsLetter(rb) || unicode.IsDigit(rb)) {
		return a + " " + b
	}
	return a + b
}
