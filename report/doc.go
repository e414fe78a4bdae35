// Package report lays out fyp's review as a document a planning bureau
// circulates: a 中期评估报告 (总结评估报告 once the review year reaches the
// plan's target year) with a generated 总体评价, the main table grouped by
// the plan's 类别, one sentence per indicator, numbered figures and annexes.
//
// One document model (Document, Section, Paragraph, Table, Figure) is built
// once (Build) and written by each writer: HTML (one self-contained page),
// Markdown, Word (.docx, minimal WordprocessingML) and XLSX (one sheet per
// table that names a sheet). Every number comes from the model's results
// (model.Review, model.Assessment …); the writers only format.
//
// The writers render to an io.Writer and touch no file; PDF is the one
// exception that needs an outside program (headless Chromium or
// LibreOffice), run on a temporary copy (see PDF).
package report
