package natsstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"syscall"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/thidua/thidua/events"
)

// MinFree is the free space below which the embedded store counts as
// full: refusing a write before the disk is full keeps the store from
// the write error that makes it refuse every later one.
const MinFree = 4 << 20

// StorageFull returns an error wrapping events.ErrStorageFull while the store's
// disk has less than minFree bytes free, or after the store failed a
// write for lack of space and has not been reloaded since.
func (e *Embedded) StorageFull(minFree uint64) error {
	free, err := freeBytes(e.dir)
	if err != nil {
		return nil // cannot tell: let the write itself say
	}
	if e.logs.noSpace.Load() {
		return fmt.Errorf("%w: a write failed for lack of space (%d bytes free now under %s)", events.ErrStorageFull, free, e.dir)
	}
	if free < minFree {
		return fmt.Errorf("%w: %d bytes free under %s, below %d", events.ErrStorageFull, free, e.dir, minFree)
	}
	return nil
}

// WatchStorage runs until ctx ends. After the store failed a write for
// lack of space, it waits until the disk has room again (twice minFree)
// and then restarts JetStream in the running server: the stream is
// reloaded from its files, which clears the write error, so that writes
// resume without restarting the process.
func (e *Embedded) WatchStorage(ctx context.Context, every time.Duration, minFree uint64, logger *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !e.logs.noSpace.Load() {
			continue
		}
		if free, err := freeBytes(e.dir); err != nil || free < 2*minFree {
			continue
		}
		logger.Warn("the log's disk has room again: reloading JetStream to clear its write error")
		if err := e.reloadJetStream(); err != nil {
			logger.Error("reload JetStream after a full disk", "err", err)
			continue
		}
		e.logs.noSpace.Store(false)
		logger.Info("JetStream reloaded: writes resume")
	}
}

func (e *Embedded) reloadJetStream() error {
	if e.JetStreamEnabled() {
		if err := e.ShutdownJetStream(); err != nil {
			return fmt.Errorf("shut JetStream down: %w", err)
		}
	}
	cfg := e.jscfg
	if err := e.EnableJetStream(&cfg); err != nil {
		return fmt.Errorf("start JetStream: %w", err)
	}
	return nil
}

func freeBytes(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return st.Bavail * uint64(st.Bsize), nil
}

// isStorageFull reports JetStream's own answers for a store without room:
// 10023 insufficient resources, 10047 storage resources exceeded.
func isStorageFull(err error) bool {
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && (apiErr.ErrorCode == 10023 || apiErr.ErrorCode == 10047)
}
