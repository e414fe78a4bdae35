package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

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
						fmt.Fprintln(o.stderr, L(o.lang, "注意：", "warning: ")+w.Error())
					}
					fmt.Fprintf(o.stdout, "%s: ok (scenario %s)\n", f, r.Scenario.Name)
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
				fmt.Fprintf(o.stdout, "%s: ok\n", f)
			}
			return all.Err()
		},
	}
}
