package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"runtime"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"fyp/charts"
	"fyp/model"
	"fyp/scenarios"
)

func reportCmd(o *options) *cobra.Command {
	var f reviewFlags
	var out string
	var force bool
	c := &cobra.Command{
		Use:   "report",
		Short: "生成评估报告文件包 · write the review's report bundle",
		Long: `把评估结果写成一个可以直接提交的文件包（默认 ./report）：index.html（离线可打开的单一网页，图表内嵌）、
report.md、fyp-tables.xlsx（每表一页，官方版式：序号、指标、属性、基期值、目标值、当前值、进度、评价；
表头冻结，数值带格式）以及带 BOM 的 CSV。给出 --observed 时包括中期评估；总是包括目标可达性和上一规划的完成情况。
文件先写入临时目录再逐个改名替换：中断的运行不会留下半个文件。fyp 只替换它自己写过的文件，其他文件一律保留；不是 fyp 写的目录须加 --force（即使加了也从不覆盖别人的文件）。

Writes the review as a bundle a reviewer can hand in (default ./report): index.html (one
self-contained page, charts embedded, opens offline), report.md, fyp-tables.xlsx (a sheet per
table in the official layout, frozen headers, number formats) and CSVs with a BOM. With
--observed it includes the mid-term review; it always includes reachability and the previous
plan's record. Each file is written to a temporary folder and renamed into place, so an
interrupted run leaves no half-written file; fyp replaces only the files it wrote and keeps every
other file (see fyp run --help).`,
		Example: `  fyp report --observed bulletins.csv --as-of 2023
  fyp report --observed bulletins.xlsx --out review-2023 --lang en`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check(); err != nil {
				return err
			}
			if err := f.check(); err != nil {
				return err
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			in, err := buildReport(o, p, &f)
			if err != nil {
				return err
			}
			b := bundle{}
			if err := addReport(b, in); err != nil {
				return err
			}
			if err := b.write(c, out, force); err != nil {
				return err
			}
			fmt.Fprintf(o.stdout, "%s %s/\n", L(o.lang, "报告已写入", "Report written to"), out)
			return nil
		},
	}
	f.add(c)
	addScenarioFlag(c, &o.scenarios, "every shipped scenario")
	c.Flags().StringVar(&out, "out", "report", "output folder; fyp replaces only the files it wrote there and keeps every other file")
	c.Flags().BoolVar(&force, "force", false, "also write into a folder fyp did not write, beside its files (a file fyp did not write is never overwritten or deleted)")
	return c
}

// reportInput is everything a report shows.
type reportInput struct {
	plan        *model.Plan
	lang        string
	review      *reviewResult       // nil without observed figures
	projections []*model.Projection // reachability, one per scenario
	sims        []*model.Simulation // probabilities, one per scenario (may be nil)
	charts      map[string][]byte   // PNG charts by file name (may be nil)
	skipped     string              // which shipped scenarios do not apply to the plan, and why ("" none)
}

// reportProjections are the projections the reachability tables show: the
// -s scenarios, else every shipped scenario (for the plan they were written
// for), else the plan's own rules.
func reportProjections(o *options, p *model.Plan) ([]*model.Projection, error) {
	refs := o.scenarios
	if len(refs) == 0 {
		refs = o.defaultScenarios(p)
	}
	return o.projectScenarios(p, refs, 0)
}

// buildReport computes everything a report shows: the review when figures
// were observed, reachability under the -s scenarios (default: every
// shipped scenario), their probabilities (10,000 draws, fixed seed, so the
// report is reproducible) and the charts, in PNG.
func buildReport(o *options, p *model.Plan, rf *reviewFlags) (reportInput, error) {
	in := reportInput{plan: p, lang: o.lang}
	if len(o.scenarios) == 0 {
		if _, skipped := scenarios.Applicable(p); len(skipped) > 0 {
			in.skipped = skipNote(skipped, p, o.lang)
		}
	}
	var err error
	if rf != nil && rf.observed != "" {
		if in.review, err = runReview(o, p, rf); err != nil {
			return in, err
		}
	}
	if in.projections, err = reportProjections(o, p); err != nil {
		return in, err
	}
	if in.sims, err = runSimulations(o, &simFlags{draws: 10000, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)}); err != nil {
		return in, err
	}
	plan, err := model.Project(p, nil)
	if err != nil {
		return in, err
	}
	prs := in.projections
	if len(o.scenarios) > 0 {
		prs = append([]*model.Projection{plan}, prs...)
	}
	data := chartData{sims: in.sims, progress: progressInput(in.review, o.lang)}
	if data.tornados, err = tornadoInputs(in.projections[0], o.lang); err != nil {
		return in, err
	}
	in.charts, err = renderCharts(prs, data, nil, charts.Options{Lang: o.lang}, o.stderr)
	return in, err
}

// addReport adds the report's files to b.
func addReport(b bundle, in reportInput) error {
	charts := in.charts
	lang := in.lang
	for name, png := range charts {
		data := png
		b["charts/"+name] = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	b["index.html"] = func(w io.Writer) error { return writeReportHTML(w, in, charts) }
	b["report.md"] = func(w io.Writer) error { return writeReportMD(w, in, charts) }
	b["fyp-tables.xlsx"] = func(w io.Writer) error { return writeWorkbook(w, reportSheets(in), charts) }
	if in.review != nil {
		rv := in.review
		b["review.csv"] = withBOM(func(w io.Writer) error { return writeReview(w, rv, "csv", lang) })
		b["review.json"] = func(w io.Writer) error { return writeReview(w, rv, "json", lang) }
	}
	if prev := previousRecord(in.plan); prev != nil {
		b["expost.csv"] = withBOM(func(w io.Writer) error { return writeExPost(w, prev, "csv", lang) })
	}
	return nil
}

// previousRecord is the plan whose record the ex-post table shows: the
// plan itself when it is finished (has outcomes), else its predecessor.
func previousRecord(p *model.Plan) *model.Plan {
	if hasRecord(p) {
		return p
	}
	if p.Previous != nil && hasRecord(p.Previous) {
		return p.Previous
	}
	return nil
}

// reportSection is one titled table of the report.
type reportSection struct {
	ID    string
	Title string
	Table *table
}

func reportSections(in reportInput) []reportSection {
	lang := in.lang
	var s []reportSection
	if in.review != nil {
		s = append(s, reportSection{"binding", L(lang, "约束性指标", "Binding targets"), bindingSummary(in.review, lang)})
		s = append(s, reportSection{"review", L(lang, "中期评估", "Mid-term review"), reviewTable(in.review, lang)})
	}
	if len(in.projections) > 0 {
		t := assessTable(in.projections, "main", lang)
		if in.skipped != "" {
			t.Notes = append(t.Notes, in.skipped)
		}
		s = append(s, reportSection{"reachability", L(lang, "目标可达性（按情景）", "Reachability by scenario"), t})
	}
	if len(in.sims) > 0 {
		s = append(s, reportSection{"probability", L(lang, "目标实现概率（按情景）", "Probability of meeting each target, by scenario"), simulationTable(in.sims, "main", lang)})
	}
	if prev := previousRecord(in.plan); prev != nil {
		s = append(s, reportSection{"expost", L(lang, "上一规划完成情况", "The previous plan's record"), expostTable(prev, lang)})
	}
	return s
}

// bindingSummary lists the binding targets and their standing.
func bindingSummary(rv *reviewResult, lang string) *table {
	t := &table{Head: []string{L(lang, "指标", "Indicator"), L(lang, "目标值", "Target"), L(lang, "当前值", "Current"),
		L(lang, "评价", "Assessment"), L(lang, "风险", "At risk"), L(lang, "说明", "Reason")}}
	for i, r := range rv.rows {
		if r.Indicator.Attribute != model.Binding {
			continue
		}
		c := reviewCells(r, i, lang)
		risk := ""
		if r.AtRisk {
			risk = L(lang, "有风险", "yes")
		}
		t.Rows = append(t.Rows, []string{r.Indicator.Name.In(lang), c[4], c[5], c[7], risk, c[14]})
	}
	return t
}

func writeReportMD(w io.Writer, in reportInput, charts map[string][]byte) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", reportTitle(in))
	if in.review == nil {
		b.WriteString(L(in.lang, "> 未提供观测数据（--observed），本报告不含中期评估。\n\n", "> No observed figures (--observed) were given: this report has no mid-term review.\n\n"))
	}
	for _, s := range reportSections(in) {
		fmt.Fprintf(&b, "## %s\n\n", s.Title)
		s.Table.Title = ""
		if err := s.Table.write(&b, "md"); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	if len(charts) > 0 {
		fmt.Fprintf(&b, "## %s\n\n", L(in.lang, "图表", "Charts"))
		for _, name := range sortedKeys(charts) {
			fmt.Fprintf(&b, "![%s](charts/%s)\n\n", name, name)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func reportTitle(in reportInput) string {
	if in.review != nil {
		return fmt.Sprintf("%s · %s（%d）", in.plan.Title.In(in.lang), L(in.lang, "中期评估报告", "mid-term review"), in.review.asOf)
	}
	return in.plan.Title.In(in.lang) + " · " + L(in.lang, "评估报告", "review")
}

func sortedKeys(m map[string][]byte) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var reportPage = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#eef2f7;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}
.note{font-size:.8em;color:#555;margin:.3em 0}
img{max-width:100%;margin:1em 0}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{if .NoReview}}<p class="note">{{.NoReview}}</p>{{end}}
<nav><ul>{{range .Sections}}<li><a href="#{{.ID}}">{{.Title}}</a></li>{{end}}{{if .Charts}}<li><a href="#charts">{{.ChartsTitle}}</a></li>{{end}}</ul></nav>
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td{{if .Num}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{range .Notes}}<p class="note">{{.}}</p>{{end}}
</section>
{{end}}{{if .Charts}}<section id="charts"><h2>{{.ChartsTitle}}</h2>
{{range .Charts}}<figure><img alt="{{.Name}}" src="{{.URI}}"><figcaption class="note">{{.Name}}</figcaption></figure>
{{end}}</section>{{end}}
<p class="note">fyp · {{.Generated}}</p>
</body>
</html>
`))

type htmlCell struct {
	Text string
	Num  bool
}

type htmlSection struct {
	ID, Title string
	Head      []string
	Rows      [][]htmlCell
	Notes     []string
}

type htmlChart struct {
	Name string
	URI  template.URL
}

func writeReportHTML(w io.Writer, in reportInput, charts map[string][]byte) error {
	page := struct {
		Lang, Title, NoReview, ChartsTitle, Generated string
		Sections                                      []htmlSection
		Charts                                        []htmlChart
	}{Lang: L(in.lang, "zh-CN", "en"), Title: reportTitle(in), ChartsTitle: L(in.lang, "图表", "Charts"),
		Generated: L(in.lang, "由 fyp 生成；表中数字均来自规划文本和所给观测数据，未作任何估计。", "generated by fyp; every number comes from the plan and the observed figures given, none is estimated.")}
	if in.review == nil {
		page.NoReview = L(in.lang, "未提供观测数据（--observed），本报告不含中期评估。", "No observed figures (--observed) were given: this report has no mid-term review.")
	}
	for _, s := range reportSections(in) {
		hs := htmlSection{ID: s.ID, Title: s.Title, Head: s.Table.Head, Notes: s.Table.Notes}
		for _, r := range s.Table.Rows {
			row := make([]htmlCell, len(r))
			for i, c := range r {
				row[i] = htmlCell{Text: c, Num: isNumeric(c)}
			}
			hs.Rows = append(hs.Rows, row)
		}
		page.Sections = append(page.Sections, hs)
	}
	for _, name := range sortedKeys(charts) {
		// The PNGs are fyp's own output; a data: URI keeps the page self-contained.
		uri := template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(charts[name]))
		page.Charts = append(page.Charts, htmlChart{Name: name, URI: uri})
	}
	var buf bytes.Buffer
	if err := reportPage.Execute(&buf, page); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
