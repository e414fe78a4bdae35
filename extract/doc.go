// Package extract reads a five-year plan, as package document gives it, into
// a plan file of fyp's format (seeds/README.md): the main indicator table,
// every quantified sentence of the chapters and boxes, the vision goals, and
// the previous plan's record table when the plan prints one.
//
// Nothing the extractor is unsure of is dropped: it is kept and marked with
// a review note that says why, for the user to check.
package extract
