package yamlcheck

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"fyp/internal/bilingual"
)

// Walker decodes a yaml.Node tree by hand, recording every problem with its
// line and key path instead of stopping at the first.
type Walker struct {
	File     string
	Problems Problems
}

// Errorf records a problem at node n (which may be nil) and key path,
// worded in Chinese (zh) and English (en) from the same args (see
// bilingual.Sprintf).
func (w *Walker) Errorf(n *yaml.Node, key, zh, en string, args ...any) {
	p := Problem{File: w.File, Key: key, Msg: bilingual.Sprintf("en", zh, en, args...), MsgZH: bilingual.Sprintf("zh", zh, en, args...)}
	if n != nil {
		p.Line, p.Col = n.Line, n.Column
	}
	w.Problems = append(w.Problems, p)
}

// Join appends key to a dotted path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// IsNull reports whether n is absent or an explicit null.
func IsNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// Fields checks that n is a mapping whose keys are all among allowed (a nil
// allowed accepts any key), reports unknown keys with the nearest allowed
// one and duplicated keys, and returns the value node of each key.
func (w *Walker) Fields(n *yaml.Node, path string, allowed []string) map[string]*yaml.Node {
	n = resolve(n)
	out := map[string]*yaml.Node{}
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		w.Errorf(n, path, "应为映射（键: 值），实为%s", "expected a mapping (key: value), got %s", describe(n))
		return out
	}
	keyLine := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if prev, dup := keyLine[key]; dup {
			w.Errorf(k, Join(path, key), "键重复（首次出现在第%d行）", "duplicate key (first given at line %d)", prev)
			continue
		}
		keyLine[key] = k.Line
		if allowed != nil && !contains(allowed, key) {
			w.Errorf(k, Join(path, key), "未知的键%q%s（允许：%s）", "unknown key %q%s (allowed: %s)", key, Hint(key, allowed), strings.Join(allowed, ", "))
			continue
		}
		out[key] = v
	}
	return out
}

// Pairs returns a mapping's keys and values in file order (for maps whose
// keys are data, such as indicator ids), reporting duplicates.
func (w *Walker) Pairs(n *yaml.Node, path string) (keys []*yaml.Node, vals []*yaml.Node) {
	n = resolve(n)
	if n == nil || IsNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		w.Errorf(n, path, "应为映射（键: 值），实为%s", "expected a mapping (key: value), got %s", describe(n))
		return nil, nil
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if prev, dup := seen[k.Value]; dup {
			w.Errorf(k, Join(path, k.Value), "键重复（首次出现在第%d行）", "duplicate key (first given at line %d)", prev)
			continue
		}
		seen[k.Value] = k.Line
		keys = append(keys, k)
		vals = append(vals, resolve(n.Content[i+1]))
	}
	return keys, vals
}

// Seq returns the items of a sequence (nil for an absent or null node).
func (w *Walker) Seq(n *yaml.Node, path string) []*yaml.Node {
	n = resolve(n)
	if IsNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		w.Errorf(n, path, "应为列表，实为%s", "expected a list, got %s", describe(n))
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = resolve(c)
	}
	return out
}

// String returns a scalar's text ("" for an absent node).
func (w *Walker) String(n *yaml.Node, path string) string {
	n = resolve(n)
	if IsNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		w.Errorf(n, path, "应为文字，实为%s", "expected text, got %s", describe(n))
		return ""
	}
	if i := strings.IndexFunc(n.Value, invisible); i >= 0 {
		r, _ := utf8.DecodeRuneInString(n.Value[i:])
		w.Errorf(n, path, "文字中有不可见的控制字符U+%04X（第%d个字符）；请删去", "the text holds the invisible control character U+%04X (character %d); delete it", r, utf8.RuneCountInString(n.Value[:i])+1)
		return ""
	}
	return n.Value
}

// invisible reports a character no plan's text holds and that a table,
// chart or terminal would not show as written: a control character other
// than tab and line breaks (as a YAML escape, "\x01"), or a bidirectional
// override or isolate (U+202E turns the rest of a line round on screen).
func invisible(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	}
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// Float returns a number; ok is false for an absent or null node, or when
// the value is not a number (which is reported).
func (w *Walker) Float(n *yaml.Node, path string) (v float64, ok bool) {
	n = resolve(n)
	if IsNull(n) {
		return 0, false
	}
	_, err := strconv.ParseFloat(n.Value, 64)
	tooLarge := errors.Is(err, strconv.ErrRange) && strings.ContainsAny(n.Value, "eE") && !strings.Contains(n.Value, "e-") && !strings.Contains(n.Value, "E-")
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") && !tooLarge {
		w.Errorf(n, path, "应为数字，实为%s", "expected a number, got %s", describe(n))
		return 0, false
	}
	v, err = strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	switch {
	case tooLarge || errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0):
		w.Errorf(n, path, "数字%q太大，超出范围", "the number %q is too large", n.Value)
		return 0, false
	case nonDecimal.MatchString(n.Value):
		w.Errorf(n, path, "不接受十六进制、八进制和二进制数%q；请写十进制数", "%q: hexadecimal, octal and binary numbers are not accepted; write it in decimal", n.Value)
		return 0, false
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		w.Errorf(n, path, "应为有限的数字，实为%q", "expected a finite number, got %q", n.Value)
		return 0, false
	}
	return v, true
}

// nonDecimal is a YAML integer in another base: 0x1F, 0o17, 0b101.
var nonDecimal = regexp.MustCompile(`^[-+]?0[xXoObB]`)

// Int returns a whole number, as Float does.
func (w *Walker) Int(n *yaml.Node, path string) (int, bool) {
	n = resolve(n)
	if IsNull(n) {
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		w.Errorf(n, path, "应为整数，实为%s", "expected a whole number, got %s", describe(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil || v > 1e6 || v < -1e6 {
		w.Errorf(n, path, "应为大小合理的整数，实为%q", "expected a whole number of sensible size, got %q", n.Value)
		return 0, false
	}
	return v, true
}

// OneOf returns a scalar that must be one of choices ("" when absent).
func (w *Walker) OneOf(n *yaml.Node, path string, choices []string) string {
	s := w.String(n, path)
	if s != "" && !contains(choices, s) {
		w.Errorf(n, path, "%q不是可选值（%s）之一%s", "%q is not one of %s%s", s, strings.Join(choices, ", "), Hint(s, choices))
		return ""
	}
	return s
}

// Require reports a missing key.
func (w *Walker) Require(fields map[string]*yaml.Node, parent *yaml.Node, path string, keys ...string) {
	for _, k := range keys {
		if IsNull(fields[k]) {
			w.Errorf(parent, Join(path, k), "缺失（必填）", "missing (required)")
		}
	}
}

func describe(n *yaml.Node) bilingual.Text {
	switch n.Kind {
	case yaml.MappingNode:
		return bilingual.Text{ZH: "映射", EN: "a mapping"}
	case yaml.SequenceNode:
		return bilingual.Text{ZH: "列表", EN: "a list"}
	case yaml.ScalarNode:
		q := fmt.Sprintf("%q", n.Value)
		return bilingual.Text{ZH: q, EN: q}
	}
	return bilingual.Text{ZH: "其他内容", EN: "something else"}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
