// Package seeds holds the plans fyp ships, embedded in the binary, and reads
// plan files (embedded or a user's own) into model values, reporting every
// problem with its file, line and key.
package seeds

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/model"
)

//go:embed *.yaml
var files embed.FS

// Default is the id of the plan fyp uses when none is named.
const Default = "jiangjin-14"

// IDs lists the embedded plans.
func IDs() []string {
	entries, _ := fs.Glob(files, "*.yaml")
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = strings.TrimSuffix(e, ".yaml")
	}
	sort.Strings(ids)
	return ids
}

// Source returns the YAML of an embedded plan.
func Source(id string) ([]byte, error) {
	return files.ReadFile(id + ".yaml")
}

// ErrNotFound is returned (wrapped) for a plan that is neither embedded nor
// a readable file.
var ErrNotFound = errors.New("no such plan")

// Load reads a plan by embedded id or file path, and its previous plan (by
// id, among the embedded plans or beside the file) when it names one.
func Load(ref string) (*model.Plan, error) {
	if ref == "" {
		ref = Default
	}
	p, err := loadOne(ref)
	if err != nil {
		return nil, err
	}
	if p.PreviousID != "" {
		prevRef := p.PreviousID
		if isFile(ref) {
			if cand := filepath.Join(filepath.Dir(ref), p.PreviousID+".yaml"); fileExists(cand) {
				prevRef = cand
			}
		}
		prev, err := loadOne(prevRef)
		if err != nil {
			return nil, bilingual.Errorf("规划%s指定的上一期规划%q：%v", "plan %s names previous plan %q: %w", ref, p.PreviousID, err)
		}
		p.Previous = prev
	}
	return p, nil
}

func loadOne(ref string) (*model.Plan, error) {
	if data, err := Source(ref); err == nil {
		return Parse("seeds/"+ref+".yaml", data) // its place in the source, in no language
	}
	if !isFile(ref) {
		return nil, bilingual.Errorf("没有这个规划：%[2]q既不是内置规划（%[3]s），也不是.yaml文件", "%w: %q is not an embedded plan (%s) nor a .yaml file", ErrNotFound, ref, strings.Join(IDs(), ", "))
	}
	data, err := inputfile.Read(ref, inputfile.YAMLLimit)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, bilingual.Errorf("没有这个规划：%[2]s：找不到文件", "%w: %s: file not found", ErrNotFound, ref)
		}
		return nil, err
	}
	return Parse(ref, data)
}

func isFile(ref string) bool {
	return strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") || strings.ContainsRune(ref, os.PathSeparator)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
