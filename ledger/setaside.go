package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// SetAside records on the log that the message at seq, where the
// projector halted, is set aside for reason; the projector then resumes
// past it (projections/setaside.go). It is written while the projector is
// halted, so it does not wait for the read model: its subject (the
// committee subject of the message's season, or the access subject) and
// its chain come from the log itself.
func (l *Ledger) SetAside(ctx context.Context, by events.Author, seq uint64, reason string) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, appendTimeout)
	defer cancel()
	if by.Role != events.RoleAdmin && by.Role != events.RoleCommittee {
		return Reply{}, domain.Errorf(domain.Forbidden, "", "only the committee sets a seq aside")
	}
	if err := l.state.Integrity(); err != nil {
		return Reply{}, err
	}
	p := &events.SeqSetAside{Seq: seq, Reason: reason, By: authorName(by)}
	if err := events.ValidatePayload(p); err != nil {
		return Reply{}, err
	}
	h := l.state.Halted()
	if h == nil || h.Seq != seq || !h.Message {
		where := "is running"
		switch {
		case h != nil && !h.Message:
			where = fmt.Sprintf("halted at seq %d on the read model, not on the message (restart the server)", h.Seq)
		case h != nil:
			where = fmt.Sprintf("halted at seq %d", h.Seq)
		}
		return Reply{}, domain.Errorf(domain.Conflict, "seq", "only a message the projector halted at because it cannot decode or apply it can be set aside; it %s", where)
	}
	bad, err := l.log.Get(ctx, seq)
	if err != nil {
		return Reply{}, unavailable("read the message to set aside", err)
	}
	season, _, _, inSeason := events.ParseSubject(bad.Subject)
	subject := events.AccessSubject
	if inSeason {
		subject = events.CommitteeSubject(season)
	}
	data, err := jsonData(p)
	if err != nil {
		return Reply{}, err
	}
	id := fmt.Sprintf("set-aside-%d", seq)
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if attempt > 0 {
			backoff(ctx, attempt)
		}
		// The previous message on the subject as the log holds it: the
		// halting message itself may be it.
		last, err := l.lastSubjectSeq(ctx, subject)
		if err != nil {
			return Reply{}, unavailable("read the log", err)
		}
		ev := events.Event{Schema: events.Schema, ID: id, Type: events.TypeSeqSetAside, Season: season, Data: data,
			Author: by, Recorded: l.now().UTC().Format(time.RFC3339Nano), PrevSeq: last}
		if last > 0 {
			prev, err := l.log.Get(ctx, last)
			if err != nil {
				return Reply{}, unavailable("read the log", err)
			}
			ev.Prev = seal.ChainHash(prev.Data)
		}
		b, err := events.Encode(ev)
		if err != nil {
			return Reply{}, err
		}
		ack, err := l.appendOnce(ctx, subject, id, b, last)
		if errors.Is(err, events.ErrWrongLastSeq) {
			continue
		}
		if err != nil {
			return Reply{}, unavailable("append to the log", err)
		}
		if !ack.Duplicate {
			l.ack(ack.Seq)
		}
		return Reply{ID: id, Seq: ack.Seq, Type: events.TypeSeqSetAside, Season: season}, nil
	}
	return Reply{}, domain.Errorf(domain.Conflict, "", "too many concurrent writes to %s; try again", subject)
}
