// Package ledger is the write path: it checks a new event against the
// season as folded so far and appends it to the log with per-subject
// optimistic concurrency and a message id, so that nothing invalid reaches
// the log and no retry writes an event twice.
package ledger

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/thidua/thidua/access"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/projections"
)

// Log is what the ledger needs of the event log.
type Log interface {
	Append(ctx context.Context, subject, msgID string, data []byte, expectLast uint64) (events.Ack, error)
	LastSubjectSeq(ctx context.Context, subject string) (uint64, error)
	LastSeq(ctx context.Context) (uint64, error)
	Get(ctx context.Context, seq uint64) (events.Stored, error)
}

// State is what the ledger needs of the read model.
type State interface {
	// WaitFolded waits until seq is folded: the state writers validate
	// against, which moves before any rescore or commit of the read model.
	WaitFolded(ctx context.Context, seq uint64) error
	WithSeason(id string, fn func(*domain.Season) error) error
	SubjectHead(subject string) projections.Head
	LookupID(ctx context.Context, id string) (projections.IDInfo, bool, error)
	Token(id string) (projections.Token, bool)
	IsMember(unit string, sc domain.Scope) bool
	// Integrity is nil while the log holds every acknowledged event.
	Integrity() error
	// Appended checks the seq the log gave a new write: one already
	// acknowledged means the log lost events.
	Appended(ctx context.Context, seq uint64, id string) error
	// Halted is where the projector stopped, nil while it runs.
	Halted() *projections.Halt
}

// Files is what the ledger needs of the evidence store: what it holds
// under a season and hash (an error wrapping natsstore.ErrFileNotFound
// when nothing).
type Files interface {
	Stat(ctx context.Context, season, sha string) (natsstore.File, error)
}

// Ledger appends events.
type Ledger struct {
	log   Log
	state State
	files Files // nil: no evidence store, so no item may name a file
	now   func() time.Time

	mu        sync.Mutex
	lastAcked uint64                   // the highest seq this process has had acknowledged
	subjects  map[string]chan struct{} // a one-slot lock per subject that a deadline can give up on
}

// New returns a ledger over a log and the read model folded from it, with
// no evidence store.
func New(log Log, state State, now func() time.Time) *Ledger {
	return NewWithFiles(log, state, nil, now)
}

// NewWithFiles returns a ledger whose facts may name files of the
// evidence store.
func NewWithFiles(log Log, state State, files Files, now func() time.Time) *Ledger {
	return &Ledger{log: log, state: state, files: files, now: now, subjects: map[string]chan struct{}{}}
}

// Reply is what an append answers (the contract's 201 body).
type Reply struct {
	ID     string `json:"id"`
	Seq    uint64 `json:"seq"`
	Type   string `json:"type"`
	Season string `json:"season"`
	Unit   string `json:"unit,omitempty"`
}

// maxAttempts bounds retries on optimistic-concurrency conflicts.
const maxAttempts = 20

// appendTimeout bounds one write (an append, a token issued or revoked)
// from its entry point, queueing behind other writers of the subject
// included. While a cluster elects a leader or has lost its
// quorum, a writer gets a 503 to retry (with the same id, idempotently)
// instead of a request that hangs.
const appendTimeout = 10 * time.Second

// logCallTimeout bounds each request to the log inside an append. A
// request sent to a stream leader that has just died gets no answer; the
// retry after this long reaches the newly elected one. (nats.go waits for
// the whole context deadline otherwise, so appendTimeout alone would make
// every failover take 10 s.)
const logCallTimeout = 5 * time.Second

// Append validates and appends one posted event by author, whose token has
// scope sc. created is false when the same id was already appended with the
// same content: the reply is then the original one and nothing new is
// written.
func (l *Ledger) Append(ctx context.Context, season string, author events.Author, sc domain.Scope, body []byte) (Reply, bool, error) {
	if !events.ValidID(season) {
		return Reply{}, false, domain.Errorf(domain.NotFound, "season", "%q is not a season id", season)
	}
	ev, payload, err := events.ParseInput(body)
	if err != nil {
		return Reply{}, false, err
	}
	if ev.Type == events.TypeSeqSetAside {
		return Reply{}, false, domain.Errorf(domain.Invalid, "type", "a seq is set aside with POST /api/v1/set-aside, where the projector halted")
	}
	ev.Season, ev.Author = season, author
	if ev.ID == "" {
		if ev.ID, err = newEventID(); err != nil {
			return Reply{}, false, fmt.Errorf("make event id: %w", err)
		}
	}
	return l.append(ctx, ev, payload, sc)
}

// AppendEvent appends an event built in Go (the demo); Data must already be
// the canonical encoding of payload. Its caller is the process itself, so
// the author's scope is every cluster.
func (l *Ledger) AppendEvent(ctx context.Context, ev events.Event, payload events.Payload) (Reply, bool, error) {
	if err := events.ValidatePayload(payload); err != nil {
		return Reply{}, false, err
	}
	return l.append(ctx, ev, payload, domain.Scope{})
}

func (l *Ledger) append(ctx context.Context, ev events.Event, payload events.Payload, sc domain.Scope) (Reply, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, appendTimeout)
	defer cancel()
	// A log that lost events would give a new event an acknowledged seq,
	// and an id the lost part held would be appended twice.
	if err := l.state.Integrity(); err != nil {
		return Reply{}, false, err
	}
	subject := events.CommitteeSubject(ev.Season)
	if spec, _ := events.Lookup(ev.Type); spec.By == events.ByUnit {
		subject = events.UnitSubject(ev.Season, ev.Unit)
	}
	// Writers of this process queue per subject; then the one wait of a
	// write: until the fold holds everything this process has written. The
	// subject's last event is taken from the fold, not asked of the log: the
	// append's optimistic concurrency refuses it if another process has
	// written since, and only then is the log read (publishLocked). An id
	// the fold knows is a re-post; one it does not know yet, written
	// elsewhere within the broker's window, comes back from publish as a
	// duplicate.
	unlock, err := l.lockSubject(ctx, subject)
	if err != nil {
		return Reply{}, false, err
	}
	defer unlock()
	if err := l.state.WaitFolded(ctx, l.acked()); err != nil {
		return Reply{}, false, unavailable("catch up with the log", err)
	}
	// A re-post is answered only within the token's reach, like a read.
	if err := l.state.WithSeason(ev.Season, func(s *domain.Season) error { return domain.CheckScope(s, ev, payload, sc) }); err != nil {
		return Reply{}, false, err
	}
	if err := l.attachFiles(ctx, ev.Season, ev.Evidence); err != nil {
		return Reply{}, false, err
	}
	// After the files are attached: a re-post names the same stored files.
	info, ok, err := l.state.LookupID(ctx, ev.ID)
	if err != nil {
		return Reply{}, false, unavailable("read the read model", err)
	}
	if ok {
		return l.replay(ev, info)
	}
	ack, err := l.publishLocked(ctx, subject, ev.ID, true, func(prev projections.Head) ([]byte, error) {
		if err := l.check(ctx, ev, payload, sc); err != nil {
			return nil, err
		}
		ev.Recorded = l.now().UTC().Format(time.RFC3339Nano)
		ev.PrevSeq, ev.Prev = prev.Seq, prev.Hash
		return events.Encode(ev)
	})
	if err != nil {
		return Reply{}, false, err
	}
	if ack.Duplicate {
		return l.duplicate(ctx, ev, ack.Seq)
	}
	return Reply{ID: ev.ID, Seq: ack.Seq, Type: ev.Type, Season: ev.Season, Unit: ev.Unit}, true, nil
}

// attachFiles checks that every file the evidence names is in the season's
// store and records, in the item, what the store holds: its name, size and
// type become part of the signed event. What is stored under a hash never
// changes, so a re-post attaches the same and hashes the same.
func (l *Ledger) attachFiles(ctx context.Context, season string, items []events.Evidence) error {
	for i := range items {
		e := &items[i]
		if e.File == "" {
			continue
		}
		field := fmt.Sprintf("evidence[%d].file", i)
		if l.files == nil {
			return domain.Errorf(domain.Invalid, field, "this server keeps no evidence files")
		}
		cctx, cancel := context.WithTimeout(ctx, logCallTimeout)
		f, err := l.files.Stat(cctx, season, e.File)
		cancel()
		if errors.Is(err, natsstore.ErrFileNotFound) {
			return domain.Errorf(domain.Invalid, field, "no file %s is stored for season %s: upload it first (POST /api/v1/seasons/%s/files)", e.File, season, season)
		}
		if err != nil {
			return unavailable("read the evidence store", err)
		}
		e.FileName, e.FileSize, e.FileType = f.Name, f.Size, f.ContentType
	}
	return nil
}

// publish appends to a subject under optimistic concurrency. It waits
// until the fold holds everything on the subject and everything this
// process has written; prepare then validates against that state and
// returns the bytes to append, chained to prev, the subject's last event.
// After a conflict it is called again. Writers of this process
// queue per subject, so the retries only arbitrate between processes, with
// jittered backoff so two do not collide in step.
func (l *Ledger) publish(ctx context.Context, subject, msgID string, prepare func(prev projections.Head) ([]byte, error)) (events.Ack, error) {
	unlock, err := l.lockSubject(ctx, subject)
	if err != nil {
		return events.Ack{}, err
	}
	defer unlock()
	return l.publishLocked(ctx, subject, msgID, false, prepare)
}

// lockSubject queues behind this process's other writers of a subject,
// until ctx ends.
func (l *Ledger) lockSubject(ctx context.Context, subject string) (func(), error) {
	lock := l.subjectLock(subject)
	select {
	case lock <- struct{}{}:
		return func() { <-lock }, nil
	case <-ctx.Done():
		return nil, unavailable("wait for other writes to "+subject, ctx.Err())
	}
}

// publishLocked is publish for a caller that holds the subject's lock.
// waited says the caller has already waited for the fold to hold this
// process's writes: the first attempt then waits for nothing and makes no
// request but the append itself.
func (l *Ledger) publishLocked(ctx context.Context, subject, msgID string, waited bool, prepare func(prev projections.Head) ([]byte, error)) (events.Ack, error) {
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if attempt > 0 {
			backoff(ctx, attempt)
		}
		var expect uint64
		switch {
		case attempt == 0 && waited:
		case attempt == 0:
			if err := l.state.WaitFolded(ctx, l.acked()); err != nil {
				return events.Ack{}, unavailable("catch up with the log", err)
			}
		default:
			// Another process wrote to the subject: read how far, and
			// wait until the fold holds it.
			var err error
			if expect, err = l.lastSubjectSeq(ctx, subject); err != nil {
				return events.Ack{}, unavailable("read the log", err)
			}
			if err := l.state.WaitFolded(ctx, max(expect, l.acked())); err != nil {
				return events.Ack{}, unavailable("catch up with the log", err)
			}
		}
		head := l.state.SubjectHead(subject)
		if attempt > 0 && head.Seq != expect {
			continue // the subject moved on since we read it: re-read
		}
		expect = head.Seq
		data, err := prepare(head)
		if err != nil {
			return events.Ack{}, err
		}
		ack, err := l.appendOnce(ctx, subject, msgID, data, expect)
		if errors.Is(err, events.ErrWrongLastSeq) {
			continue // another process got there first: re-read and re-check
		}
		if err != nil {
			return events.Ack{}, unavailable("append to the log", err)
		}
		if !ack.Duplicate {
			if err := l.state.Appended(ctx, ack.Seq, msgID); err != nil {
				return events.Ack{}, err
			}
			l.ack(ack.Seq)
		}
		return ack, nil
	}
	return events.Ack{}, domain.Errorf(domain.Conflict, "", "too many concurrent writes to %s; try again", subject)
}

// check runs domain validation, the token's scope first; an unknown target
// may only be unknown to this replica so far, so it catches up with the
// whole log once and re-checks before refusing. The scope is judged here,
// on the state the event is validated against, so that a season another
// replica has just opened is judged by its cluster too.
func (l *Ledger) check(ctx context.Context, ev events.Event, payload events.Payload, sc domain.Scope) error {
	validate := func() error {
		return l.state.WithSeason(ev.Season, func(s *domain.Season) error {
			if err := domain.CheckScope(s, ev, payload, sc); err != nil {
				return err
			}
			return domain.Check(s, ev, payload)
		})
	}
	err := validate()
	var de *domain.Error
	if errors.As(err, &de) && (de.Field == "data.target" || de.Code == domain.NotFound) {
		last, lerr := l.log.LastSeq(ctx)
		if lerr != nil {
			return unavailable("read the log", lerr)
		}
		if werr := l.state.WaitFolded(ctx, last); werr != nil {
			return unavailable("catch up with the log", werr)
		}
		err = validate()
	}
	return err
}

// replay answers a re-post of a known id. The content hash is worked out
// only here: a new id, the common write, needs none.
func (l *Ledger) replay(ev events.Event, info projections.IDInfo) (Reply, bool, error) {
	if info.Hash != events.ContentHash(ev) {
		return Reply{}, false, domain.Errorf(domain.Conflict, "id", "event id %s was already used for other content (seq %d)", ev.ID, info.Seq)
	}
	return Reply{ID: ev.ID, Seq: info.Seq, Type: info.Type, Season: info.Season, Unit: info.Unit}, false, nil
}

// duplicate answers when the broker dropped our publish as a duplicate of a
// message inside its window.
func (l *Ledger) duplicate(ctx context.Context, ev events.Event, seq uint64) (Reply, bool, error) {
	m, err := l.log.Get(ctx, seq)
	if err != nil {
		return Reply{}, false, unavailable("read the original event", err)
	}
	orig, _, err := events.Decode(m.Data)
	if err != nil {
		return Reply{}, false, fmt.Errorf("decode event at seq %d: %w", seq, err)
	}
	return l.replay(ev, projections.IDInfo{Seq: seq, Hash: events.ContentHash(orig), Season: orig.Season, Unit: orig.Unit, Type: orig.Type})
}

func (l *Ledger) lastSubjectSeq(ctx context.Context, subject string) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, logCallTimeout)
	defer cancel()
	return l.log.LastSubjectSeq(ctx, subject)
}

func (l *Ledger) appendOnce(ctx context.Context, subject, msgID string, data []byte, expect uint64) (events.Ack, error) {
	ctx, cancel := context.WithTimeout(ctx, logCallTimeout)
	defer cancel()
	return l.log.Append(ctx, subject, msgID, data, expect)
}

func (l *Ledger) subjectLock(subject string) chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	m, ok := l.subjects[subject]
	if !ok {
		m = make(chan struct{}, 1)
		l.subjects[subject] = m
	}
	return m
}

// backoff waits a little, more after each conflict, with jitter so that
// two processes do not collide again in step.
func backoff(ctx context.Context, attempt int) {
	d := time.Duration(mrand.Int64N(int64(attempt)*int64(time.Millisecond)) + int64(time.Millisecond))
	select {
	case <-time.After(d):
	case <-ctx.Done():
	}
}

func (l *Ledger) acked() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastAcked
}

func (l *Ledger) ack(seq uint64) {
	l.mu.Lock()
	l.lastAcked = max(l.lastAcked, seq)
	l.mu.Unlock()
}

func unavailable(what string, err error) error {
	var de *domain.Error
	if errors.Is(err, context.Canceled) || errors.As(err, &de) && (de.Code == domain.LogLostEvents || de.Code == domain.StorageFull) {
		return err
	}
	if errors.Is(err, events.ErrStorageFull) {
		return &domain.Error{Code: domain.StorageFull, Message: what + ": the log's disk is full; free space and retry with the same id: " + err.Error()}
	}
	return &domain.Error{Code: domain.Unavailable, Message: what + ": " + err.Error()}
}

func newEventID() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "ev-" + hex.EncodeToString(b), nil
}

// TokenRequest is what a new token is for (the body of POST /tokens).
type TokenRequest struct {
	Role string `json:"role"`
	Unit string `json:"unit"`
	// Cluster binds a committee or auditor token to one cluster's seasons;
	// "" is every cluster.
	Cluster string `json:"cluster"`
	// Holder and Position name the person the token is for ("Nguyễn Thị
	// Hoa", "Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô"); both optional.
	Holder   string `json:"holder,omitempty"`
	Position string `json:"position,omitempty"`
}

// Issued is a new token, shown once.
type Issued struct {
	Token    string `json:"token"`
	ID       string `json:"id"`
	Role     string `json:"role"`
	Unit     string `json:"unit,omitempty"`
	Cluster  string `json:"cluster,omitempty"`
	Holder   string `json:"holder,omitempty"`
	Position string `json:"position,omitempty"`
}

// IssueToken records a new token on the log and waits until it works. by,
// whose token has scope sc, issues it: a committee bound to a cluster only
// unit tokens for members of that cluster's seasons and committee or
// auditor tokens bound to that cluster, never more than it holds itself.
func (l *Ledger) IssueToken(ctx context.Context, by events.Author, sc domain.Scope, req TokenRequest) (Issued, error) {
	ctx, cancel := context.WithTimeout(ctx, appendTimeout)
	defer cancel()
	role, unit, cluster := req.Role, req.Unit, req.Cluster
	switch {
	case by.Role != events.RoleAdmin && by.Role != events.RoleCommittee:
		return Issued{}, domain.Errorf(domain.Forbidden, "", "only the committee issues tokens")
	case role != events.RoleUnit && role != events.RoleCommittee && role != events.RoleAuditor:
		return Issued{}, domain.Errorf(domain.Invalid, "role", "%q is not a role (unit, committee, auditor)", role)
	case role == events.RoleUnit && unit == "":
		return Issued{}, domain.Errorf(domain.Invalid, "unit", "a unit token names its unit")
	case role != events.RoleUnit && unit != "":
		return Issued{}, domain.Errorf(domain.Invalid, "unit", "only a unit token names a unit")
	case role == events.RoleUnit && cluster != "":
		return Issued{}, domain.Errorf(domain.Invalid, "cluster", "a unit token is bound by its unit, not by a cluster")
	case cluster != "" && !events.ValidID(cluster):
		return Issued{}, domain.Errorf(domain.Invalid, "cluster", "%q is not a cluster id (lower-case letters, digits and '-')", cluster)
	case role != events.RoleUnit && !sc.Covers(cluster):
		// An unbound token would reach every cluster: more than sc holds.
		return Issued{}, domain.Errorf(domain.Forbidden, "cluster", "this token issues committee and auditor tokens for cluster %s only: ask for \"cluster\": %q", sc.Cluster, sc.Cluster)
	}
	if err := checkHolder(req); err != nil {
		return Issued{}, err
	}
	if err := l.state.Integrity(); err != nil {
		return Issued{}, err
	}
	// Membership must be judged on a state that holds this process's writes.
	if err := l.state.WaitFolded(ctx, l.acked()); err != nil {
		return Issued{}, unavailable("catch up with the log", err)
	}
	if role == events.RoleUnit && !l.state.IsMember(unit, sc) {
		if sc.Bound() {
			return Issued{}, domain.Errorf(domain.Forbidden, "unit", "unit %q is not a member of a season of cluster %s", unit, sc.Cluster)
		}
		return Issued{}, domain.Errorf(domain.Invalid, "unit", "unit %q is not a member of any season", unit)
	}
	token, id, hash, err := access.New()
	if err != nil {
		return Issued{}, fmt.Errorf("make token: %w", err)
	}
	p := &events.TokenIssued{ID: id, Hash: hash, Role: role, Unit: unit, Cluster: cluster, IssuedBy: authorName(by),
		Holder: strings.TrimSpace(req.Holder), Position: strings.TrimSpace(req.Position)}
	if err := l.system(ctx, events.TypeTokenIssued, id, by, p); err != nil {
		return Issued{}, err
	}
	return Issued{Token: token, ID: id, Role: role, Unit: unit, Cluster: cluster, Holder: p.Holder, Position: p.Position}, nil
}

// RevokeToken records that a token stops working, and waits until it has.
// A committee bound to a cluster revokes only that cluster's tokens: the
// committee and auditor tokens bound to it and the unit tokens of its
// seasons' members.
func (l *Ledger) RevokeToken(ctx context.Context, by events.Author, sc domain.Scope, id string) error {
	ctx, cancel := context.WithTimeout(ctx, appendTimeout)
	defer cancel()
	if by.Role != events.RoleAdmin && by.Role != events.RoleCommittee {
		return domain.Errorf(domain.Forbidden, "", "only the committee revokes tokens")
	}
	if err := l.state.Integrity(); err != nil {
		return err
	}
	if err := l.state.WaitFolded(ctx, l.acked()); err != nil {
		return unavailable("catch up with the log", err)
	}
	t, ok := l.state.Token(id)
	if !ok {
		return domain.Errorf(domain.NotFound, "id", "no token %s", id)
	}
	if sc.Bound() {
		ofCluster := t.Cluster == sc.Cluster
		if t.Role == events.RoleUnit {
			ofCluster = l.state.IsMember(t.Unit, sc)
		}
		if !ofCluster {
			return domain.Errorf(domain.Forbidden, "id", "this token revokes tokens of cluster %s only", sc.Cluster)
		}
	}
	if t.RevokedAt != "" {
		return nil // revoking twice changes nothing
	}
	return l.system(ctx, events.TypeTokenRevoked, "revoke-"+id, by, &events.TokenRevoked{ID: id, RevokedBy: authorName(by)})
}

func (l *Ledger) system(ctx context.Context, typ, id string, by events.Author, p events.Payload) error {
	if err := events.ValidatePayload(p); err != nil {
		return err
	}
	data, err := jsonData(p)
	if err != nil {
		return err
	}
	ev := events.Event{Schema: events.Schema, ID: id, Type: typ, Data: data, Author: by, Recorded: l.now().UTC().Format(time.RFC3339Nano)}
	ack, err := l.publish(ctx, events.AccessSubject, id, func(prev projections.Head) ([]byte, error) {
		ev.PrevSeq, ev.Prev = prev.Seq, prev.Hash
		return events.Encode(ev)
	})
	if err != nil {
		return err
	}
	if err := l.state.WaitFolded(ctx, ack.Seq); err != nil {
		return unavailable("catch up with the log", err)
	}
	return nil
}

// checkHolder applies the event's text rules to the person named in a
// token request, with the request's own field names.
func checkHolder(req TokenRequest) error {
	// Every other field valid, so that the first failure is the person's.
	p := events.TokenIssued{ID: "check", Hash: strings.Repeat("0", 64), Role: events.RoleCommittee,
		Holder: strings.TrimSpace(req.Holder), Position: strings.TrimSpace(req.Position)}
	err := events.ValidatePayload(&p)
	var ve *events.ValidationError
	if errors.As(err, &ve) && (ve.Field == "data.holder" || ve.Field == "data.position") {
		return domain.Errorf(domain.Invalid, strings.TrimPrefix(ve.Field, "data."), "%s", ve.Message)
	}
	return nil
}

func authorName(a events.Author) string {
	if a.Token != "" {
		return a.Role + ":" + a.Token
	}
	return a.Role
}
