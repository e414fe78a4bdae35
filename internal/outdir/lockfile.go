package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tryLockFile locks dir by creating .fyp-lock holding this process's pid.
// A lock file whose process is gone, or which is older than staleAge, was
// left by a writer that was killed and is taken over.
func tryLockFile(dir string) (unlock func(), busy bool, err error) {
	p := filepath.Join(dir, lockName)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			_, werr := f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(p)
				return nil, false, werr
			}
			return func() { os.Remove(p) }, false, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, false, err
		}
		if !staleLock(p) {
			return nil, true, nil
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, false, err
		}
	}
	return nil, true, nil
}

func staleLock(p string) bool {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 64 {
		return false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	return err == nil && (!alive(pid) || time.Since(fi.ModTime()) > staleAge)
}
