// Package model is fyp's modelling engine: plans and their targets as values,
// projection of every indicator year by year, assessment of each target, the
// consistency identities between indicators and, later, simulation.
//
// The package is pure computation. It reads no files, imports no configuration
// or plotting library and writes nothing: callers (seeds, scenarios, cmd/fyp)
// turn files into model values and print what model returns. Problems that do
// not stop a computation travel with the result as Warnings.
//
// Units: a rate is in percent a year (6.5, not 0.065); a step is in the
// indicator's own units a year (percentage points for shares).
package model
