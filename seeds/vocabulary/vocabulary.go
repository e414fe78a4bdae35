// Package vocabulary maps the names plans use for an indicator (地区生产总值,
// GDP, 国内生产总值 …) to fyp's ids, so that the same concept keeps the same
// id across plans and an extracted plan works with historical paces,
// scenarios and charts. The shipped list is vocabulary.tsv beside this file;
// it is not a plan (package seeds embeds only the *.yaml of its own folder).
package vocabulary

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed vocabulary.tsv
var shipped []byte

// Entry is one concept.
type Entry struct {
	ID        string
	Unit      string // unit of the level series
	UnitEN    string
	Direction string // up or down
	Path      string // compound or linear
	Bounds    []float64
	NameEN    string
	Names     []string // Chinese names, the usual one first
}

// Vocabulary is a list of entries with a lookup by name.
type Vocabulary struct {
	Entries []Entry
	byID    map[string]int
}

var (
	once sync.Once
	def  *Vocabulary
)

// Default returns the shipped vocabulary.
func Default() *Vocabulary {
	once.Do(func() {
		v, err := Parse(shipped)
		if err != nil {
			panic("vocabulary: the shipped vocabulary.tsv is broken: " + err.Error())
		}
		def = v
	})
	return def
}

// Parse reads a vocabulary in the format of vocabulary.tsv.
func Parse(data []byte) (*Vocabulary, error) {
	v := &Vocabulary{byID: map[string]int{}}
	header := false
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			header = true
			if f[0] == "id" {
				continue
			}
		}
		if len(f) != 8 {
			return nil, fmt.Errorf("line %d: %d columns, want 8", i+1, len(f))
		}
		e := Entry{ID: f[0], Unit: f[1], UnitEN: f[2], Direction: f[3], Path: f[4], NameEN: f[6], Names: strings.Split(f[7], "|")}
		if f[5] != "" {
			for _, s := range strings.Split(f[5], ",") {
				b, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return nil, fmt.Errorf("line %d: bounds %q: %v", i+1, f[5], err)
				}
				e.Bounds = append(e.Bounds, b)
			}
			if len(e.Bounds) != 2 {
				return nil, fmt.Errorf("line %d: bounds %q: want low,high", i+1, f[5])
			}
		}
		if _, dup := v.byID[e.ID]; dup {
			return nil, fmt.Errorf("line %d: duplicate id %q", i+1, e.ID)
		}
		if e.Direction != "up" && e.Direction != "down" {
			return nil, fmt.Errorf("line %d: direction %q, want up or down", i+1, e.Direction)
		}
		v.byID[e.ID] = len(v.Entries)
		v.Entries = append(v.Entries, e)
	}
	return v, nil
}

// ByID returns the entry of an id.
func (v *Vocabulary) ByID(id string) (Entry, bool) {
	i, ok := v.byID[id]
	if !ok {
		return Entry{}, false
	}
	return v.Entries[i], true
}

// Find returns the entry with the longest name found in text, and that name.
// A name equal to the whole text wins over any other.
func (v *Vocabulary) Find(text string) (Entry, string, bool) {
	best, bestName, found := Entry{}, "", false
	for _, e := range v.Entries {
		for _, n := range e.Names {
			if n == text {
				return e, n, true
			}
			if utf8.RuneCountInString(n) > utf8.RuneCountInString(bestName) && strings.Contains(text, n) {
				best, bestName, found = e, n, true
			}
		}
	}
	return best, bestName, found
}
