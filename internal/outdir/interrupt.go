package outdir

import "sync"

// writes counts the Writes in progress, so that main can wait after a
// signal until each has removed its temporary folder (or finished its
// renames) before the process exits.
var writes struct {
	sync.Mutex
	closed bool
	active int
	idle   sync.Cond
}

func init() { writes.idle.L = &writes.Mutex }

func enter() bool {
	writes.Lock()
	defer writes.Unlock()
	if writes.closed {
		return false
	}
	writes.active++
	return true
}

func leave() {
	writes.Lock()
	defer writes.Unlock()
	writes.active--
	if writes.active == 0 {
		writes.idle.Broadcast()
	}
}

// Close refuses any new Write and waits for those in progress to return.
// main calls it after SIGINT or SIGTERM, once the context it gave the
// writes is cancelled: each one then stops rendering, removes its
// temporary folder and returns, leaving the folder's previous files.
func Close() {
	writes.Lock()
	defer writes.Unlock()
	writes.closed = true
	for writes.active > 0 {
		writes.idle.Wait()
	}
}
