//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outdir

// tryLock uses a lock file where the system has no flock.
func tryLock(dir string) (unlock func(), busy bool, err error) {
	return tryLockFile(dir)
}
