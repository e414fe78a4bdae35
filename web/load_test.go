package web

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	load        = flag.Bool("load", false, "run the load test (50 concurrent clients on 127.0.0.1; see bench/serve.sh)")
	loadClients = flag.Int("load-clients", 50, "load test: concurrent clients")
	loadRounds  = flag.Int("load-rounds", 20, "load test: slider moves per client and phase")
	loadPause   = flag.Duration("load-pause", time.Second, "load test: mean time between one client's moves in the paced phases (uniform in 0.5–1.5×)")
	loadDrag    = flag.Duration("load-drag", 250*time.Millisecond, "load test: mean time between one client's moves in the drag phase (uniform in 0.5–1.5×)")
)

// slider is one client's next slider state: GDP and income rates and the
// forest step on a random walk of 0.1-point moves, as a user drags them.
type slider struct {
	rng                    *rand.Rand
	gdp, income, forestStp float64
}

func newSlider(seed uint64) *slider {
	return &slider{rng: rand.New(rand.NewPCG(seed, 20210609)), gdp: 6, income: 6, forestStp: 0.44}
}

func (s *slider) next() []byte {
	move := func(v, lo, hi, d float64) float64 {
		v += d * float64(s.rng.IntN(3)-1)
		return min(hi, max(lo, v))
	}
	s.gdp = move(s.gdp, 3, 9, 0.1)
	s.income = move(s.income, 3, 9, 0.1)
	s.forestStp = move(s.forestStp, 0, 1, 0.02)
	b, _ := json.Marshal(State{Plan: "jiangjin-14", Scenario: "baseline", Lang: "zh", Settings: map[string]float64{
		"gdp.rate": round3(s.gdp), "income.rate": round3(s.income), "forest_coverage.step": round3(s.forestStp)}})
	return b
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5*sign(v))) / 1000 }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// phaseResult is what one phase measured.
type phaseResult struct {
	name      string
	latencies []time.Duration
	errors    int
	firstErr  string
	wall      time.Duration
	heapMB    float64
	// superseded counts the moves a client abandoned for its next one
	// (drag phase): not answered, not in latencies, not errors.
	superseded int
	// cpu is the process's CPU time over the phase (server and clients).
	cpu time.Duration
}

func (r phaseResult) pct(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	// Nearest rank.
	i := int(p/100*float64(len(s))+0.999999) - 1
	return s[max(0, min(len(s)-1, i))]
}

// TestLoad: 50 clients on loopback move sliders at once. Each move asks for
// the table and the charts (POST /api/assess with charts) and, in the "+sim"
// phases, then for P(met) from 10,000 draws (POST /api/simulate), as the
// page does; the latency is that of the whole move, from the first request
// sent to the last answer read. In the paced phases a client moves about
// once a second (-load-pause) and waits for its answer; in the closed-loop
// phases it moves again as soon as it has its answer (the server's
// saturation). In the drag phase a client moves about every 250 ms
// (-load-drag) with P(met), and like the page it aborts a move still in
// flight when it makes the next one: the latency is that of the moves
// answered, and the abandoned ones are counted apart. It measures and logs
// the latency percentiles, the errors and the heap after each phase; it
// fails only on errors, never on time (bench/serve.sh compares the paced
// figures with the targets: p95 ≤ 100 ms and ≤ 250 ms). cpu/move is the
// process's CPU time (server and clients) over the phase per move made:
// unlike the latencies, it hardly depends on what else the machine runs.
func TestLoad(t *testing.T) {
	if !*load {
		t.Skip("the load test runs with -load (bench/serve.sh)")
	}
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler()) // 127.0.0.1 only
	defer ts.Close()
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *loadClients}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	post := func(ctx context.Context, path string, body []byte) error {
		req, err := http.NewRequestWithContext(ctx, "POST", ts.URL+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			return fmt.Errorf("%s: HTTP %d %s", path, resp.StatusCode, b)
		}
		return nil
	}
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapInuse) / (1 << 20)
	}
	withCharts := func(b []byte) []byte {
		return append(b[:len(b)-1:len(b)-1], []byte(`,"charts":true}`)...)
	}
	phase := func(name string, seed uint64, simulate bool, pause time.Duration, drag bool) phaseResult {
		r := phaseResult{name: name}
		var mu sync.Mutex
		var wg sync.WaitGroup
		// move is one slider move; its result is recorded unless the
		// client abandoned it (mctx cancelled for the next move).
		move := func(mctx context.Context, body []byte) {
			t0 := time.Now()
			err := post(mctx, "/api/assess", withCharts(body))
			if err == nil && simulate {
				err = post(mctx, "/api/simulate", body)
			}
			d := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil && mctx.Err() != nil && ctx.Err() == nil:
				r.superseded++
			case err != nil:
				r.errors++
				if r.firstErr == "" {
					r.firstErr = err.Error()
				}
				r.latencies = append(r.latencies, d)
			default:
				r.latencies = append(r.latencies, d)
			}
		}
		start, cpu0 := time.Now(), cpuTime()
		for c := range *loadClients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sl := newSlider(seed + uint64(c))
				var inflight sync.WaitGroup
				abort := func() {}
				for range *loadRounds {
					if pause > 0 {
						time.Sleep(time.Duration(float64(pause) * (0.5 + sl.rng.Float64())))
					}
					body := sl.next()
					if !drag {
						move(ctx, body)
						continue
					}
					abort() // the page aborts the move it has moved on from
					mctx, cancel := context.WithCancel(ctx)
					abort = cancel
					inflight.Add(1)
					go func() {
						defer inflight.Done()
						move(mctx, body)
					}()
				}
				inflight.Wait()
				abort()
			}()
		}
		wg.Wait()
		r.wall, r.cpu = time.Since(start), cpuTime()-cpu0
		r.heapMB = heap()
		return r
	}
	h0 := heap()
	t.Logf("GOMAXPROCS %d, %d clients × %d moves a phase, heap before %.1f MB", runtime.GOMAXPROCS(0), *loadClients, *loadRounds, h0)
	var results []phaseResult
	results = append(results, phase("paced assess+charts", 1, false, *loadPause, false))
	results = append(results, phase("paced assess+charts+sim", 1000, true, *loadPause, false))
	results = append(results, phase("closed-loop assess+charts", 2000, false, 0, false))
	results = append(results, phase("closed-loop +sim", 3000, true, 0, false))
	results = append(results, phase("drag +sim, aborting", 4000, true, *loadDrag, true))
	for _, r := range results {
		n := len(r.latencies)
		moves := n + r.superseded
		t.Logf("LOAD %-24s requests %4d  errors %d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  throughput %5.1f/s  heap after %.1f MB  superseded %d  cpu/move %.1f ms",
			r.name, n, r.errors, ms(r.pct(50)), ms(r.pct(95)), ms(r.pct(100)), float64(n)/r.wall.Seconds(), r.heapMB, r.superseded, ms(r.cpu)/float64(max(1, moves)))
		if r.errors > 0 {
			t.Errorf("%s: %d errors; first: %s", r.name, r.errors, r.firstErr)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchState numbers the benchmarks' states: every iteration of every
// benchmark (and of every -count) asks for a state not seen before, so
// that no cache answers it.
var benchState atomic.Int64

func newGDPRate() float64 { return 5 + float64(benchState.Add(1))*1e-7 }

// BenchmarkAssess is one slider move: the table and both SVG charts, each
// for a state not seen before (no cache).
func BenchmarkAssess(b *testing.B) {
	s := server(b)
	h := s.Handler()
	for b.Loop() {
		body := fmt.Sprintf(`{"scenario":"baseline","charts":true,"settings":{"gdp.rate":%g}}`, newGDPRate())
		benchPost(b, h, "/api/assess", body)
	}
}

// BenchmarkSimulate is P(met) from 10,000 draws for a new state.
func BenchmarkSimulate(b *testing.B) {
	s := server(b)
	h := s.Handler()
	for b.Loop() {
		body := fmt.Sprintf(`{"scenario":"baseline","settings":{"gdp.rate":%g}}`, newGDPRate())
		benchPost(b, h, "/api/simulate", body)
	}
}

// BenchmarkMove is one slider move as the page makes it, for a state not
// seen before: the table with both charts, then P(met) from 10,000 draws.
func BenchmarkMove(b *testing.B) {
	s := server(b)
	h := s.Handler()
	for b.Loop() {
		v := newGDPRate()
		benchPost(b, h, "/api/assess", fmt.Sprintf(`{"scenario":"baseline","charts":true,"settings":{"gdp.rate":%g}}`, v))
		benchPost(b, h, "/api/simulate", fmt.Sprintf(`{"scenario":"baseline","settings":{"gdp.rate":%g}}`, v))
	}
}

func benchPost(b *testing.B, h http.Handler, path, body string) {
	r := httptest.NewRequest("POST", path, bytes.NewReader([]byte(body)))
	r.Header.Set("Content-Type", "application/json")
	r.Host = "127.0.0.1"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 200 {
		b.Fatalf("HTTP %d: %s", w.Code, w.Body)
	}
}
