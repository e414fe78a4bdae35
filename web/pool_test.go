package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestCacheWaiterOutlivesFirstRequester: two requests share one
// computation; the first leaves (its slider moved on). The second still
// gets the answer, and the computation was not stopped. Before the
// computation had its own context, it ran under the first request's and
// the second got "context canceled" (HTTP 400).
func TestCacheWaiterOutlivesFirstRequester(t *testing.T) {
	c := newCache(8)
	release := make(chan struct{})
	var stopped atomic.Bool
	f := func(ctx context.Context) (any, error) {
		select {
		case <-release:
			return 42, nil
		case <-ctx.Done():
			stopped.Store(true)
			return nil, ctx.Err()
		}
	}
	ctx1, cancel1 := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() { _, err := c.get(ctx1, "k", f); first <- err }()
	second := make(chan any, 1)
	go func() {
		v, err := c.get(context.Background(), "k", f)
		if err != nil {
			second <- err
			return
		}
		second <- v
	}()
	waitFor(t, func() bool { c.mu.Lock(); defer c.mu.Unlock(); e := c.m["k"]; return e != nil && e.waiters == 2 })
	cancel1()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Fatalf("first request: %v, want context.Canceled at once", err)
	}
	close(release)
	if v := <-second; v != 42 {
		t.Fatalf("second request: %v, want 42", v)
	}
	if stopped.Load() {
		t.Error("the computation was stopped while a request still waited for it")
	}
}

// TestCacheAbandonedComputationStops: when every request waiting for a
// computation has gone, it is told to stop, nothing is kept, and the next
// request for the key computes it afresh.
func TestCacheAbandonedComputationStops(t *testing.T) {
	c := newCache(8)
	stopped := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := c.get(ctx, "k", func(cctx context.Context) (any, error) {
			<-cctx.Done()
			close(stopped)
			return nil, cctx.Err()
		})
		done <- err
	}()
	waitFor(t, func() bool { c.mu.Lock(); defer c.mu.Unlock(); e := c.m["k"]; return e != nil && e.waiters == 1 })
	cancel()
	<-done
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the abandoned computation was not told to stop")
	}
	v, err := c.get(context.Background(), "k", func(context.Context) (any, error) { return "again", nil })
	if err != nil || v != "again" {
		t.Fatalf("after an abandoned computation: %v, %v; want it computed again", v, err)
	}
}

// TestPoolTablesFirstAndLeavers: with every slot taken, a waiting table
// goes before a simulation that waited longer, and a request whose client
// left gives up its place (and never takes a slot).
func TestPoolTablesFirstAndLeavers(t *testing.T) {
	p := newPool(1)
	if err := p.acquire(context.Background(), prioTable); err != nil {
		t.Fatal(err)
	}
	order := make(chan string, 3)
	enqueue := func(ctx context.Context, name string, prio int) {
		p.mu.Lock()
		n := p.waiting()
		p.mu.Unlock()
		go func() {
			if err := p.acquire(ctx, prio); err != nil {
				order <- name + " left"
				return
			}
			order <- name
			p.release()
		}()
		waitFor(t, func() bool { p.mu.Lock(); defer p.mu.Unlock(); return p.waiting() == n+1 })
	}
	gone, leave := context.WithCancel(context.Background())
	enqueue(context.Background(), "sim", prioSim)
	enqueue(gone, "stale table", prioTable)
	enqueue(context.Background(), "table", prioTable)
	leave()
	if got := <-order; got != "stale table left" {
		t.Fatalf("first event %q, want the stale table leaving", got)
	}
	p.release()
	for _, want := range []string{"table", "sim"} {
		if got := <-order; got != want {
			t.Fatalf("served %q, want %q", got, want)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.free != 1 || p.waiting() != 0 {
		t.Errorf("after all: %d free, %d waiting; want 1, 0", p.free, p.waiting())
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("timed out waiting")
}

// TestSharedSimulationSurvivesAbort: over HTTP, two clients ask for the
// same P(met) while every core is busy; the first aborts (its slider moved
// on). The second gets its answer. Before, it got the first's
// cancellation: HTTP 400 "context canceled".
func TestSharedSimulationSurvivesAbort(t *testing.T) {
	s := server(t)
	held := 0
	for held < runtime.GOMAXPROCS(0) {
		if err := s.work.acquire(context.Background(), prioTable); err != nil {
			t.Fatal(err)
		}
		held++
	}
	defer func() {
		for ; held > 0; held-- {
			s.work.release()
		}
	}()
	// A state not asked before (the test may run more than once).
	body := fmt.Sprintf(`{"scenario":"baseline","settings":{"gdp.rate":%g}}`, 5.4321+1e-9*float64(time.Now().UnixNano()%100000))
	req := func(ctx context.Context) *http.Request {
		r := httptest.NewRequest("POST", "/api/simulate", strings.NewReader(body)).WithContext(ctx)
		r.Header.Set("Content-Type", "application/json")
		r.Host = "127.0.0.1"
		return r
	}
	ctx, cancel := context.WithCancel(context.Background())
	w1, w2 := httptest.NewRecorder(), httptest.NewRecorder()
	done1, done2 := make(chan struct{}), make(chan struct{})
	go func() { s.Handler().ServeHTTP(w1, req(ctx)); close(done1) }()
	waitFor(t, func() bool { s.work.mu.Lock(); defer s.work.mu.Unlock(); return s.work.waiting() == 1 })
	go func() { s.Handler().ServeHTTP(w2, req(context.Background())); close(done2) }()
	key := "sim\x00jiangjin-14\x00"
	waitFor(t, func() bool {
		s.cache.mu.Lock()
		defer s.cache.mu.Unlock()
		for k, e := range s.cache.m {
			if strings.HasPrefix(k, key) && e.waiters == 2 {
				return true
			}
		}
		return false
	})
	cancel()
	<-done1
	for ; held > 0; held-- {
		s.work.release()
	}
	<-done2
	if w2.Code != 200 || !strings.Contains(w2.Body.String(), `"p_met"`) {
		t.Fatalf("second request: HTTP %d %s", w2.Code, w2.Body)
	}
}
