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
		if line == 0 {
			line = syntaxLine(data, msg)
		}
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
	{regexp.MustCompile(`^did not find expected node content$`), "缺少预期的值"},
	{regexp.MustCompile(`^did not find expected whitespace or line break$`), "缺少预期的空格或换行"},
	{regexp.MustCompile(`^did not find expected comment or line break$`), "缺少预期的注释或换行"},
	{regexp.MustCompile(`^did not find expected '-' indicator$`), "缺少预期的列表项“- ”"},
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
	{regexp.MustCompile(`^found a tab character where an indentation space is expected$`), "应为空格缩进处出现了制表符"},
	{regexp.MustCompile(`^mapping keys are not allowed in this context$`), "此处不能出现键"},
	{regexp.MustCompile(`^control characters are not allowed$`), "含有控制字符（文件不是纯文本）"},
	{regexp.MustCompile(`^found an indentation indicator equal to 0$`), "块文本的缩进指示不能为0"},
	{regexp.MustCompile(`^unknown anchor '(.*)' referenced$`), "用了未定义的别名*${1}"},
	{regexp.MustCompile(`^exceeded max depth of (\d+)$`), "嵌套超过${1}层"},
	{regexp.MustCompile(`^found unexpected document indicator$`), "出现了意外的文档标记（“---”或“...”）"},
}

// syntaxLine finds the line of a yaml.v3 message that came without one.
// yaml.v3 leaves the line out of a scanner or parser error on the first
// line; its other messages without a line (an unknown alias, too deep a
// nesting, a control character) are located here, or left at 0.
func syntaxLine(data []byte, msg string) int {
	lineOf := func(i int) int { return 1 + bytes.Count(data[:i], []byte("\n")) }
	switch m := unknownAnchor.FindStringSubmatch(msg); {
	case m != nil:
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			return lineOf(i)
		}
		return 0
	case msg == "control characters are not allowed":
		for i, r := range string(data) {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
				return lineOf(i)
			}
		}
		return 0
	case strings.HasPrefix(msg, "exceeded max depth"), strings.Contains(msg, "alias"), strings.Contains(msg, "anchor"):
		return 0
	}
	return 1
}

var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// syntaxZH is a yaml.v3 syntax message in Chinese; a rare one not among
// yamlWords gets a general hint rather than English in a Chinese message.
func syntaxZH(msg string) string {
	for _, w := range yamlWords {
		if w.re.MatchString(msg) {
			return w.re.ReplaceAllString(msg, w.zh)
		}
	}
	return "无法解析；请检查缩进、引号和括号"
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
