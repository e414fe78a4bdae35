package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"fyp/model"
	"fyp/scenarios"
)

// addScenarioFlag registers the repeatable -s/--scenario flag.
func addScenarioFlag(c *cobra.Command, refs *[]string, def string) {
	usage := "scenario: a shipped id (" + strings.Join(scenarios.IDs(), ", ") + "), all (every shipped one) or a YAML file; repeat for several"
	if def == "" {
		usage += " (default: the plan's own rules)"
	} else {
		usage += " (default: " + def + ")"
	}
	c.Flags().StringArrayVarP(refs, "scenario", "s", nil, usage)
}

// loadScenarios resolves each ref against p; warnings print to stderr as
// footnotes (each once a run, however many times the scenarios are
// loaded). No refs gives nil: the plan's own rules.
func (o *options) loadScenarios(p *model.Plan, refs []string) ([]*model.Scenario, error) {
	refs = o.expandAll(p, refs)
	if len(refs) == 0 {
		return nil, nil
	}
	rs, err := scenarios.LoadAll(refs, p)
	if err != nil {
		if errors.Is(err, scenarios.ErrNotFound) {
			return nil, inputError{err}
		}
		return nil, err
	}
	var out []*model.Scenario
	for _, r := range rs {
		for _, w := range r.Warnings {
			o.note(L(o.lang, "注意：", "warning: ") + w.In(o.lang))
		}
		out = append(out, r.Scenario)
	}
	return out, nil
}

// note prints msg to stderr unless this run has printed it already.
func (o *options) note(msg string) {
	if o.noted == nil {
		o.noted = map[string]bool{}
	}
	if !o.noted[msg] {
		o.noted[msg] = true
		fmt.Fprintln(o.stderr, msg)
	}
}

// expandAll replaces the ref "all" by every shipped scenario that applies
// to p (see defaultScenarios).
func (o *options) expandAll(p *model.Plan, refs []string) []string {
	var out []string
	for _, r := range refs {
		if r == "all" {
			out = append(out, o.defaultScenarios(p)...)
		} else {
			out = append(out, r)
		}
	}
	return out
}

// defaultScenarios are the shipped scenarios that apply to p: those
// written for p whose indicators p has (scenarios.Applicable). Those left
// out are named on stderr with the reason, once a run.
func (o *options) defaultScenarios(p *model.Plan) []string {
	ids, skipped := scenarios.Applicable(p)
	if len(skipped) > 0 {
		o.note(skipNote(skipped, p, o.lang))
	}
	return ids
}

// skipNote says which shipped scenarios are not applied to p, and why: the
// plans they are written for and the indicators they name that p lacks.
func skipNote(skipped []scenarios.Skip, p *model.Plan, lang string) string {
	var ids, plans, missing []string
	for _, s := range skipped {
		ids = append(ids, s.ID)
		if s.Plan != "" && s.Plan != p.ID && !slices.Contains(plans, s.Plan) {
			plans = append(plans, s.Plan)
		}
		for _, m := range s.Missing {
			if !slices.Contains(missing, m) {
				missing = append(missing, m)
			}
		}
	}
	sep := L(lang, "、", ", ")
	var why []string
	if len(plans) > 0 {
		why = append(why, fmt.Sprintf(L(lang, "为规划 %s 编写", "written for plan %s"), strings.Join(plans, sep)))
	}
	if len(missing) > 0 {
		names, more := missing, ""
		if len(names) > 5 {
			names = names[:5]
			more = fmt.Sprintf(L(lang, " 等 %d 项", " and %d more"), len(missing)-5)
			if lang != "en" {
				more = fmt.Sprintf(" 等 %d 项", len(missing))
			}
		}
		why = append(why, fmt.Sprintf(L(lang, "用到本规划没有的指标 %s%s", "naming indicators this plan lacks: %s%s"), strings.Join(names, sep), more))
	}
	return fmt.Sprintf(L(lang, "注意：内置情景 %s 未采用（%s）；可用 -s 文件给出本规划的情景。",
		"note: shipped scenarios %s not applied (%s); give this plan's own with -s FILE."),
		strings.Join(ids, sep), strings.Join(why, L(lang, "；", "; ")))
}

// projectScenarios loads the scenarios refs against p and projects p under
// each (under the plan's own rules when there are none); to > 0 overrides
// every horizon.
func (o *options) projectScenarios(p *model.Plan, refs []string, to int) ([]*model.Projection, error) {
	scs, err := o.loadScenarios(p, refs)
	if err != nil {
		return nil, err
	}
	return projectAll(p, scs, to)
}

// projectAll projects the plan under each scenario (the plan's own rules
// when there are none); to > 0 overrides every horizon.
func projectAll(p *model.Plan, scs []*model.Scenario, to int) ([]*model.Projection, error) {
	if len(scs) == 0 {
		sc, err := horizonScenario(p, to)
		if err != nil {
			return nil, err
		}
		scs = []*model.Scenario{sc}
	} else if to != 0 {
		if _, err := horizonScenario(p, to); err != nil {
			return nil, err
		}
		for i, sc := range scs {
			c := *sc
			c.Horizon = to
			scs[i] = &c
		}
	}
	var prs []*model.Projection
	for _, sc := range scs {
		pr, err := model.Project(p, sc)
		if err != nil {
			return nil, err
		}
		prs = append(prs, pr)
	}
	return prs, nil
}

// targetScenarios loads the plan, the --target and the scenarios that solve
// and sensitivity work under (default: baseline, since under the plan's own
// rules a target follows its own path and responds to no other assumption).
func (o *options) targetScenarios(target string, refs []string) (*model.Plan, model.TargetRef, []*model.Scenario, error) {
	p, err := o.loadPlan()
	if err != nil {
		return nil, model.TargetRef{}, nil, err
	}
	ref, err := parseTarget(p, target)
	if err != nil {
		return nil, ref, nil, err
	}
	if len(refs) == 0 {
		if !slices.Contains(o.defaultScenarios(p), "baseline") {
			// The plan's own rules, as a scenario of no assumptions: each
			// indicator on its plan path, whose pace can still be varied.
			o.note(L(o.lang, "注意：按规划自身速度计算（内置情景 baseline 不适用于本规划）。",
				"note: computed under the plan's own rules (the shipped baseline does not apply to this plan)."))
			return p, ref, []*model.Scenario{{Name: "plan", Title: model.Text{ZH: "规划自身速度", EN: "the plan's own rules"}}}, nil
		}
		refs = []string{"baseline"}
	}
	scs, err := o.loadScenarios(p, refs)
	return p, ref, scs, err
}

// parseTarget reads ID@YEAR.
func parseTarget(p *model.Plan, s string) (model.TargetRef, error) {
	id, year, ok := strings.Cut(s, "@")
	var y int
	if _, err := fmt.Sscanf(year, "%d", &y); !ok || err != nil || fmt.Sprint(y) != year {
		return model.TargetRef{}, badInput2("--target %q：应为 指标ID@年份，如gdp_per_capita@2025", "--target %q: expected ID@YEAR, e.g. gdp_per_capita@2025", s)
	}
	if err := checkIDs(p, "--target", []string{id}); err != nil {
		return model.TargetRef{}, err
	}
	ref := model.TargetRef{ID: id, Year: y}
	if _, _, err := ref.Find(p); err != nil {
		return ref, badInput2("--target：%v", "--target: %[2]s", err, strings.TrimPrefix(err.Error(), "model: "))
	}
	return ref, nil
}

// parseKnob reads ID.rate or ID.step.
func parseKnob(p *model.Plan, s string) (model.Knob, error) {
	id, what, ok := strings.Cut(s, ".")
	if !ok || (what != "rate" && what != "step") {
		return model.Knob{}, badInput2("--vary %q：应为 指标ID.rate或指标ID.step，如gdp.rate", "--vary %q: expected ID.rate or ID.step, e.g. gdp.rate", s)
	}
	if err := checkIDs(p, "--vary", []string{id}); err != nil {
		return model.Knob{}, err
	}
	return model.Knob{ID: id, Step: what == "step"}, nil
}
