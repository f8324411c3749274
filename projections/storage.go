package projections

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"
)

// roomEvery is how often a projector paused by a full disk tries a small
// write to see whether space is back.
const roomEvery = time.Second

// isFull reports SQLite's "database or disk is full".
func isFull(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrFull
}

// awaitRoom waits until a small write to the read model fits again, then
// restores the fold from what was committed (the failed transaction left
// memory ahead of the file) and clears the halt, so that Run follows the
// log again from the last commit.
func (p *Projector) awaitRoom(ctx context.Context) error {
	t := time.NewTicker(roomEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
		if err := setMeta(ctx, p.db, "room_probe", strconv.FormatInt(time.Now().UnixNano(), 10)); err != nil {
			continue
		}
		p.mu.Lock()
		err := p.restore(ctx)
		p.mu.Unlock()
		if err != nil {
			p.logger.Error("restore the read model after a full disk", "err", err)
			continue
		}
		p.logger.Warn("the read model's disk has room again: resuming", "checkpoint", p.Checkpoint())
		p.halt.Store(nil)
		p.wake()
		return nil
	}
}
