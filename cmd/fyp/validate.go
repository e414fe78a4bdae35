package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"fyp/internal/inputfile"
	"fyp/internal/yamlcheck"
	"fyp/scenarios"
	"fyp/seeds"
)

func validateCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "检查规划文件而不运行 · check plan and scenario files without running them",
		Long: `逐一检查 YAML 文件，一次列出每个文件的全部问题（文件:行: 键: 说明）。有问题时退出码为 2。
Checks each YAML file and lists all its problems at once (FILE:LINE: key: message). Exits with
code 2 when any file has a problem.`,
		Example: `  fyp validate my-plan.yaml`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			var all yamlcheck.Problems
			for _, f := range args {
				// Files of other kinds say where they go, not that their
				// top is no YAML mapping.
				_, statErr := os.Stat(f)
				switch ext := strings.ToLower(filepath.Ext(f)); {
				case statErr != nil: // missing: said below
				case ext == ".csv" || ext == ".tsv" || ext == ".xlsx" || ext == ".xls":
					all = append(all, yamlcheck.Problem{File: f, MsgZH: "这是观测数据表，不是规划或情景文件：用 fyp review --observed 检查它", Msg: "an observed table, not a plan or scenario file: check it with fyp review --observed"})
					continue
				case ext == ".txt" || ext == ".docx" || ext == ".doc" || ext == ".pdf" || ext == ".html" || ext == ".htm":
					all = append(all, yamlcheck.Problem{File: f, MsgZH: "这是文档，不是规划文件：规划文本先用 fyp extract 生成规划文件，公报用 fyp observe 读取", Msg: "a document, not a plan file: turn a plan's text into a plan file with fyp extract, read a bulletin with fyp observe"})
					continue
				}
				data, err := inputfile.Read(f, inputfile.YAMLLimit)
				if err != nil {
					return err
				}
				if scenarios.Looks(data) {
					p, err := o.loadPlan()
					if err != nil {
						return err
					}
					r, err := scenarios.Check(f, data, p)
					if err != nil {
						var ps yamlcheck.Problems
						if errors.As(err, &ps) {
							all = append(all, ps...)
							continue
						}
						return inputError{err}
					}
					for _, w := range r.Warnings {
						fmt.Fprintln(o.stderr, L(o.lang, "注意：", "warning: ")+w.In(o.lang))
					}
					fmt.Fprintf(o.stdout, L(o.lang, "%s：通过（情景 %s）\n", "%s: ok (scenario %s)\n"), f, r.Scenario.Name)
					continue
				}
				if _, err := seeds.Parse(f, data); err != nil {
					var ps yamlcheck.Problems
					if errors.As(err, &ps) {
						all = append(all, ps...)
						continue
					}
					return err
				}
				if n := reviewMarks(f, data); n > 0 {
					// a file fyp extract wrote is valid before it is checked
					fmt.Fprintf(o.stdout, L(o.lang, "%s：通过，但仍有 %d 项标有 review 待核对（逐项核对后删去该 review 行）\n",
						"%s: ok, but %d items are still marked review (check each, then delete its review line)\n"), f, n)
					continue
				}
				fmt.Fprintf(o.stdout, L(o.lang, "%s：通过\n", "%s: ok\n"), f)
			}
			return all.Err()
		},
	}
}

// reviewMarks counts the review: marks left in a plan file (on indicators
// and targets, as fyp extract writes them); an empty mark counts for none.
func reviewMarks(file string, data []byte) int {
	root, ps := yamlcheck.Parse(file, data)
	if ps != nil {
		return 0
	}
	n := 0
	var walk func(*yaml.Node)
	walk = func(node *yaml.Node) {
		if node == nil {
			return
		}
		if node.Kind == yaml.MappingNode {
			for k := 0; k+1 < len(node.Content); k += 2 {
				key, val := node.Content[k], node.Content[k+1]
				if key.Value == "review" && val.Kind == yaml.ScalarNode && strings.TrimSpace(val.Value) != "" {
					n++
				}
			}
		}
		for _, c := range node.Content {
			walk(c)
		}
	}
	walk(root)
	return n
}
