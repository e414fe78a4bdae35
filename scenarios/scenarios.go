package scenarios

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

//go:embed *.yaml
var files embed.FS

// Shipped is the order in which the shipped scenarios are listed and run.
var Shipped = []string{"baseline", "trend", "high", "low", "shock", "doubling2035"}

// ErrNotFound is returned (wrapped) for a scenario that is neither shipped
// nor a readable file.
var ErrNotFound = errors.New("no such scenario")

// IDs lists the shipped scenarios in their documented order.
func IDs() []string {
	entries, _ := fs.Glob(files, "*.yaml")
	have := map[string]bool{}
	for _, e := range entries {
		have[strings.TrimSuffix(e, ".yaml")] = true
	}
	var ids []string
	for _, id := range Shipped {
		if have[id] {
			ids = append(ids, id)
			delete(have, id)
		}
	}
	var rest []string
	for id := range have {
		rest = append(rest, id)
	}
	sort.Strings(rest)
	return append(ids, rest...)
}

// Source returns the YAML of a shipped scenario.
func Source(id string) ([]byte, error) {
	return files.ReadFile(id + ".yaml")
}

// Result is a resolved scenario with the warnings its files produced
// (printed as footnotes; they do not stop a run).
type Result struct {
	Scenario    *model.Scenario
	Description string
	File        string // where the scenario came from (a path, or "scenarios/ID.yaml", where a shipped one lives in the source)
	Warnings    yamlcheck.Problems
}

// Load reads a scenario by shipped id or file path and resolves it against
// plan p. Problems with the files come back as yamlcheck.Problems.
func Load(ref string, p *model.Plan) (*Result, error) {
	l := &loader{plan: p, cache: map[string]*spec{}}
	return l.load(ref)
}

// LoadAll loads every ref (as Load does), collecting the problems of all of
// them before failing. Duplicate names are refused.
func LoadAll(refs []string, p *model.Plan) ([]*Result, error) {
	l := &loader{plan: p, cache: map[string]*spec{}}
	var out []*Result
	var all yamlcheck.Problems
	seen := map[string]string{}
	for _, ref := range refs {
		r, err := l.load(ref)
		if err != nil {
			var ps yamlcheck.Problems
			if errors.As(err, &ps) {
				all = append(all, ps...)
				continue
			}
			return nil, err
		}
		if prev, dup := seen[r.Scenario.Name]; dup {
			all = append(all, yamlcheck.Problem{File: r.File, Key: "name", Msg: fmt.Sprintf("scenario name %q is also used by %s; names must differ", r.Scenario.Name, prev),
				MsgZH: fmt.Sprintf("情景名称%q与%s重名；名称须各不相同", r.Scenario.Name, prev)})
			continue
		}
		seen[r.Scenario.Name] = r.File
		out = append(out, r)
	}
	if len(all) > 0 {
		return nil, all
	}
	return out, nil
}

// Check parses and resolves a scenario file's contents without running
// anything else: what `fyp validate` does. file is the name shown in
// messages and the directory against which `extends` paths are read.
func Check(file string, data []byte, p *model.Plan) (*Result, error) {
	l := &loader{plan: p, cache: map[string]*spec{}}
	sp, err := l.parse(file, data)
	if err != nil {
		return nil, err
	}
	sp.key = filepath.Clean(file)
	return l.resolve(sp)
}

// Looks reports whether data looks like a scenario file rather than a plan:
// it has `assumptions`, `extends` or `uncertainty` at the top, or a `name`
// and no `indicators`.
func Looks(data []byte) bool {
	has := func(k string) bool {
		return bytes.HasPrefix(data, []byte(k+":")) || bytes.Contains(data, []byte("\n"+k+":"))
	}
	if has("indicators") {
		return false
	}
	return has("assumptions") || has("extends") || has("uncertainty") || has("shocks") || has("name")
}

// isFile reports whether ref names a file rather than a shipped id.
func isFile(ref string) bool {
	return strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") || strings.ContainsRune(ref, '/') || strings.ContainsRune(ref, os.PathSeparator)
}

// read returns a scenario's bytes and the name to show for it.
func read(ref string) (name string, data []byte, err error) {
	if !isFile(ref) {
		data, err := Source(ref)
		if err != nil {
			return "", nil, bilingual.Errorf("没有这个情景：%[2]q既不是内置情景（%[3]s），也不是.yaml文件", "%w: %q is not a shipped scenario (%s) nor a .yaml file", ErrNotFound, ref, strings.Join(IDs(), ", "))
		}
		// named by its place in the source, in no language: a message in
		// Chinese said "baseline.yaml (shipped)"
		return "scenarios/" + ref + ".yaml", data, nil
	}
	data, err = inputfile.Read(ref, inputfile.YAMLLimit)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", nil, bilingual.Errorf("没有这个情景：%[2]s：找不到文件", "%w: %s: file not found", ErrNotFound, ref)
		}
		return "", nil, err
	}
	return filepath.Clean(ref), data, nil
}
