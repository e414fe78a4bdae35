package report

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fyp/model"
)

// TestUngroupedRowsNoted: rows the plan's table prints under no 类别 (the
// 14th plan's 地区生产总值 and 人均地区生产总值, above 推动高质量发展) stay
// ungrouped, and the main table says why in every writer (before, they
// stood before the first group heading unexplained). A table with no
// group at all needs no such note.
func TestUngroupedRowsNoted(t *testing.T) {
	gdp := &model.Indicator{ID: "gdp", Name: model.Text{ZH: "地区生产总值", EN: "GDP"}, No: 1, Direction: model.Up}
	pc := &model.Indicator{ID: "gdp_pc", Name: model.Text{ZH: "人均地区生产总值", EN: "GDP per capita"}, No: 2, Direction: model.Up}
	none := func(ind *model.Indicator, year int) model.Review {
		return model.Review{Indicator: ind, Target: model.Target{Year: year, From: 2020, Kind: model.Level, Value: 10}, Base: nan, Observed: nan,
			TaskDone: nan, ObservedRate: nan, RequiredRemaining: nan, RequiredRate: nan, Multiple: nan, RatioRR: nan, Anticipated: nan,
			Category: model.InsufficientData, Refusal: "no_data"}
	}
	build := func(lang string, inds ...*model.Indicator) *Document {
		p := &model.Plan{ID: "t", BaseYear: 2020, TargetYear: 2025, Title: model.Text{ZH: "测试规划", EN: "Test plan"}, Indicators: inds}
		var rows []model.Review
		for _, ind := range inds {
			rows = append(rows, none(ind, 2025))
			if ind == pc {
				rows = append(rows, none(ind, 2035)) // two targets, one 序号
			}
		}
		return Build(Input{Plan: p, Lang: lang, Labels: DefaultLabels(lang),
			Review: &Review{Rows: rows, AsOf: 2023, File: "x.csv", Thresholds: model.DefaultReviewThresholds(), Final: model.DefaultFinalThresholds()}})
	}
	want := map[string]string{"zh": "序号1、2规划表未标类别", "en": "Rows 1 and 2: no group in the plan"}
	for lang, note := range want {
		d := build(lang, gdp, pc, forest)
		var md, docx, xlsx bytes.Buffer
		if err := WriteMarkdown(&md, d); err != nil {
			t.Fatal(err)
		}
		if err := WriteDOCX(&docx, d); err != nil {
			t.Fatal(err)
		}
		if err := WriteXLSX(&xlsx, d); err != nil {
			t.Fatal(err)
		}
		z, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&xlsx)
		if err != nil {
			t.Fatal(err)
		}
		cells, _ := f.GetRows(L(lang, "主要指标", "Main table"))
		f.Close()
		var sheet []string
		for _, r := range cells {
			sheet = append(sheet, strings.Join(r, "|"))
		}
		for what, text := range map[string]string{"Markdown": md.String(), "Word": docxPart(t, z, "word/document.xml"), "XLSX": strings.Join(sheet, "\n")} {
			if strings.Count(text, note) != 1 {
				t.Errorf("%s, %s: the note %q appears %d times, want once", lang, what, note, strings.Count(text, note))
			}
		}
		// No group is invented: the first group row comes after rows 1, 2, 2.
		tb := d.Sections[1].Blocks[0].(*Table)
		if tb.Rows[0].Group != "" || tb.Rows[3].Group != forest.Group.In(lang) {
			t.Errorf("%s: rows start %+v, want rows 1, 2, 2 and then the group %s", lang, tb.Rows[:4], forest.Group.In(lang))
		}
		for _, n := range build(lang, gdp, pc).Sections[1].Blocks[0].(*Table).Notes {
			if strings.Contains(n, note[:6]) {
				t.Errorf("%s: a table without groups notes %q", lang, n)
			}
		}
	}
}
