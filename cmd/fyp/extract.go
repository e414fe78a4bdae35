package main

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"fyp/document"
	"fyp/extract"
	"fyp/internal/bilingual"
	"fyp/seeds"
)

func extractCmd(o *options) *cobra.Command {
	var (
		out, id      string
		base, target int
		force        bool
	)
	c := &cobra.Command{
		Use:   "extract PLAN",
		Short: "从规划文本生成规划文件 · turn a plan document into a plan file",
		Long: `读取发布的规划文本（纯文本 UTF-8/GB18030、Word .docx、网页 .html、PDF（需要 poppler-utils 的 pdftotext）），
找出主要指标表、各章节的量化目标、远景目标和上一规划的完成情况表，写成 fyp 的规划文件。
没有把握的地方都保留并标注 review: 请逐条核对后删除该行。

Reads a plan as published (plain text in UTF-8 or GB18030, Word .docx, a saved web page .html,
PDF through pdftotext from poppler-utils) and writes a plan file: the main indicator table, every
quantified target of the chapters and boxes, the vision goals, and the previous plan's record
table into a second file beside it. Everything it is unsure of is kept and marked review:
check each, then delete the line.`,
		Example: `  fyp extract 规划纲要.docx -o plan.yaml
  fyp validate plan.yaml && fyp run --plan plan.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if id != "" && !planIDRe.MatchString(id) {
				return badInput2("--id %q：请用小写字母、数字和“-”", "--id %q: use lower-case letters, digits and '-'", id)
			}
			if base != 0 && (base < 1950 || base > 2100) || target != 0 && (target < 1950 || target > 2100) {
				return badInput2("--base-year和--target-year应为年份，如2020和2025", "--base-year and --target-year take a year such as 2020 and 2025")
			}
			if base != 0 && target != 0 && target <= base {
				return badInput2("--target-year %d须晚于--base-year %d", "--target-year %d must come after --base-year %d", target, base)
			}
			doc, err := document.ReadFile(args[0])
			if err != nil {
				var de *document.Error
				if errors.As(err, &de) {
					return inputError{err}
				}
				return err
			}
			if id == "" {
				id = idFromFile(args[0])
			}
			res, err := extract.Extract(doc, extract.Options{ID: id, BaseYear: base, TargetYear: target})
			if err != nil {
				return badInput2("%s：%v", "%s: %v", args[0], err)
			}
			files := []outFile{{out, res.Plan}}
			if out == "" || res.Record == nil {
				res.Plan.Previous = ""
			} else {
				files = append(files, outFile{filepath.Join(filepath.Dir(out), res.Record.ID+".yaml"), res.Record})
			}
			// Render and check everything before writing anything.
			data := make([][]byte, len(files))
			for k, f := range files {
				var buf bytes.Buffer
				if err := f.plan.WriteYAML(&buf); err != nil {
					return err
				}
				if _, err := seeds.Parse(f.name+" (extracted)", buf.Bytes()); err != nil {
					// fyp's fault, not the input's: exit 1, so the problems are
					// quoted (%v), not wrapped (they would make it exit 2).
					return bilingual.Errorf("extract：写出的规划文件无法通过检查（这是程序缺陷，请报告）：%v", "extract: the plan file written would not validate (a bug, please report it): %v", err)
				}
				data[k] = buf.Bytes()
			}
			if out != "" {
				var names []string
				for _, f := range files {
					names = append(names, f.name)
				}
				if err := checkOutFiles(names, args, force); err != nil {
					return err
				}
			}
			for k, f := range files {
				if f.name == "" {
					if _, err := o.stdout.Write(data[k]); err != nil {
						return err
					}
					continue
				}
				if err := writeAtomic(f.name, data[k]); err != nil {
					return err
				}
			}
			extractSummary(o, args[0], res, files)
			return nil
		},
	}
	f := c.Flags()
	f.StringVarP(&out, "out", "o", "", "plan file to write (default: standard output)")
	f.StringVar(&id, "id", "", "the plan's id (default: from the file name)")
	f.IntVar(&base, "base-year", 0, "base year (default: from the table header or the plan's title)")
	f.IntVar(&target, "target-year", 0, "target year (default: from the table header or the plan's title)")
	f.BoolVar(&force, "force", false, "overwrite an existing -o file (and the previous plan's record file written beside it)")
	return c
}

var planIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

type outFile struct {
	name string
	plan *extract.Plan
}

// idFromFile makes a plan id of a file name: its ASCII letters and digits.
func idFromFile(path string) string {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	var b strings.Builder
	dash := false
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-")
	if id == "" {
		return "plan"
	}
	return id
}

func extractSummary(o *options, in string, res *extract.Result, files []outFile) {
	p := res.Plan
	rows := 0
	for _, ind := range p.Indicators {
		if ind.No != 0 {
			rows++
		}
	}
	w := o.stderr
	fmt.Fprintf(w, L(o.lang, "%s：%d 个指标（主要指标表 %d 行），%d 个目标，%d 项需核对（review），%d 项远景定性目标\n",
		"%s: %d indicators (%d main-table rows), %d targets, %d to review, %d qualitative vision goals\n"),
		in, len(p.Indicators), rows, p.Targets(), p.Reviews(), len(p.Qualitative))
	var parts []string
	for _, s := range res.Sections {
		parts = append(parts, fmt.Sprintf("%s %d", sectionLabel(s.Chapter, o.lang), s.Targets))
	}
	fmt.Fprintf(w, L(o.lang, "  各章目标数：%s\n", "  targets by chapter: %s\n"), strings.Join(parts, L(o.lang, "，", ", ")))
	for _, f := range files {
		if f.name != "" {
			fmt.Fprintf(w, L(o.lang, "  已写入 %s（%s）\n", "  wrote %s (%s)\n"), f.name, f.plan.ID)
		}
	}
	if res.Record != nil && files[0].name == "" {
		fmt.Fprintln(w, L(o.lang, "  上一规划完成情况表：用 -o 写入文件时一并写出", "  the previous plan's record table is written beside the -o file"))
	}
}
