// Package repair restores a log that lost acknowledged events from the
// read model's copy of it, so that every acknowledged event is back at its
// acknowledged seq with its bytes and headers, checkpoints included.
//
// JetStream cannot put a message back at a seq it has passed, and the log
// denies deleting messages; so repair keeps what the damaged stream still
// holds (a file in the data directory), replaces the stream with an empty
// one of the same configuration, and republishes in seq order: the copy's
// messages 1..End, then whatever the damaged log held after End (messages
// the read model had not folded yet), as far as they run without a gap.
package repair

import (
	"context"
	"errors"
	"fmt"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/projections"
)

// Log is what repair needs of the log.
type Log interface {
	projections.Reader
	LastSeq(ctx context.Context) (uint64, error)
	Readers(ctx context.Context) (int, error)
	Recreate(ctx context.Context) error
	Restore(ctx context.Context, m events.Stored) error
}

// ErrInUse reports a log that something still reads (a serve follows it
// with a consumer): repairing under it would race its writes.
var ErrInUse = errors.New("the log is in use")

// Result is what a repair found and did.
type Result struct {
	// Loss is what the log lacked or held otherwise; nil when it held
	// every acknowledged event and nothing was done.
	Loss *projections.Loss
	// Restored is the number of messages republished from the copy (1..End).
	Restored uint64
	// Tail counts the messages after End kept from the damaged log.
	Tail int
	// Dropped lists messages after End that followed a gap in the
	// damaged log and so cannot be put back at their seq; they are in
	// the dump.
	Dropped []uint64
	// Kept counts the damaged log's messages written to the dump.
	Kept int
}

// Run repairs log from the saved copy. Everything the damaged log still holds is
// written to dump first. It refuses a log with readers and a copy that
// does not verify (a *projections.CopyError), and checks the result
// against the copy again before it returns.
func Run(ctx context.Context, saved *projections.Copy, log Log, dump *logfile.Writer) (Result, error) {
	var res Result
	if n, err := log.Readers(ctx); err != nil {
		return res, err
	} else if n > 0 {
		return res, fmt.Errorf("%w: %d consumers follow it; stop every thidua serve of this log first", ErrInUse, n)
	}
	if err := saved.Each(ctx, func(events.Stored) error { return nil }); err != nil {
		return res, err
	}
	last, err := log.LastSeq(ctx)
	if err != nil {
		return res, err
	}
	loss, err := saved.Compare(ctx, log, last)
	if err != nil || loss == nil {
		return res, err
	}
	res.Loss = loss

	// Keep the damaged log: all of it to the dump, and the run after the
	// copy's end to put back.
	end := saved.End()
	var tail []events.Stored
	err = log.ReadUntil(ctx, events.AllSubjects, 1, func(m events.Stored) error {
		res.Kept++
		if err := dump.Write(m); err != nil {
			return err
		}
		switch {
		case m.Seq <= end:
		case len(res.Dropped) == 0 && m.Seq == end+uint64(len(tail))+1:
			tail = append(tail, m)
		default:
			res.Dropped = append(res.Dropped, m.Seq)
		}
		return nil
	})
	if err == nil {
		err = dump.Flush()
	}
	if err != nil {
		return res, fmt.Errorf("keep the damaged log: %w", err)
	}

	if err := log.Recreate(ctx); err != nil {
		return res, err
	}
	err = saved.Each(ctx, func(m events.Stored) error {
		res.Restored++
		return log.Restore(ctx, m)
	})
	if err != nil {
		return res, fmt.Errorf("restore from the copy: %w", err)
	}
	for _, m := range tail {
		if err := log.Restore(ctx, m); err != nil {
			return res, fmt.Errorf("restore the log's tail: %w", err)
		}
		res.Tail++
	}

	if last, err = log.LastSeq(ctx); err != nil {
		return res, err
	}
	after, err := saved.Compare(ctx, log, last)
	if err != nil {
		return res, err
	}
	if after != nil {
		return res, fmt.Errorf("the repaired log still differs from the copy: %s", after.Reason)
	}
	return res, nil
}
