package web

import (
	"context"
	"errors"
	"sync"
)

// cache keeps the answers to the last requests: sliders go back and forth,
// and a meeting asks the same question twice. Concurrent requests for the
// same key share one computation. Bounded: the oldest entry goes first.
//
// A computation runs on its own goroutine with a context of its own, which
// is cancelled when every request waiting for it has gone (the page aborts
// the request of a slider position it has moved on from): a position no
// one wants any more stops at its next check instead of holding a core.
type cache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]*entry
}

type entry struct {
	done    chan struct{}
	v       any
	err     error
	waiters int                // requests waiting for it (under cache.mu)
	cancel  context.CancelFunc // stops the computation
}

// errAbandoned is what a computation that every requester left returns:
// never kept, and a request that finds it starts the computation again.
var errAbandoned = errors.New("web: computation abandoned")

func newCache(max int) *cache { return &cache{max: max, m: map[string]*entry{}} }

// get returns the value for key, computing it with f once. It returns
// ctx.Err() as soon as ctx ends. A failed computation is not kept.
func (c *cache) get(ctx context.Context, key string, f func(ctx context.Context) (any, error)) (any, error) {
	for {
		c.mu.Lock()
		e, ok := c.m[key]
		if !ok {
			e = c.start(key, f)
		}
		e.waiters++
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.err == errAbandoned {
				continue // someone else's computation, dropped before it ended
			}
			if pe, ok := e.err.(panicError); ok {
				panic(pe.v)
			}
			return e.v, e.err
		case <-ctx.Done():
			c.mu.Lock()
			e.waiters--
			if e.waiters == 0 {
				e.cancel()
			}
			c.mu.Unlock()
			return nil, ctx.Err()
		}
	}
}

// start registers key's computation and runs it; c.mu is held.
func (c *cache) start(key string, f func(ctx context.Context) (any, error)) *entry {
	cctx, cancel := context.WithCancel(context.Background())
	e := &entry{done: make(chan struct{}), cancel: cancel}
	c.m[key] = e
	c.order = append(c.order, key)
	for len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	go func() {
		defer cancel()
		func() {
			defer func() {
				if v := recover(); v != nil {
					e.err = panicError{v}
				}
			}()
			e.v, e.err = f(cctx)
		}()
		if e.err != nil && cctx.Err() != nil {
			e.v, e.err = nil, errAbandoned
		}
		if e.err != nil {
			c.mu.Lock()
			if c.m[key] == e {
				delete(c.m, key)
			}
			c.mu.Unlock()
		}
		close(e.done)
	}()
	return e
}

type panicError struct{ v any }

func (p panicError) Error() string { return "internal error" }
