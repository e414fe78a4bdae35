// Package scenarios reads scenario files — "what if" sets of projection
// assumptions — into model.Scenario values, and ships a documented set of
// them embedded in the binary (baseline, trend, high, low, shock,
// doubling2035). The format is described in README.md.
//
// A file is read in two passes. The first walks the YAML node tree
// (internal/yamlcheck) and reports every problem of the file at once with
// FILE:LINE: key: message, because viper lower-cases keys and knows no
// lines. The second reads the values through a private viper instance and
// resolves `extends` chains, derived-indicator identities and inheritance
// into a plain model.Scenario; checks that need the whole chain (an
// over-determined identity, a step that leaves a share's bounds) are made
// on the projection of the resolved scenario and reported at the line that
// caused them.
package scenarios
