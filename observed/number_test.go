package observed

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"fyp/internal/bilingual"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
		ok   bool
		why  string // part of the refusal, when refused
	}{
		{"plain", "52.3", 52.3, true, ""},
		{"thousands", "1,234.5", 1234.5, true, ""},
		{"thousands, millions", "1,234,567.8", 1234567.8, true, ""},
		{"percent sign: same number, in %", "12.5%", 12.5, true, ""},
		{"percent after a space", "12.5 %", 12.5, true, ""},
		{"Unicode minus", "−3", -3, true, ""},
		{"plus", "+3", 3, true, ""},
		{"spaces around", " 7 ", 7, true, ""},
		{"no-break space around", "\u00a07\u00a0", 7, true, ""},
		{"leading point", ".5", 0.5, true, ""},
		{"exponent as Excel stores it", "1.5E-3", 0.0015, true, ""},
		{"leading zeros", "007", 7, true, ""},
		{"full-width digits", "５２.３", 52.3, true, ""},
		{"full-width point and percent", "５２．３％", 52.3, true, ""},
		{"full-width minus", "－３.５", -3.5, true, ""},
		{"full-width comma in thousands", "１，２３４", 1234, true, ""},
		{"ideographic spaces around", "\u3000５２\u3000", 52, true, ""},

		{"decimal comma", "52,3", 0, false, "for a decimal point write 52.3"},
		{"commas not in threes", "1,2,3", 0, false, "groups of three"},
		{"short last group", "1,234,56", 0, false, "groups of three"},
		{"comma after the point", "1.234,5", 0, false, "groups of three"},
		{"leading zero group", "0,123", 0, false, "groups of three"},
		{"full-width decimal comma", "５２，３", 0, false, "groups of three"},
		{"underscore", "1_000", 0, false, "underscores"},
		{"hex float", "0x1p-2", 0, false, "hexadecimal"},
		{"hex", "0x10", 0, false, "hexadecimal"},
		{"Inf", "Inf", 0, false, "finite"},
		{"+Inf", "+Inf", 0, false, "finite"},
		{"infinity", "infinity", 0, false, "finite"},
		{"NaN", "NaN", 0, false, "finite"},
		{"overflow", "1e400", 0, false, "too large"},
		{"space inside", "1 234", 0, false, "space inside"},
		{"empty", "", 0, false, "no number"},
		{"words", "abc", 0, false, "expected a number"},
		{"two points", "1.2.3", 0, false, "expected a number"},
		{"two signs", "--3", 0, false, "expected a number"},
		{"sign alone", "-", 0, false, "expected a number"},
		{"percent alone", "%", 0, false, "expected a number"},
		{"ideographic full stop", "52。3", 0, false, "expected a number"},
		{"too long", strings.Repeat("1", 200), 0, false, "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
				t.Fatalf("ParseNumber(%q) = %g, %v; want %g, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
			if !tt.ok && !strings.Contains(err.Error(), tt.why) {
				t.Errorf("ParseNumber(%q) refused with %q, want it to say %q", tt.in, err, tt.why)
			}
			// Each refusal has a Chinese wording with the same numbers.
			if zh := bilingual.In(err, "zh"); !tt.ok && (zh == err.Error() || !bilingual.SameNumbers(zh, err.Error())) {
				t.Errorf("ParseNumber(%q): Chinese %q, English %q: want both, with the same numbers", tt.in, zh, err)
			}
		})
	}
}

// FuzzParseNumber: no input panics; an accepted number is finite, its
// shortest decimal form reads back to the same value, and it equals what
// strconv reads from the text once grouping commas, the percent sign and
// full-width forms are removed.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"52.3", "1,234,567.8", "12.5%", "−3", "５２．３", "52,3", "1_000", "0x1p-2", "Inf", "1e308", ".5", "1.5E-3", "1,2,3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseNumber(%q): empty refusal", s)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q) = %g, not finite", s, v)
		}
		back, err := ParseNumber(strconv.FormatFloat(v, 'g', -1, 64))
		if err != nil || back != v {
			t.Fatalf("ParseNumber(%q) = %g, but its form %q reads back as %g, %v", s, v, strconv.FormatFloat(v, 'g', -1, 64), back, err)
		}
		plain := strings.Join(strings.Fields(strings.NewReplacer(",", "", "%", "", "\u2212", "-").Replace(width.Fold.String(s))), "")
		if want, err := strconv.ParseFloat(plain, 64); err != nil || want != v {
			t.Fatalf("ParseNumber(%q) = %g; strconv reads %q as %g, %v", s, v, plain, want, err)
		}
		for _, r := range s {
			if r == '_' || r == 'x' || r == 'X' || r == 'p' || r == 'P' || r == 'n' || r == 'N' || r == 'i' || r == 'I' {
				t.Fatalf("ParseNumber(%q) = %g accepted a %q", s, v, r)
			}
		}
	})
}

// limitsCatalog is testCatalog with the ranges the command gives for the
// 14th plan (seeds/jiangjin-14.yaml: forest_coverage has bounds [0, 100]
// and unit %, gdp_per_capita is on a compound path in 万元).
var limitsCatalog = Catalog{
	Names:   testCatalog.Names,
	MinYear: testCatalog.MinYear, MaxYear: testCatalog.MaxYear,
	Limits: map[string]Limits{
		"forest_coverage": {Bounded: true, Lo: 0, Hi: 100, Unit: "%"},
		"gdp_per_capita":  {Positive: true, Unit: "万元"},
	},
}

// TestImpossibleValuesRefused: numbers that parse but cannot be the
// indicator's figure, and text that is not a number, are refused with
// FILE:ROW:COLUMN and nothing is read.
func TestImpossibleValuesRefused(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"share above 100", "indicator,year,value\nforest_coverage,2021,152.3\n", "o.csv:2:3: value 152.3 % for forest_coverage 2021 lies outside its bounds [0, 100]"},
		{"share below 0", "indicator,year,value\n森林覆盖率,2021,-0.5\n", "o.csv:2:3: value -0.5 % for forest_coverage 2021 lies outside its bounds [0, 100]"},
		{"absurd magnitude", "indicator,year,value\nforest_coverage,2021,1e308\n", "o.csv:2:3: value 1e+308 for forest_coverage 2021 is beyond ±1e+15"},
		{"absurd magnitude, no limits", "indicator,year,value\ngdp,2021,-2e15\n", "o.csv:2:3: value -2e+15 for gdp 2021 is beyond ±1e+15"},
		{"negative compound level", "indicator,year,value\ngdp_per_capita,2021,-7.9\n", "o.csv:2:3: value -7.9 万元 for gdp_per_capita 2021 must be above 0"},
		{"zero compound level", "indicator,2021\ngdp_per_capita,0\n", "o.csv:2:2: value 0 万元 for gdp_per_capita 2021 must be above 0"},
		{"growth of -100 %", "indicator,year,value,metric\ngdp,2021,-100,growth\n", "o.csv:2:3: growth -100% for gdp 2021 is impossible"},
		{"growth of 5000 %", "indicator,year,value,metric\ngdp,2021,5000,growth\n", "o.csv:2:3: growth 5000% for gdp 2021 is impossible"},
		{"decimal comma", "indicator,year,value\nforest_coverage,2021,\"52,3\"\n", `o.csv:2:3: value "52,3" is not a number: a comma separates thousands only`},
		{"underscore", "indicator,year,value\ngdp_per_capita,2021,1_000\n", `o.csv:2:3: value "1_000" is not a number: underscores`},
		{"commas anywhere", "indicator,year,value\ngdp_per_capita,2021,\"1,2,3\"\n", `o.csv:2:3: value "1,2,3" is not a number: a comma`},
		{"hex float", "indicator,year,value\nforest_coverage,2021,0x1p-2\n", `o.csv:2:3: value "0x1p-2" is not a number: hexadecimal`},
		{"NaN", "indicator,2021\nforest_coverage,NaN\n", `o.csv:2:2: value "NaN" for 2021 is not a number: not a finite number`},
		{"Inf", "indicator,year,value\nforest_coverage,2021,Inf\n", `o.csv:2:3: value "Inf" is not a number: not a finite number`},
		{"hex year", "indicator,year,value\nforest_coverage,0x7E5,52\n", `o.csv:2:2: year "0x7E5" is not a year`},
		{"underscore year", "indicator,year,value\nforest_coverage,2_021,52\n", `o.csv:2:2: year "2_021" is not a year`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadCSV("o.csv", []byte(tt.in), limitsCatalog)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
			if d != nil {
				t.Errorf("data returned beside the error: %+v", d)
			}
		})
	}
}

// TestFullWidthFigures: a Chinese file with full-width digits, point,
// minus and year is read as its half-width equivalent.
func TestFullWidthFigures(t *testing.T) {
	in := "指标,年份,数值,类型\n森林覆盖率,２０２１,５２．３,\n人均地区生产总值,2021年,８.６,\n地区生产总值,２０２２,－１.５,增速\n"
	d, err := ReadCSV("fw.csv", []byte(in), limitsCatalog)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		year int
		m    Metric
		want float64
	}{{"forest_coverage", 2021, Level, 52.3}, {"gdp_per_capita", 2021, Level, 8.6}, {"gdp", 2022, Growth, -1.5}} {
		o, ok := find(d, c.id, c.year, c.m)
		if !ok || o.Value != c.want {
			t.Errorf("%s %d = %+v, %v; want %g", c.id, c.year, o, ok, c.want)
		}
	}
}
