package outdir

import (
	"bufio"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// staleAge is the age after which a temporary folder counts as abandoned
// even if a process with its pid runs (the pid may have been reused, or
// the writer ran on another machine sharing the folder). A write takes
// seconds.
const staleAge = time.Hour

// newTemp makes this process's temporary folder inside dir:
// .fyp-tmp-PID-RANDOM.
func newTemp(dir string) (string, error) {
	return os.MkdirTemp(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-")
}

// tempPID returns the pid in a temporary folder's name; ok is false for any
// name fyp did not make.
func tempPID(name string) (pid int, ok bool) {
	rest, found := strings.CutPrefix(name, tempPrefix)
	if !found {
		return 0, false
	}
	p, n, found := strings.Cut(rest, "-")
	if !found || !digits(p) || !digits(n) {
		return 0, false
	}
	pid, err := strconv.Atoi(p)
	return pid, err == nil && pid > 0
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// removeStale removes the temporary folders in dir left by writers that
// died, and returns the manifests they were about to put in place (so
// that files they had already renamed are still recognised as fyp's) and
// the names removed. It runs under the folder's lock, so no live writer on
// this machine owns them; it takes only real folders named as newTemp names
// them whose process is gone or which are older than staleAge.
func removeStale(dir string, now time.Time) (pending []entry, removed []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, de := range entries {
		pid, ok := tempPID(de.Name())
		if !ok || !de.IsDir() { // IsDir does not follow links
			continue
		}
		info, err := de.Info()
		if err != nil {
			continue
		}
		if alive(pid) && now.Sub(info.ModTime()) < staleAge {
			continue
		}
		p := filepath.Join(dir, de.Name())
		if m, ok, err := readManifest(filepath.Join(p, ManifestName)); err == nil && ok {
			pending = append(pending, m.Files...)
		}
		if err := os.RemoveAll(p); err != nil {
			return pending, removed, fmt.Errorf("removing fyp's stale temporary folder %s: %w", de.Name(), err)
		}
		removed = append(removed, de.Name())
	}
	return pending, removed, nil
}

// ownTemp reports whether name is a temporary folder of some fyp (stale
// or not): never counted among the user's files.
func ownTemp(de os.DirEntry) bool {
	_, ok := tempPID(de.Name())
	return ok && de.IsDir()
}

// writeSynced creates the new file p, renders into it (and into h if not
// nil), and flushes it to disk before closing, so that a rename that puts
// it in place never exposes a file shorter than what was rendered.
// It returns the number of bytes written.
func writeSynced(p string, render func(io.Writer) error, h hash.Hash) (int64, error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return 0, err
	}
	cw := &counter{w: f}
	var w io.Writer = cw
	if h != nil {
		w = io.MultiWriter(cw, h)
	}
	bw := bufio.NewWriter(w)
	if err := render(bw); err != nil {
		f.Close()
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return 0, err
	}
	return cw.n, f.Close()
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// syncDir flushes a folder's entries (the renames) to disk where the
// system allows it; a failure only weakens durability after a power cut.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
