package seeds_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyp/model"
	"fyp/observed"
	"fyp/seeds"
)

// shipped returns the real figures shipped with jiangjin-14, read by the
// observed package against the plan's catalogue (the same rules as
// cmd/fyp's: names, the plan's years, each indicator's bounds and sign).
func shipped(t *testing.T) (*model.Plan, seeds.ObservedFigures, *observed.Data) {
	t.Helper()
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	f, ok := seeds.Observed(p.ID)
	if !ok {
		t.Fatal("no observed figures ship with jiangjin-14")
	}
	cat := observed.Catalog{Names: map[string]string{}, MinYear: p.BaseYear, MaxYear: p.LastYear(), Limits: map[string]observed.Limits{}}
	for _, ind := range p.Indicators {
		cat.Names[ind.ID] = ind.Name.ZH
		l := observed.Limits{Positive: model.NeedsPositive(ind), Unit: ind.Unit.ZH}
		switch {
		case ind.Bounded:
			l.Bounded, l.Lo, l.Hi = true, ind.Lo, ind.Hi
		case ind.Unit.ZH == "%":
			l.Bounded, l.Lo, l.Hi = true, 0, 100
		}
		cat.Limits[ind.ID] = l
	}
	d, err := observed.Read(f.Name, f.Data, cat)
	if err != nil {
		t.Fatalf("the shipped figures do not read: %v", err)
	}
	return p, f, d
}

// rawRow is one data row as written in the file.
type rawRow struct {
	indicator, year, value, basis, brk, metric, source, note string
}

func rawRows(t *testing.T, data []byte) []rawRow {
	t.Helper()
	var body bytes.Buffer
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			body.WriteString(line)
		}
	}
	recs, err := csv.NewReader(&body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"indicator", "year", "value", "price_basis", "break", "metric", "source", "note"}
	if strings.Join(recs[0], ",") != strings.Join(want, ",") {
		t.Fatalf("header %v, want %v", recs[0], want)
	}
	var rows []rawRow
	for _, r := range recs[1:] {
		rows = append(rows, rawRow{r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]})
	}
	return rows
}

// TestShippedObservedReads: the file reads with no error against the plan's
// catalogue, every row becomes an observation (none dropped), and the rows
// by year are reported.
func TestShippedObservedReads(t *testing.T) {
	_, f, d := shipped(t)
	rows := rawRows(t, f.Data)
	if d.Len() != len(rows) {
		t.Errorf("%d observations read from %d rows", d.Len(), len(rows))
	}
	if !bytes.HasPrefix(f.Data, []byte("# REAL OBSERVED FIGURES")) {
		t.Error("the file does not open with the header saying what it is")
	}
	byYear := map[int]int{}
	for _, obs := range d.ByIndicator {
		for _, o := range obs {
			byYear[o.Year]++
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		t.Logf("%d: %d figures", y, byYear[y])
	}
	t.Logf("%d figures for %d indicators: %v", d.Len(), len(d.ByIndicator), d.IDs())
}

// TestShippedObservedProvenance: every figure names its document with the
// address it was read from, and quotes the words it was read from.
func TestShippedObservedProvenance(t *testing.T) {
	_, _, d := shipped(t)
	for id, obs := range d.ByIndicator {
		for _, o := range obs {
			if !strings.Contains(o.Source, "http") {
				t.Errorf("%s %d (row %d): source %q gives no address", id, o.Year, o.Row, o.Source)
			}
			if strings.TrimSpace(o.Note) == "" {
				t.Errorf("%s %d (row %d): no note quoting the document", id, o.Year, o.Row)
			}
		}
	}
}

// TestShippedObservedNotesHoldTheValue: the value of every row appears in
// its note as written (a typo in either shows), or, for a unit conversion
// 元 → 万元, its digits do with the conversion stated; a figure derived by
// arithmetic says so.
func TestShippedObservedNotesHoldTheValue(t *testing.T) {
	_, f, _ := shipped(t)
	for _, r := range rawRows(t, f.Data) {
		where := r.indicator + " " + r.year + " " + r.metric
		switch {
		case strings.HasPrefix(r.note, "derived:"):
			if !strings.Contains(r.note, "= "+r.value) {
				t.Errorf("%s: derived figure %s is not the result of the arithmetic in its note: %q", where, r.value, r.note)
			}
		case strings.Contains(r.note, r.value):
		case strings.Contains(r.note, "÷ 10000") && strings.Contains(r.note, strings.ReplaceAll(r.value, ".", "")+"元"):
		default:
			t.Errorf("%s: value %s does not appear in the note %q", where, r.value, r.note)
		}
	}
}

// TestShippedObservedFigures checks a handful of figures against the words
// of their documents: the parsed value, the quoted clause, the price basis
// and the metric.
func TestShippedObservedFigures(t *testing.T) {
	_, _, d := shipped(t)
	tests := []struct {
		id     string
		year   int
		metric observed.Metric
		value  float64
		basis  string
		quote  string
	}{
		{"gdp", 2023, observed.Level, 1401.59, observed.Current, "全年实现地区生产总值1401.59亿元"},
		{"gdp", 2023, observed.Growth, 7.0, observed.Comparable, "按不变价格计算,比上年增长7.0%"},
		{"gdp", 2022, observed.Growth, 3.2, observed.Comparable, "按不变价格计算,比上年增长3.2%"},
		// 104274元 = 10.4274万元 exactly, at current prices: never at the plan's 2020 prices.
		{"gdp_per_capita", 2023, observed.Level, 104274.0 / 10000, observed.Current, "人均地区生产总值达104274元"},
		{"service_share", 2023, observed.Level, 33.9, "", "三次产业结构比为9.9:56.2:33.9"},
		{"urbanization_rate", 2023, observed.Level, 62.94, "", "常住人口城镇化率)为62.94%,比上年末提高0.94个百分点"},
		// derived: the 2023 rate less the stated rise.
		{"urbanization_rate", 2022, observed.Level, 62.94 - 0.94, "", "比上年末提高0.94个百分点"},
		{"population", 2023, observed.Level, 133.45, "", "年末全区常住人口133.45万人"},
		{"corridor_trains", 2022, observed.Level, 536, "", "开行西部陆海新通道江津班列536列"},
		// gross output of industry above designated size, at current prices as output values are published.
		{"industrial_output", 2022, observed.Level, 1803, observed.Current, "规上工业总产值1803亿元"},
	}
	for _, tc := range tests {
		var got *observed.Observation
		for i, o := range d.ByIndicator[tc.id] {
			if o.Year == tc.year && o.Metric == tc.metric {
				got = &d.ByIndicator[tc.id][i]
			}
		}
		where := tc.id + " " + strconv.Itoa(tc.year) + " " + string(tc.metric)
		if got == nil {
			t.Errorf("%s: missing", where)
			continue
		}
		if math.Abs(got.Value-tc.value) > 1e-9 {
			t.Errorf("%s: value %v, want %v", where, got.Value, tc.value)
		}
		if got.PriceBasis != tc.basis {
			t.Errorf("%s: price basis %q, want %q", where, got.PriceBasis, tc.basis)
		}
		if !strings.Contains(got.Note, tc.quote) {
			t.Errorf("%s: note %q does not quote %q", where, got.Note, tc.quote)
		}
	}
}

// TestShippedObservedPriceBases: a money level is never left without its
// price basis (the review would then refuse it for want of one, or worse,
// a reader would take it for the plan's basis); growth rates are real.
func TestShippedObservedPriceBases(t *testing.T) {
	p, _, d := shipped(t)
	for id, obs := range d.ByIndicator {
		ind := p.Indicator(id)
		for _, o := range obs {
			if o.Metric == observed.Growth && o.PriceBasis != observed.Comparable {
				t.Errorf("%s %d: growth at %q, want comparable", id, o.Year, o.PriceBasis)
			}
			if o.Metric == observed.Level && ind.PriceBasis != "" && o.PriceBasis == "" {
				t.Errorf("%s %d: a level of a priced indicator (%s) without its price basis", id, o.Year, ind.PriceBasis)
			}
		}
	}
}

func TestObservedOnlyForItsPlan(t *testing.T) {
	if _, ok := seeds.Observed("jiangjin-13"); ok {
		t.Error("figures ship for jiangjin-13, which has its own record")
	}
	if _, ok := seeds.Observed("no-such-plan"); ok {
		t.Error("figures ship for an unknown plan")
	}
	a, _ := seeds.Observed("jiangjin-14")
	a.Data[0] = 'X'
	if b, _ := seeds.Observed("jiangjin-14"); b.Data[0] == 'X' {
		t.Error("Observed returns the embedded bytes themselves: a caller can change them")
	}
}
