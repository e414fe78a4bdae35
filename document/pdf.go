package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
	"unicode"

	"fyp/internal/bilingual"
)

// Pdftotext is the program that reads PDF; a test may point it elsewhere.
var Pdftotext = "pdftotext"

// pdfTimeout bounds one run of pdftotext.
const pdfTimeout = 60 * time.Second

// pdfMemory bounds the address space of pdftotext where the system lets
// fyp set it: a plan's pages need a few tens of megabytes each.
const pdfMemory = 1 << 30

// maxPDFText caps the text pdftotext may return.
const maxPDFText = 256 << 20

// readPDF runs pdftotext -layout on the PDF (written to a temporary file,
// as pdftotext reads files) and reads its text: pages split at form feeds,
// page headers and footers dropped, table columns kept apart by two spaces.
func readPDF(data []byte) (*Document, error) {
	prog, err := exec.LookPath(Pdftotext)
	if err != nil {
		return nil, ErrNoTool
	}
	tmp, err := os.CreateTemp("", "fyp-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := pdfCommand(ctx, prog, "-layout", "-enc", "UTF-8", tmp.Name(), "-")
	var out capped
	out.max = maxPDFText
	var stderr bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &stderr
	err = cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, errCorrupt(fmt.Sprintf("pdftotext未在%s内完成", pdfTimeout), fmt.Sprintf("pdftotext did not finish in %s", pdfTimeout))
	case out.over:
		return nil, errCorrupt("pdftotext返回的文字超过256 MB", "pdftotext returned more than 256 MB of text")
	case err != nil && bytes.Contains(stderr.Bytes(), []byte("Out of memory")):
		return nil, errCorrupt(fmt.Sprintf("pdftotext超出了%d GB的内存上限（PDF中某一页的内容过多）", pdfMemory>>30), fmt.Sprintf("pdftotext ran out of its %d GB memory limit (a page of the PDF holds too much)", pdfMemory>>30))
	case err != nil:
		msg := firstLine(stderr.String())
		if bytes.Contains(stderr.Bytes(), []byte("ncrypt")) || bytes.Contains(stderr.Bytes(), []byte("assword")) {
			return nil, &bilingual.Error{ZH: "这个PDF有密码保护：请先解除保护", EN: "the PDF is protected by a password: remove the protection first"}
		}
		return nil, errCorrupt("pdftotext："+msg, "pdftotext: "+msg)
	}
	s, err := decode(out.buf.Bytes())
	if err != nil {
		return nil, errCorrupt("pdftotext没有返回文字", "pdftotext returned no text")
	}
	if letters(s) < minPDFLetters {
		return nil, ErrNoText
	}
	return &Document{Format: PDF, Blocks: textBlocks(s)}, nil
}

// minPDFLetters is the least text a PDF with a text layer holds; a scan
// gives none, or only a stray page number.
const minPDFLetters = 20

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// capped is a buffer that stops growing at max bytes.
type capped struct {
	buf  bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > c.max {
		c.over = true
		return 0, errors.New("output too large")
	}
	return c.buf.Write(p)
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return "failed"
	}
	return s
}
