package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"fyp/model"
)

func runCmd(o *options) *cobra.Command {
	var out string
	var force bool
	c := &cobra.Command{
		Use:   "run",
		Short: "主任务：测算并输出全部结果 · the main job: project, assess and write everything",
		Long: `对规划做全部测算，并把结果写入输出目录（默认 ./out）：目标清单、逐年测算、可达性评估和一致性检查，
格式为 CSV（带 BOM，Excel 可直接打开）、JSON 和 Markdown，以及报告文件（index.html、report.docx、report.md、fyp-tables.xlsx，见 fyp report）。fyp 只替换它自己写过且未被改动的文件
（记录在 .fyp-manifest.json 中），目录中其他文件一律保留；不是 fyp 写的目录须加 --force，即使加了也从不覆盖或删除别人的文件。

Runs every computation on the plan and writes the results into the output folder (default
./out): the targets, the yearly projection, the reachability assessment and the consistency
check, as CSV (with a BOM, for Excel), JSON and Markdown, and the report bundle (index.html,
report.docx, report.md, fyp-tables.xlsx; see fyp report). fyp replaces only the files it wrote and that are
unchanged (listed in .fyp-manifest.json) and keeps every other file in the folder; it writes into
a folder it did not write only with --force, and even then never overwrites or deletes a file it
did not write.`,
		Example: `  fyp run
  fyp run --out report-2023 --lang en`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check(); err != nil {
				return err
			}
			if err := checkOut(c, out, force); err != nil {
				return err
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			pr, err := model.Project(p, nil)
			if err != nil {
				return err
			}
			if len(o.scenarios) == 0 {
				o.scenarios = o.defaultScenarios(p)
			}
			in, err := buildReport(o, p, shippedReview(p))
			if err != nil {
				return err
			}
			// The plan's own rules first (the yardstick), then each scenario.
			prs := in.projections
			if len(o.scenarios) > 0 {
				prs = append([]*model.Projection{pr}, prs...)
			}
			sims, lang := in.sims, o.lang
			b := bundle{
				"targets.csv":     withBOM(func(w io.Writer) error { return writeTargets(w, p, "csv", lang) }),
				"targets.json":    func(w io.Writer) error { return writeTargets(w, p, "json", lang) },
				"targets.md":      func(w io.Writer) error { return writeTargets(w, p, "md", lang) },
				"projection.csv":  withBOM(func(w io.Writer) error { return writeProjection(w, prs, nil, "csv", lang) }),
				"projection.md":   func(w io.Writer) error { return writeProjection(w, prs, nil, "md", lang) },
				"assessment.csv":  withBOM(func(w io.Writer) error { return writeAssessments(w, prs, "all", "csv", lang) }),
				"assessment.json": func(w io.Writer) error { return writeAssessments(w, prs, "all", "json", lang) },
				"assessment.md":   func(w io.Writer) error { return writeAssessments(w, prs, "main", "md", lang) },
				"check.md":        func(w io.Writer) error { return writeCheck(w, pr, "md", lang) },
				"compare.md":      func(w io.Writer) error { return writeCompare(w, prs, "main", "md", lang) },
				"compare.csv":     withBOM(func(w io.Writer) error { return writeCompare(w, prs, "all", "csv", lang) }),
				"simulation.csv":  withBOM(func(w io.Writer) error { return writeSimulation(w, sims, "all", "csv", lang) }),
				"simulation.json": func(w io.Writer) error { return writeSimulation(w, sims, "all", "json", lang) },
				"bands.csv":       withBOM(func(w io.Writer) error { return writeBands(w, sims, "csv", lang) }),
			}
			if err := addReport(b, in); err != nil {
				return err
			}
			if err := b.write(c, out, force); err != nil {
				return err
			}
			if err := writeCompare(o.stdout, prs, "main", "table", lang); err != nil {
				return err
			}
			writeReviewSummary(o.stdout, in.review, lang)
			fmt.Fprintf(o.stdout, "\n%s %s/\n", L(lang, "结果已写入", "Results written to"), out)
			return nil
		},
	}
	addScenarioFlag(c, &o.scenarios, "every shipped scenario")
	c.Flags().StringVar(&out, "out", "out", "output folder; fyp replaces only the files it wrote there and keeps every other file")
	c.Flags().BoolVar(&force, "force", false, "also write into a folder fyp did not write, beside its files (a file fyp did not write is never overwritten or deleted)")
	return c
}
