package yamlcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxAliases bounds alias use so that an "alias bomb" (a few lines that
// expand to billions of nodes) is refused before it is expanded.
const MaxAliases = 100

var (
	yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// A key typed with a full-width colon, at the start of a line or after
	// a flow separator: "gdp：{…}", "{rule： compound}".
	fullColon = regexp.MustCompile(`(^\s*(- )?|[{,]\s*)[A-Za-z_][A-Za-z0-9_.]*\s*(：)`)
	// A full-width comma between flow entries: "{rule: compound， rate: 6}".
	fullComma = regexp.MustCompile(`(，)\s*[A-Za-z_][A-Za-z0-9_]*\s*[:：]`)
)

// Parse reads data (the contents of file) as one YAML document and returns
// its root mapping. Before parsing it refuses what YAML itself would report
// badly or not at all: an empty file, bytes that are not UTF-8, tabs in
// indentation, full-width punctuation typed by a Chinese input method where
// YAML expects ':' or ',', and aliases beyond MaxAliases.
func Parse(file string, data []byte) (*yaml.Node, Problems) {
	var ps Problems
	add := func(line, col int, zh, en string) {
		ps = append(ps, Problem{File: file, Line: line, Col: col, Msg: en, MsgZH: zh})
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		add(0, 0, "文件是空的", "the file is empty")
		return nil, ps
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		add(line, 0, "文件不是UTF-8文本（请另存为UTF-8）", "the file is not UTF-8 text (save it as UTF-8)")
		return nil, ps
	}
	if bytes.IndexByte(data, 0) >= 0 {
		add(0, 0, "文件不是文本（含有NUL字节）", "the file is not text (it contains NUL bytes)")
		return nil, ps
	}
	for i, line := range strings.Split(string(data), "\n") {
		code := stripComment(line)
		indent := len(code) - len(strings.TrimLeft(code, " \t"))
		if j := strings.IndexByte(code[:indent], '\t'); j >= 0 {
			add(i+1, j+1, "缩进中有制表符；YAML只能用空格缩进", "a tab in the indentation; YAML indents with spaces only")
		}
		if m := fullColon.FindStringSubmatchIndex(code); m != nil {
			add(i+1, utf8.RuneCountInString(code[:m[6]])+1, "键后用了全角冒号“：”；请输入半角“:”并加一个空格", "full-width colon '：' after a key; type an ASCII ':' followed by a space")
		}
		if m := fullComma.FindStringSubmatchIndex(code); m != nil && strings.ContainsAny(code, "{[") {
			add(i+1, utf8.RuneCountInString(code[:m[2]])+1, "条目之间用了全角逗号“，”；请输入半角“,”", "full-width comma '，' between entries; type an ASCII ','")
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	if n := bytes.Count(data, []byte("*")); n > MaxAliases {
		if aliases := countAliases(data); aliases > MaxAliases {
			add(0, 0, fmt.Sprintf("文件用了%d个别名（*name），最多允许%d个", aliases, MaxAliases), fmt.Sprintf("the file uses %d aliases (*name); at most %d are allowed", aliases, MaxAliases))
			return nil, ps
		}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		add(0, 0, "文件是空的（只有注释）", "the file is empty (it holds only comments)")
		return nil, ps
	} else if err != nil {
		line, msg := 0, err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		add(line, 0, "YAML语法错误："+syntaxZH(msg), "YAML syntax error: "+msg)
		return nil, ps
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		add(extra.Line, 0, "出现第二个YAML文档（'---'）；一个文件只能有一个", "a second YAML document ('---'); a file holds one")
		return nil, ps
	}
	if len(doc.Content) == 0 {
		add(0, 0, "文件是空的", "the file is empty")
		return nil, ps
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		add(root.Line, root.Column, "顶层应为键值映射（键: 值）", "expected a mapping of keys (key: value) at the top")
		return nil, ps
	}
	return root, nil
}

// yamlWords are yaml.v3's commonest syntax messages in Chinese.
var yamlWords = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^did not find expected (.+) or (.+)$`), "缺少预期的${1}或${2}"},
	{regexp.MustCompile(`^did not find expected key$`), "缺少预期的键"},
	{regexp.MustCompile(`^did not find expected (.+)$`), "缺少预期的${1}"},
	{regexp.MustCompile(`^could not find expected ':'$`), "缺少预期的“:”（键后要有冒号和空格）"},
	{regexp.MustCompile(`^mapping values are not allowed in this context$`), "此处不能出现“键: 值”（多半是缩进不对，或值里的冒号需要加引号）"},
	{regexp.MustCompile(`^found character that cannot start any token$`), "出现了不能作为开头的字符（值里的特殊字符需要加引号）"},
	{regexp.MustCompile(`^found unknown escape character$`), "出现了未知的转义字符"},
	{regexp.MustCompile(`^found undefined alias (.*)$`), "用了未定义的别名${1}"},
	{regexp.MustCompile(`^block sequence entries are not allowed in this context$`), "此处不能出现列表项（“- ”）"},
	{regexp.MustCompile(`^found unexpected end of stream$`), "文件意外结束（引号或括号没有闭合）"},
	{regexp.MustCompile(`^found a tab character that violates indentation$`), "制表符破坏了缩进"},
}

// syntaxZH is a yaml.v3 syntax message in Chinese, or as it is when it is
// not among yamlWords.
func syntaxZH(msg string) string {
	for _, w := range yamlWords {
		if w.re.MatchString(msg) {
			return w.re.ReplaceAllString(msg, w.zh)
		}
	}
	return msg
}

// countAliases counts alias nodes by tokenizing lightly: '*' followed by an
// anchor name outside quotes and comments.
func countAliases(data []byte) int {
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		code := stripComment(line)
		inQ := rune(0)
		rs := []rune(code)
		for i, r := range rs {
			switch {
			case inQ != 0:
				if r == inQ {
					inQ = 0
				}
			case r == '"' || r == '\'':
				inQ = r
			case r == '*' && i+1 < len(rs) && rs[i+1] != ' ' && (i == 0 || strings.ContainsRune(" [{,:-", rs[i-1])):
				n++
			}
		}
	}
	return n
}

// stripComment removes a '#' comment that stands outside quotes.
func stripComment(line string) string {
	inQ := rune(0)
	for i, r := range line {
		switch {
		case inQ != 0:
			if r == inQ {
				inQ = 0
			}
		case r == '"' || r == '\'':
			inQ = r
		case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}
