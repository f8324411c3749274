package events

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The log's vocabulary: what a stored event is, where it is stored (the
// subject scheme) and what appending and reading can answer. The log
// itself lives in events/natsstore (JetStream) and events/logfile (an
// exported file); the rest of thidua speaks these types only.

// Stored is an event (or checkpoint) as the log holds it.
type Stored struct {
	Seq     uint64 // the log's sequence: every message has its own, in order
	Subject string
	Time    time.Time // server time of storage
	Data    []byte
	Header  Header
}

// Header is a stored message's headers (Nats-Msg-Id and
// Nats-Expected-Last-Subject-Sequence among them), kept exactly as stored:
// the copy's hashes cover them, so keys are never canonicalised.
type Header map[string][]string

// Get returns the first value of key, "" if none.
func (h Header) Get(key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Ack is the result of a successful append.
type Ack struct {
	Seq       uint64 // sequence of the stored message
	Duplicate bool   // the msg id was already stored at Seq; nothing new was written
}

// Subjects. Ids are already restricted to [a-z0-9-], safe as subject tokens.

// UnitSubject is the subject of one unit's events in a season:
// "thidua.ev.<season>.u.<unit>".
func UnitSubject(season, unit string) string { return "thidua.ev." + season + ".u." + unit }

// CommitteeSubject is the subject of a season's committee events:
// "thidua.ev.<season>.committee".
func CommitteeSubject(season string) string { return "thidua.ev." + season + ".committee" }

// CheckpointSubject carries a season's signed checkpoints:
// "thidua.ev.<season>.checkpoint". They are not events; they sign the
// season's events.
func CheckpointSubject(season string) string { return "thidua.ev." + season + ".checkpoint" }

// SeasonFilter matches every message of a season, its events and its
// checkpoints: "thidua.ev.<season>.>".
func SeasonFilter(season string) string { return "thidua.ev." + season + ".>" }

const (
	// AccessSubject carries token issue/revoke events.
	AccessSubject = "thidua.access"
	// AllSubjects matches every subject of the log.
	AllSubjects = "thidua.>"
)

// Kinds of subject.
const (
	KindUnit       = "unit"
	KindCommittee  = "committee"
	KindCheckpoint = "checkpoint"
)

// ParseSubject splits a season subject into its season, kind and unit (for
// KindUnit); ok is false for any other subject.
func ParseSubject(subject string) (season, kind, unit string, ok bool) {
	// Cut, not Split: the projector asks this of every message it folds.
	rest, found := strings.CutPrefix(subject, "thidua.ev.")
	season, tail, _ := strings.Cut(rest, ".")
	if !found || season == "" {
		return "", "", "", false
	}
	switch tail {
	case "committee":
		return season, KindCommittee, "", true
	case "checkpoint":
		return season, KindCheckpoint, "", true
	}
	if unit, ok := strings.CutPrefix(tail, "u."); ok && unit != "" && !strings.Contains(unit, ".") {
		return season, KindUnit, unit, true
	}
	return "", "", "", false
}

// MatchSubject reports whether subject matches filter, a subject whose
// tokens may be "*" (any one token) or, last, ">" (one or more tokens).
func MatchSubject(filter, subject string) bool {
	for {
		ft, frest, fmore := strings.Cut(filter, ".")
		st, srest, smore := strings.Cut(subject, ".")
		switch {
		case ft == ">" && !fmore:
			return st != ""
		case ft != "*" && ft != st:
			return false
		case !fmore || !smore:
			return fmore == smore
		}
		filter, subject = frest, srest
	}
}

var (
	// ErrWrongLastSeq reports that an append's expected last sequence of
	// its subject was not the subject's last: another append to the
	// subject won (an optimistic concurrency conflict). Re-read and retry.
	ErrWrongLastSeq = errors.New("wrong last subject sequence")
	// ErrStorageFull reports that the log's disk has no room for another
	// message: a write is refused at once (rather than after the write's
	// deadline), and is worth retrying once space is freed.
	ErrStorageFull = errors.New("the log's storage is full")
	// ErrGap reports that a reader saw a sequence jump: a message the log
	// should hold is missing. The log is never edited, so this is
	// corruption or tampering; the reader must stop rather than skip.
	ErrGap = errors.New("gap in the log's sequence")
)

// GapError is ErrGap: the seqs Want to Got-1 are missing.
type GapError struct{ Want, Got uint64 }

func (e *GapError) Error() string {
	return fmt.Sprintf("%v: follow wanted seq %d, got %d", ErrGap, e.Want, e.Got)
}

func (e *GapError) Unwrap() error { return ErrGap }

// LogReader reads the log in order: what replays, exports and the audit
// need, from the stream or from an exported file alike.
type LogReader interface {
	// LastSeq is the log's last sequence (0 when empty).
	LastSeq(ctx context.Context) (uint64, error)
	// ReadUntil delivers, in order, every message whose subject matches
	// filter from fromSeq (0 = the start) up to the last sequence at the
	// time of the call, then returns nil; fn's error stops it and is
	// returned.
	ReadUntil(ctx context.Context, filter string, fromSeq uint64, fn func(Stored) error) error
}
