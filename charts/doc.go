// Package charts draws the report charts: an indicator's path, the headline
// panel, the reachability dashboard, the fan chart, the tornado chart, the
// mid-term progress chart and the previous plan's record.
//
// Every chart is data plus composition. A plain function computes the
// numbers behind it (tested on their own); a constructor turns them into a
// *Chart, checking every label against the font first and returning
// warnings that name missing characters; Chart.WriteTo renders PNG (at
// Options.DPI), SVG or PDF to an io.Writer. Nothing here touches the file
// system: saving is the caller's thin wrapper.
//
// Chinese labels need a CJK font. A subset of Noto Sans CJK SC (SIL Open
// Font License 1.1, see fonts/) is embedded, so charts render the same on a
// machine with no fonts installed; LoadFont selects another.
package charts
