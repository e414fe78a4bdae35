package main

import "testing"

func TestSectionLabel(t *testing.T) {
	tests := []struct {
		in, lang, want string
	}{
		{"第一章第四节", "en", "Ch. 1 §4"},
		{"第十章第三节", "en", "Ch. 10 §3"},
		{"第十二章第五节", "en", "Ch. 12 §5"},
		{"第二十一章", "en", "Ch. 21"},
		{"第一百零五章第二节", "en", "Ch. 105 §2"},
		{"第一章第四节，第三章第一节", "en", "Ch. 1 §4, Ch. 3 §1"},
		{"第3章第2节", "en", "Ch. 3 §2"},
		{"第一章第四节", "zh", "第一章第四节"},
		{"第一篇第三章第二节", "en", "Part 1 Ch. 3 §2"},
		// What it cannot read is the plan's own words: quoted in English.
		{"附表", "en", "“附表”"},
		{"第一章附表", "en", "“第一章附表”"},
		{"附表", "zh", "附表"},
		{"", "en", ""},
	}
	for _, tt := range tests {
		if got := sectionLabel(tt.in, tt.lang); got != tt.want {
			t.Errorf("sectionLabel(%q, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}
