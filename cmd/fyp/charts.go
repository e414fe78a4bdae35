package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"fyp/charts"
	"fyp/internal/inputfile"
	"fyp/internal/printpdf"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

// chartFlags are the choices of `fyp charts` (and the defaults of `fyp run`).
type chartFlags struct {
	only []string
	dpi  int
	font string
	// printFont is the font of the charts' text, handed to the browser that
	// prints them to PDF (options sets it).
	printFont printpdf.Font
}

func chartsCmd(o *options) *cobra.Command {
	var cf chartFlags
	var out string
	var force bool
	c := &cobra.Command{
		Use:   "charts",
		Short: "绘制报告图表 · draw the report charts",
		Long: `绘制报告用图表并写入输出目录（默认 ./fyp-charts）：各主要指标的走势图（path-指标id）、主要指标2×2面板（headline）、
目标可达性总览（reach）、上一个规划的完成情况（record）、第一个情景下主要指标的扇形图（fan，蒙特卡洛 10000 次，固定种子）
和人均地区生产总值的敏感性龙卷风图（tornado）。其他规划没有这些指标时，面板、扇形图和龙卷风图取主要指标表的前几项。中期进度图由 fyp report --observed 绘制。默认比较规划自身速度和全部内置情景（-s 可选）。
中文字体已内置，无需安装字体；--font 可换用其它字体。PNG 默认 150 dpi；SVG 和 PDF 按 --format 选择（SVG 只写字体名，不嵌入字体）。
PDF 由无头 Chromium 打印，只嵌入图中用到的字形，中英文均可；未安装 Chromium 时，英文 PDF 由 gonum/plot 写出（★ ≥ ≈ − 写作 * >= ~ -），中文 PDF 无法生成。

Draws the report charts into the output folder (default ./fyp-charts): each main-table indicator's
path (path-ID), the 2×2 headline panel (headline), the reachability dashboard (reach), the
previous plan's record (record), fan charts of the headline indicators under the first scenario
(fan; 10,000 draws, fixed seed) and tornado charts of per-capita GDP's sensitivities (tornado);
a plan without these indicators gets its first main-table rows instead.
The mid-term progress chart is drawn by fyp report --observed. By default the plan's own rates
and every shipped scenario are compared (-s to choose). A Chinese font is embedded, so nothing
needs installing; --font selects another. PNG at 150 dpi by default; SVG or PDF by --format
(SVG names the font without embedding it). PDF is printed by headless Chromium, which embeds only
the glyphs a chart uses, Chinese or English; without Chromium, English PDF is written by
gonum/plot (★ ≥ ≈ − spelt * >= ~ -) and Chinese PDF cannot be written.`,
		Example: `  fyp charts
  fyp charts --only headline,reach --lang en --out figs
  fyp charts --only path-gdp_per_capita --format svg
  fyp charts --only headline,reach --format pdf
  fyp charts --font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:2`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("png", "svg", "pdf"); err != nil {
				return err
			}
			if err := checkOut(c, out, force); err != nil {
				return err
			}
			opt, err := cf.options(o)
			if err != nil {
				return err
			}
			browser, err := pdfRoute(o)
			if err != nil {
				return err
			}
			var printer *printpdf.Printer
			if browser != "" {
				// Chromium starts while the charts are computed and drawn.
				printer = printpdf.Start(c.Context(), browser, cf.printFont)
				defer printer.Close()
			}
			prs, err := chartProjections(o)
			if err != nil {
				return err
			}
			b := bundle{}
			data, err := chartInputs(o, prs, cf.only)
			if err != nil {
				return err
			}
			if browser != "" {
				opt.Format = "svg" // drawn as SVG, printed to PDF below
			}
			files, _, err := renderCharts(prs, data, cf.only, opt, o.stderr)
			if err != nil {
				return err
			}
			if printer != nil {
				if files, err = printCharts(printer, files); err != nil {
					return err
				}
			}
			names := addFiles(b, "", files)
			if err := b.write(c, out, force); err != nil {
				return err
			}
			for _, n := range names {
				fmt.Fprintln(o.stdout, out+"/"+n)
			}
			return nil
		},
	}
	addFormat(c, o, "png", "svg", "pdf")
	addScenarioFlag(c, &o.scenarios, "every shipped scenario")
	c.Flags().StringSliceVar(&cf.only, "only", nil, "charts to draw (comma-separated): path, path-ID, headline, reach, record, fan, tornado; default all")
	c.Flags().IntVar(&cf.dpi, "dpi", charts.DefaultDPI, "PNG resolution, dots per inch")
	c.Flags().StringVar(&cf.font, "font", "", "font file to draw with, FILE or FILE:INDEX for a collection (.ttc); default the embedded Noto Sans CJK SC subset")
	c.Flags().StringVar(&out, "out", "fyp-charts", "output folder; fyp replaces only the files it wrote there and keeps every other file")
	c.Flags().BoolVar(&force, "force", false, "also write into a folder fyp did not write, beside its files (a file fyp did not write is never overwritten or deleted)")
	return c
}

// chartProjections are the projections the charts compare: the plan's own
// rules, then the -s scenarios (default: every shipped scenario).
func chartProjections(o *options) ([]*model.Projection, error) {
	p, err := o.loadPlan()
	if err != nil {
		return nil, err
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		return nil, err
	}
	if len(o.scenarios) == 0 {
		o.scenarios = o.defaultScenarios(p)
	}
	if len(o.scenarios) == 0 {
		return []*model.Projection{pr}, nil
	}
	prs, err := reportProjections(o, p)
	if err != nil {
		return nil, err
	}
	return append([]*model.Projection{pr}, prs...), nil
}

// chartInputs computes the data of the fan and tornado charts for the first
// scenario, when they are wanted: a simulation (10,000 draws, fixed seed,
// so the charts are reproducible), and names the projection whose
// sensitivities the chart set computes (bundleCharts).
func chartInputs(o *options, prs []*model.Projection, only []string) (chartData, error) {
	var d chartData
	want := func(id string) bool { return len(only) == 0 || contains(only, id) }
	first := prs[len(prs)-1]
	if len(prs) > 1 {
		first = prs[1]
	}
	if want("fan") {
		saved := o.scenarios
		o.scenarios = o.scenarios[:min(1, len(o.scenarios))]
		sims, err := runSimulations(o, &simFlags{draws: 10000, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)})
		o.scenarios = saved
		if err != nil {
			return d, err
		}
		d.sims = sims
	}
	if want("tornado") {
		d.sensitivityOf = first
	}
	return d, nil
}

// options turns the flags into chart options, refusing what cannot work.
func (cf *chartFlags) options(o *options) (charts.Options, error) {
	opt := charts.Options{Lang: o.lang, Format: o.format, DPI: cf.dpi}
	if opt.Format == "" {
		opt.Format = "png"
	}
	if cf.dpi < 36 || cf.dpi > 1200 {
		return opt, badInput2("--dpi %d：应为36到1200", "--dpi %d: expected 36 to 1200", cf.dpi)
	}
	cf.printFont = printpdf.Font{Data: charts.EmbeddedFontFile()}
	if cf.font != "" {
		f, pf, err := loadFontFlag(cf.font)
		if err != nil {
			return opt, err
		}
		opt.Font, cf.printFont = f, pf
	}
	return opt, nil
}

// findBrowser finds the headless Chromium that prints PDF charts; tests
// stand in a machine without one.
var findBrowser = printpdf.LookPath

// pdfRoute is the Chromium that prints --format pdf ("" for another
// format). Without Chromium, English charts are written by gonum/plot's
// PDF backend, which spells ★ ≥ ≤ ≈ − (code page 1252 lacks them), with a
// note saying so; Chinese charts cannot be written that way at all.
func pdfRoute(o *options) (string, error) {
	if o.format != "pdf" {
		return "", nil
	}
	browser, err := findBrowser()
	if err == nil {
		return browser, nil
	}
	if o.lang != "en" {
		return "", badInput2("--format pdf 需要无头 Chromium 来嵌入中文字体，本机没有安装（Debian：apt install chromium）；或改用 --format png 或 svg", "--format pdf with Chinese labels needs headless Chromium, which is not installed (Debian: apt install chromium); or use --format png or svg")
	}
	o.note("note: Chromium is not installed, so the PDF charts are written by gonum/plot, which spells ★ ≥ ≤ ≈ − as * >= <= ~ - (Debian: apt install chromium for the real characters)")
	return "", nil
}

// printCharts prints the SVG charts to PDF, one page of the chart's size
// each, through one Chromium for them all; ID.svg becomes ID.pdf.
func printCharts(printer *printpdf.Printer, files map[string][]byte) (map[string][]byte, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	pages := make([]printpdf.Page, len(names))
	for i, n := range names {
		pages[i] = printpdf.Page{Name: n, SVG: files[n]}
	}
	pdfs, err := printer.Print(pages)
	if err != nil {
		return nil, fmt.Errorf("%w (--format png or svg needs no browser)", err)
	}
	out := make(map[string][]byte, len(names))
	for i, n := range names {
		out[strings.TrimSuffix(n, ".svg")+".pdf"] = pdfs[i]
	}
	return out, nil
}

// loadFontFlag reads --font FILE[:INDEX]: the font to draw with, and its
// file for the browser that prints PDF.
func loadFontFlag(spec string) (*charts.Font, printpdf.Font, error) {
	path, index := spec, 0
	if i := strings.LastIndex(spec, ":"); i > 0 {
		if n, err := strconv.Atoi(spec[i+1:]); err == nil {
			path, index = spec[:i], n
		}
	}
	data, err := inputfile.Read(path, inputfile.FontLimit)
	if err != nil {
		return nil, printpdf.Font{}, badInput2("--font %v", "--font %w", err)
	}
	f, err := charts.LoadFont(path, data, index)
	if err != nil {
		return nil, printpdf.Font{}, badInput2("--font %s：%v", "--font %s: %w", spec, err)
	}
	return f, printpdf.Font{Data: data, Index: index}, nil
}

// chartIDs are the charts `--only` accepts, besides path-ID.
var chartIDs = []string{"path", "headline", "reach", "record", "fan", "tornado", "progress"}

// buildCharts makes the chart set for prs: every main-table indicator's
// path, the headline panel, the reachability dashboard and the previous
// plan's record. only selects by id ("path" for every path chart).
func buildCharts(prs []*model.Projection, data chartData, only []string, opt charts.Options) ([]*charts.Chart, error) {
	p := prs[0].Plan
	for _, id := range only {
		if contains(chartIDs, id) {
			continue
		}
		if ind, ok := strings.CutPrefix(id, "path-"); ok && p.Indicator(ind) != nil {
			continue
		}
		cands := append([]string(nil), chartIDs...)
		for _, ind := range p.Indicators {
			cands = append(cands, "path-"+ind.ID)
		}
		return nil, badInput2("--only：未知的图表%q%s（图表：%s，以及path-指标ID）", "--only: unknown chart %q%s (charts: %s, path-ID)", id, yamlcheck.Hint(id, cands), strings.Join(chartIDs, ", "))
	}
	want := func(id string) bool { return len(only) == 0 || contains(only, id) }
	if opt.Scenarios == nil {
		for _, pr := range prs {
			opt.Scenarios = append(opt.Scenarios, pr.Name())
		}
	}
	var out []*charts.Chart
	add := func(c *charts.Chart, err error) error {
		if err != nil {
			return err
		}
		out = append(out, c)
		return nil
	}
	if want("headline") && len(charts.HeadlineOf(prs[0])) > 0 {
		if err := add(charts.Headline(prs, opt)); err != nil {
			return nil, err
		}
	}
	if as := model.Assess(prs[0]); want("reach") && len(as) > 0 { // a plan may state no target
		if err := add(charts.Reachability(as, p, opt)); err != nil {
			return nil, err
		}
	}
	if rec := recordPlan(p); want("record") && rec != nil {
		if err := add(charts.Record(rec, opt)); err != nil {
			return nil, err
		}
	}
	if want("fan") && len(data.sims) > 0 {
		for _, f := range fanInputs(data.sims[0], opt.Lang) {
			f.in.Unplaced = charts.UnplacedNote(p, p.Indicator(f.id), opt.Evidence[f.id], f.placed, f.scale, opt.AsOf, opt.Lang)
			c, err := charts.Fan(f.in, p, opt)
			if err != nil {
				return nil, err
			}
			c.ID = "fan-" + f.id
			out = append(out, c)
		}
	}
	if want("tornado") {
		for i, in := range data.tornados {
			c, err := charts.Tornado(in, p, opt)
			if err != nil {
				return nil, err
			}
			c.ID = fmt.Sprintf("tornado-%d", i+1)
			out = append(out, c)
		}
	}
	if want("progress") && data.progress != nil {
		if err := add(charts.Progress(*data.progress, p, opt)); err != nil {
			return nil, err
		}
	}
	table := hasTable(p) // without a main table, every indicator gets its path chart
	for _, ind := range p.Indicators {
		if (table && !ind.InTable()) || !(want("path") || want("path-"+ind.ID)) {
			continue
		}
		if s := prs[0].Series[ind.ID]; s == nil || !s.Known() {
			continue // nothing to draw: no base level and no relative path
		}
		if err := add(charts.IndicatorPath(ind.ID, prs, opt)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recordPlan is the finished plan whose record is drawn: the previous plan,
// or the plan itself when it records outcomes for its own target year (the
// 13th plan's table); nil when there is none.
func recordPlan(p *model.Plan) *model.Plan {
	if p.Previous != nil {
		return p.Previous
	}
	for _, r := range charts.RecordOf(p, "en") {
		if !math.IsNaN(r.Outcome) {
			return p
		}
	}
	return nil
}

// renderCharts draws the chart set and returns each chart's bytes by file
// name (ID.format), printing each chart's warnings to stderr, and what the
// tornado charts (tornado-1 …) rank, in order, for their captions.
func renderCharts(prs []*model.Projection, data chartData, only []string, opt charts.Options, stderr io.Writer) (map[string][]byte, []charts.TornadoInput, error) {
	cs, tornados, err := bundleCharts(prs, data, only, opt)
	if err != nil {
		return nil, nil, err
	}
	ext := opt.Format
	if ext == "" {
		ext = "png"
	}
	for _, c := range cs {
		for _, w := range c.Warnings {
			fmt.Fprintf(stderr, "fyp: %s: %s\n", c.ID, w)
		}
	}
	imgs, err := drawAll(cs, runtime.GOMAXPROCS(0))
	if err != nil {
		return nil, nil, err
	}
	out := make(map[string][]byte, len(cs))
	for i, c := range cs {
		out[c.ID+"."+ext] = imgs[i]
	}
	return out, tornados, nil
}

// bundleCharts makes the chart set of a bundle, started from the review's
// observations when there is one (observedCharts), and returns the
// tornado charts' inputs with it.
func bundleCharts(prs []*model.Projection, data chartData, only []string, opt charts.Options) ([]*charts.Chart, []charts.TornadoInput, error) {
	from, sims, err := observedCharts(prs, data.sims, data.review)
	if err != nil {
		return nil, nil, err
	}
	data.sims = sims
	if pr := data.sensitivityOf; pr != nil {
		// The sensitivities too start from the last observation: they are
		// computed from the re-projected counterpart of sensitivityOf.
		for i := range prs {
			if prs[i] == pr {
				pr = from[i]
				break
			}
		}
		if data.tornados, err = tornadoInputs(pr, opt.Lang); err != nil {
			return nil, nil, err
		}
	}
	prs = from
	// The same test as the report's pages: the file's header, or a source
	// naming its figures synthetic.
	if rv := data.review; rv != nil && (rv.synthetic || synthetic(rv.sources)) {
		opt.Synthetic = true
	}
	if rv := data.review; rv != nil {
		// Every observation is drawn or named in a chart's note.
		opt.Evidence, opt.AsOf = rv.ev, rv.asOf
	}
	cs, err := buildCharts(prs, data, only, opt)
	if err != nil {
		return nil, nil, err
	}
	return cs, data.tornados, nil
}

// drawAll renders the charts on up to workers goroutines. Each chart is
// drawn whole by one goroutine into its own buffer, so the bytes are the
// same whatever the number of workers; the first error (in chart order)
// is returned.
func drawAll(cs []*charts.Chart, workers int) ([][]byte, error) {
	imgs := make([][]byte, len(cs))
	errs := make([]error, len(cs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(cs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var buf bytes.Buffer
				if _, err := cs[i].WriteTo(&buf); err != nil {
					errs[i] = fmt.Errorf("drawing %s: %w", cs[i].ID, err)
					continue
				}
				imgs[i] = buf.Bytes()
			}
		}()
	}
	for i := range cs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return imgs, nil
}

// addFiles adds files to b under dir and returns their names, sorted.
func addFiles(b bundle, dir string, files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name, data := range files {
		data := data
		b[dir+name] = func(w io.Writer) error { _, err := w.Write(data); return err }
		names = append(names, dir+name)
	}
	sort.Strings(names)
	return names
}
