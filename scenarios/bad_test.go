package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
)

// TestBadFiles: each bad file in testdata/ is refused with its message at
// its line (0 where no line can be known).
func TestBadFiles(t *testing.T) {
	p := plan(t)
	cases := []struct {
		file string
		line int
		want string // a fragment of the message
	}{
		{"misspelt_key.yaml", 3, `unknown key "rat"; did you mean "rate"`},
		{"misspelt_top.yaml", 2, `did you mean "assumptions"`},
		{"unknown_id.yaml", 3, `unknown indicator "gpd"; did you mean "gdp"`},
		{"wrong_type.yaml", 3, `expected a number, got "six"`},
		{"rate_minus_100.yaml", 3, "wipes the level out"},
		{"sd_huge.yaml", 4, "a standard deviation of 1e+300 points of growth a year: expected at most 1000"},
		{"rate_huge.yaml", 3, "a rate of 1e+300% a year is more than an elevenfold rise every year; expected at most 1000"},
		{"step_huge.yaml", 3, "a step of 1e+300 10,000 yuan a year is beyond ±1e+15"}, // the unit in English (unit_en)
		{"shock_huge.yaml", 3, "a change of 1e+300 points a year is beyond ±1000"},
		{"shock_huge.yaml", 4, "a level shift of 1e+300% is more than an elevenfold jump"},
		{"step_out_of_bounds.yaml", 3, "outside its bounds [0, 100]"},
		{"year_out_of_range.yaml", 3, "year 2019 is outside"},
		{"ceiling_low.yaml", 3, "not above the base-year value 51.8"},
		{"horizon_early.yaml", 2, "before the plan's base year 2020"},
		{"duplicate_key.yaml", 4, "duplicate key (first given at line 3)"},
		{"tab.yaml", 3, "a tab in the indentation"},
		{"fullwidth_colon.yaml", 3, "full-width colon"},
		{"fullwidth_comma.yaml", 3, "full-width comma"},
		{"empty.yaml", 0, "the file is empty"},
		{"not_utf8.yaml", 1, "not UTF-8"},
		{"syntax.yaml", 2, // yaml.v3 reports the line where the unclosed flow mapping starts
			"YAML syntax error"},
		{"alias_bomb.yaml", 0, "aliases"},
		{"overdetermined.yaml", 4, "over-determined identity population = gdp / gdp_per_capita"},
		{"cycle_a.yaml", 2, "a cycle"},
		{"missing_parent.yaml", 2, "no_such_parent.yaml"},
		{"bad_uncertainty.yaml", 4, "cannot be negative"},
		{"bad_uncertainty.yaml", 4, "strictly between -1 and 1"},
		{"bad_uncertainty.yaml", 4, "expected more than 2"},
		{"bad_uncertainty.yaml", 6, `unknown indicator "incme"; did you mean "income"`},
		{"bad_uncertainty.yaml", 6, "correlation 1.5"},
		{"unknown_rule.yaml", 3, `"compund" is not one of`},
		{"correlation_not_psd.yaml", 3, "not a valid correlation matrix"},
		{"derived_not_derived.yaml", 3, "rd_intensity is not derived in the plan"},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.want, func(t *testing.T) {
			f := filepath.Join("testdata", c.file)
			_, err := Load(f, p)
			var ps yamlcheck.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Load(%s) error = %v, want yamlcheck.Problems", f, err)
			}
			for _, pr := range ps {
				// The English unit of gdp_per_capita, "10,000 yuan", is 万元.
				if pr.MsgZH == "" || !bilingual.SameNumbers(pr.MsgZH, strings.ReplaceAll(pr.Msg, "10,000 yuan", "万元")) {
					t.Errorf("%s:%d: Chinese %q, English %q: want both, with the same numbers", pr.File, pr.Line, pr.MsgZH, pr.Msg)
				}
			}
			for _, pr := range ps {
				if pr.Line == c.line && strings.Contains(pr.Error(), c.want) {
					if !strings.HasPrefix(pr.Error(), pr.File) {
						t.Errorf("message %q does not start with the file", pr.Error())
					}
					return
				}
			}
			t.Errorf("Load(%s): no problem at line %d containing %q; got:\n%v", f, c.line, c.want, err)
		})
	}
}

// TestBadFilesInChinese: the problems of TestBadFiles, worded in Chinese
// (fyp's default language), at the same line with the same facts.
func TestBadFilesInChinese(t *testing.T) {
	p := plan(t)
	cases := []struct {
		file string
		line int
		zh   string
	}{
		{"misspelt_key.yaml", 3, `未知的键"rat"；是否想写 "rate"？`},
		{"unknown_id.yaml", 3, `assumptions.gpd: 未知的指标"gpd"；是否想写 "gdp"？`},
		{"wrong_type.yaml", 3, `应为数字，实为"six"`},
		{"rate_minus_100.yaml", 3, "年增速-100%或更低会使水平值归零；应大于-100"},
		{"sd_huge.yaml", 4, "标准差为每年1e+300个百分点：最多1000"},
		{"rate_huge.yaml", 3, "assumptions.gdp.rate: 年增速1e+300%意味着每年增长十一倍以上；最多1000"},
		{"step_huge.yaml", 3, "每年增加1e+300万元超出±1e+15"},
		{"shock_huge.yaml", 3, "每年变动1e+300个百分点超出±1000"},
		{"step_out_of_bounds.yaml", 3, "这条linear规则使forest_coverage在2030年超出取值范围[0, 100]"},
		{"year_out_of_range.yaml", 3, "年份2019不在情景的年份范围2021–2035内"},
		{"ceiling_low.yaml", 3, "logistic上限50不高于基期值51.8"},
		{"horizon_early.yaml", 2, "测算终点年2015早于规划基期年2020"},
		{"duplicate_key.yaml", 4, "键重复（首次出现在第3行）"},
		{"empty.yaml", 0, "文件是空的"},
		{"alias_bomb.yaml", 0, "文件用了110个别名（*name），最多允许100个"},
		{"overdetermined.yaml", 4, "恒等式population = gdp / gdp_per_capita约束过多"},
		{"cycle_a.yaml", 2, "形成循环"},
		{"missing_parent.yaml", 2, `继承的"no_such_parent.yaml"无法读取：没有这个情景`},
		{"bad_uncertainty.yaml", 4, "自相关系数1：应严格介于-1和1之间"},
		{"derived_not_derived.yaml", 3, "rd_intensity在规划中不是推算指标"},
		{"correlation_not_psd.yaml", 3, "这些相关系数构不成有效的相关矩阵（不是半正定的：最小特征值-0.734）；gdp–income这一对（0.9）与其他相关系数冲突最大：去掉它，最小特征值为-0.204"},
		{"syntax.yaml", 2, "YAML语法错误：缺少预期的','或'}'"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			_, err := Load(filepath.Join("testdata", c.file), p)
			var ps yamlcheck.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error = %v, want yamlcheck.Problems", err)
			}
			for _, pr := range ps {
				if pr.Line == c.line && strings.Contains(pr.In("zh"), c.zh) {
					return
				}
			}
			t.Errorf("no problem at line %d containing %q; got:\n%s", c.line, c.zh, ps.In("zh"))
		})
	}
}

// TestAllProblemsAtOnce: a file with several problems reports all of them.
func TestAllProblemsAtOnce(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "bad_uncertainty.yaml"), plan(t))
	var ps yamlcheck.Problems
	if !errors.As(err, &ps) || len(ps) < 5 {
		t.Fatalf("got %d problems, want at least 5: %v", len(ps), err)
	}
}

// TestFractionWarns: a compound rate that looks like a fraction is a
// warning with its line, not an error.
func TestFractionWarns(t *testing.T) {
	r, err := Load(filepath.Join("testdata", "fraction_warning.yaml"), plan(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Line != 3 || !strings.Contains(r.Warnings[0].Msg, "looks like a fraction") {
		t.Errorf("warnings = %v, want one at line 3 about a fraction", r.Warnings)
	}
}

// TestMissingParentNamesBoth: the message names the child and the parent.
func TestMissingParentNamesBoth(t *testing.T) {
	_, err := Load(filepath.Join("testdata", "missing_parent.yaml"), plan(t))
	if err == nil || !strings.Contains(err.Error(), "missing_parent.yaml") || !strings.Contains(err.Error(), "no_such_parent.yaml") {
		t.Errorf("error = %v, want both file names", err)
	}
}

// FuzzCheck: no input makes the loader panic.
func FuzzCheck(f *testing.F) {
	for _, id := range IDs() {
		data, _ := Source(id)
		f.Add(data)
	}
	f.Add([]byte("assumptions:\n  gdp: {rule: compound, rate: {2021: 1, default: 2}}\n"))
	f.Add([]byte("uncertainty: {shocks: {gdp: {sd: 1}}, correlations: [[gdp, income, 0.3]]}\n"))
	f.Add([]byte("shocks: [{indicator: gdp, year: 2022, level_pct: -3}]\n"))
	p := plan(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		Check("fuzz.yaml", data, p)
	})
}

// TestOverflowNamesItsLine: shocks that are each within bounds but
// together take GDP beyond float64 (120 × 1000 points a year for a
// century: (1 + 1200)^100 > 1.8e308) are refused at the shocks (line 4, where the list starts), naming the
// indicator, the rule and the year, never projected to +Inf.
func TestOverflowNamesItsLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: stacked\nhorizon: 2120\nshocks:\n")
	for range 120 {
		b.WriteString("  - {indicator: gdp, from: 2021, to: 2120, rate_pp: 1000}\n")
	}
	path := filepath.Join(t.TempDir(), "stacked.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, plan(t))
	var ps yamlcheck.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("Load = %v; want one problem", err)
	}
	if p := ps[0]; p.Line != 4 || p.Key != "shocks" || !strings.Contains(p.Msg, "gdp: the plan rule takes the projection") || !strings.Contains(p.Msg, "beyond any finite number") {
		t.Errorf("problem = %+v; want line 4 (the first shock), key shocks, naming gdp and its rule", p)
	}
}

// TestWildSDWarns: an sd so large that a fair share of the draws would
// take GDP's yearly growth to the simulation's floor (−99 %) is a warning
// at the shock's line, with the share; the moderate shock beside it is not.
func TestWildSDWarns(t *testing.T) {
	r, err := Load(filepath.Join("testdata", "wild_sd_warning.yaml"), plan(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Line != 5 || r.Warnings[0].Key != "uncertainty.shocks.gdp.sd" ||
		!strings.Contains(r.Warnings[0].Msg, "sd 1000: in about 3") || !strings.Contains(r.Warnings[0].Msg, "−99 %") {
		t.Errorf("warnings = %v, want one at line 5 on gdp's sd saying that about 3x %% of the draws reach −99 %%", r.Warnings)
	}
}
