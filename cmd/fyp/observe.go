package main

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"fyp/bulletin"
	"fyp/document"
	"fyp/observed"
	"fyp/seeds/vocabulary"
)

func observeCmd(o *options) *cobra.Command {
	var (
		out   string
		year  int
		force bool
	)
	c := &cobra.Command{
		Use:   "observe DOC…",
		Short: "从统计公报、政府工作报告读取实际值 · read observed figures from bulletins and work reports",
		Long: `读取统计公报、政府工作报告、生态环境状况公报（纯文本 UTF-8/GB18030、Word .docx、网页 .html、PDF），
找出规划各项指标的实际值，写成 fyp review --observed 可读的观测数据文件（CSV）。每个数字都注明来源（文件和行）
和原文；没有把握的标注 review；能看到指标名但无法读取的句子列在屏幕上。多份文件合成一个面板，后发布的数字优先。

Reads statistical bulletins, government work reports and environment bulletins (text, .docx,
.html, PDF) and writes the figures they state for the plan's indicators as an observed CSV
(observed/doc.go) for fyp review --observed: each row with its source (file and line) and the
clause verbatim; unsure readings are marked review; clauses that name an indicator but could not
be read are listed on stderr. Several documents make one panel; a later one wins.`,
		Example: `  fyp observe 2023公报.txt 2024公报.docx -o observed.csv
  fyp review --observed observed.csv
  fyp observe 概况.html --year 2022`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if year != 0 && (year < 1950 || year > 2100) {
				return badInput2("--year应为年份，如2023", "--year takes a year such as 2023")
			}
			if out != "" {
				if err := checkOutFiles([]string{out}, append([]string{o.plan}, args...), force); err != nil {
					return err
				}
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			opt := bulletin.Options{Indicators: bulletin.IndicatorsOf(p, vocabulary.Default()), Year: year, Place: p.Region.ZH}
			var docs []*bulletin.Result
			for _, a := range args {
				d, err := document.ReadFile(a)
				if err != nil {
					var de *document.Error
					if errors.As(err, &de) {
						return inputError{err}
					}
					return err
				}
				r, err := bulletin.Read(d, opt)
				if err != nil {
					return badInput2("%s：%v", "%s: %v", a, err)
				}
				if r.Elsewhere(p.Region.ZH) {
					// Another place's bulletin (the city's for a district's
					// plan): its figures are that place's, never silently
					// the plan's.
					fmt.Fprintf(o.stderr, L(o.lang, "注意：%s的标题所指地区为%s，不是规划的地区%s；读出的是%[2]s的数字，均标为需核对（review）\n",
						"note: the title of %s names 「%s」, not the plan's region %s; the figures read are that place's, each marked review\n"), a, r.Place, p.Region.In(o.lang))
					r.MarkReview(L(o.lang, "文件所述地区为"+r.Place+"，不是规划的地区"+p.Region.ZH, "the document is about 「"+r.Place+"」, not the plan's region "+p.Region.In(o.lang)))
				}
				docs = append(docs, r)
			}
			sort.SliceStable(docs, func(i, j int) bool { return docs[i].Year < docs[j].Year })
			figs, earlier, conflicts := bulletin.Panel(docs)
			w := o.stderr
			for _, d := range docs {
				for _, x := range d.Warnings {
					fmt.Fprintf(w, L(o.lang, "  未读取 %s:%d：%s 「%s」\n", "  not read %s:%d: %s 「%s」\n"), x.Doc, x.Line, strings.TrimSuffix(strings.TrimSuffix(x.In(o.lang), ": 未读取"), ": not read"), x.Clause)
				}
				if d.MoreWarnings > 0 {
					fmt.Fprintf(w, L(o.lang, "  …另有 %d 句未读取\n", "  … and %d more clauses not read\n"), d.MoreWarnings)
				}
			}
			if len(conflicts) > 0 {
				for _, k := range conflicts {
					if o.lang == "en" {
						fmt.Fprintln(w, "  "+k.Error())
						continue
					}
					fmt.Fprintf(w, "  %s:%d和%s:%d给出的%s %d年（%s）分别为%s和%s：「%s」 / 「%s」\n", k.A.Doc, k.A.Line, k.B.Doc, k.B.Line,
						k.A.ID, k.A.Year, k.A.Metric, k.A.Text, k.B.Text, k.A.Clause, k.B.Clause)
				}
				return badInput2("同一文件中有%d个相互矛盾的数据（见上）：请核对文件，未写入任何内容", "%d contradictory figures in one document (listed above): check the document, nothing written", len(conflicts))
			}
			cat := observed.CatalogOf(p)
			kept, keptEarlier := figs[:0:0], map[int][]bulletin.Figure{}
			for i, f := range figs {
				if f.Year < cat.MinYear || f.Year > cat.MaxYear {
					fmt.Fprintf(w, L(o.lang, "  未写入 %s:%d：%s %d 不在规划 %s 的年份 %d–%d 内 「%s」\n", "  not written %s:%d: %s %d lies outside plan %s's years %d–%d 「%s」\n"),
						f.Doc, f.Line, f.ID, f.Year, p.ID, cat.MinYear, cat.MaxYear, f.Clause)
					continue
				}
				if e := earlier[i]; e != nil {
					keptEarlier[len(kept)] = e
				}
				kept = append(kept, f)
			}
			if len(kept) == 0 {
				if len(figs) > 0 {
					return badInput2("%s：找到的%d个数据都不在规划%s的年份%d–%d内（见上）；请用 --plan 指定它们所属的规划", "%s: the %d figures found all lie outside plan %s's years %d–%d (listed above); give the plan they belong to with --plan",
						strings.Join(args, ", "), len(figs), p.ID, cat.MinYear, cat.MaxYear)
				}
				return badInput2("%s：没有找到规划%s指标的数据", "%s: no figure for the indicators of plan %s was found", strings.Join(args, ", "), p.ID)
			}
			var buf bytes.Buffer
			if err := bulletin.WriteCSV(&buf, kept, keptEarlier); err != nil {
				return err
			}
			name := out
			if name == "" {
				name = "observed.csv"
			}
			if _, err := observed.Read(name, buf.Bytes(), cat); err != nil {
				return badInput2("读到的数据未通过观测数据文件的检查，未写入任何内容：%v", "the figures read do not pass the observed file's checks, nothing written: %v", err)
			}
			if out == "" {
				_, err := o.stdout.Write(buf.Bytes())
				if err == nil {
					observeSummary(o, kept, docs, out)
				}
				return err
			}
			// a byte-order mark, so that Excel shows the Chinese
			if err := writeAtomic(out, append([]byte("\xEF\xBB\xBF"), buf.Bytes()...)); err != nil {
				return err
			}
			observeSummary(o, kept, docs, out)
			return nil
		},
	}
	f := c.Flags()
	f.StringVarP(&out, "out", "o", "", "observed CSV to write (default: standard output)")
	f.IntVar(&year, "year", 0, "the year the documents report on (default: from each title: 2023年…统计公报; a work report of 2024 speaks of 2023)")
	f.BoolVar(&force, "force", false, "overwrite an existing -o file")
	return c
}

func observeSummary(o *options, figs []bulletin.Figure, docs []*bulletin.Result, out string) {
	ids, review, warns := map[string]bool{}, 0, 0
	for _, f := range figs {
		ids[f.ID] = true
		if f.Review != "" {
			review++
		}
	}
	for _, d := range docs {
		warns += len(d.Warnings) + d.MoreWarnings
	}
	fmt.Fprintf(o.stderr, L(o.lang, "%d 份文件：%d 个数字，%d 个指标，%d 个需核对（review），%d 句未读取\n", "%d documents: %d figures for %d indicators, %d to review, %d clauses not read\n"),
		len(docs), len(figs), len(ids), review, warns)
	if out != "" {
		fmt.Fprintf(o.stderr, L(o.lang, "  已写入 %s\n", "  wrote %s\n"), out)
	}
}
