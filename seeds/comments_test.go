package seeds

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// proseKeys hold free text; a comment after one of them is never meant as a
// comment: it is the rest of the text, cut off by YAML.
var proseKeys = map[string]bool{
	"note": true, "quote": true, "text": true, "text_en": true, "source": true,
	"name": true, "name_en": true, "group": true, "group_en": true, "box": true,
	"description": true, "description_en": true, "title": true, "zh": true, "en": true,
}

// TestNoValueCutByComment walks every shipped YAML file (the plans here and the
// scenarios) and fails on a plain scalar that YAML cut at " #": the plan's
// 13th-period notes wrote "its # sub-row", and YAML read the note as "Row 17
// with its". A value is taken as cut when its line continues with " #" right
// after it (a comment meant as such is set off by two spaces or more, as in the
// scenarios), or when a prose key (note, quote, text …) carries a line comment.
func TestNoValueCutByComment(t *testing.T) {
	var files []string
	for _, glob := range []string{"*.yaml", "../scenarios/*.yaml"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 8 {
		t.Fatalf("found %d shipped YAML files, want the 2 plans and 6 scenarios: %v", len(files), files)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cutValues(src) {
			t.Errorf("%s:%s", file, p)
		}
	}
}

// cutValues returns "LINE: key: value" for every plain scalar cut by a comment.
func cutValues(src []byte) []string {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return []string{"0: " + err.Error()}
	}
	lines := strings.Split(string(src), "\n")
	var out []string
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i], "")
				walk(n.Content[i+1], n.Content[i].Value)
			}
		case yaml.ScalarNode:
			if n.Style != 0 || n.LineComment == "" || n.Line < 1 || n.Line > len(lines) {
				return
			}
			line := lines[n.Line-1]
			if strings.Contains(line, n.Value+" #") || proseKeys[key] {
				out = append(out, fmt.Sprintf("%d: %s: %q cut by %q", n.Line, key, n.Value, n.LineComment))
			}
		}
	}
	walk(&doc, "")
	return out
}

// TestCutValuesCatches proves the check itself on small cases, so that it
// cannot pass by never looking.
func TestCutValuesCatches(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"one space before # cuts the note", "note: Row 17 with its # sub-row listed\n", 1},
		{"one space before # in a sequence item", "a:\n  - {x: The # sub-row}\n", 1},
		{"a prose key never carries a comment", "note: a sentence  # more of it\n", 1},
		{"a quoted value keeps its #", "note: \"Row 17 with its # sub-row\"\n", 0},
		{"a comment set off by two spaces", "seed: 20210609            # the date\n", 0},
		{"a comment after a flow mapping", "gdp: {sd: 1.5, rho: 0.4}   # pp\n", 0},
		{"a # inside a word is no comment", "note: C#minor\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutValues([]byte(tt.src)); len(got) != tt.want {
				t.Errorf("cutValues(%q) = %q, want %d finding(s)", tt.src, got, tt.want)
			}
		})
	}
}
