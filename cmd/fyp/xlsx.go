package main

import (
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"

	"fyp/model"
)

// Number formats of the workbook's columns.
const (
	xfmtText    = ""
	xfmtPercent = "0%"   // fractions shown as percent (progress, time elapsed)
	xfmtRate    = "0.00" // paces
	xfmtRatio   = "0.00" // RR, AP, multiples
	xfmtYear    = "0"    // years
	xfmtValue   = "#,##0.0###"
)

// sheetCol is one column of a workbook sheet.
type sheetCol struct {
	Head   string
	Width  float64
	NumFmt string // "" for text
}

// sheetData is one table as a sheet: cells are strings or float64 (NaN is
// written as "—").
type sheetData struct {
	Name  string
	Title string
	Cols  []sheetCol
	Rows  [][]any
	Notes []string
}

// officialCols are the official layout's columns (序号, 指标, 属性, 基期值,
// 目标值, 当前值, 进度, 评价); the indicator carries its unit, as the plan's
// own table does: 人均地区生产总值（万元）.
func officialCols(lang string) []sheetCol {
	return []sheetCol{
		{L(lang, "序号", "No."), 6, xfmtText}, {L(lang, "指标（单位）", "Indicator (unit)"), 40, xfmtText},
		{L(lang, "属性", "Attribute"), 8, xfmtText}, {L(lang, "基期值", "Base"), 11, xfmtValue},
		{L(lang, "目标值", "Target"), 11, xfmtText}, {L(lang, "当前值", "Current"), 11, xfmtValue},
		{L(lang, "进度", "Progress"), 8, xfmtPercent}, {L(lang, "评价", "Assessment"), 14, xfmtText},
	}
}

func nameUnit(ind *model.Indicator, lang string) string {
	u := ind.Unit.In(lang)
	if u == "" {
		return ind.Name.In(lang)
	}
	return ind.Name.In(lang) + L(lang, "（"+u+"）", " ("+u+")")
}

func rowNo(ind *model.Indicator, i int) string {
	if ind.No == 0 {
		return fmt.Sprint(i + 1)
	}
	if ind.Sub > 0 {
		return fmt.Sprintf("%d.%d", ind.No, ind.Sub)
	}
	return fmt.Sprint(ind.No)
}

// reportSheets are the workbook's tables.
func reportSheets(in reportInput) []sheetData {
	lang := in.lang
	var out []sheetData
	if rv := in.review; rv != nil {
		s := sheetData{Name: L(lang, "中期评估", "Review"), Title: reviewTable(rv, lang).Title,
			Cols: append(officialCols(lang),
				sheetCol{L(lang, "观测年份", "Year observed"), 9, xfmtYear}, sheetCol{L(lang, "时间进度", "Time elapsed"), 9, xfmtPercent},
				sheetCol{L(lang, "实际速度", "Observed pace"), 10, xfmtRate}, sheetCol{L(lang, "剩余所需速度", "Required pace"), 10, xfmtRate},
				sheetCol{L(lang, "速度单位", "Pace unit"), 10, xfmtText}, sheetCol{L(lang, "倍数", "Multiple"), 8, xfmtRatio},
				sheetCol{"RR", 8, xfmtRatio}, sheetCol{"AP", 8, xfmtRatio}, sheetCol{L(lang, "说明", "Reason"), 60, xfmtText}),
			Notes: reviewTable(rv, lang).Notes}
		for i, r := range rv.rows {
			ind := r.Indicator
			name := nameUnit(ind, lang)
			if ind.Attribute == model.Binding {
				name = "★" + name
			}
			if r.AtRisk {
				name = "!" + name
			}
			year := any("—")
			if r.ObservedYear > 0 {
				year = float64(r.ObservedYear)
			}
			c := reviewCells(r, i, lang)
			required, multiple := any(r.RequiredRemaining), r.Multiple
			if achieved(r) {
				required, multiple = c[10], math.NaN() // met: no pace required
			}
			s.Rows = append(s.Rows, []any{rowNo(ind, i), name, attributeLabel(ind.Attribute, lang), r.Base, goalText(r.Target, lang),
				r.Observed, r.TaskDone, categoryLabel(r, lang), year, r.TimeElapsed, r.ObservedRate, required,
				paceUnit(ind, r.Pace, lang), multiple, r.RatioRR, r.Anticipated, c[14]})
		}
		out = append(out, s)
	}
	for _, pr := range in.projections {
		s := sheetData{Name: L(lang, "可达性", "Reachability"), Title: L(lang, "目标可达性", "Reachability of targets") + " · " + pr.Name(),
			Cols: []sheetCol{
				{L(lang, "序号", "No."), 6, xfmtText}, {L(lang, "指标（单位）", "Indicator (unit)"), 40, xfmtText},
				{L(lang, "属性", "Attribute"), 8, xfmtText}, {L(lang, "基期值", "Base"), 11, xfmtValue},
				{L(lang, "目标值", "Target"), 11, xfmtText}, {L(lang, "测算值", "Projected"), 11, xfmtValue},
				{L(lang, "评价", "Assessment"), 12, xfmtText}, {L(lang, "所需速度", "Required pace"), 10, xfmtRate},
				{L(lang, "假设速度", "Assumed pace"), 10, xfmtRate}, {L(lang, "历史速度", "Historical pace"), 10, xfmtRate},
				{L(lang, "速度单位", "Pace unit"), 10, xfmtText}},
			Notes: assessTable([]*model.Projection{pr}, "main", lang).Notes}
		if len(in.projections) > 1 {
			s.Name += " " + pr.Name()
		}
		for i, a := range model.Assess(pr) {
			if !inScope(a, pr.Plan, "main") {
				continue
			}
			ind := a.Indicator
			base := math.NaN()
			if ind.Baseline.Known {
				base = ind.Baseline.Value
			}
			s.Rows = append(s.Rows, []any{rowNo(ind, i), nameUnit(ind, lang), attributeLabel(ind.Attribute, lang), base,
				goalText(a.Target, lang), a.Projected, verdictLabel(a, lang), a.Required, a.Assumed, a.Historical, paceUnit(ind, a.Pace, lang)})
		}
		out = append(out, s)
	}
	if len(in.sims) > 0 {
		st := simulationTable(in.sims, "main", lang)
		s := sheetData{Name: L(lang, "实现概率", "Probability"), Title: st.Title, Notes: st.Notes,
			Cols: []sheetCol{
				{L(lang, "指标（单位）", "Indicator (unit)"), 40, xfmtText}, {L(lang, "情景", "Scenario"), 14, xfmtText},
				{L(lang, "年份", "Year"), 7, xfmtYear}, {L(lang, "目标值", "Target"), 11, xfmtText},
				{L(lang, "实现概率", "P(met)"), 10, "0.0%"}, {L(lang, "标准误", "Std. error"), 10, "0.0%"},
				{"P5", 10, xfmtValue}, {"P50", 10, xfmtValue}, {"P95", 10, xfmtValue}}}
		for _, sim := range in.sims {
			for _, ts := range sim.Targets {
				if ts.Status != model.Assessed || !inScope(model.Assessment{Indicator: ts.Indicator, Target: ts.Target}, sim.Projection.Plan, "main") {
					continue
				}
				s.Rows = append(s.Rows, []any{nameUnit(ts.Indicator, lang), ts.Scenario, float64(ts.Target.Year), goalText(ts.Target, lang),
					ts.PMet, ts.SE, ts.Q[0], ts.Q[2], ts.Q[4]})
			}
		}
		out = append(out, s)
	}
	if prev := previousRecord(in.plan); prev != nil {
		et := expostTable(prev, lang)
		s := sheetData{Name: L(lang, "上期完成情况", "Previous plan"), Title: et.Title, Notes: et.Notes,
			Cols: []sheetCol{
				{L(lang, "序号", "No."), 6, xfmtText}, {L(lang, "指标（单位）", "Indicator (unit)"), 40, xfmtText},
				{L(lang, "属性", "Attribute"), 8, xfmtText}, {L(lang, "基期值", "Base"), 11, xfmtValue},
				{L(lang, "目标值", "Target"), 11, xfmtText}, {L(lang, "实际", "Outcome"), 14, xfmtText},
				{L(lang, "评价", "Assessment"), 12, xfmtText}, {L(lang, "实际速度", "Delivered pace"), 10, xfmtRate},
				{L(lang, "所需速度", "Required pace"), 10, xfmtRate}, {L(lang, "速度单位", "Pace unit"), 10, xfmtText},
				{L(lang, "说明", "Note"), 50, xfmtText}}}
		for i, o := range model.ExPost(prev) {
			ind := o.Indicator
			base := math.NaN()
			if ind.Baseline.Known {
				base = ind.Baseline.Value
			}
			r := et.Rows[i]
			s.Rows = append(s.Rows, []any{rowNo(ind, i), nameUnit(ind, lang), attributeLabel(ind.Attribute, lang), base,
				goalText(o.Target, lang), r[4], r[5], o.Delivered, o.Required, paceUnit(ind, o.Pace, lang), r[9]})
		}
		out = append(out, s)
	}
	return out
}

// writeWorkbook writes the sheets as an XLSX workbook: a title row, a
// frozen header, number formats per column, notes under the table, and a
// sheet of chart images when there are any.
func writeWorkbook(w io.Writer, sheets []sheetData, charts map[string][]byte) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEF2F7"}}, Border: []excelize.Border{{Type: "bottom", Color: "999999", Style: 1}}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	styles := map[string]int{}
	style := func(numFmt string) (int, error) {
		if id, ok := styles[numFmt]; ok {
			return id, nil
		}
		st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
		if numFmt != "" {
			nf := numFmt
			st.CustomNumFmt = &nf
		} else {
			st.Alignment.WrapText = true
		}
		id, err := f.NewStyle(st)
		styles[numFmt] = id
		return id, err
	}
	for i, s := range sheets {
		name := s.Name
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := f.SetCellValue(name, "A1", s.Title); err != nil {
			return err
		}
		_ = f.SetCellStyle(name, "A1", "A1", title)
		for j, c := range s.Cols {
			col, _ := excelize.ColumnNumberToName(j + 1)
			_ = f.SetColWidth(name, col, col, c.Width)
			_ = f.SetCellValue(name, col+"2", c.Head)
		}
		last, _ := excelize.ColumnNumberToName(len(s.Cols))
		_ = f.SetCellStyle(name, "A2", last+"2", head)
		for r, row := range s.Rows {
			for j, v := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, r+3)
				if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
					v = "—"
				}
				if err := f.SetCellValue(name, ref, v); err != nil {
					return err
				}
				if j < len(s.Cols) {
					id, err := style(s.Cols[j].NumFmt)
					if err != nil {
						return err
					}
					_ = f.SetCellStyle(name, ref, ref, id)
				}
			}
		}
		for k, n := range s.Notes {
			ref, _ := excelize.CoordinatesToCellName(1, len(s.Rows)+4+k)
			_ = f.SetCellValue(name, ref, n)
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if len(charts) > 0 {
		const sh = "图表 Charts"
		if _, err := f.NewSheet(sh); err != nil {
			return err
		}
		row := 1
		for _, name := range sortedKeys(charts) {
			_ = f.SetCellValue(sh, fmt.Sprintf("A%d", row), name)
			if err := f.AddPictureFromBytes(sh, fmt.Sprintf("A%d", row+1), &excelize.Picture{Extension: ".png", File: charts[name],
				Format: &excelize.GraphicOptions{AltText: name, ScaleX: 0.6, ScaleY: 0.6}}); err != nil {
				return fmt.Errorf("chart %s: %w", name, err)
			}
			row += 30
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}
