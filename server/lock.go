package server

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockFile is held by the one process that writes a data directory: a
// serve, or a repair, which must not run under a serve.
const lockFile = "thidua.lock"

// ErrDataInUse reports a data directory another process holds.
var ErrDataInUse = errors.New("another thidua process (a serve) uses this data directory")

// LockData takes the data directory's lock until release is called (or
// the process ends: the kernel drops a flock with its holder, so a kill -9
// leaves nothing to clean up).
func LockData(dir string) (release func(), err error) {
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock the data directory: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w: %s is locked; stop it first", ErrDataInUse, path)
		}
		return nil, fmt.Errorf("lock the data directory: %w", err)
	}
	return func() { f.Close() }, nil
}
