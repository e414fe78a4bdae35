package main

import (
	"regexp"
	"strconv"
	"strings"

	"fyp/model"
)

// sectionPart is one 第N篇, 第N章 or 第N节 of a section reference, N in Chinese
// numerals or digits.
var sectionPart = regexp.MustCompile(`第([〇零一二两三四五六七八九十百0-9]+)([篇章节])`)

// sectionLabel renders a section reference in lang: 第一章第四节 stays as
// printed in Chinese and is "Ch. 1 §4" in English (第一篇第三章第二节:
// "Part 1 Ch. 3 §2"). A reference it cannot read is shown as printed,
// quoted in English.
func sectionLabel(s, lang string) string {
	if lang != "en" || s == "" {
		return s
	}
	ok := true
	out := sectionPart.ReplaceAllStringFunc(s, func(m string) string {
		sub := sectionPart.FindStringSubmatch(m)
		n, good := chineseNumber(sub[1])
		if !good {
			ok = false
			return m
		}
		switch sub[2] {
		case "篇":
			return " Part " + strconv.Itoa(n)
		case "章":
			return " Ch. " + strconv.Itoa(n)
		}
		return " §" + strconv.Itoa(n)
	})
	out = strings.Join(strings.Fields(strings.ReplaceAll(out, "，", ", ")), " ")
	if !ok || model.QuoteSource(lang, out) != out {
		return model.QuoteSource(lang, s)
	}
	return out
}

// chineseNumber reads a number below 1000 written in Chinese numerals
// (四, 十二, 二十, 一百零五) or in digits.
func chineseNumber(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	digit := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range s {
		switch {
		case r == '百':
			total += max(cur, 1) * 100
			cur = -1
		case r == '十':
			total += max(cur, 1) * 10
			cur = -1
		default:
			d, ok := digit[r]
			if !ok {
				return 0, false
			}
			cur = max(cur, 0) + d
		}
	}
	return total + max(cur, 0), total > 0 || cur >= 0
}
