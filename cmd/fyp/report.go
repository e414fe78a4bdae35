package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"fyp/charts"
	"fyp/model"
	"fyp/report"
	"fyp/scenarios"
)

func reportCmd(o *options) *cobra.Command {
	var f reviewFlags
	var out string
	var force, pdf bool
	c := &cobra.Command{
		Use:   "report",
		Short: "生成评估报告文件包 · write the review's report bundle",
		Long: `把评估结果写成一份可供修改后报送的报告初稿（默认写入 ./fyp-report）：给出 --observed 时为中期评估报告
（评估年份达到规划目标年份时为总结评估报告），依次为总体评价、主要指标完成情况表（按类别分组，含基期值、逐年实际值、
目标值、实际与所需速度、进度、评价）、分指标评价、编号图表，以及附件（情景与可达性、实现概率、评估明细及欧盟统计局和
联合国亚太经社会分类、上一规划完成情况、方法、数据来源）。文件：index.html（离线可打开的单一网页，图表内嵌）、
report.docx（Word 文档，A4，宋体/黑体，真实表格和图表，可在 Word、WPS 中修改）、report.md、fyp-tables.xlsx
（每表一页，表头冻结，数值带格式）、report.pdf（本机装有无头 Chromium 或 LibreOffice 时生成，否则给出说明）以及带 BOM 的 CSV。
文件先写入临时目录再逐个改名替换：中断的运行不会留下半个文件。fyp 只替换它自己写过的文件，其他文件一律保留；不是 fyp 写的目录须加 --force（即使加了也从不覆盖别人的文件）。

Writes the review as a draft report to edit and send (default ./fyp-report): with --observed a
mid-term review (a final evaluation once the review year reaches the plan's target year): the
overall assessment, the main table by group (base value, yearly actuals, target, observed and
required pace, progress, assessment), a sentence per indicator, numbered figures, and annexes
(scenarios and reachability, probabilities, the review's detail with the Eurostat and UN ESCAP
classes, the previous plan's record, method, data sources). Files: index.html (one
self-contained page, charts embedded, opens offline), report.docx (Word, A4, SimSun/SimHei, real
tables and charts, editable in Word and WPS), report.md, fyp-tables.xlsx (a sheet per table,
frozen headers, number formats), report.pdf (when headless Chromium or LibreOffice is installed;
otherwise a note says so) and CSVs with a BOM. Each file is written to a temporary folder and
renamed into place, so an interrupted run leaves no half-written file; fyp replaces only the
files it wrote and keeps every other file (see fyp run --help).`,
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
			if err := checkOut(c, out, force); err != nil {
				return err
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			var printer *report.Printer
			if pdf {
				// Chromium starts and loads the font while the report
				// is computed and laid out; an error on the way stops it.
				printer = report.StartPDF(c.Context(), chartsFont())
				defer printer.Close()
			}
			in, err := buildReport(o, p, &f)
			if err != nil {
				return err
			}
			in.pdf = printer
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
	c.Flags().BoolVar(&pdf, "pdf", pdfByDefault, "also write report.pdf, printed by headless Chromium or LibreOffice when one is installed (--pdf=false: not)")
	c.Flags().StringVar(&out, "out", "fyp-report", "output folder; fyp replaces only the files it wrote there and keeps every other file")
	c.Flags().BoolVar(&force, "force", false, "also write into a folder fyp did not write, beside its files (a file fyp did not write is never overwritten or deleted)")
	return c
}

// pdfByDefault: fyp report writes report.pdf unless --pdf=false (the tests
// turn it off; printing takes Chromium seconds).
var pdfByDefault = true

// reportInput is everything a report shows.
type reportInput struct {
	plan        *model.Plan
	lang        string
	review      *reviewResult       // nil without observed figures
	projections []*model.Projection // reachability, one per scenario
	sims        []*model.Simulation // probabilities, one per scenario (may be nil)
	charts      map[string][]byte   // PNG charts by file name (may be nil)
	sensitivity []string            // what each tornado chart shows, in order
	skipped     string              // which shipped scenarios do not apply to the plan, and why ("" none)
	// pdf prints report.pdf (nil: none is asked for); stderr gets the
	// note when no PDF can be made.
	pdf    *report.Printer
	stderr io.Writer
}

// chartsFont is the embedded CJK font, for report.pdf on a machine
// without Chinese fonts.
func chartsFont() []byte { return charts.EmbeddedFontData() }

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
	in := reportInput{plan: p, lang: o.lang, stderr: o.stderr}
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
	// The captions of the tornado charts name what the charts rank, as the
	// chart set computed it (from the observations, in a review).
	data := chartData{sims: in.sims, sensitivityOf: in.projections[0], progress: progressInput(in.review, o.lang), review: in.review}
	var tornados []charts.TornadoInput
	if in.charts, tornados, err = renderCharts(prs, data, nil, charts.Options{Lang: o.lang}, o.stderr); err != nil {
		return in, err
	}
	for _, t := range tornados {
		in.sensitivity = append(in.sensitivity, t.Metric)
	}
	return in, nil
}

// addReport adds the report's files to b.
func addReport(b bundle, in reportInput) error {
	lang := in.lang
	for name, png := range in.charts {
		data := png
		b["charts/"+name] = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	doc := reportDocument(in)
	b["index.html"] = func(w io.Writer) error { return report.WriteHTML(w, doc) }
	b["report.md"] = func(w io.Writer) error { return report.WriteMarkdown(w, doc) }
	b["report.docx"] = func(w io.Writer) error { return report.WriteDOCX(w, doc) }
	b["fyp-tables.xlsx"] = func(w io.Writer) error { return report.WriteXLSX(w, doc) }
	if in.pdf != nil {
		pdf, err := in.pdf.Print(doc)
		switch {
		case errors.Is(err, report.ErrNoPDFTool):
			fmt.Fprintf(in.stderr, "fyp: %s\n", L(lang, "未生成 report.pdf：本机没有安装无头 Chromium（chromium）或 LibreOffice（soffice）；可用浏览器打印 index.html，或用 Word、WPS 打开 report.docx 另存为 PDF。", err.Error()))
		case err != nil:
			fmt.Fprintf(in.stderr, "fyp: %s: %v\n", L(lang, "未生成 report.pdf", "report.pdf not written"), err)
		default:
			b["report.pdf"] = func(w io.Writer) error { _, err := w.Write(pdf); return err }
		}
	}
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

// reportDocument lays out the report (package report) from what
// buildReport computed, with the notes fyp's own tables print.
func reportDocument(in reportInput) *report.Document {
	lang := in.lang
	ri := report.Input{Plan: in.plan, Lang: lang, Labels: reportLabels(lang), Charts: in.charts, Sensitivity: in.sensitivity,
		Main: func(ind *model.Indicator, t model.Target) bool {
			return inScope(model.Assessment{Indicator: ind, Target: t}, in.plan, "main")
		}}
	for _, pr := range in.projections {
		ri.Scenarios = append(ri.Scenarios, report.Scenario{Projection: pr, Notes: assessTable([]*model.Projection{pr}, "main", lang).Notes})
	}
	if len(in.sims) > 0 {
		ri.Simulations = &report.Simulations{Runs: in.sims, Notes: simulationTable(in.sims, "main", lang).Notes}
	}
	if prev := previousRecord(in.plan); prev != nil {
		ri.Record = &report.Record{Plan: prev, Notes: expostTable(prev, lang).Notes}
	}
	if in.skipped != "" {
		ri.Notes = append(ri.Notes, in.skipped)
	}
	if rv := in.review; rv != nil {
		ri.Review = &report.Review{Rows: rv.rows, AsOf: rv.asOf, File: rv.file, Thresholds: rv.th, Final: model.DefaultFinalThresholds(),
			Actuals: actuals(rv), Sources: rv.sources, Synthetic: rv.synthetic || synthetic(rv.sources)}
		ri.Review.Evidence = rv.ev
		ri.Review.Unplaced = func(ind *model.Indicator, obs []model.ObservedPoint, placed map[int]bool) string {
			sc := model.ScaleLevel // the scale the charts draw it on, for the reason
			if rv.proj != nil && rv.proj.Series[ind.ID] != nil {
				sc = rv.proj.Series[ind.ID].Scale
			}
			return charts.UnplacedList(rv.plan, ind, obs, placed, sc, rv.asOf, lang)
		}
		ri.ReviewNotes = reviewTable(rv, lang).Notes
	}
	return report.Build(ri)
}

// reportLabels are fyp's formatters, handed to the report so that it
// prints every number and verdict as fyp's own tables do.
func reportLabels(lang string) report.Labels {
	return report.Labels{
		Value:     fmtValue,
		Goal:      func(t model.Target) string { return goalText(t, lang) },
		Pace:      fmtPace,
		PaceUnit:  func(ind *model.Indicator, k model.RateKind) string { return paceUnit(ind, k, lang) },
		Category:  func(r model.Review) string { return categoryLabel(r, lang) },
		Attribute: func(a model.Attribute) string { return attributeLabel(a, lang) },
		Remaining: func(r model.Review) string { return reviewCells(r, 0, lang)[10] },
		Multiple:  func(r model.Review) string { return reviewCells(r, 0, lang)[11] },
		Verdict:   func(a model.Assessment) string { return verdictLabel(a, lang) },
		Outcome:   func(o model.Outcome) string { return expostVerdict(o, lang) },
	}
}

// synthetic reports whether the observed file says its figures are
// invented: a source naming them synthetic or 示例 (the shipped example
// file's rows say "synthetic").
func synthetic(sources []string) bool {
	for _, s := range sources {
		if strings.Contains(strings.ToLower(s), "synthetic") || strings.Contains(s, "示例") {
			return true
		}
	}
	return false
}

// actuals are the observed values the review continued the projection
// from (model.ObservedPath), for the indicators whose projection is on the
// review's scale (a level, or an index chained from growth rates).
func actuals(rv *reviewResult) map[string]map[int]float64 {
	if rv.proj == nil || rv.proj.Scenario == nil {
		return nil
	}
	out := map[string]map[int]float64{}
	for _, r := range rv.rows {
		s := rv.proj.Series[r.Indicator.ID]
		if obs, ok := rv.proj.Scenario.Observed[r.Indicator.ID]; ok && s != nil && s.Scale == r.Scale {
			out[r.Indicator.ID] = obs
		}
	}
	return out
}
