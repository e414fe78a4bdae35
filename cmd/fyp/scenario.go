package main

import (
	"errors"
	"fmt"
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
// footnotes (each once). No refs gives nil: the plan's own rules.
func (o *options) loadScenarios(p *model.Plan, refs []string) ([]*model.Scenario, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	refs = expandAll(refs)
	rs, err := scenarios.LoadAll(refs, p)
	if err != nil {
		if errors.Is(err, scenarios.ErrNotFound) {
			return nil, inputError{err}
		}
		return nil, err
	}
	seen := map[string]bool{}
	var out []*model.Scenario
	for _, r := range rs {
		for _, w := range r.Warnings {
			if s := w.Error(); !seen[s] {
				seen[s] = true
				fmt.Fprintln(o.stderr, L(o.lang, "注意：", "warning: ")+s)
			}
		}
		out = append(out, r.Scenario)
	}
	return out, nil
}

// expandAll replaces the ref "all" by every shipped scenario.
func expandAll(refs []string) []string {
	var out []string
	for _, r := range refs {
		if r == "all" {
			out = append(out, scenarios.IDs()...)
		} else {
			out = append(out, r)
		}
	}
	return out
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
		return model.TargetRef{}, badInput("--target %q: expected ID@YEAR, e.g. gdp_per_capita@2025", s)
	}
	if err := checkIDs(p, "--target", []string{id}); err != nil {
		return model.TargetRef{}, err
	}
	ref := model.TargetRef{ID: id, Year: y}
	if _, _, err := ref.Find(p); err != nil {
		return ref, badInput("--target: %s", strings.TrimPrefix(err.Error(), "model: "))
	}
	return ref, nil
}

// parseKnob reads ID.rate or ID.step.
func parseKnob(p *model.Plan, s string) (model.Knob, error) {
	id, what, ok := strings.Cut(s, ".")
	if !ok || (what != "rate" && what != "step") {
		return model.Knob{}, badInput("--vary %q: expected ID.rate or ID.step, e.g. gdp.rate", s)
	}
	if err := checkIDs(p, "--vary", []string{id}); err != nil {
		return model.Knob{}, err
	}
	return model.Knob{ID: id, Step: what == "step"}, nil
}
