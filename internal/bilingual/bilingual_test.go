package bilingual

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestErrorf(t *testing.T) {
	base := errors.New("base")
	tests := []struct {
		name     string
		err      error
		zh, en   string
		wraps    error
		sameNums bool
	}{
		{"reordered", Errorf("%[2]d年的数值%[1]g超出范围", "value %g for %d is out of range", 1.5, 2021),
			"2021年的数值1.5超出范围", "value 1.5 for 2021 is out of range", nil, true},
		{"wraps with %w", Errorf("没有：%[2]s", "%w: %s", base, "x.yaml"), "没有：x.yaml", "base: x.yaml", base, true},
		{"an argument left out", Errorf("是文件夹", "%w: a folder", fs.ErrNotExist), "是文件夹", "file does not exist: a folder", fs.ErrNotExist, true},
		{"a Text argument", Errorf("应为%s", "expected %s", Text{ZH: "列表", EN: "a list"}), "应为列表", "expected a list", nil, true},
		{"a bilingual error argument", Errorf("读不了：%v", "cannot read: %v", Errorf("太大：%d", "too large: %d", 10)), "读不了：太大：10", "cannot read: too large: 10", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := In(tc.err, "zh"); got != tc.zh {
				t.Errorf("In(zh) = %q, want %q", got, tc.zh)
			}
			if got := tc.err.Error(); got != tc.en || In(tc.err, "en") != tc.en {
				t.Errorf("Error() = %q, want %q", got, tc.en)
			}
			if tc.wraps != nil && !errors.Is(tc.err, tc.wraps) {
				t.Errorf("%v does not wrap %v", tc.err, tc.wraps)
			}
			if SameNumbers(tc.zh, tc.en) != tc.sameNums {
				t.Errorf("SameNumbers(%q, %q) = %v", tc.zh, tc.en, !tc.sameNums)
			}
		})
	}
}

// In keeps the prefixes fmt.Errorf wrapping added and rewords the inner
// bilingual error.
func TestInWrapped(t *testing.T) {
	inner := Errorf("文件太大：%s", "file too large: %s", "10 MB")
	err := fmt.Errorf("--observed x.csv: %w", inner)
	if got, want := In(err, "zh"), "--observed x.csv: 文件太大：10 MB"; got != want {
		t.Errorf("In(zh) = %q, want %q", got, want)
	}
	if got, want := In(err, "en"), "--observed x.csv: file too large: 10 MB"; got != want {
		t.Errorf("In(en) = %q, want %q", got, want)
	}
	plain := errors.New("plain")
	if got := In(plain, "zh"); got != "plain" {
		t.Errorf("In(plain) = %q", got)
	}
}

func TestSameNumbers(t *testing.T) {
	for _, tc := range []struct {
		zh, en string
		want   bool
	}{
		{"年增速1e+300%超出范围，最多1000%", "a rate of 1e+300% a year: expected at most 1000", true},
		{"第6行给出8.4", "already 8.4 on row 6", true},
		{"最多100", "at most 1000", false},
		{"1,234", "1,234", true},
	} {
		if got := SameNumbers(tc.zh, tc.en); got != tc.want {
			t.Errorf("SameNumbers(%q, %q) = %v, want %v", tc.zh, tc.en, got, tc.want)
		}
	}
}
