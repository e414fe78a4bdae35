package outdir

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Names fyp keeps for itself in an output folder.
const (
	// ManifestName is the file listing what fyp wrote in the folder.
	ManifestName = ".fyp-manifest.json"
	// LegacyMarker marks a folder written by fyp before the manifest.
	LegacyMarker = ".fyp-output"
	lockName     = ".fyp-lock"
	tempPrefix   = ".fyp-tmp-"
)

// manifestLimit bounds the manifest fyp reads back: a listing of a few
// hundred files is a few tens of kilobytes.
const manifestLimit = 8 << 20

// entry is one file fyp wrote.
type entry struct {
	Path    string    `json:"path"`    // slash-separated, inside the folder
	Command string    `json:"command"` // the fyp command that wrote it
	Size    int64     `json:"size"`    // bytes
	SHA256  string    `json:"sha256"`  // hex
	Written time.Time `json:"written"` // UTC
}

// manifest is the content of ManifestName.
type manifest struct {
	Format int     `json:"fyp_manifest"`
	Note   string  `json:"note"`
	Files  []entry `json:"files"`
}

const manifestNote = "fyp wrote the files listed here. A later fyp replaces or removes only these, and only while they are unchanged; every other file in this folder is left alone."

// readManifest reads the manifest at path; ok is false if there is none.
func readManifest(path string) (m manifest, ok bool, err error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, false, nil
	}
	if err != nil {
		return m, false, err
	}
	if !fi.Mode().IsRegular() {
		return m, false, fmt.Errorf("%s is not a regular file", filepath.Base(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return m, false, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, manifestLimit+1))
	if err != nil {
		return m, false, err
	}
	if len(data) > manifestLimit {
		return m, false, fmt.Errorf("%s is over %d MB", filepath.Base(path), manifestLimit>>20)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, false, fmt.Errorf("%s: %v", filepath.Base(path), err)
	}
	if m.Format != 1 {
		return m, false, fmt.Errorf("%s: unknown format %d", filepath.Base(path), m.Format)
	}
	for _, e := range m.Files {
		if err := checkName(e.Path); err != nil {
			return m, false, fmt.Errorf("%s: %v", filepath.Base(path), err)
		}
	}
	return m, true, nil
}

// writeManifest writes m to path (a new file inside the temporary folder).
func writeManifest(path string, entries map[string]entry) error {
	m := manifest{Format: 1, Note: manifestNote}
	for _, e := range entries {
		m.Files = append(m.Files, e)
	}
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	_, err = writeSynced(path, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	}, nil)
	return err
}

// checkName refuses a path that leaves the folder or takes a name fyp keeps
// for itself. Paths come from the commands and from a manifest on disk,
// which anyone can edit: a listed "../x" must never be removed.
func checkName(name string) error {
	if name == "" || strings.Contains(name, `\`) || !filepath.IsLocal(filepath.FromSlash(name)) || cleanName(name) != name {
		return fmt.Errorf("%q is not a plain path inside the folder", name)
	}
	first, _, _ := strings.Cut(name, "/")
	if first == ManifestName || first == LegacyMarker || first == lockName || strings.HasPrefix(first, tempPrefix) {
		return fmt.Errorf("%q is a name fyp keeps for itself", name)
	}
	return nil
}

// cleanName cleans a slash-separated name the way checkName expects it written.
func cleanName(name string) string {
	return filepath.ToSlash(filepath.Clean(filepath.FromSlash(name)))
}

// hashFile returns the size and SHA-256 of the regular file at p.
func hashFile(p string) (int64, string, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}
