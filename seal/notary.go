package seal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/thidua/thidua/events"
)

// Status is how far a season's events are signed.
type Status struct {
	Season string
	Size   int64 // events in the season's tree
	Signed int64 // events the largest checkpoint on the log covers
	Closed bool
}

// Source is what the notary needs of the read model.
type Source interface {
	// Changed returns a channel closed at the next commit.
	Changed() <-chan struct{}
	// Unsigned lists the seasons that have events no checkpoint covers.
	Unsigned() ([]Status, error)
	// NextCheckpoint is the checkpoint to sign for a season as folded now.
	NextCheckpoint(season string) (Checkpoint, error)
}

// Log is what the notary needs of the log.
type Log interface {
	// AppendAfter appends only if the last message on the subjects
	// matching filter is at seq last.
	AppendAfter(ctx context.Context, subject, msgID string, data []byte, filter string, last uint64) (events.Ack, error)
	LastSubjectSeq(ctx context.Context, subject string) (uint64, error)
}

// Notary signs checkpoints onto the log: at most every interval for a
// season with new events (including what a crash left unsigned), at once
// for a closed season (so the final ranking is signed as soon as it
// exists), and once more on the way out.
type Notary struct {
	src    Source
	log    Log
	signer *Signer
	every  time.Duration
	logger *slog.Logger

	started time.Time
	last    map[string]time.Time // when this process last signed each season
	signed  map[string]int64     // sizes it signed that the read model may not show yet
}

// NewNotary returns a notary; Run starts it.
func NewNotary(src Source, log Log, signer *Signer, every time.Duration, logger *slog.Logger) *Notary {
	return &Notary{src: src, log: log, signer: signer, every: every, logger: logger,
		last: map[string]time.Time{}, signed: map[string]int64{}}
}

// Run signs until ctx ends, then signs every season left unsigned. An open
// season's first checkpoint waits one interval from the start, like every
// later one.
func (n *Notary) Run(ctx context.Context) error {
	n.started = time.Now()
	ticker := time.NewTicker(n.every)
	defer ticker.Stop()
	for {
		changed := n.src.Changed()
		n.pass(ctx, false)
		select {
		case <-ctx.Done():
			final, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			n.pass(final, true)
			return nil
		case <-changed:
		case <-ticker.C:
		}
	}
}

// pass signs the seasons that are due; all signs every unsigned one.
func (n *Notary) pass(ctx context.Context, all bool) {
	list, err := n.src.Unsigned()
	if err != nil {
		n.logger.Warn("checkpoints: read model not ready", "err", err)
		return
	}
	now := time.Now()
	for _, st := range list {
		if st.Size <= max(st.Signed, n.signed[st.Season]) {
			continue
		}
		last, ok := n.last[st.Season]
		if !ok {
			last = n.started
		}
		if !all && !st.Closed && now.Sub(last) < n.every {
			continue
		}
		if err := n.sign(ctx, st.Season); err != nil {
			n.logger.Error("checkpoint not signed; will retry", "season", st.Season, "err", err)
			continue
		}
		n.last[st.Season] = now
	}
}

// Sign signs and appends the season's current checkpoint.
func (n *Notary) sign(ctx context.Context, season string) error {
	cp, err := n.src.NextCheckpoint(season)
	if err != nil {
		return err
	}
	msg, err := n.signer.Sign(cp)
	if err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	subject := events.CheckpointSubject(season)
	lastSigned, err := n.log.LastSubjectSeq(ctx, subject)
	if err != nil {
		return fmt.Errorf("read the log: %w", err)
	}
	// Appended only if nothing reached the season's subjects since the
	// signed point but checkpoints: every event before a checkpoint is
	// covered by it, so a log cut at any checkpoint is signed whole. The
	// size names the checkpoint: two processes signing the same size write
	// it once.
	_, err = n.log.AppendAfter(ctx, subject, fmt.Sprintf("checkpoint-%s-%d", season, cp.Size), msg, events.SeasonFilter(season), max(cp.Seq, lastSigned))
	if errors.Is(err, events.ErrWrongLastSeq) {
		return nil // an event or another process's checkpoint came meanwhile; the next pass looks again
	}
	if err != nil {
		return fmt.Errorf("append: %w", err)
	}
	n.signed[season] = cp.Size
	n.logger.Info("checkpoint signed", "season", season, "size", cp.Size, "seq", cp.Seq, "final", cp.Closing())
	return nil
}
