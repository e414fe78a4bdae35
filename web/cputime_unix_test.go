//go:build unix

package web

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used: the
// server and the load test's clients, which share it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
