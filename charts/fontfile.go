package charts

// EmbeddedFontFile is the embedded font's file (TrueType, SIL OFL 1.1; see
// fonts/README.md), for pages that show the charts as SVG: their text asks
// for the family "Noto Sans CJK SC", which a page can supply with
// @font-face so that Chinese renders on a machine without CJK fonts.
func EmbeddedFontFile() []byte { return embeddedTTF }
