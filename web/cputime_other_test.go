//go:build !unix

package web

import "time"

// cpuTime is unknown here: the load test reports 0.
func cpuTime() time.Duration { return 0 }
