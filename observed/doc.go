// Package observed reads the figures a reviewer has collected (statistical
// bulletins, yearbooks) from a CSV or XLSX file into plain values: for each
// indicator, its observations by year. It is an adapter: it knows file
// formats, encodings and spreadsheet habits, and nothing of the projection
// engine. The caller gives it the catalogue of indicators (ids and names)
// and the range of years to accept.
//
// # Long format (one observation a row)
//
//	indicator,year,value,price_basis,break,metric,source,note
//	gdp_per_capita,2021,"8.6",2020,,,2021年统计公报,
//	常住人口城镇化率,2020,70.5,,rebased,,七普修订,
//	gdp,2021,8.9,comparable,,growth,2021年统计公报,
//
// Only indicator, year and value are required; column names may also be
// written in Chinese (指标, 年份, 数值, 价格口径, 断点, 类型, 来源, 备注) and a
// unit (单位) column is allowed and ignored.
//
//   - indicator: the plan's id or its Chinese name (full-width brackets are
//     read as half-width).
//   - value: a number (see ParseNumber): 52.3, -1.5, 1.5E-3; thousands
//     separators only in groups of three (1,234,567.8) and a trailing % are
//     allowed (12.5% is read as 12.5, in the indicator's own unit; on a
//     level whose unit is not % the sign is refused, as 8.6% for a figure
//     in 万元 is a growth rate or a cell formatted as a percentage);
//     full-width digits, point, minus and percent (５２．３％) are read as
//     half-width. Decimal commas (52,3), underscores, hexadecimal, Inf and
//     NaN are refused. A level must lie within the indicator's bounds (a
//     share: 0 to 100; Catalog.Limits), be above 0 when it compounds, and
//     within ±1e15; a growth figure above -100 and at most 1000 percent.
//   - price_basis: "2020" (or any year: constant prices of that year; 2020年价),
//     comparable (可比价, 不变价) or current (现价, 当年价). Empty when unstated.
//   - break: empty (no break); yes (是, break: a statistical break occurs
//     before this year, so this and later figures are on a new definition);
//     rebased (修订, 新口径: this figure restates an earlier year on the new
//     definition, e.g. the base year after the census).
//   - metric: level (default; the indicator's level, in its unit), growth
//     (the annual growth rate over the previous year, percent; how bulletins
//     report GDP and income at comparable prices) or avg_growth (年均增速: the
//     average growth a year over several years, percent, as a work report
//     states it: 五年年均增长8.9%).
//   - from (起始年份): only with avg_growth, and required there: the year the
//     span starts from, so year 2020 with from 2015 is 2016–2020. An
//     avg_growth row is checked like a growth rate (more than -100, at most
//     1000 percent; its price basis as a growth rate's). The review chains
//     it with the yearly growth rates when its span starts from the plan's
//     base year or from a year they reach (from 2020 to 2023: the observed
//     pace of a 2020-based growth target); where yearly rates cover the same
//     years they are used, and an average that differs from them by more
//     than 0.05 pp is noted. A span that cannot be chained is kept for the
//     record, and the review says so.
//
// # Wide format (one indicator a row)
//
//	indicator,2020,2021,2022
//	人均地区生产总值,7.9,8.6,9.0
//
// The header names the years; an empty cell (or -, —) means no figure. The
// optional columns price_basis, break, metric, unit, source and note apply
// to the whole row.
//
// # Files
//
// CSV files are read as Excel writes them: UTF-8 with or without a byte-
// order mark, or GB18030 (Excel on Chinese Windows) when the bytes are not
// valid UTF-8; separated by commas, tabs or semicolons (sniffed from the
// header). Lines starting with # are comments. XLSX files are read from the
// sheet named observed (or 观测数据), else the first sheet; a cell formatted as
// a percentage holds a fraction and is read as percent (0.125 → 12.5). A row
// whose cell A begins with # is a comment, as a CSV comment line (the rest of
// the row is ignored).
//
// # Synthetic figures
//
// A comment before the header that begins "# synthetic" (any case) or
// "# 示例数据" marks the figures as invented (Data.Synthetic): a line of a CSV
// file, cell A of a sheet's row in an XLSX workbook, e.g.
//
//	# 示例数据：以下数字均为虚构，仅示范格式
//	indicator,year,value
//
// Every page and chart of a report drawn from such a file says 示例数据 /
// SYNTHETIC. The same words in a comment after the header do not mark the
// file.
//
// A table is bounded (fyp/internal/inputfile): at most TableRows rows,
// TableColumns columns, TableCells cells and CellChars characters a cell; an
// XLSX sheet is streamed from the archive, each part read at most
// XLSXPartLimit bytes once uncompressed. The first limit crossed is the one
// problem reported.
//
// Every bad row is reported, all at once, as FILE:ROW:COLUMN: message (the
// first 50, and the count of the rest).
package observed
