package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
)

// cellText is what a cell shows: its text, or its number formatted.
func cellText(c Cell) string {
	switch {
	case c.Text != "":
		return c.Text
	case c.Num && isNaN(c.Value):
		return "—"
	case c.Num:
		return value(c.Value)
	}
	return ""
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"cell": cellText,
	// img is the figure's image as a data: URI, which keeps the page
	// self-contained. The PNG is fyp's own; written as HTML so that the
	// template does not scan megabytes of base64 as a URL.
	"img": func(f Figure) template.HTML {
		return template.HTML(`<img alt="` + html.EscapeString(f.Caption) + `" src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(f.PNG) + `">`)
	},
	"kind": func(b Block) string {
		switch b.(type) {
		case Paragraph:
			return "p"
		case Heading:
			return "h"
		case List:
			return "list"
		case *Table:
			if b.(*Table).SheetOnly {
				return ""
			}
			return "table"
		case Figure:
			return "figure"
		}
		return ""
	},
	"colspan": func(t *Table) int { return len(t.Cols) },
	"rowspan": func(g HeadGroup) int {
		if g.Title == "" {
			return 2
		}
		return 1
	},
	"groupCols": groupCols,
	"dense":     tableStyle,
	"wide":      sectionLandscape,
	// shortTh keeps a short head over one column on one line (基期值（年）).
	"shortTh": func(h string) template.HTMLAttr {
		if short(h) {
			return ` class="nw"`
		}
		return ""
	},
	"th": func(c Col) template.HTMLAttr {
		if headNoWrap(c.Head) {
			return ` class="nw"`
		}
		return ""
	},
	// td is replaced per page by one that remembers each table's columns.
	"td": func(*Table, int, Cell) template.HTMLAttr { return "" },
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page{size:A4;margin:18mm 15mm}
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun","Songti SC",serif;margin:2em auto;max-width:60em;padding:0 1em;color:#111;line-height:1.7}
h1{font-size:1.6em;text-align:center;margin-bottom:.2em}
.sub{text-align:center;color:#444;margin-top:0}
h2{font-size:1.25em;margin-top:1.8em;font-family:"Noto Sans CJK SC","Microsoft YaHei","SimHei",sans-serif}
h3{font-size:1.05em;margin:1em 0 .3em;font-family:"Noto Sans CJK SC","Microsoft YaHei","SimHei",sans-serif}
p{text-indent:2em;margin:.4em 0}
p.note,li{text-indent:0}
table{width:100%;border-collapse:collapse;font-size:.78em;margin:.4em 0 .2em;line-height:1.35;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif}
caption{font-weight:bold;padding:.3em;font-size:1.1em}
th,td{border:1px solid #888;padding:.2em .4em;vertical-align:middle}
th{background:#eef2f7}
td.num{text-align:right}
td,th{overflow-wrap:break-word}
td.nw,th.nw{white-space:nowrap}
table.dense td,table.dense th{padding:.15em .2em}
td.w{min-width:9em}
h2,h3,caption{break-after:avoid}
thead{display:table-header-group}
@page wide{size:A4 landscape;margin:15mm 15mm}
section.wide{page:wide}
td.group{font-weight:bold;background:#f6f6f6}
tr.g{break-after:avoid}
.note{font-size:.82em;color:#444;margin:.2em 0}
figure{margin:1em 0;text-align:center;break-inside:avoid}
figure img{max-width:100%;max-height:220mm;object-fit:contain}
figcaption{font-size:.9em}
nav ul{columns:2;font-size:.9em}
tr{break-inside:avoid}
.synthetic{position:fixed;top:0;right:0;background:#c00;color:#fff;font-weight:bold;padding:.2em .8em;font-size:.9em;z-index:9}
{{if .Synthetic}}@media print{.synthetic{display:none}}
@page{@top-right{content:"{{.Mark}}";color:#c00;font-weight:bold;font-size:9pt;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif}}
{{end}}</style>
</head>
<body>
{{if .Synthetic}}<div class="synthetic">{{.Mark}}</div>{{end}}
<h1>{{.Title}}</h1>
<p class="sub">{{.Subtitle}}</p>
<nav><ul>{{range .Sections}}<li><a href="#{{.ID}}">{{.Title}}</a></li>{{end}}{{range .Annexes}}<li><a href="#{{.ID}}">{{.Title}}</a></li>{{end}}</ul></nav>
{{range .Sections}}{{template "section" .}}{{end}}
{{range .Annexes}}{{template "section" .}}{{end}}
<p class="note">{{.Footer}}</p>
</body>
</html>
{{define "section"}}<section id="{{.ID}}"{{if wide .}} class="wide"{{end}}>
<h2>{{.Title}}</h2>
{{range .Blocks}}{{$k := kind .}}{{if eq $k "p"}}<p{{if .Note}} class="note"{{end}}>{{.Text}}</p>
{{else if eq $k "h"}}<h3>{{.Text}}</h3>
{{else if eq $k "list"}}<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>
{{else if eq $k "figure"}}<figure>{{img .}}<figcaption>{{.Caption}}</figcaption></figure>
{{else if eq $k "table"}}{{$t := .}}<table{{dense .}}>
{{if .Caption}}<caption>{{.Caption}}</caption>{{end}}
<thead>{{if .Groups}}<tr>{{range $i, $g := .Groups}}{{if .Title}}<th colspan="{{.Span}}"{{if eq .Span 1}}{{shortTh .Title}}{{end}}>{{.Title}}</th>{{else}}{{range groupCols $t $i}}<th rowspan="2"{{th .}}>{{.Head}}</th>{{end}}{{end}}{{end}}</tr>
<tr>{{range $i, $g := .Groups}}{{if .Title}}{{range groupCols $t $i}}<th{{th .}}>{{.Head}}</th>{{end}}{{end}}{{end}}</tr>{{else}}<tr>{{range .Cols}}<th{{th .}}>{{.Head}}</th>{{end}}</tr>{{end}}</thead>
<tbody>{{range .Rows}}{{if .Group}}<tr class="g"><td class="group" colspan="{{colspan $t}}">{{.Group}}</td></tr>
{{else}}<tr>{{range $i, $c := .Cells}}<td{{td $t $i $c}}>{{cell $c}}</td>{{end}}</tr>
{{end}}{{end}}</tbody>
</table>
{{range .Notes}}<p class="note">{{.}}</p>
{{end}}{{end}}{{end}}</section>
{{end}}`))

// landUnits is an A4 landscape page's text width (26.7 cm) in the units
// of pageUnits.
const landUnits = pageUnits * 267 / 170

// denseStyle sets smaller type on a table too wide for a landscape page
// at the tables' own (the reachability annex with six scenarios), down
// to 0.6 of the body's; "" for the others.
func denseStyle(t *Table) template.HTMLAttr {
	u := minUnits(t)
	if !Landscape(t) || u <= landUnits {
		return ""
	}
	em := max(0.7*landUnits/u, 0.6)
	return template.HTMLAttr(fmt.Sprintf(` class="dense" style="font-size:%.2fem"`, em))
}

// tableStyle is denseStyle, or the smaller type tableFit chose to give
// the table's names room ("" for neither).
func tableStyle(t *Table) template.HTMLAttr {
	if s := denseStyle(t); s != "" {
		return s
	}
	if f := tableFit(t); f.em < tableEm {
		return template.HTMLAttr(fmt.Sprintf(` style="font-size:%.2fem"`, f.em))
	}
	return ""
}

// groupCols are the columns under header group i.
func groupCols(t *Table, i int) []Col {
	start := 0
	for _, g := range t.Groups[:i] {
		start += g.Span
	}
	end := min(start+t.Groups[i].Span, len(t.Cols))
	if start > end {
		return nil
	}
	return t.Cols[start:end]
}

// WriteHTML writes d as one self-contained page: charts embedded as data:
// URIs, no outside resource, printable on A4.
func WriteHTML(w io.Writer, d *Document) error {
	if err := checkGroups(d); err != nil {
		return err
	}
	var buf bytes.Buffer
	lang := "zh-CN"
	if d.Lang == "en" {
		lang = "en"
	}
	pg, err := page.Clone()
	if err != nil {
		return err
	}
	nw := map[*Table][]bool{}
	fits := map[*Table]fit{}
	pg.Funcs(template.FuncMap{"td": func(t *Table, i int, c Cell) template.HTMLAttr {
		cols, ok := nw[t]
		if !ok {
			cols = noWrap(t)
			nw[t] = cols
			fits[t] = tableFit(t)
		}
		f, room := fits[t], 0.0
		if i < len(f.room) {
			room = f.room[i]
		}
		var cl []string
		if c.Num {
			cl = append(cl, "num")
		}
		wide := i < len(t.Cols) && t.Cols[i].Width >= 20
		if c.Num || i < len(cols) && cols[i] || !wide && !t.wraps(i) && short(cellText(c)) {
			cl = append(cl, "nw") // ≥6%/年 whole even where the column has a target in words
		} else {
			if wide {
				cl = append(cl, "w") // names, reasons: never squeezed to a few characters
			}
			least := wrapMinEm
			if wide {
				least = nameMinEm
			}
			// Room for a long name on two lines, a unit on three
			// (tableFit); at the least, the browser shares the width.
			if room > least {
				style := fmt.Sprintf(` style="min-width:%.1fem"`, room)
				if len(cl) == 0 {
					return template.HTMLAttr(style)
				}
				return template.HTMLAttr(` class="` + strings.Join(cl, " ") + `"` + style)
			}
		}
		if len(cl) == 0 {
			return ""
		}
		return template.HTMLAttr(` class="` + strings.Join(cl, " ") + `"`)
	}})
	err = pg.Execute(&buf, struct {
		*Document
		Lang, Mark string
	}{d, lang, SyntheticMark(d.Lang)})
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// checkGroups refuses a table whose header groups do not cover its
// columns (a programmer's error in a builder).
func checkGroups(d *Document) error {
	for _, s := range append(append([]Section(nil), d.Sections...), d.Annexes...) {
		for _, b := range s.Blocks {
			t, ok := b.(*Table)
			if !ok || t.Groups == nil {
				continue
			}
			n := 0
			for _, g := range t.Groups {
				n += g.Span
			}
			if n != len(t.Cols) {
				return fmt.Errorf("report: table %q: header groups span %d columns, the table has %d", t.Caption, n, len(t.Cols))
			}
			for _, r := range t.Rows {
				if r.Group == "" && len(r.Cells) != len(t.Cols) {
					return fmt.Errorf("report: table %q: a row has %d cells, the table %d columns", t.Caption, len(r.Cells), len(t.Cols))
				}
			}
		}
	}
	return nil
}

// plain is s on one line (Markdown table cells).
func plain(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}
