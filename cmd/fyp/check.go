package main

import (
	"fmt"
	"io"
	"math"

	"github.com/spf13/cobra"

	"fyp/internal/numfmt"
	"fyp/model"
)

func checkCmd(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "check",
		Short: "检查指标之间的一致性 · check that the targets agree with one another",
		Long: `检查指标之间的恒等关系（人均地区生产总值 = 地区生产总值 / 常住人口，全员劳动生产率 = 地区生产总值 / 就业人员）
推算出的隐含假设，以及2025年与2035年目标是否一致。
Reports the assumptions the plan's targets imply through identities (GDP per capita = GDP /
population; labour productivity = GDP / employment) and whether the 2025 and 2035 targets agree.`,
		Example: `  fyp check
  fyp check --lang en --format md`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
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
			return writeCheck(o.stdout, pr, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	return c
}

type findingJSON struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	From     int    `json:"from"`
	To       int    `json:"to"`
	Pace     num    `json:"pace"`
	PaceUnit string `json:"pace_unit"`
	OK       bool   `json:"ok"`
	Message  string `json:"message"`
}

func writeCheck(w io.Writer, pr *model.Projection, format, lang string) error {
	fs := model.Check(pr)
	if format == "json" {
		out := make([]findingJSON, len(fs))
		for i, f := range fs {
			out[i] = findingJSON{ID: f.Indicator, Kind: f.Kind, From: f.From, To: f.To, Pace: num(f.Pace),
				PaceUnit: paceUnit(pr.Plan.Indicator(f.Indicator), f.PaceKind, "en"), OK: f.OK, Message: f.Message.In(lang)}
		}
		return writeJSON(w, out)
	}
	t := &table{
		Title: L(lang, "一致性检查", "Consistency check") + " · " + pr.Plan.Title.In(lang),
		Head:  []string{"id", L(lang, "类别", "Kind"), L(lang, "时期", "Period"), L(lang, "年均速度", "Pace"), L(lang, "结论", "OK"), L(lang, "说明", "Finding")},
	}
	bad := 0
	for _, f := range fs {
		ind := pr.Plan.Indicator(f.Indicator)
		kind := L(lang, "隐含假设", "implied")
		if f.Kind == "targets" {
			kind = L(lang, "目标衔接", "targets")
		}
		ok := L(lang, "一致", "yes")
		if !f.OK {
			ok = L(lang, "不一致", "NO")
			bad++
		}
		t.Rows = append(t.Rows, []string{f.Indicator, kind, fmt.Sprintf("%d–%d", f.From, f.To),
			paceWithUnit(f.Pace, f.PaceKind, ind, lang), ok, f.Message.In(lang)})
	}
	t.Notes = append(t.Notes, L(lang, fmt.Sprintf("共 %d 项，不一致 %d 项。", len(fs), bad), fmt.Sprintf("%d findings, %d inconsistent.", len(fs), bad)))
	return t.write(w, format)
}

// paceWithUnit prints a pace with its unit: "1.12%/yr", "+0.44 pp/yr"; in
// English a unit that names a power of ten is folded into the number
// ("+4 billion yuan/yr", not "+40 100 million yuan/yr").
func paceWithUnit(v float64, k model.RateKind, ind *model.Indicator, lang string) string {
	if u := ind.Unit.In(lang); lang == "en" && k != model.RatePct && numfmt.Folds(u) && !math.IsNaN(v) {
		sign := "+"
		if v < 0 {
			sign = "-"
		}
		return sign + numfmt.Amount(math.Abs(v), u) + "/yr"
	}
	return fmtPace(v, k) + unitSuffix(ind, k, lang)
}

// unitSuffix is the unit shown after a pace that is not a percentage.
func unitSuffix(ind *model.Indicator, k model.RateKind, lang string) string {
	if k == model.RatePct {
		return L(lang, "/年", "/yr")
	}
	return " " + paceUnit(ind, k, lang)
}
