package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"path/filepath"
	"strconv"
	"unicode/utf8"

	"fyp/charts"
	"fyp/internal/yamlcheck"
	"fyp/model"
	"fyp/observed"
	"fyp/seeds"
)

// ReviewRow is one target at the mid-term review.
type ReviewRow struct {
	Key               string `json:"key"`
	No                int    `json:"no"`
	Name              text   `json:"name"`
	Binding           bool   `json:"binding"`
	Year              int    `json:"year"`
	Kind              string `json:"kind"`
	Bound             string `json:"bound"`
	Target            jnum   `json:"target"`
	RelativeTo        string `json:"relative_to,omitempty"`
	RelativeName      *text  `json:"relative_name,omitempty"`
	Observed          jnum   `json:"observed"`
	ObservedYear      int    `json:"observed_year,omitempty"`
	IndexBase         int    `json:"index_base,omitempty"` // Observed is an index, this year = 100 (chained from growth rates)
	TimeElapsed       jnum   `json:"time_elapsed"`
	TaskDone          jnum   `json:"task_done"`
	Category          string `json:"category"`
	CategoryLabel     text   `json:"category_label"`
	Reason            text   `json:"reason"`
	RequiredRemaining jnum   `json:"required_rate_remaining_pct"`
	ObservedRate      jnum   `json:"observed_rate_pct"`
	AtRisk            bool   `json:"at_risk"`
}

type reviewResponse struct {
	File string `json:"file"`
	AsOf int    `json:"as_of"`
	// Synthetic: the file says its figures are invented (observed/doc.go);
	// the page and every chart then carry the mark report.SyntheticMark.
	Synthetic bool            `json:"synthetic,omitempty"`
	Rows      []ReviewRow     `json:"rows"`
	Assess    *assessResponse `json:"assess"` // the projection continued from the observations under the sliders
}

// progressCategory maps the review's categories to the progress chart's.
var progressCategory = map[model.Category]string{
	model.AchievedEarly: charts.CategoryEarly,
	model.Ahead:         charts.CategoryFaster,
	model.OnSchedule:    charts.CategoryOnTrack,
	model.Lagging:       charts.CategoryLagging,
}

// handleReview is review mode: POST /api/review?STATE&name=FILE[&as_of=YEAR]
// with an observed CSV or XLSX as the body. The file is read in memory as
// `fyp review --observed` reads it (never written anywhere), the targets
// are reviewed as of the year, and the projection continues from the
// latest observations under the sliders for the remaining years.
func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	name, asOfText, shipped := q.Get("name"), q.Get("as_of"), q.Get("shipped")
	q.Del("name")
	q.Del("as_of")
	q.Del("shipped")
	st, err := stateFromQuery(q)
	if err != nil {
		return err
	}
	if name == "" {
		name = "observed.csv"
	}
	name = filepath.Base(filepath.Clean("/" + name)) // a name for messages, never opened
	if !utf8.ValidString(name) || len(name) > 255 {
		return bad("name：应为文件名（UTF-8，最多255字节）", "name: expected the file's name (at most 255 bytes of UTF-8)")
	}
	rs, err := s.resolve(r.Context(), st)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if err := s.work.acquire(r.Context(), prioTable); err != nil {
		return err
	}
	defer s.work.release()
	switch shipped {
	case "":
	case "1":
		// The real figures shipped with an embedded plan (as `fyp review
		// --observed shipped`), instead of an upload.
		f, ok := seeds.Observed(rs.plan.id)
		if !ok || !rs.plan.embedded {
			return bad("shipped：规划%s没有随附观测数据；请上传文件", "shipped: no observed figures ship with plan %s; upload a file", rs.plan.id)
		}
		if len(data) > 0 {
			return bad("shipped=1时不能再上传文件；请只发送数据或只用shipped=1", "shipped=1 takes no file; send either the figures or shipped=1")
		}
		name, data = f.Name, f.Data
	default:
		return bad("shipped %q：应为1", "shipped %q: expected 1", shipped)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return bad("%s：文件是空的；请上传观测数据CSV或XLSX（indicator, year, value …）", "%s: the file is empty; upload an observed CSV or XLSX (indicator, year, value …)", name)
	}
	p := rs.plan.plan
	d, err := observed.Read(name, data, observed.CatalogOf(p))
	if err != nil {
		var ps yamlcheck.Problems
		if errors.As(err, &ps) {
			return badRequest{ps.In("zh"), ps.Error()}
		}
		return bad("%s：%v", "%s: %v", name, err)
	}
	asOf := 0
	if asOfText != "" {
		if asOf, err = strconv.Atoi(asOfText); err != nil {
			return bad("as_of %q：应为年份", "as_of %q: expected a year", asOfText)
		}
	} else {
		for _, obs := range d.ByIndicator {
			for _, x := range obs {
				asOf = max(asOf, x.Year)
			}
		}
	}
	if asOf <= p.BaseYear || asOf > p.LastYear() {
		return bad("as_of %d：应为基期年%d之后、不晚于%d的年份", "as_of %d: expected a year after the base year %d, up to %d", asOf, p.BaseYear, p.LastYear())
	}
	ev := d.Evidence()
	pr0, err := model.Project(p, rs.scenario)
	if err != nil {
		return err
	}
	withObs := &model.Scenario{Name: CustomName}
	if rs.scenario != nil {
		cp := *rs.scenario
		withObs = &cp
	}
	withObs.Observed = model.ObservedPath(pr0, ev, asOf)
	pr, err := model.Project(p, withObs)
	if err != nil {
		return err
	}
	out := &reviewResponse{File: name, AsOf: asOf, Synthetic: d.Synthetic}
	prog := charts.ProgressInput{Year: asOf, Scenario: charts.ScenarioLabel(pr, rs.st.Lang)}
	for _, rv := range model.ReviewAll(pr, ev, asOf, model.DefaultReviewThresholds()) {
		ind := rv.Indicator
		if !inScope(model.Assessment{Indicator: ind, Target: rv.Target}, p) {
			continue
		}
		row := ReviewRow{Key: rowKey(ind, rv.Target), No: ind.No, Name: textOf(ind.Name), Binding: ind.Attribute == model.Binding,
			Year: rv.Target.Year, Kind: string(rv.Target.Kind), Bound: string(rv.Target.Bound), Target: jnum(rv.Target.Value),
			Observed: jnum(rv.Observed), ObservedYear: rv.ObservedYear, TimeElapsed: jnum(rv.TimeElapsed), TaskDone: jnum(rv.TaskDone),
			Category: string(rv.Category), CategoryLabel: text{rv.Category.Name().ZH, rv.Category.Name().EN}, Reason: textOf(rv.Reason),
			RequiredRemaining: jnum(rv.RequiredRemaining), ObservedRate: jnum(rv.ObservedRate), AtRisk: rv.AtRisk}
		if rv.Target.Kind == model.Delegated {
			row.Target = jnum(math.NaN())
		}
		if rv.Scale == model.ScaleIndex {
			row.IndexBase = p.BaseYear
		}
		if rv.Target.RelativeTo != "" {
			row.RelativeTo = rv.Target.RelativeTo
			n := textOf(rv.Target.RelativeName)
			row.RelativeName = &n
		}
		out.Rows = append(out.Rows, row)
		if rv.Compared && !math.IsNaN(rv.TaskDone) && !math.IsNaN(rv.TimeElapsed) {
			label := ind.Name.In(rs.st.Lang)
			if rv.Target.Year != p.TargetYear {
				label += fmt.Sprintf(" (%d)", rv.Target.Year)
			}
			prog.Items = append(prog.Items, charts.ProgressItem{Label: label, Elapsed: rv.TimeElapsed, Done: rv.TaskDone,
				Binding: ind.Attribute == model.Binding, Category: progressCategory[rv.Category]})
		}
	}
	if out.Assess, err = assessProjection(rs, pr, true, d.Synthetic); err != nil {
		return err
	}
	if len(prog.Items) > 0 {
		c, err := charts.Progress(prog, p, charts.Options{Lang: rs.st.Lang, Format: "svg", Synthetic: d.Synthetic})
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			return err
		}
		out.Assess.Charts["progress"] = b.String()
	}
	return writeJSON(w, http.StatusOK, out)
}
