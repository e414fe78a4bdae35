package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

func targetsCmd(o *options) *cobra.Command {
	c := &cobra.Command{
		Use:   "targets",
		Short: "列出规划的全部量化目标 · list every quantified target of the plan",
		Long: `列出规划的每项量化目标：基期值、目标值、类型、属性（约束性/预期性）和章节。
Lists every quantified target with its baseline, kind, attribute (binding/expected) and section.
The JSON format is a stable contract (see README.md).`,
		Example: `  fyp targets
  fyp targets --format json > targets.json
  fyp targets --plan jiangjin-13 --lang en`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
				return err
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			return writeTargets(o.stdout, p, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	return c
}

// targetJSON is one indicator in `fyp targets --format json` (contract).
type targetJSON struct {
	ID         string        `json:"id"`
	No         *int          `json:"no"`
	Sub        int           `json:"sub,omitempty"`
	Name       string        `json:"name"`
	NameEN     string        `json:"name_en"`
	Unit       string        `json:"unit"`
	UnitEN     string        `json:"unit_en"`
	Group      string        `json:"group"`
	GroupEN    string        `json:"group_en"`
	Attribute  string        `json:"attribute"`
	Direction  string        `json:"direction"`
	Section    string        `json:"section"`
	Box        string        `json:"box,omitempty"`
	PriceBasis string        `json:"price_basis,omitempty"`
	Baseline   baselineJSON  `json:"baseline"`
	Targets    []goalJSON    `json:"targets"`
	Observed   []observedJSN `json:"observed,omitempty"`
	Table      *tableJSON    `json:"table,omitempty"`
	Quote      string        `json:"quote,omitempty"`
	Note       string        `json:"note,omitempty"`
}

type baselineJSON struct {
	Year  int `json:"year"`
	Value num `json:"value"`
}

type goalJSON struct {
	Year  int    `json:"year"`
	From  int    `json:"from"`
	Kind  string `json:"kind"`
	Value *num   `json:"value"`
	Bound string `json:"bound"`
	// RelativeTo: the indicator whose growth a relative growth target is
	// measured against (value = the least difference, pp).
	RelativeTo string `json:"relative_to,omitempty"`
	Text       string `json:"text,omitempty"`
	Note       string `json:"note,omitempty"`
}

type observedJSN struct {
	Year       int    `json:"year"`
	From       int    `json:"from,omitempty"`
	Metric     string `json:"metric"`
	Value      *num   `json:"value"`
	Comparable bool   `json:"comparable"`
	Text       string `json:"text,omitempty"`
	Note       string `json:"note,omitempty"`
}

type tableJSON struct {
	Base   string `json:"base"`
	Target string `json:"target"`
}

func targetsJSON(p *model.Plan) []targetJSON {
	out := make([]targetJSON, 0, len(p.Indicators))
	for _, ind := range p.Indicators {
		t := targetJSON{
			ID: ind.ID, Sub: ind.Sub, Name: ind.Name.ZH, NameEN: ind.Name.EN,
			Unit: ind.Unit.ZH, UnitEN: ind.Unit.EN, Group: ind.Group.ZH, GroupEN: ind.Group.EN,
			Attribute: string(ind.Attribute), Direction: ind.Direction.String(), Section: ind.Section,
			Box: ind.Box, PriceBasis: ind.PriceBasis, Quote: ind.Quote, Note: ind.Note,
			Baseline: baselineJSON{Year: ind.Baseline.Year, Value: known(ind.Baseline.Value, ind.Baseline.Known)},
			Targets:  []goalJSON{},
		}
		if ind.No > 0 {
			no := ind.No
			t.No = &no
			t.Table = &tableJSON{Base: ind.TableBase, Target: ind.TableGoal}
		}
		for _, g := range ind.Targets {
			gj := goalJSON{Year: g.Year, From: g.From, Kind: string(g.Kind), Bound: string(g.Bound), RelativeTo: g.RelativeTo, Text: g.Text, Note: g.Note}
			if g.Kind != model.Delegated {
				v := num(g.Value)
				gj.Value = &v
			}
			t.Targets = append(t.Targets, gj)
		}
		for _, ob := range ind.Observed {
			oj := observedJSN{Year: ob.Year, From: ob.From, Metric: string(ob.Metric), Comparable: ob.Comparable, Text: ob.Text, Note: ob.Note}
			if ob.Known {
				v := num(ob.Value)
				oj.Value = &v
			}
			t.Observed = append(t.Observed, oj)
		}
		out = append(out, t)
	}
	return out
}

func known(v float64, ok bool) num {
	if !ok {
		return num(nan())
	}
	return num(v)
}

// targetsTable is the plan's targets as a table, one row per target.
func targetsTable(p *model.Plan, lang string) *table {
	t := &table{
		Title: p.Title.In(lang),
		Head: []string{L(lang, "序号", "No."), "id", L(lang, "指标", "Indicator"), L(lang, "单位", "Unit"),
			L(lang, "属性", "Attribute"), L(lang, "基期值", "Baseline"), L(lang, "目标年", "Year"),
			L(lang, "类型", "Kind"), L(lang, "目标值", "Target"), L(lang, "章节", "Section")},
	}
	nTargets, nTable, nDelegated := 0, 0, 0
	for _, ind := range p.Indicators {
		if len(ind.Targets) == 0 {
			continue
		}
		no := ""
		if ind.No > 0 {
			no = fmt.Sprint(ind.No)
			if ind.Sub > 0 {
				no += fmt.Sprintf(".%d", ind.Sub)
			}
		}
		base := "—"
		if ind.Baseline.Known {
			base = fmtValue(ind.Baseline.Value)
		}
		for _, g := range ind.Targets {
			nTargets++
			if ind.No > 0 {
				nTable++
			}
			if g.Kind == model.Delegated {
				nDelegated++
			}
			t.Rows = append(t.Rows, []string{no, ind.ID, ind.Name.In(lang), ind.Unit.In(lang),
				attributeLabel(ind.Attribute, lang), base, fmt.Sprint(g.Year), targetKindLabel(g, lang),
				goalText(g, lang), sectionLabel(ind.Section, lang)})
		}
	}
	t.Notes = append(t.Notes, L(lang,
		fmt.Sprintf("共 %d 项目标（主要指标表 %d 项，市下达 %d 项），另有定性目标 %d 项。", nTargets, nTable, nDelegated, len(p.Qualitative)),
		fmt.Sprintf("%d targets (%d in the main table, %d delegated to the city), and %d qualitative goals.", nTargets, nTable, nDelegated, len(p.Qualitative))))
	return t
}

func writeTargets(w io.Writer, p *model.Plan, format, lang string) error {
	if format == "json" {
		return writeJSON(w, targetsJSON(p))
	}
	return targetsTable(p, lang).write(w, format)
}

// goalText prints a target's number with its bound: "≥6", "≤5.5", "≈400";
// a floor is "≥" and a ceiling "≤" by kind, whatever the wording.
func goalText(g model.Target, lang string) string {
	if g.Relative() && g.Kind != model.Delegated {
		return relativeGoalText(g, lang)
	}
	return quantity.Table.Goal(g, lang)
}

// relativeGoalText prints a target relative to another indicator, in a
// plan's own words where it has them (增速不低于地区生产总值增速, 与…增速基本
// 同步: a margin of 0), else as a formula ("增速≥地区生产总值增速+0.5",
// "growth ≥ GDP growth + 0.5 pp").
func relativeGoalText(g model.Target, lang string) string {
	ref := g.RelativeName.In(lang)
	if ref == "" {
		ref = g.RelativeTo
	}
	if g.Value == 0 {
		switch g.Bound {
		case model.Min:
			return L(lang, "增速不低于"+ref+"增速", "growth not below "+ref+" growth")
		case model.Max:
			return L(lang, "增速不高于"+ref+"增速", "growth not above "+ref+" growth")
		case model.Approx:
			return L(lang, "增速与"+ref+"增速基本同步", "growth in step with "+ref+" growth")
		}
	}
	op := map[model.Bound]string{model.Min: "≥", model.Max: "≤", model.Approx: "≈", model.Exact: "="}[g.Bound]
	sign, v := "+", g.Value
	if v < 0 {
		sign, v = "−", -v
	}
	if lang == "en" {
		return fmt.Sprintf("growth %s %s growth %s %s pp", op, ref, sign, fmtValue(v))
	}
	return fmt.Sprintf("增速%s%s增速%s%s", op, ref, sign, fmtValue(v))
}

// targetKindLabel is kindLabel, saying when a growth target is relative.
func targetKindLabel(g model.Target, lang string) string {
	if g.Relative() {
		return L(lang, "相对增速", "relative growth")
	}
	return kindLabel(g.Kind, lang)
}

func attributeLabel(a model.Attribute, lang string) string {
	if a == model.Binding {
		return L(lang, "约束性", "binding")
	}
	return L(lang, "预期性", "expected")
}

var kindZH = map[model.Kind]string{
	model.Level: "水平", model.Growth: "年均增速", model.Change: "变化量", model.Cumulative: "累计",
	model.Reduction: "累计下降", model.Multiple: "倍数", model.Floor: "下限", model.Ceiling: "上限", model.Delegated: "市下达",
}

func kindLabel(k model.Kind, lang string) string {
	if lang == "en" {
		return string(k)
	}
	return kindZH[k]
}
