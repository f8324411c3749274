// Package natsstore is the JetStream adapter for the event log: stream setup,
// append with optimistic concurrency, and reads in stream order.
//
// The log is one JetStream stream holding every subject under "thidua.>". It is
// the single source of truth and is never edited: the stream denies deletes
// and purges and has no limits. A seq is always a stream sequence.
//
// It is the only package that speaks NATS: what the log holds and answers
// is named in package events (Stored, Ack, the subjects, ErrWrongLastSeq),
// and natsstore converts to and from JetStream's types at its boundary.
package natsstore

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/thidua/thidua/events"
)

const (
	// DefaultStream is the stream name used when Config.Stream is empty.
	DefaultStream = "THIDUA"
	// DuplicateWindow is how long the server remembers Nats-Msg-Id values to
	// drop duplicates; idempotency beyond it belongs to the domain.
	DuplicateWindow = 2 * time.Minute
	// readBuffer is the pull buffer of the ordered consumers: large, because
	// replays read millions of small events and round trips dominate.
	readBuffer = 5000
	// cleanupTimeout bounds the best-effort deletion of a finished consumer.
	cleanupTimeout = 5 * time.Second
)

// ErrIncompatibleStream reports that an existing stream's configuration
// cannot hold the log (wrong storage, subjects, limits, ...).
var ErrIncompatibleStream = errors.New("natsstore: incompatible existing stream")

// Config selects the stream.
type Config struct {
	Stream string // default "THIDUA"
	// Replicas of the stream: 0 keeps an existing stream's (and creates
	// one with 1), so a reader such as export or audit never changes it.
	Replicas int
	// Storage, when set, says whether the log's disk is full (an error
	// wrapping events.ErrStorageFull): Append then refuses at once.
	Storage func() error
}

// Store appends to and reads from the event stream.
// It is the log a serve reads as it grows; an exported file reads the same way.
var _ events.LogReader = (*Store)(nil)

// Store appends to and reads from the event stream.
type Store struct {
	js      jetstream.JetStream
	stream  jetstream.Stream
	name    string
	storage func() error
	// reader names this process in its consumers' names
	// (thidua-projector-<reader>-<n>_1, thidua-export-<reader>-<n>_1), so
	// that `nats consumer ls` says whose each is; consumers counts them,
	// since two consumers of one process must never share a name.
	reader    string
	consumers atomic.Uint64
}

// Open creates the stream if missing (or checks/updates it if present): subjects events.AllSubjects,
// file storage, no age/size/msg limits, DenyDelete, DenyPurge, Duplicates window 2 minutes,
// Replicas from cfg (an existing stream's are kept when cfg.Replicas is 0). Returns a clear error (wrapping ErrIncompatibleStream) if an existing
// stream has an incompatible config.
//
// An existing stream must already agree on what decides its content (storage,
// retention, subjects, limits, TTLs, mirror/sources, persist mode); the
// protective and operational settings (deny delete/purge, discard, rollup,
// duplicate window, replicas) are updated to the values above.
func Open(ctx context.Context, nc *nats.Conn, cfg Config) (*Store, error) {
	if cfg.Stream == "" {
		cfg.Stream = DefaultStream
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("natsstore: jetstream: %w", err)
	}
	want := streamConfig(cfg)

	stream, err := js.Stream(ctx, cfg.Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		create := want
		create.Replicas = max(create.Replicas, 1)
		stream, err = js.CreateStream(ctx, create)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			// Created concurrently with another config: check it like any existing stream.
			stream, err = js.Stream(ctx, cfg.Stream)
		} else if err != nil {
			return nil, fmt.Errorf("natsstore: create stream %s: %w", cfg.Stream, err)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("natsstore: stream %s: %w", cfg.Stream, err)
	}

	have := stream.CachedInfo().Config
	if bad := incompatibilities(have); len(bad) > 0 {
		return nil, fmt.Errorf("%w %s: %s", ErrIncompatibleStream, cfg.Stream, strings.Join(bad, "; "))
	}
	if upd, changed := withProtections(have, want); changed {
		stream, err = js.UpdateStream(ctx, upd)
		if err != nil {
			return nil, fmt.Errorf("natsstore: update stream %s: %w", cfg.Stream, err)
		}
	}
	return &Store{js: js, stream: stream, name: cfg.Stream, storage: cfg.Storage, reader: readerName()}, nil
}

// streamConfig is the configuration the log needs.
func streamConfig(cfg Config) jetstream.StreamConfig {
	return jetstream.StreamConfig{
		Name:              cfg.Stream,
		Description:       "thidua event log: the source of truth, never edited",
		Subjects:          []string{events.AllSubjects},
		Retention:         jetstream.LimitsPolicy,
		Storage:           jetstream.FileStorage,
		Replicas:          cfg.Replicas,
		MaxMsgs:           -1,
		MaxBytes:          -1,
		MaxAge:            0,
		MaxMsgsPerSubject: -1,
		// No limits are set; should someone add one, refusing new writes is
		// better than silently dropping old events.
		Discard:    jetstream.DiscardNew,
		DenyDelete: true,
		DenyPurge:  true,
		Duplicates: DuplicateWindow,
	}
}

// incompatibilities lists every reason an existing stream cannot be the log.
func incompatibilities(c jetstream.StreamConfig) []string {
	var bad []string
	if c.Storage != jetstream.FileStorage {
		bad = append(bad, fmt.Sprintf("storage is %s, want file", c.Storage))
	}
	if c.Retention != jetstream.LimitsPolicy {
		bad = append(bad, fmt.Sprintf("retention is %s, want limits", c.Retention))
	}
	if !slices.Equal(c.Subjects, []string{events.AllSubjects}) {
		bad = append(bad, fmt.Sprintf("subjects are %q, want [%q]", c.Subjects, events.AllSubjects))
	}
	// Limits may already have removed events: not something to fix silently.
	if c.MaxMsgs > 0 {
		bad = append(bad, fmt.Sprintf("max msgs limit %d", c.MaxMsgs))
	}
	if c.MaxBytes > 0 {
		bad = append(bad, fmt.Sprintf("max bytes limit %d", c.MaxBytes))
	}
	if c.MaxAge > 0 {
		bad = append(bad, fmt.Sprintf("max age limit %s", c.MaxAge))
	}
	if c.MaxMsgsPerSubject > 0 {
		bad = append(bad, fmt.Sprintf("max msgs per subject limit %d", c.MaxMsgsPerSubject))
	}
	if c.AllowMsgTTL || c.SubjectDeleteMarkerTTL > 0 {
		bad = append(bad, "message TTLs allowed")
	}
	if c.Mirror != nil || len(c.Sources) > 0 {
		bad = append(bad, "is a mirror or has sources")
	}
	if c.SubjectTransform != nil {
		bad = append(bad, "has a subject transform")
	}
	if c.Sealed {
		bad = append(bad, "is sealed")
	}
	if c.PersistMode != jetstream.DefaultPersistMode {
		bad = append(bad, fmt.Sprintf("persist mode is %s, want default", c.PersistMode))
	}
	if c.AllowMsgCounter || c.AllowMsgSchedules {
		bad = append(bad, "counter or scheduled messages allowed")
	}
	return bad
}

// withProtections returns have with the protective and operational settings of
// want, and whether anything changed. Everything else (description,
// metadata, ...) is kept as the operator left it.
func withProtections(have, want jetstream.StreamConfig) (jetstream.StreamConfig, bool) {
	upd := have
	upd.DenyDelete = want.DenyDelete
	upd.DenyPurge = want.DenyPurge
	upd.Discard = want.Discard
	upd.AllowRollup = false
	upd.Duplicates = want.Duplicates
	if want.Replicas > 0 {
		upd.Replicas = want.Replicas
	}
	changed := upd.DenyDelete != have.DenyDelete ||
		upd.DenyPurge != have.DenyPurge ||
		upd.Discard != have.Discard ||
		upd.AllowRollup != have.AllowRollup ||
		upd.Duplicates != have.Duplicates ||
		upd.Replicas != have.Replicas
	return upd, changed
}

// AppendAfter appends only if the last message on the subjects matching
// filter is at seq last (0: none): a checkpoint appended so is never
// preceded by an event it does not cover. A refusal wraps
// events.ErrWrongLastSeq.
func (s *Store) AppendAfter(ctx context.Context, subject, msgID string, data []byte, filter string, last uint64) (events.Ack, error) {
	if err := s.StorageFull(); err != nil {
		return events.Ack{}, err
	}
	msg := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
	pa, err := s.js.PublishMsg(ctx, msg, jetstream.WithMsgID(msgID), jetstream.WithExpectLastSequenceForSubject(last, filter))
	switch {
	case err == nil:
		return events.Ack{Seq: pa.Sequence, Duplicate: pa.Duplicate}, nil
	case isStorageFull(err):
		return events.Ack{}, fmt.Errorf("%w: append %s to %s: %w", events.ErrStorageFull, msgID, subject, err)
	case isWrongLastSeq(err):
		return events.Ack{}, fmt.Errorf("%w: append %s to %s after seq %d of %s: %w", events.ErrWrongLastSeq, msgID, subject, last, filter, err)
	}
	return events.Ack{}, fmt.Errorf("natsstore: append %s to %s: %w", msgID, subject, err)
}

// Append publishes data on subject with Nats-Msg-Id = msgID and
// Nats-Expected-Last-Subject-Sequence = expectLast (the STREAM sequence of the subject's last
// message; 0 means "subject must be empty"; the header is sent even when 0).
// Returns events.ErrWrongLastSeq (wrapped, so errors.Is works) when the check fails (JetStream
// API error 10071, or 10164 on replicated streams). A duplicate Msg-Id inside the window
// returns Ack{Seq: original, Duplicate: true}.
//
// A standalone server checks the expected sequence before the Msg-Id, so a
// retry of an append whose ack was lost fails the sequence check instead of
// being reported as a duplicate. Append therefore looks at the subject's last
// message on a conflict: if it carries msgID, the earlier attempt was stored
// and Append reports it as a duplicate.
func (s *Store) Append(ctx context.Context, subject, msgID string, data []byte, expectLast uint64) (events.Ack, error) {
	if msgID == "" {
		return events.Ack{}, fmt.Errorf("natsstore: append to %s: empty msg id", subject)
	}
	if err := s.StorageFull(); err != nil {
		return events.Ack{}, err
	}
	msg := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
	pa, err := s.js.PublishMsg(ctx, msg,
		jetstream.WithMsgID(msgID),
		jetstream.WithExpectLastSequencePerSubject(expectLast),
	)
	if err == nil {
		return events.Ack{Seq: pa.Sequence, Duplicate: pa.Duplicate}, nil
	}
	if isStorageFull(err) {
		return events.Ack{}, fmt.Errorf("%w: append %s to %s: %w", events.ErrStorageFull, msgID, subject, err)
	}
	if !isWrongLastSeq(err) {
		return events.Ack{}, fmt.Errorf("natsstore: append %s to %s: %w", msgID, subject, err)
	}
	// If this lookup fails, the conflict stands: the caller re-reads and
	// retries, and the server's dedup catches an earlier success then.
	last, lerr := s.stream.GetLastMsgForSubject(ctx, subject)
	if lerr == nil && last.Header.Get(jetstream.MsgIDHeader) == msgID {
		return events.Ack{Seq: last.Sequence, Duplicate: true}, nil
	}
	return events.Ack{}, fmt.Errorf("%w: append %s to %s expecting seq %d: %w", events.ErrWrongLastSeq, msgID, subject, expectLast, err)
}

// isWrongLastSeq reports whether err is JetStream's "wrong last sequence"
// answer: 10071 carries the actual sequence, 10164 is what replicated streams
// send for conflicts with in-flight proposals.
func isWrongLastSeq(err error) bool {
	var apiErr *jetstream.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant
}

// StorageFull is nil unless the log's disk is known to be full (an error
// wrapping events.ErrStorageFull).
func (s *Store) StorageFull() error {
	if s.storage == nil {
		return nil
	}
	return s.storage()
}

// LastSubjectSeq returns the stream sequence of the last message on subject, 0 if none.
func (s *Store) LastSubjectSeq(ctx context.Context, subject string) (uint64, error) {
	m, err := s.stream.GetLastMsgForSubject(ctx, subject)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("natsstore: last message on %s: %w", subject, err)
	}
	return m.Sequence, nil
}

// LastSeq returns the stream's last sequence (0 when empty).
func (s *Store) LastSeq(ctx context.Context) (uint64, error) {
	info, err := s.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("natsstore: stream %s info: %w", s.name, err)
	}
	return info.State.LastSeq, nil
}

// Get returns the message at seq (error wrapping jetstream.ErrMsgNotFound if none).
func (s *Store) Get(ctx context.Context, seq uint64) (events.Stored, error) {
	m, err := s.stream.GetMsg(ctx, seq)
	if err != nil {
		return events.Stored{}, fmt.Errorf("natsstore: get seq %d: %w", seq, err)
	}
	return events.Stored{Seq: m.Sequence, Subject: m.Subject, Time: m.Time, Data: m.Data, Header: events.Header(m.Header)}, nil
}

// ReadUntil delivers, in stream order, every message on filter from fromSeq up to and including
// the stream's last sequence at the time of the call, then returns nil. fn's error stops it and
// is returned. fromSeq 0 reads from the start. Used by replays and the audit; reads through an
// ordered consumer with a large pull buffer.
func (s *Store) ReadUntil(ctx context.Context, filter string, fromSeq uint64, fn func(events.Stored) error) error {
	fromSeq = max(fromSeq, 1)
	until, err := s.LastSeq(ctx)
	if err != nil {
		return err
	}
	if until < fromSeq {
		return nil
	}
	cons, err := s.orderedConsumer(ctx, "thidua-export", filter, fromSeq)
	if err != nil {
		return err
	}
	defer s.deleteConsumer(ctx, cons)
	// A consumer created after the call counts every matching message up to
	// at least until; none pending means none to deliver (with a filter, the
	// last matching message is often below until, so we cannot wait for it).
	if cons.CachedInfo().NumPending == 0 {
		return nil
	}
	iter, err := cons.Messages(jetstream.PullMaxMessages(readBuffer))
	if err != nil {
		return fmt.Errorf("natsstore: read %s: %w", filter, err)
	}
	defer iter.Stop()
	for {
		jm, err := iter.Next(jetstream.NextContext(ctx))
		if err != nil {
			return fmt.Errorf("natsstore: read %s: %w", filter, err)
		}
		m, pending, err := fromJetStream(jm)
		if err != nil {
			return fmt.Errorf("natsstore: read %s: %w", filter, err)
		}
		if m.Seq > until {
			return nil // appended after the call
		}
		if err := fn(m); err != nil {
			return err
		}
		if m.Seq == until || pending == 0 {
			return nil
		}
	}
}

// Follow delivers every message on events.AllSubjects from fromSeq on (0 = from the start), in stream
// order with no gaps or duplicates, and keeps following new ones until ctx is done (then returns
// ctx.Err()) or fn returns an error (returned). The ordered consumer recreates itself after a
// reset (consumer deleted, missed heartbeats, reconnect) from the last delivered sequence.
// Sequences are checked: a jump returns an error wrapping events.ErrGap (a *events.GapError), because the log holds every
// sequence and a projector must stop rather than skip.
func (s *Store) Follow(ctx context.Context, fromSeq uint64, fn func(events.Stored) error) error {
	next := max(fromSeq, 1)
	cons, err := s.orderedConsumer(ctx, "thidua-projector", events.AllSubjects, next)
	if err != nil {
		return err
	}
	defer s.deleteConsumer(ctx, cons)
	iter, err := cons.Messages(jetstream.PullMaxMessages(readBuffer))
	if err != nil {
		return fmt.Errorf("natsstore: follow: %w", err)
	}
	defer iter.Stop()
	for {
		jm, err := iter.Next(jetstream.NextContext(ctx))
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("natsstore: follow: %w", err)
		}
		m, _, err := fromJetStream(jm)
		if err != nil {
			return fmt.Errorf("natsstore: follow: %w", err)
		}
		switch {
		case m.Seq < next:
			continue // already delivered; the ordered consumer should never do this
		case m.Seq > next:
			return &events.GapError{Want: next, Got: m.Seq}
		}
		if err := fn(m); err != nil {
			return err
		}
		next++
	}
}

// orderedConsumer starts an ordered consumer on filter at fromSeq, named
// role-<reader>-<n>_<m> (the client counts m up on each reset).
func (s *Store) orderedConsumer(ctx context.Context, role, filter string, fromSeq uint64) (jetstream.Consumer, error) {
	cons, err := s.stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{
		NamePrefix:     fmt.Sprintf("%s-%s-%d", role, s.reader, s.consumers.Add(1)),
		FilterSubjects: []string{filter},
		DeliverPolicy:  jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:    fromSeq,
	})
	if err != nil {
		return nil, fmt.Errorf("natsstore: consumer on %s from %d: %w", filter, fromSeq, err)
	}
	return cons, nil
}

// deleteConsumer removes a finished ordered consumer now rather than leaving it
// on the server until its 5-minute inactivity threshold. Best effort: the
// threshold still cleans up if this fails, so the error is dropped.
func (s *Store) deleteConsumer(ctx context.Context, cons jetstream.Consumer) {
	info := cons.CachedInfo()
	if info == nil {
		return
	}
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	_ = s.js.DeleteConsumer(dctx, s.name, info.Name)
}

// fromJetStream converts a consumed message and returns the consumer's count of
// matching messages not yet delivered.
func fromJetStream(jm jetstream.Msg) (events.Stored, uint64, error) {
	meta, err := jm.Metadata()
	if err != nil {
		return events.Stored{}, 0, fmt.Errorf("message metadata: %w", err)
	}
	m := events.Stored{
		Seq:     meta.Sequence.Stream,
		Subject: jm.Subject(),
		Time:    meta.Timestamp,
		Data:    jm.Data(),
		Header:  events.Header(jm.Headers()),
	}
	return m, meta.NumPending, nil
}

// Readers counts the consumers on the stream: every serve that follows
// the log holds one, so repair refuses to replace a stream that has any.
func (s *Store) Readers(ctx context.Context) (int, error) {
	info, err := s.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("natsstore: stream %s info: %w", s.name, err)
	}
	return info.State.Consumers, nil
}

// Recreate deletes the stream and creates it again, empty, with the
// configuration and replicas it had. Only repair calls it, after it has
// kept everything the old stream still held: the stream denies deleting
// and purging messages, but not being replaced whole, and JetStream has no
// other way to put a message back at a seq it once had.
func (s *Store) Recreate(ctx context.Context) error {
	info, err := s.stream.Info(ctx)
	if err != nil {
		return fmt.Errorf("natsstore: stream %s info: %w", s.name, err)
	}
	cfg := info.Config
	if err := s.js.DeleteStream(ctx, s.name); err != nil {
		return fmt.Errorf("natsstore: delete stream %s: %w", s.name, err)
	}
	stream, err := s.js.CreateStream(ctx, cfg)
	if err != nil {
		return fmt.Errorf("natsstore: create stream %s again: %w", s.name, err)
	}
	s.stream = stream
	return nil
}

// Restore appends m with its own headers (its Msg-Id and
// expected-last-subject-sequence included, which the server checks
// again) and fails unless the stream stores it at m.Seq. Republishing a
// log in seq order into a recreated stream therefore gives every message
// back its seq.
func (s *Store) Restore(ctx context.Context, m events.Stored) error {
	msg := &nats.Msg{Subject: m.Subject, Data: m.Data, Header: nats.Header{}}
	for k, v := range m.Header {
		msg.Header[k] = append([]string(nil), v...)
	}
	pa, err := s.js.PublishMsg(ctx, msg)
	if err != nil {
		return fmt.Errorf("natsstore: restore seq %d on %s: %w", m.Seq, m.Subject, err)
	}
	if pa.Sequence != m.Seq || pa.Duplicate {
		return fmt.Errorf("natsstore: restore seq %d on %s: stored at seq %d (duplicate %t)", m.Seq, m.Subject, pa.Sequence, pa.Duplicate)
	}
	return nil
}

// Missing lists the seqs between the stream's first and last that it no
// longer holds. The log denies deletes, so each one is a message lost
// (a block truncated or zeroed under a stopped server shows up here).
// A flipped byte may not: the server can still count a message it no
// longer delivers, which Follow then reports as a gap.
func (s *Store) Missing(ctx context.Context) ([]uint64, error) {
	info, err := s.stream.Info(ctx, jetstream.WithDeletedDetails(true))
	if err != nil {
		return nil, fmt.Errorf("natsstore: stream %s info: %w", s.name, err)
	}
	missing := slices.Clone(info.State.Deleted)
	if first := info.State.FirstSeq; first > 1 && info.State.LastSeq > 0 {
		for seq := uint64(1); seq < first; seq++ { // purged or lost from the start
			missing = append(missing, seq)
		}
	}
	slices.Sort(missing)
	return missing, nil
}

// readerName is this process's part of its consumers' names: the host
// (letters, digits and '-' only, as consumer names allow), the pid and a
// random suffix, so that two processes on one host never share a name.
func readerName() string {
	host, _ := os.Hostname()
	var b strings.Builder
	for _, r := range strings.ToLower(host) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' {
			b.WriteRune(r)
		} else if r == '.' {
			break // the host, not its domain
		}
		if b.Len() >= 24 {
			break
		}
	}
	var rnd [3]byte
	rand.Read(rnd[:])
	return fmt.Sprintf("%s-%d-%x", cmp.Or(b.String(), "host"), os.Getpid(), rnd)
}
