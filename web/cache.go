package web

import "sync"

// cache keeps the answers to the last requests: sliders go back and forth,
// and a meeting asks the same question twice. Concurrent requests for the
// same key share one computation. Bounded: the oldest entry goes first.
type cache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]*entry
}

type entry struct {
	done chan struct{}
	v    any
	err  error
}

func newCache(max int) *cache { return &cache{max: max, m: map[string]*entry{}} }

// get returns the value for key, computing it with f once. A failed
// computation is not kept.
func (c *cache) get(key string, f func() (any, error)) (any, error) {
	c.mu.Lock()
	if e, ok := c.m[key]; ok {
		c.mu.Unlock()
		<-e.done
		return e.v, e.err
	}
	e := &entry{done: make(chan struct{})}
	c.m[key] = e
	c.order = append(c.order, key)
	for len(c.order) > c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.mu.Unlock()
	func() {
		defer close(e.done)
		defer func() {
			if v := recover(); v != nil {
				e.err = panicError{v}
			}
		}()
		e.v, e.err = f()
	}()
	if e.err != nil {
		c.mu.Lock()
		if c.m[key] == e {
			delete(c.m, key)
		}
		c.mu.Unlock()
	}
	if pe, ok := e.err.(panicError); ok {
		panic(pe.v)
	}
	return e.v, e.err
}

type panicError struct{ v any }

func (p panicError) Error() string { return "internal error" }
