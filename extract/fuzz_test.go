package extract

import (
	"bytes"
	"testing"

	"fyp/document"
	"fyp/seeds"
)

// FuzzExtract: no document makes the extractor panic or hang, and every
// plan it writes validates.
func FuzzExtract(f *testing.F) {
	f.Add([]byte("第一章 目标\n\n专栏 主要指标\n\n序号\n\n指标名称\n\n2020年\n\n2025年\n\n属性\n\n1\n\n森林覆盖率(%)\n\n50\n\n54\n\n约束性\n"))
	f.Add([]byte("第十四个五年规划\n第一章\n第一节\n到2025年,规模以上工业企业达580家,产量稳定在63万吨和100万吨左右。\n"))
	f.Add([]byte("专栏 主要指标完成情况表\n序号  指标名称  十二五  规划目标  实现情况  备注\n1  地区生产总值年均增速(%)  20158.9  9左右  8.9  预期性\n#\n二氧化硫(削减率)(%  [3]  下降[23]\n"))
	f.Add([]byte("第一章 x\n第一节 y\n二〇三五年远景目标。展望二〇三五年,人均地区生产总值在2020年基础上再翻一番;到2025650亿元。\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := document.Read("f.txt", data)
		if err != nil {
			return
		}
		res, err := Extract(doc, Options{ID: "fuzz"})
		if err != nil {
			return
		}
		for _, p := range []*Plan{res.Plan, res.Record} {
			if p == nil {
				continue
			}
			p.Previous = ""
			var buf bytes.Buffer
			if err := p.WriteYAML(&buf); err != nil {
				t.Fatal(err)
			}
			if _, err := seeds.Parse("fuzz.yaml", buf.Bytes()); err != nil {
				t.Fatalf("extracted plan does not validate: %v\n%s", err, buf.Bytes())
			}
		}
	})
}

func TestDoublingBaseOutsidePlan(t *testing.T) {
	doc, err := document.Read("p.txt", []byte("第十四个五年规划\n\n第一章 目标\n\n第一节 远景\n\n二〇三五年远景目标。展望二〇三五年,人均地区生产总值在2010年基础上翻一番,地区生产总值在2040年基础上翻两番。\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res.Plan.WriteYAML(&buf)
	if _, err := seeds.Parse("p.yaml", buf.Bytes()); err != nil {
		t.Fatalf("does not validate: %v\n%s", err, buf.Bytes())
	}
	if res.Plan.Reviews() != 2 {
		t.Errorf("%d reviews, want 2 (one for each doubling base outside the plan)", res.Plan.Reviews())
	}
}
