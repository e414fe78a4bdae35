package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"fyp/internal/bilingual"
	"fyp/model"
	"fyp/seeds"
)

// options are the flags every command shares.
type options struct {
	plan   string
	format string
	// scenarios are the -s refs of the commands that share them (simulate,
	// review, report, run); the others keep their own.
	scenarios []string
	lang      string
	stdout    io.Writer
	stderr    io.Writer
	noted     map[string]bool // notes already printed to stderr: each once per run
}

// run executes the command line args; main only maps its error to an exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o := &options{stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "fyp",
		Short: "五年规划目标测算 · test a five-year plan's targets",
		Long: `fyp 把五年规划的量化目标变成可以检验的数字：列出每项目标，按复合增长等规则逐年测算到2025年和2035年，
判断目标能否实现，并生成报告用的表格。默认使用内置的《重庆市江津区"十四五"规划和二〇三五年远景目标纲要》。

fyp turns a five-year plan's quantified targets into numbers that can be tested: it lists every
target, projects each indicator year by year to 2025 and 2035, tests whether each target is
reachable and writes the tables for a report. The embedded plan is Jiangjin District's 14th
Five-Year Plan (2021–2025) with its 2035 goals.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Example: `  fyp run                          # the main job: everything into ./out
  fyp targets --lang en            # every quantified target
  fyp assess --format md           # is each target reachable under the plan's own rates?
  fyp targets --plan jiangjin-13   # the 13th plan's record`,
	}
	root.Version = version()
	root.SetVersionTemplate("fyp {{.Version}}\n")
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetContext(ctx)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return inputError{usageError(fmt.Errorf("%v (see '%s --help')", err, c.CommandPath()))}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&o.plan, "plan", seeds.Default, "plan: an embedded id ("+strings.Join(seeds.IDs(), ", ")+") or a YAML file")
	pf.StringVar(&o.lang, "lang", "zh", "language of labels and messages: zh or en")
	root.AddCommand(
		targetsCmd(o), projectCmd(o), assessCmd(o), checkCmd(o), validateCmd(o), runCmd(o),
		compareCmd(o), solveCmd(o), sensitivityCmd(o),
		reviewCmd(o), reportCmd(o), simulateCmd(o), chartsCmd(o), extractCmd(o),
		serveCmd(o), observeCmd(o),
	)
	err := root.Execute()
	if err != nil && isUsage(err) {
		err = inputError{usageError(err)}
	}
	return withLang(err, langArg(args, o.lang))
}

// langArg is the value of the last --lang in args, else lang: a usage
// error (an unknown command or flag) stops cobra before it parses --lang.
func langArg(args []string, lang string) string {
	for i, a := range args {
		switch {
		case a == "--":
			return lang
		case a == "--lang" && i+1 < len(args):
			lang = args[i+1]
		case strings.HasPrefix(a, "--lang="):
			lang = strings.TrimPrefix(a, "--lang=")
		}
	}
	return lang
}

// isUsage recognises cobra's own usage errors (unknown command or flag,
// wrong number of arguments, a required flag not given).
func isUsage(err error) bool {
	s := err.Error()
	return strings.HasPrefix(s, "unknown command") || strings.HasPrefix(s, "unknown flag") ||
		strings.Contains(s, "accepts ") || strings.Contains(s, "requires at least") ||
		strings.HasPrefix(s, "required flag(s)")
}

// usageWords turn cobra's and pflag's English usage errors into Chinese,
// keeping their facts (names, counts, suggestions).
var usageWords = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`unknown command "(.*?)" for "(.*?)"`), `未知的命令"${1}"（${2}）`},
	{regexp.MustCompile(`\n\nDid you mean this\?\n`), "\n\n是否想写：\n"},
	{regexp.MustCompile(`unknown shorthand flag: '(.)' in (\S+)`), `未知的短选项'${1}'（${2}）`},
	{regexp.MustCompile(`unknown flag: (\S+)`), `未知的选项：${1}`},
	{regexp.MustCompile(`accepts at most (\d+) arg\(s\), received (\d+)`), `最多接受${1}个参数，实际给了${2}个`},
	{regexp.MustCompile(`accepts (\d+) arg\(s\), received (\d+)`), `只接受${1}个参数，实际给了${2}个`},
	{regexp.MustCompile(`requires at least (\d+) arg\(s\), only received (\d+)`), `至少需要${1}个参数，实际只给了${2}个`},
	{regexp.MustCompile(`required flag\(s\) (.*) not set`), `必须给出选项${1}`},
	{regexp.MustCompile(`invalid argument "(.*?)" for "(.*?)" flag: .*?(\(see|$)`), `选项${2}的值"${1}"无效 ${3}`},
	{regexp.MustCompile(`flag needs an argument: (.*?)( \(see|$)`), `选项缺少值：${1}${2}`},
	{regexp.MustCompile(` ?\(see '(.*?) --help'\)`), `（见 ${1} --help）`},
}

// usageError words a cobra usage error in both languages.
func usageError(err error) error {
	zh := err.Error()
	for _, w := range usageWords {
		zh = w.re.ReplaceAllString(zh, w.zh)
	}
	return &bilingual.Error{ZH: zh, EN: err.Error(), Err: err}
}

// addFormat registers --format with the given choices, the first being the
// default. Every command binds the flag to the shared o.format, and pflag
// applies a default when the flag is defined, so the command that runs
// restores its own default unless the user gave one.
func addFormat(c *cobra.Command, o *options, choices ...string) {
	c.Flags().StringVar(&o.format, "format", choices[0], "output format: "+strings.Join(choices, ", "))
	prev := c.PreRunE
	c.PreRunE = func(c *cobra.Command, args []string) error {
		if !c.Flags().Changed("format") {
			o.format = choices[0]
		}
		if prev != nil {
			return prev(c, args)
		}
		return nil
	}
}

// check validates the shared flags.
func (o *options) check(formats ...string) error {
	if o.lang != "zh" && o.lang != "en" {
		return badInput2("--lang %q：应为zh或en", "--lang %q: expected zh or en", o.lang)
	}
	if len(formats) > 0 && !contains(formats, o.format) {
		return badInput2("--format %q：应为%s之一", "--format %q: expected one of %s", o.format, strings.Join(formats, ", "))
	}
	return nil
}

// loadPlan loads the plan named by --plan.
func (o *options) loadPlan() (*model.Plan, error) {
	return seeds.Load(o.plan)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
