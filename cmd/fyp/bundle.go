package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// marker names the file fyp leaves in every folder it writes, so that it
// replaces its own earlier output but never a folder it did not write.
const marker = ".fyp-output"

// bundle is a set of files to write together.
type bundle map[string]func(io.Writer) error

// write renders every file into a temporary folder beside dir and renames
// it into place only when all succeeded: an interrupted or failed run
// leaves the previous output untouched and no half-written file.
func (b bundle) write(dir string, force bool) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return badInput("--out %s: exists and is not a folder", dir)
		}
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil && !force && !emptyDir(dir) {
			return badInput("--out %s: the folder exists and was not written by fyp; choose another or add --force", dir)
		}
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	names := make([]string, 0, len(b))
	for name := range b {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := writeFile(filepath.Join(tmp, name), b[name]); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, marker), []byte("written by fyp; `fyp run` replaces this folder\n"), 0o644); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func writeFile(path string, render func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := render(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func emptyDir(dir string) bool {
	entries, err := os.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// withBOM prefixes a UTF-8 byte-order mark so that Excel shows Chinese text
// in a CSV file correctly.
func withBOM(render func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return render(w)
	}
}
