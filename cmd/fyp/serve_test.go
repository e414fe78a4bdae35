package main

import (
	"fyp/internal/bilingual"

	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyp/model"
	"fyp/seeds"
	"fyp/web"
)

// TestServeSavesWhatItShows: for several slider states, the page's own
// scenario and the YAML it saves give byte-identical `fyp assess --format
// json`, the file passes `fyp validate`, and `fyp run -s FILE` writes the
// same assessment into its bundle.
func TestServeSavesWhatItShows(t *testing.T) {
	t.Parallel()
	srv, err := web.New(web.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := seeds.Load(seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	states := []web.State{
		{Plan: "jiangjin-14", Scenario: "baseline", Settings: map[string]float64{"gdp.rate": 5}},
		{Plan: "jiangjin-14", Scenario: "plan", Settings: map[string]float64{"gdp.rate": 5.3, "population.rate": 0.1647052368, "forest_coverage.step": 0.31}},
		{Plan: "jiangjin-14", Scenario: "trend", Settings: map[string]float64{"income.rate": 4.2, "urbanization_rate.step": 0.7}},
		{Plan: "jiangjin-14", Scenario: "shock"},
	}
	dir := t.TempDir()
	for i, st := range states {
		sc, yaml, err := srv.Scenario(st)
		if err != nil {
			t.Fatalf("state %d: %v", i, err)
		}
		file := filepath.Join(dir, "custom.yaml")
		if err := os.WriteFile(file, yaml, 0o644); err != nil {
			t.Fatal(err)
		}
		prs, err := projectAll(p, []*model.Scenario{sc}, 0)
		if err != nil {
			t.Fatal(err)
		}
		var page bytes.Buffer
		if err := writeAssessments(&page, prs, "main", "json", "zh"); err != nil {
			t.Fatal(err)
		}
		cli, stderr, code := fyp(t, "assess", "--format", "json", "-s", file)
		if code != 0 {
			t.Fatalf("state %d: fyp assess -s FILE: exit %d: %s\n%s", i, code, stderr, yaml)
		}
		if cli != page.String() {
			t.Errorf("state %d: fyp assess on the saved YAML differs from the page's scenario\nYAML:\n%s", i, yaml)
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(cli), &rows); err != nil || len(rows) == 0 || rows[0]["scenario"] != "custom" {
			t.Errorf("state %d: unexpected assess output: %v %.200s", i, err, cli)
		}
		pageRowsMatch(t, srv, st, rows)
		if _, stderr, code := fyp(t, "validate", file); code != 0 {
			t.Errorf("state %d: fyp validate: exit %d: %s", i, code, stderr)
		}
	}
	if testing.Short() {
		return
	}
	// fyp run -s FILE (the last file): its assessment.json holds the same
	// rows as fyp assess --scope all on the file.
	file := filepath.Join(dir, "custom.yaml")
	out := filepath.Join(dir, "out")
	if _, stderr, code := fyp(t, "run", "-s", file, "--out", out); code != 0 {
		t.Fatalf("fyp run -s FILE: exit %d: %s", code, stderr)
	}
	all, _, _ := fyp(t, "assess", "--scope", "all", "--format", "json", "-s", file)
	var want, got []map[string]any
	if err := json.Unmarshal([]byte(all), &want); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "assessment.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	var custom []map[string]any
	for _, r := range got {
		if r["scenario"] == "custom" {
			custom = append(custom, r)
		}
	}
	a, _ := json.Marshal(custom)
	b, _ := json.Marshal(want)
	if !bytes.Equal(a, b) {
		t.Errorf("fyp run -s FILE: the custom scenario's assessment differs from fyp assess -s FILE")
	}
}

// pageRowsMatch: the page's table (POST /api/assess) shows the projected
// value and verdict that fyp assess prints, for every row (to 1e-9
// relative: the CLI rounds to 10 significant digits, the API to 12).
func pageRowsMatch(t *testing.T, srv *web.Server, st web.State, cli []map[string]any) {
	t.Helper()
	body, _ := json.Marshal(st)
	r := httptest.NewRequest("POST", "/api/assess", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	srv.Handler().ServeHTTP(w, r)
	if w.Code != 200 {
		t.Fatalf("POST /api/assess: HTTP %d %s", w.Code, w.Body)
	}
	var page struct {
		Rows []struct {
			Key       string   `json:"key"`
			Projected *float64 `json:"projected"`
			Met       *bool    `json:"met"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	byRef := map[string]int{}
	for i, row := range page.Rows {
		byRef[row.Key] = i
	}
	if len(page.Rows) != len(cli) {
		t.Errorf("the page shows %d targets, fyp assess %d", len(page.Rows), len(cli))
	}
	p, err := seeds.Load(st.Plan)
	if err != nil {
		t.Fatal(err)
	}
	next := map[string]int{} // indicator → the place of its next target
	for _, c := range cli {
		// The page's key is ID@YEAR#N, N the target's place among the
		// indicator's; fyp assess lists each indicator's targets in order.
		id, _ := c["id"].(string)
		year, _ := c["year"].(float64)
		kind, _ := c["kind"].(string)
		ts := p.Indicator(id).Targets
		j := next[id]
		for j < len(ts) && (ts[j].Year != int(year) || string(ts[j].Kind) != kind) {
			j++
		}
		next[id] = j + 1
		ref := fmt.Sprintf("%s@%d#%d", id, int(year), j)
		i, ok := byRef[ref]
		if !ok {
			t.Errorf("%s: not on the page", ref)
			continue
		}
		pr := page.Rows[i]
		met, _ := c["met"].(bool)
		if (c["met"] == nil) != (pr.Met == nil) || (pr.Met != nil && *pr.Met != met) {
			t.Errorf("%s: met %v on the page, %v from fyp assess", ref, pr.Met, c["met"])
		}
		want, _ := c["projected"].(float64)
		if (c["projected"] == nil) != (pr.Projected == nil) || (pr.Projected != nil && math.Abs(*pr.Projected-want) > 1e-9*math.Max(1, math.Abs(want))) {
			t.Errorf("%s: projected %v on the page, %v from fyp assess", ref, pr.Projected, c["projected"])
		}
	}
}

// TestServeFlags: bad flags exit 2 without serving.
func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--lang", "fr"}, `--lang "fr"：应为zh或en`},
		{[]string{"serve", "--addr", "nonsense"}, `--addr "nonsense"`},
		{[]string{"serve", "--plan", "no-such-plan.yaml", "--lang", "en"}, "no-such-plan.yaml: file not found"},
		{[]string{"serve", "--plan", "no-such-plan.yaml"}, "没有这个规划：no-such-plan.yaml：找不到文件"},
		{[]string{"serve", "extra", "--lang", "en"}, "unknown command"},
		{[]string{"serve", "extra"}, `未知的命令"extra"（fyp serve）`},
	} {
		_, stderr, code := fyp(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("fyp %v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestServeAddrRefusals: a malformed --addr is refused before anything is
// printed, in the --lang asked for, with the same facts in both wordings.
func TestServeAddrRefusals(t *testing.T) {
	for _, tc := range []struct {
		addr, zh, en string
	}{
		{"nohost", `fyp: --addr "nohost"：应为 主机:端口，如127.0.0.1:8080` + "\n", `fyp: --addr "nohost": expected HOST:PORT, e.g. 127.0.0.1:8080` + "\n"},
		{"127.0.0.1:99999", `fyp: --addr "127.0.0.1:99999"：端口应为0到65535之间的数` + "\n", `fyp: --addr "127.0.0.1:99999": the port must be a number from 0 to 65535` + "\n"},
		// Beyond loopback, but no address of this machine (192.0.2.1 is a
		// documentation address) or no host at all: the refusal alone, not
		// first the warning that others on the network can open the app.
		{"192.0.2.1:0", `fyp: --addr "192.0.2.1:0"：本机没有这个地址` + "\n", `fyp: --addr "192.0.2.1:0": this machine has no such address` + "\n"},
		{"nosuchhost.invalid:80", `fyp: --addr "nosuchhost.invalid:80"：找不到这个主机` + "\n", `fyp: --addr "nosuchhost.invalid:80": no such host` + "\n"},
		{"192.0.2.1:x", `fyp: --addr "192.0.2.1:x"：端口应为0到65535之间的数` + "\n", `fyp: --addr "192.0.2.1:x": the port must be a number from 0 to 65535` + "\n"},
	} {
		for lang, want := range map[string]string{"zh": tc.zh, "en": tc.en} {
			out, errs, code := fyp(t, "serve", "--addr", tc.addr, "--lang", lang)
			if code != 2 || out != "" || errs != want {
				t.Errorf("fyp serve --addr %s --lang %s: exit %d, stdout %q, stderr %q; want 2 and %q", tc.addr, lang, code, out, errs, want)
			}
		}
		if !bilingual.SameNumbers(tc.zh, tc.en) {
			t.Errorf("the wordings %q and %q state different numbers", tc.zh, tc.en)
		}
	}
}
