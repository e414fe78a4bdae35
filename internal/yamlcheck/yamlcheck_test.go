package yamlcheck

import (
	"strings"
	"testing"

	"fyp/internal/bilingual"
)

func TestParseProblems(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'z'; i++ {
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(i-1)+", ", 8) + "*" + string(i-1) + "]\n"
	}
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "f.yaml: the file is empty"},
		{"comment only", "# nothing\n", "f.yaml: the file is empty"},
		{"bom and empty", "\ufeff\n", "f.yaml: the file is empty"},
		{"not utf-8", "a: 1\nb: \xc3\x28\n", "f.yaml:2: the file is not UTF-8 text"},
		{"nul", "a: \x00\n", "not text"},
		{"tab", "a:\n\tb: 1\n", "f.yaml:2:1: a tab in the indentation"},
		{"full-width colon", "gdp：{rule: hold}\n", "f.yaml:1:4: full-width colon"},
		{"full-width colon in flow", "gdp: {rule： hold}\n", "f.yaml:1:11: full-width colon"},
		{"full-width comma", "gdp: {rule: compound， rate: 6}\n", "f.yaml:1:21: full-width comma"},
		{"syntax", "a: [1, 2\nb: 3\n", "YAML syntax error"},
		{"two documents", "a: 1\n---\nb: 2\n", "a second YAML document"},
		{"not a mapping", "- 1\n- 2\n", "expected a mapping"},
		{"alias bomb", bomb, "aliases"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := Parse("f.yaml", []byte(tc.src))
			if len(ps) == 0 {
				t.Fatal("no problem reported")
			}
			if !strings.Contains(ps.Error(), tc.want) {
				t.Errorf("got %q, want it to contain %q", ps.Error(), tc.want)
			}
		})
	}
	// Chinese punctuation inside a value is text, not a typo.
	if _, ps := Parse("f.yaml", []byte("note: 力争达到，稳定在：80\ntext: {zh: 甲，乙}\n")); len(ps) != 0 {
		t.Errorf("false alarm on Chinese text: %v", ps)
	}
}

// TestSyntaxProblemsLocatedAndInChinese: yaml.v3 leaves the line out of
// an error on the first line and of some others; each still names its
// line, and the Chinese wording holds no English of the library's.
func TestSyntaxProblemsLocatedAndInChinese(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"mapping value on line 1", "id: x y: z\n", "f.yaml:1: YAML语法错误：此处不能出现“键: 值”"},
		{"bad escape on line 1", "id: \"\\q\"\n", "f.yaml:1: YAML语法错误：出现了未知的转义字符"},
		{"control character", "a: 1\nb: 2\nid: x\x01y\n", "f.yaml:3: YAML语法错误：含有控制字符"},
		{"unknown alias", "a: 1\nb:\n  - 1\n  - *zz\n", "f.yaml:4: YAML语法错误：用了未定义的别名*zz"},
		{"missing value", "id: x\ntitle: [\n", "f.yaml:2: YAML语法错误：缺少预期的值"},
		{"too deep", "a: " + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n", "f.yaml: YAML语法错误：嵌套超过10000层"},
		{"block indent 0", "id: |0\n  x\n", "f.yaml:1: YAML语法错误：块文本的缩进指示不能为0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := Parse("f.yaml", []byte(tc.src))
			zh := bilingual.In(ps, "zh")
			if !strings.Contains(zh, tc.want) {
				t.Errorf("got %q, want it to contain %q", zh, tc.want)
			}
			if strings.ContainsFunc(strings.TrimPrefix(zh, "f.yaml"), func(r rune) bool { return r >= 'a' && r <= 'z' && !strings.ContainsRune(tc.src, r) }) {
				t.Errorf("the Chinese wording %q holds English", zh)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"rule", "rate", "step", "ceiling"}
	tests := []struct {
		in   string
		want string
	}{
		{"rat", "rate"},
		{"setp", "step"},
		{"celing", "ceiling"},
		{"growht", ""},
	}
	for _, tc := range tests {
		got := Suggest(tc.in, keys)
		if tc.want == "" {
			if len(got) > 0 && got[0] == "rate" {
				t.Errorf("Suggest(%q) = %v, want nothing close", tc.in, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("Suggest(%q) = %v, want %q first", tc.in, got, tc.want)
		}
	}
}

func TestWalker(t *testing.T) {
	root, ps := Parse("f.yaml", []byte("rule: compound\nrat: six\nrule: hold\nn: six\n"))
	if ps != nil {
		t.Fatal(ps)
	}
	w := &Walker{File: "f.yaml"}
	f := w.Fields(root, "gdp", []string{"rule", "rate", "n"})
	w.Float(f["n"], "gdp.n")
	got := w.Problems.Error()
	for _, want := range []string{
		`f.yaml:2:1: gdp.rat: unknown key "rat"; did you mean "rate"?`,
		`f.yaml:3:1: gdp.rule: duplicate key (first given at line 1)`,
		`f.yaml:4:4: gdp.n: expected a number, got "six"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant:\n%s", got, want)
		}
	}
}

// TestFloatSaysWhy: a number YAML cannot hold, or one written in another
// base, is refused saying so, not as "expected a finite number".
func TestFloatSaysWhy(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when the number is read
		v    float64
	}{
		{"1e309", `the number "1e309" is too large`, 0},
		{"-1E+309", `the number "-1E+309" is too large`, 0},
		{"0x10", `"0x10": hexadecimal, octal and binary numbers are not accepted`, 0},
		{"0o17", `"0o17": hexadecimal, octal and binary numbers are not accepted`, 0},
		{".nan", `expected a finite number, got ".nan"`, 0},
		{"1e309x", `expected a number, got "1e309x"`, 0},
		{"017", "", 17},
		{"1_000", "", 1000},
		{"-2.5e3", "", -2500},
	}
	for _, tc := range tests {
		root, ps := Parse("f.yaml", []byte("v: "+tc.in+"\n"))
		if ps != nil {
			t.Fatal(ps)
		}
		w := &Walker{File: "f.yaml"}
		v, ok := w.Float(w.Fields(root, "", []string{"v"})["v"], "v")
		if tc.want == "" {
			if !ok || v != tc.v || w.Problems != nil {
				t.Errorf("Float(%s) = %v, %v, %v; want %v", tc.in, v, ok, w.Problems, tc.v)
			}
			continue
		}
		if ok || !strings.Contains(w.Problems.Error(), "f.yaml:1:4: v: "+tc.want) {
			t.Errorf("Float(%s): %v, want %q", tc.in, w.Problems, tc.want)
		}
	}
}

// TestProblemsCapped: a file with thousands of problems lists the first
// MaxShown in order and counts the rest, instead of one line each.
func TestProblemsCapped(t *testing.T) {
	tests := []struct {
		n         int
		wantLines int
		wantLast  string
		zhLast    string
	}{
		{1, 1, "f.csv:1: bad", "f.csv:1: 有误"},
		{MaxShown, MaxShown, "f.csv:50: bad", "f.csv:50: 有误"},
		{MaxShown + 1, MaxShown + 1, "… and 1 more problem (51 in all)", "……另有1个问题（共51个）"},
		{100_000, MaxShown + 1, "… and 99,950 more problems (100,000 in all)", "……另有99,950个问题（共100,000个）"},
	}
	for _, tt := range tests {
		ps := make(Problems, tt.n)
		for i := range ps {
			ps[tt.n-1-i] = Problem{File: "f.csv", Line: i + 1, Msg: "bad", MsgZH: "有误"} // reversed: Error sorts
		}
		zh := strings.Split(ps.In("zh"), "\n")
		if len(zh) != tt.wantLines || zh[len(zh)-1] != tt.zhLast || !bilingual.SameNumbers(zh[len(zh)-1], tt.wantLast) {
			t.Errorf("%d problems in Chinese: last %q, want %q", tt.n, zh[len(zh)-1], tt.zhLast)
		}
		lines := strings.Split(ps.Error(), "\n")
		if len(lines) != tt.wantLines || lines[len(lines)-1] != tt.wantLast || lines[0] != "f.csv:1: bad" {
			t.Errorf("%d problems: %d lines, first %q, last %q; want %d lines ending %q", tt.n, len(lines), lines[0], lines[len(lines)-1], tt.wantLines, tt.wantLast)
		}
	}
}

// TestStringRefusesInvisibleControls: a YAML escape can put a control
// character or a bidirectional override in a name ("甲\u202e乙" shows
// reversed on screen; "\x01" draws as '?' in a chart); each is refused at
// its node with the character's position. Tabs and line breaks stay text.
func TestStringRefusesInvisibleControls(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{`v: "甲\u202e乙"`, `f.yaml:1:4: v: the text holds the invisible control character U+202E (character 2)`},
		{`v: "a\x01"`, `f.yaml:1:4: v: the text holds the invisible control character U+0001 (character 2)`},
		{`v: "\u0085x"`, `f.yaml:1:4: v: the text holds the invisible control character U+0085 (character 1)`},
		{`v: "a\tb\nc"`, ""},
		{"v: |\n  多行\n  说明\n", ""},
	} {
		root, ps := Parse("f.yaml", []byte(tc.src))
		if ps != nil {
			t.Fatal(ps)
		}
		w := &Walker{File: "f.yaml"}
		got := w.String(w.Fields(root, "", []string{"v"})["v"], "v")
		switch {
		case tc.want == "" && w.Problems != nil:
			t.Errorf("String(%s): %v, want no problem", tc.src, w.Problems)
		case tc.want != "" && (got != "" || w.Problems == nil || !strings.Contains(w.Problems.Error(), tc.want)):
			t.Errorf("String(%s) = %q, %v; want %q", tc.src, got, w.Problems, tc.want)
		}
	}
}
