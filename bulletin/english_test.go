package bulletin

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyp/document"
)

// Every warning the reader gives has an English wording (fyp observe
// --lang en printed the Chinese one), and that wording holds Chinese only
// where it quotes the document, between “ ”.
func TestWarningsInEnglish(t *testing.T) {
	r := readText(t, "x.txt", "2023年江津区统计公报\n德感街道实现地区生产总值85.6亿元,比上年增长6.1%。", 0)
	if len(r.Warnings) != 1 {
		t.Fatalf("%d warnings, want 1: %+v", len(r.Warnings), r.Warnings)
	}
	if got, want := r.Warnings[0].In("en"), "the subject is “德感街道”: a figure of that place, not of the plan's: not read"; got != want {
		t.Errorf("English warning %q, want %q", got, want)
	}
	if got := r.Warnings[0].In("zh"); got != r.Warnings[0].Msg || !strings.Contains(got, "主语为「德感街道」") {
		t.Errorf("Chinese warning %q", got)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "measure", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no texts: %v", err)
	}
	han := regexp.MustCompile(`\p{Han}`)
	quoted := regexp.MustCompile(`“[^”]*”`)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := document.Read(filepath.Base(f), b)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Read(d, Options{Indicators: plan14(t), Year: 2023, Place: "重庆市江津区"})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, w := range res.Warnings {
			n++
			if w.MsgEN == "" || han.MatchString(quoted.ReplaceAllString(w.MsgEN, "")) {
				t.Errorf("%s:%d: English warning %q for %q", f, w.Line, w.MsgEN, w.Msg)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d warnings in the texts: the test reads too little", n)
	}
}
