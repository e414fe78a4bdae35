// Package inputfile reads the files a user hands fyp (plans, scenarios,
// observed tables, fonts, documents) in one bounded way: regular files only,
// each kind of file with a size limit, so that a device, a FIFO or a huge
// file gives one clear error instead of a hang or exhausted memory.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"fyp/internal/bilingual"
)

// Limits, in bytes, for each kind of file. The README lists them.
const (
	YAMLLimit     int64 = 10 << 20  // plans and scenarios
	TableLimit    int64 = 100 << 20 // observed CSV, TSV and XLSX
	FontLimit     int64 = 64 << 20  // --font
	DocumentLimit int64 = 50 << 20  // plans and bulletins as text, Word, HTML, PDF
)

// Limits inside an observed table (CSV, TSV or XLSX), so that a small file
// cannot unfold into more than memory holds: an XLSX workbook is a zip
// archive whose parts may expand a thousandfold, and every cell read is kept
// until the whole sheet is checked.
const (
	TableRows    = 200_000   // rows of a sheet (the last row holding a value)
	TableColumns = 256       // columns of a sheet (the last column holding a value)
	TableCells   = 2_000_000 // cells of a sheet, empty ones before a row's last value included
	CellChars    = 32_767    // characters in one cell (Excel's own limit)
	// XLSXPartLimit is the uncompressed size of each part of an XLSX
	// workbook that is read (the sheet, its shared strings, its styles).
	XLSXPartLimit int64 = 256 << 20
)

// Error is a file that cannot be read as input: missing, not a regular file,
// or over its limit. Commands exit 2 for it.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

// In is the message in lang ("en", else Chinese).
func (e *Error) In(lang string) string {
	if lang == "en" {
		return e.Error()
	}
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return e.Path + "：文件不存在"
	case errors.Is(e.Err, fs.ErrPermission):
		return e.Path + "：没有读取权限"
	}
	return e.Path + "：" + bilingual.In(e.Err, lang)
}
func (e *Error) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by the Error of a file over its limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is wrapped by the Error of a path that is not a regular file
// (a folder, device, FIFO or socket).
var ErrNotRegular = errors.New("not a regular file")

// Read returns the contents of the regular file at path if it holds at most
// limit bytes. Symbolic links are followed.
func Read(path string, limit int64) ([]byte, error) {
	f, _, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may grow after the check; never read past the limit.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &Error{path, err}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return data, nil
}

// Open opens the regular file at path for streaming if it holds at most
// limit bytes, and returns its size. The caller closes the file and must
// still not trust the size for allocation beyond limit.
func Open(path string, limit int64) (*os.File, int64, error) {
	// Stat before opening: opening a FIFO blocks until a writer appears.
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, 0, &Error{path, fs.ErrNotExist}
		}
		return nil, 0, &Error{path, unwrapPath(err)}
	}
	if err := regular(path, fi, limit); err != nil {
		return nil, 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, &Error{path, unwrapPath(err)}
	}
	// Check again what was opened: the path may have changed since Stat.
	fi, err = f.Stat()
	if err == nil {
		err = regular(path, fi, limit)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, fi.Size(), nil
}

func regular(path string, fi fs.FileInfo, limit int64) error {
	switch {
	case fi.IsDir():
		return &Error{path, bilingual.Errorf("不是普通文件：这是一个文件夹", "%w: it is a folder", ErrNotRegular)}
	case !fi.Mode().IsRegular():
		return &Error{path, bilingual.Errorf("不是普通文件（而是%[2]s）", "%w (%s)", ErrNotRegular, kind(fi.Mode()))}
	case fi.Size() > limit:
		return tooLarge(path, fi.Size(), limit)
	}
	return nil
}

func tooLarge(path string, size, limit int64) error {
	return &Error{path, bilingual.Errorf("文件太大：%[2]s，超过这类文件%[3]s的上限", "%w: %s, over the %s limit for this kind of file", ErrTooLarge, Size(size), Size(limit))}
}

func kind(m fs.FileMode) bilingual.Text {
	switch {
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return bilingual.Text{ZH: "设备", EN: "a device"}
	case m&fs.ModeNamedPipe != 0:
		return bilingual.Text{ZH: "命名管道", EN: "a named pipe"}
	case m&fs.ModeSocket != 0:
		return bilingual.Text{ZH: "套接字", EN: "a socket"}
	}
	return bilingual.Text{ZH: m.Type().String(), EN: m.Type().String()}
}

// Size formats a byte count for messages: "10 MB", "1.5 GB", "512 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<30:
		return trim(float64(n)/(1<<30)) + " GB"
	case n >= 1<<20:
		return trim(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return trim(float64(n)/(1<<10)) + " KB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trim(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
