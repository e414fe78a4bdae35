package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"fyp/charts"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

// chartFlags are the choices of `fyp charts` (and the defaults of `fyp run`).
type chartFlags struct {
	only []string
	dpi  int
	font string
}

func chartsCmd(o *options) *cobra.Command {
	var cf chartFlags
	var out string
	var force bool
	c := &cobra.Command{
		Use:   "charts",
		Short: "绘制报告图表 · draw the report charts",
		Long: `绘制报告用图表并写入输出目录（默认 ./charts）：各主要指标的走势图（path-指标id）、主要指标2×2面板（headline）、
目标可达性总览（reach）和上一个规划的完成情况（record）。中文字体已内置，无需安装字体；--font 可换用其它字体。
PNG 默认 150 dpi；SVG 和 PDF 按 --format 选择（PDF 仅支持 --lang en；SVG 只写字体名，不嵌入字体）。
扇形图、龙卷风图和中期进度图的函数在 charts 包中，其数据由蒙特卡洛、敏感性和中期评估命令提供。

Draws the report charts into the output folder (default ./charts): each main-table indicator's
path (path-ID), the 2×2 headline panel (headline), the reachability dashboard (reach) and the
previous plan's record (record). A Chinese font is embedded, so nothing needs installing;
--font selects another. PNG at 150 dpi by default; SVG or PDF by --format (PDF with --lang en
only; SVG names the font without embedding it). The fan, tornado and progress charts are
drawn from the data of the Monte Carlo, sensitivity and mid-term review commands.`,
		Example: `  fyp charts
  fyp charts --only headline,reach --lang en --out figs
  fyp charts --only path-gdp_per_capita --format svg
  fyp charts --font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc:2`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("png", "svg", "pdf"); err != nil {
				return err
			}
			opt, err := cf.options(o)
			if err != nil {
				return err
			}
			prs, err := chartProjections(o)
			if err != nil {
				return err
			}
			b := bundle{}
			names, err := addCharts(b, "", prs, cf.only, opt, o.stderr)
			if err != nil {
				return err
			}
			if err := b.write(out, force); err != nil {
				return err
			}
			for _, n := range names {
				fmt.Fprintln(o.stdout, out+"/"+n)
			}
			return nil
		},
	}
	addFormat(c, o, "png", "svg", "pdf")
	c.Flags().StringSliceVar(&cf.only, "only", nil, "charts to draw (comma-separated): path, path-ID, headline, reach, record; default all")
	c.Flags().IntVar(&cf.dpi, "dpi", charts.DefaultDPI, "PNG resolution, dots per inch")
	c.Flags().StringVar(&cf.font, "font", "", "font file to draw with, FILE or FILE:INDEX for a collection (.ttc); default the embedded Noto Sans CJK SC subset")
	c.Flags().StringVar(&out, "out", "charts", "output folder")
	c.Flags().BoolVar(&force, "force", false, "overwrite a folder that fyp did not write")
	return c
}

// chartProjections are the projections the charts compare: the plan's own
// rates (scenario "plan"). Scenarios chosen with -s join here.
func chartProjections(o *options) ([]*model.Projection, error) {
	p, err := o.loadPlan()
	if err != nil {
		return nil, err
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		return nil, err
	}
	return []*model.Projection{pr}, nil
}

// options turns the flags into chart options, refusing what cannot work.
func (cf chartFlags) options(o *options) (charts.Options, error) {
	opt := charts.Options{Lang: o.lang, Format: o.format, DPI: cf.dpi}
	if opt.Format == "" {
		opt.Format = "png"
	}
	if cf.dpi < 36 || cf.dpi > 1200 {
		return opt, badInput("--dpi %d: expected 36 to 1200", cf.dpi)
	}
	if opt.Format == "pdf" && o.lang != "en" {
		return opt, badInput("--format pdf: gonum/plot's PDF writer cannot hold Chinese text; use --lang en, or --format png or svg")
	}
	if cf.font != "" {
		f, err := loadFontFlag(cf.font)
		if err != nil {
			return opt, err
		}
		opt.Font = f
	}
	return opt, nil
}

// loadFontFlag reads --font FILE[:INDEX].
func loadFontFlag(spec string) (*charts.Font, error) {
	path, index := spec, 0
	if i := strings.LastIndex(spec, ":"); i > 0 {
		if n, err := strconv.Atoi(spec[i+1:]); err == nil {
			path, index = spec[:i], n
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, badInput("--font %s: %v", spec, err)
	}
	f, err := charts.LoadFont(path, data, index)
	if err != nil {
		return nil, badInput("--font %s: %v", spec, err)
	}
	return f, nil
}

// chartIDs are the charts `--only` accepts, besides path-ID.
var chartIDs = []string{"path", "headline", "reach", "record"}

// buildCharts makes the chart set for prs: every main-table indicator's
// path, the headline panel, the reachability dashboard and the previous
// plan's record. only selects by id ("path" for every path chart).
func buildCharts(prs []*model.Projection, only []string, opt charts.Options) ([]*charts.Chart, error) {
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
		return nil, badInput("--only: unknown chart %q%s (charts: %s, path-ID)", id, yamlcheck.DidYouMean(id, cands), strings.Join(chartIDs, ", "))
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
	if want("headline") {
		if err := add(charts.Headline(prs, opt)); err != nil {
			return nil, err
		}
	}
	if want("reach") {
		if err := add(charts.Reachability(model.Assess(prs[0]), p, opt)); err != nil {
			return nil, err
		}
	}
	if rec := recordPlan(p); want("record") && rec != nil {
		if err := add(charts.Record(rec, opt)); err != nil {
			return nil, err
		}
	}
	for _, ind := range p.Indicators {
		if !ind.InTable() || !(want("path") || want("path-"+ind.ID)) {
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

// addCharts adds the chart set to b under dir and prints each chart's
// warnings to stderr; it returns the file names in order.
func addCharts(b bundle, dir string, prs []*model.Projection, only []string, opt charts.Options, stderr io.Writer) ([]string, error) {
	cs, err := buildCharts(prs, only, opt)
	if err != nil {
		return nil, err
	}
	ext := opt.Format
	if ext == "" {
		ext = "png"
	}
	var names []string
	for _, c := range cs {
		for _, w := range c.Warnings {
			fmt.Fprintf(stderr, "fyp: %s: %s\n", c.ID, w)
		}
		c := c
		name := dir + c.ID + "." + ext
		b[name] = func(w io.Writer) error { _, err := c.WriteTo(w); return err }
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}
