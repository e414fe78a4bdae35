package bulletin

import (
	"bytes"
	"testing"

	"fyp/document"
)

// FuzzRead: no document makes the reader panic or hang, and every figure
// it returns carries its source and a value that is its text.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"2023年江津区统计公报\n全年实现地区生产总值1401.59亿元,按不变价格计算,比上年增长7.0%。",
		"2021年江津区政府工作报告\n过去五年,地区生产总值从2016年的695.7亿元增加到2021年的1144.2亿元,年均增长8.7%。",
		"2022年统计公报\n三次产业结构由上年的9.4:66.8:23.8调整为8.3:71.1:20.6。常住人口城镇化率为62.94%,比上年末提高0.94个百分点。",
		"2023年公报\n[2](GDP)1975798万元,增长1.5倍,下降0.3%,从到,,,。",
		"2023年公报\n表1 2023年主要指标\n指 标 | 绝对量(亿元) | 比上年增长(%) |\n地区生产总值 | 1,867.07 | -6.5 |\n常住人口(万人) | 1 | 2 | 3 |\n",
		"重庆各区人口:(第七次全国人口普查数据)\n14、江津区:1359611\n1、重庆市:32054159万人\n",
		"2023年重庆市统计公报\n表3 各区县\n区县 | 地区生产总值(亿元) | 增长(%) | 比上年±% |\n江津区 | 1401.59 | 7.0 | 1 |\n全市 | 1 | 2 | 3 |\n(一)地区生产总值:1401.59亿元,增长7.0%\n1.5、常住人口\n",
		"<html><body><p>中新网 重庆5月31日电</p><p>表1</p><table><tr><th>指标</th><th>单位</th><th>2023年</th><th>2022年</th></tr><tr><td>地区生产总值</td><td>亿元</td><td>1401.59</td><td>1330.02</td></tr><tr><td>重庆空气质量优良天数</td></tr></table></body></html>",
	} {
		f.Add([]byte(s))
	}
	ind := []Indicator(nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		if ind == nil {
			ind = plan14(t)
		}
		d, err := document.Read("f.txt", data)
		if err != nil {
			return
		}
		r, err := Read(d, Options{Indicators: ind, Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, r.Figures, nil); err != nil {
			t.Fatal(err)
		}
		for _, g := range r.Figures {
			if g.Clause == "" || g.Line == 0 || g.Text == "" || parse(g.Text) != g.Value {
				t.Fatalf("figure without source or with a value not its text: %+v", g)
			}
		}
	})
}
