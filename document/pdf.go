package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
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
	stderr := prefix{max: 64 << 10}
	cmd.Stdout = &out
	cmd.Stderr = &stderr
	err = cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, errCorrupt(fmt.Sprintf("pdftotext未在%s内完成", pdfTimeout), fmt.Sprintf("pdftotext did not finish in %s", pdfTimeout))
	case out.over:
		return nil, errCorrupt("pdftotext返回的文字超过256 MB", "pdftotext returned more than 256 MB of text")
	case err != nil && bytes.Contains(stderr.buf.Bytes(), []byte("Out of memory")):
		return nil, errCorrupt(fmt.Sprintf("pdftotext超出了%d GB的内存上限（PDF中某一页的内容过多）", pdfMemory>>30), fmt.Sprintf("pdftotext ran out of its %d GB memory limit (a page of the PDF holds too much)", pdfMemory>>30))
	case err != nil:
		if bytes.Contains(stderr.buf.Bytes(), []byte("ncrypt")) || bytes.Contains(stderr.buf.Bytes(), []byte("assword")) {
			return nil, &bilingual.Error{ZH: "这个PDF有密码保护：请先解除保护", EN: "the PDF is protected by a password: remove the protection first"}
		}
		return nil, pdfFailed(err, firstLine(stderr.buf.String()))
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

// pdfFailed says that pdftotext failed (err, from running it) in each
// language of its own: in Chinese what failed and how it ended, with the
// tool's own words (English, msg: the first line it printed) only as a
// quoted detail marked as its output; in English the same with its words
// after a colon.
func pdfFailed(err error, msg string) error {
	zh, en, code := "pdftotext无法运行", "pdftotext could not be run", ""
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		zh, en = "pdftotext读取该PDF时异常终止", "pdftotext stopped abnormally reading the PDF"
		if c := ee.ExitCode(); c >= 0 {
			zh, en, code = "pdftotext无法读取该PDF", "pdftotext could not read the PDF", fmt.Sprint(c)
		}
	} else if msg == "" {
		msg = err.Error()
	}
	var detail []string
	if code != "" {
		detail = append(detail, "退出码"+code)
		en += " (exit code " + code + ")"
	}
	if msg != "" {
		detail = append(detail, "pdftotext输出原文："+msg)
		en += ": " + msg
	}
	if len(detail) > 0 {
		zh += "（" + strings.Join(detail, "；") + "）"
	}
	return errCorrupt(zh, en)
}

// firstLine is the first non-blank line of s, valid UTF-8, at most 200
// bytes; "" when s has none.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(strings.ToValidUTF8(line, "?")); line != "" {
			if len(line) > 200 {
				line = strings.ToValidUTF8(line[:200], "") + "…"
			}
			return line
		}
	}
	return ""
}

// prefix keeps the first max bytes written to it and drops the rest, so
// that a tool printing without end cannot fill memory.
type prefix struct {
	buf bytes.Buffer
	max int
}

func (p *prefix) Write(b []byte) (int, error) {
	if room := p.max - p.buf.Len(); room > 0 {
		p.buf.Write(b[:min(len(b), room)])
	}
	return len(b), nil
}
