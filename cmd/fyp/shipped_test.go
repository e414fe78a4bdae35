package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReviewShippedGolden: the review of the real figures shipped with
// jiangjin-14 (seeds/jiangjin-observed.csv), as the README shows it.
func TestReviewShippedGolden(t *testing.T) {
	out, errs, code := fyp(t, "review", "--observed", "shipped")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "观测数据：seeds/jiangjin-observed.csv，截至2024年") {
		t.Error("the review does not name the shipped file and the latest year it covers")
	}
	golden(t, "review-shipped.golden", out)
}

func TestReviewShippedRefusals(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"plan without shipped figures", []string{"review", "--plan", "jiangjin-13", "--observed", "shipped", "--lang", "en"}, "no real figures ship with plan jiangjin-13"},
		{"plan without shipped figures, zh", []string{"review", "--plan", "jiangjin-13", "--observed", "shipped"}, "规划jiangjin-13没有内置的实际数据"},
		{"missing file", []string{"review", "--observed", filepath.Join(dir, "none.csv")}, "--observed"},
		{"folder", []string{"review", "--observed", dir, "--lang", "en"}, "not a regular file"},
		{"folder, zh", []string{"review", "--observed", dir}, "不是普通文件"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := fyp(t, tc.args...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 mentioning %q", code, errs, tc.want)
			}
			if out != "" {
				t.Errorf("wrote to stdout on bad input: %q", out)
			}
		})
	}
}

// TestRunIncludesShippedReview: fyp run reviews the plan against the real
// figures shipped with it, as of the latest year they cover, and says so.
func TestRunIncludesShippedReview(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	out, errs, code := fyp(t, "run", "--out", dir, "-s", "baseline")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	review, rerr, rcode := fyp(t, "review", "--observed", "shipped")
	if rcode != 0 {
		t.Fatal(rerr)
	}
	lines := strings.Split(strings.TrimSpace(review), "\n")
	totals := strings.TrimPrefix(lines[len(lines)-1], "合计：")
	want := "中期评估（观测数据 seeds/jiangjin-observed.csv，截至2024年）：" + totals
	if !strings.Contains(out, want) {
		t.Errorf("run output lacks %q:\n%s", want, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "review.csv"))
	if err != nil {
		t.Fatalf("run wrote no review.csv: %v", err)
	}
	if !strings.Contains(string(csv), "corridor_trains") {
		t.Error("review.csv does not hold the reviewed targets")
	}
	md, _ := os.ReadFile(filepath.Join(dir, "report.md"))
	if !strings.Contains(string(md), "seeds/jiangjin-observed.csv") {
		t.Error("report.md does not name the shipped figures")
	}
}

// TestReviewNamesUnsureFigures: figures fyp observe marked for review are
// used like the others (the review never reads the note), so review says
// which lines they are; a file without such marks gets no note.
func TestReviewNamesUnsureFigures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := filepath.Join(dir, "o.csv")
	os.WriteFile(f, []byte("indicator,year,value,source,note\n"+
		"forest_coverage,2021,52.3,2021年公报,森林覆盖率达到52.3%\n"+
		"forest_coverage,2022,53,2022年公报,review: 约数; 森林覆盖率达53%左右\n"), 0o644)
	_, errs, code := fyp(t, "review", "--observed", f, "--lang", "en")
	if code != 0 || !strings.Contains(errs, "has 1 figure marked review") || !strings.Contains(errs, "(line 3)") {
		t.Errorf("exit %d, stderr %q; want a note naming line 3", code, errs)
	}
	if _, errs, _ := fyp(t, "review", "--observed", "testdata/observed-example.csv"); strings.Contains(errs, "review（读取时不确定") {
		t.Errorf("a file without review marks got the note: %q", errs)
	}
}
