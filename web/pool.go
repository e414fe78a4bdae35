package web

import (
	"context"
	"slices"
	"sync"
)

// Priorities of the heavy work, first served first.
const (
	prioTable = iota // the table and its charts: the page shows them first
	prioSim          // P(met) from the simulation
	nPrio
)

// pool bounds the heavy work running at once (a table with its charts, a
// simulation) to the cores. Fifty clients on two cores would otherwise all
// run at once, each answer arriving as late as the last and the heap
// growing with every one in flight; in line, each runs at full speed and
// the first in line is answered first. Tables go before simulations, and a
// request leaves the line when its client has moved on (its context ends).
type pool struct {
	mu   sync.Mutex
	free int
	line [nPrio][]*waiter
}

type waiter struct {
	ready   chan struct{}
	granted bool // under pool.mu
}

func newPool(n int) *pool { return &pool{free: max(1, n)} }

// acquire waits for a slot; release it when done. It returns ctx.Err(),
// holding no slot, when ctx ends first.
func (p *pool) acquire(ctx context.Context, prio int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p.mu.Lock()
	if p.free > 0 && p.waiting() == 0 {
		p.free--
		p.mu.Unlock()
		return nil
	}
	w := &waiter{ready: make(chan struct{})}
	p.line[prio] = append(p.line[prio], w)
	p.mu.Unlock()
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		p.mu.Lock()
		if w.granted { // granted as ctx ended: pass the slot on
			p.mu.Unlock()
			p.release()
			return ctx.Err()
		}
		if i := slices.Index(p.line[prio], w); i >= 0 {
			p.line[prio] = slices.Delete(p.line[prio], i, i+1)
		}
		p.mu.Unlock()
		return ctx.Err()
	}
}

// release gives the slot to the first in line, tables first.
func (p *pool) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range p.line {
		if len(p.line[i]) > 0 {
			w := p.line[i][0]
			p.line[i] = p.line[i][1:]
			w.granted = true
			close(w.ready)
			return
		}
	}
	p.free++
}

func (p *pool) waiting() int {
	n := 0
	for _, l := range p.line {
		n += len(l)
	}
	return n
}
