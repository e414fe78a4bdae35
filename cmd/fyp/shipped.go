package main

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"fyp/internal/inputfile"
	"fyp/model"
	"fyp/seeds"
)

// shippedObserved is the --observed value that names the real figures
// shipped with the plan (seeds/jiangjin-observed.csv for jiangjin-14). A
// file of that name is read as ./shipped.
const shippedObserved = "shipped"

// readObserved returns the name and contents of the observed figures: those
// shipped with plan p for --observed shipped, else the file named (a regular
// file of at most inputfile.TableLimit bytes).
func readObserved(p *model.Plan, name string) (string, []byte, error) {
	if name == shippedObserved {
		f, ok := seeds.Observed(p.ID)
		if !ok {
			return "", nil, badInput2("--observed shipped：规划%s没有内置的实际数据；请给出CSV或XLSX文件", "--observed shipped: no real figures ship with plan %s; give a CSV or XLSX file", p.ID)
		}
		return f.Name, f.Data, nil
	}
	data, err := inputfile.Read(name, inputfile.TableLimit)
	if err != nil {
		return "", nil, fmt.Errorf("--observed %w", err)
	}
	return name, data, nil
}

// shippedReview is the review `fyp run` includes: the real figures shipped
// with plan p, as of the latest year they cover, under the default
// thresholds; nil when none ship.
func shippedReview(p *model.Plan) *reviewFlags {
	if _, ok := seeds.Observed(p.ID); !ok {
		return nil
	}
	return &reviewFlags{observed: shippedObserved, th: model.DefaultReviewThresholds(), scope: "main"}
}

// writeReviewSummary prints one line for `fyp run`: the file the review
// read, the year it is as of, and the targets in each category (as the
// review's own 合计 line). Nothing without a review.
func writeReviewSummary(w io.Writer, rv *reviewResult, lang string) {
	if rv == nil {
		return
	}
	counts := map[string]int{}
	for _, r := range rv.rows {
		counts[categoryLabel(r, lang)]++
	}
	n := counted(slices.Sorted(maps.Keys(counts)), counts, true, lang)
	fmt.Fprintln(w, L(lang,
		fmt.Sprintf("中期评估（观测数据 %s，截至%d年）：%s", rv.file, rv.asOf, n),
		fmt.Sprintf("Mid-term review (observed figures %s, as of %d): %s", rv.file, rv.asOf, n)))
}
