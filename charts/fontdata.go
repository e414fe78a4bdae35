package charts

// EmbeddedFontData is the embedded CJK font file (Noto Sans CJK SC subset,
// SIL OFL 1.1), for a report printed to PDF on a machine without a CJK
// font: the page names it with @font-face so that the PDF embeds the
// glyphs it uses.
func EmbeddedFontData() []byte { return embeddedTTF }
