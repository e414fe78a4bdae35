package document

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
)

// Error is a document that cannot be read: empty, binary, a corrupt or
// encrypted Word file, a PDF without a text layer, or no pdftotext. The
// message says what to do. Commands exit 2 for it.
type Error struct {
	Name string
	Err  error
}

func (e *Error) Error() string { return e.Name + ": " + e.Err.Error() }

// In returns the message in lang ("en", else Chinese).
func (e *Error) In(lang string) string {
	if lang == "en" {
		return e.Error()
	}
	return e.Name + "：" + bilingual.In(e.Err, lang)
}
func (e *Error) Unwrap() error { return e.Err }

// The kinds of Error, for errors.Is.
var (
	ErrEmpty     = &bilingual.Error{ZH: "文件是空的", EN: "the file is empty"}
	ErrBinary    = &bilingual.Error{ZH: "不是文本、Word（.docx）、HTML或PDF文件", EN: "not a text, Word (.docx), HTML or PDF document"}
	ErrCorrupt   = &bilingual.Error{ZH: "文件已损坏", EN: "corrupt document"}
	ErrEncrypted = &bilingual.Error{ZH: "加密的或旧格式的Word文件（.doc）：请用Word或WPS打开，另存为不带密码的.docx", EN: "encrypted or old-format Word file (.doc): open it in Word or WPS and save it as .docx without a password"}
	ErrNoText    = &bilingual.Error{ZH: "这个PDF没有文字层（是扫描件？）：请先做文字识别（OCR），或改用规划发布时的.docx或网页", EN: "the PDF has no text layer (a scan?): run OCR on it first, or use the .docx or web page the plan was published as"}
	ErrNoTool    = &bilingual.Error{ZH: "读取PDF需要poppler-utils中的pdftotext，但它没有安装：apt-get install poppler-utils（Debian/Ubuntu）、brew install poppler（macOS），或把PDF另存为文本", EN: "reading PDF needs pdftotext from poppler-utils, which is not installed: apt-get install poppler-utils (Debian/Ubuntu), brew install poppler (macOS), or save the PDF as text"}
)

// ReadFile reads the regular file at path, at most inputfile.DocumentLimit
// bytes, as a document.
func ReadFile(path string) (*Document, error) {
	data, err := inputfile.Read(path, inputfile.DocumentLimit)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// Read reads data as a document. The format is taken from the content (a
// PDF, a zip, an HTML page) and, where the content does not tell, from
// name's extension.
func Read(name string, data []byte) (*Document, error) {
	d, err := read(name, data)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, &Error{name, err}
	}
	d.Name = name
	if !hasText(d) {
		if d.Format == PDF {
			return nil, &Error{name, ErrNoText}
		}
		return nil, &Error{name, ErrEmpty}
	}
	return d, nil
}

func read(name string, data []byte) (*Document, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return readPDF(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return readDOCX(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return nil, ErrEncrypted
	case ext == ".docx":
		return nil, errCorrupt("不是zip压缩包，而每个.docx都是", "not a zip archive, as every .docx is")
	case ext == ".pdf":
		return nil, errCorrupt("没有%PDF-文件头", "no %PDF- header")
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksHTML(data):
		return readHTML(data)
	}
	return readText(data)
}

// errCorrupt is ErrCorrupt with the reason, in Chinese (zh) and English.
func errCorrupt(zh, why string) error {
	return &corruptError{zh, why}
}

type corruptError struct{ zh, why string }

func (e *corruptError) Error() string { return ErrCorrupt.Error() + ": " + e.why }

// In returns the message in lang ("en", else Chinese).
func (e *corruptError) In(lang string) string {
	if lang == "en" {
		return e.Error()
	}
	return ErrCorrupt.ZH + "：" + e.zh
}
func (e *corruptError) Is(target error) bool {
	return target == ErrCorrupt
}

// looksHTML tells an HTML page by its first tag.
func looksHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<?xml version=\"1.0\"?><html"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

func hasText(d *Document) bool {
	for _, b := range d.Blocks {
		if strings.TrimSpace(b.Text) != "" {
			return true
		}
		for _, r := range b.Table {
			for _, c := range r {
				if strings.TrimSpace(c) != "" {
					return true
				}
			}
		}
	}
	return false
}
