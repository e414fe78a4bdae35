// Package document reads the documents a user hands fyp — plans, statistical
// bulletins, work reports — as published: plain text (UTF-8, UTF-8 with a
// BOM, UTF-16 with a BOM, GB18030), Word (.docx), a saved web page (.html)
// and PDF through poppler's pdftotext. Every format becomes the same thing:
// a sequence of blocks, each a paragraph (one line of text) or a table (rows
// of cells), with full-width digits and punctuation narrowed, soft line
// breaks inside sentences joined and page headers and footers dropped.
//
// The package knows nothing of plans: the plan extractor (package extract)
// and the bulletin reader sit on it.
package document

import "strings"

// Format is the kind of file a document was read from.
type Format string

// The formats Read recognises.
const (
	Text Format = "text"
	DOCX Format = "docx"
	HTML Format = "html"
	PDF  Format = "pdf"
)

// Block is a paragraph or a table of a document.
type Block struct {
	// Line is where the block starts: the line number in a text or PDF
	// file, the number of the paragraph or table in a Word file, the line
	// of the element in an HTML file. 1-based.
	Line int
	// Text is the paragraph, normalised; empty for a table.
	Text string
	// Table holds the rows of a table, each a list of normalised cells
	// (a merged cell is repeated as the source repeats it, or given once).
	Table [][]string
}

// Document is what Read returns.
type Document struct {
	Name   string // the file name, for messages
	Format Format
	Blocks []Block
}

// Line is one line of a document's text.
type Line struct {
	No   int    // Block.Line of the block it comes from
	Text string // a paragraph, or a table row with its cells joined by tabs
}

// Lines returns the document as lines of text: paragraphs as they are, each
// table row as its cells joined by tabs.
func (d *Document) Lines() []Line {
	var out []Line
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, Line{b.Line, b.Text})
			continue
		}
		for _, row := range b.Table {
			out = append(out, Line{b.Line, strings.Join(row, "\t")})
		}
	}
	return out
}
