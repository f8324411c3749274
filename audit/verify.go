package audit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// leaf is one event of the season as the log holds it.
type leaf struct {
	seq     uint64
	id      string
	subject string
	hash    string // seal.ChainHash of its bytes
}

// verifier checks a season's messages in stream order: every event's place
// (subject and season), its link to its predecessor on the subject, the
// Merkle tree over the events, and every checkpoint's signature and root.
type verifier struct {
	season string
	key    *seal.Verifier

	tree     seal.Tree
	leaves   []leaf
	heads    map[string]int  // subject → index in leaves of its last event
	reported map[uint64]bool // places already found altered or missing

	closedSeq uint64 // the season.closed event, once seen
	goodSize  int64  // the largest size a checkpoint was verified at
	mismatch  *mismatch
	// badSignature: a checkpoint did not verify; what it would have covered
	// is not reported again as unsigned.
	badSignature bool
	signed       []signedCheckpoint

	// setAside are the seqs the committee set aside, from the log's
	// seq.set_aside records: replayed around, and listed.
	setAside map[uint64]SetAside

	stats    LogStats
	problems []Problem
	more     int         // problems past maxKept, counted only
	named    []namedFile // evidence items naming a file, in log order
}

// maxKept bounds the problems held in memory: a hostile file can hold a
// problem per line. The report lists the first MaxProblems by seq.
const maxKept = 10 * MaxProblems

// signedCheckpoint is a checkpoint whose signature verified.
type signedCheckpoint struct {
	seq uint64
	cp  seal.Checkpoint
	ok  bool // its root matches the log
}

func newVerifier(season string, key *seal.Verifier) *verifier {
	return &verifier{season: season, key: key, heads: map[string]int{}, reported: map[uint64]bool{}, setAside: map[uint64]SetAside{}}
}

func (v *verifier) fail(seq uint64, id, subject, check, format string, args ...any) {
	if len(v.problems) >= maxKept {
		v.more++
		return
	}
	v.problems = append(v.problems, Problem{Seq: seq, EventID: id, Subject: subject, Check: check, What: fmt.Sprintf(format, args...)})
}

// add checks one message; it reports whether the message is an event to
// replay.
func (v *verifier) add(m events.Stored) bool {
	v.stats.Messages++
	if v.stats.FirstSeq == 0 {
		v.stats.FirstSeq = m.Seq
	}
	v.stats.LastSeq = m.Seq
	season, kind, unit, ok := events.ParseSubject(m.Subject)
	if !ok || season != v.season {
		v.fail(m.Seq, "", m.Subject, CheckSubject, "subject %s is not one of season %s", m.Subject, v.season)
		return false
	}
	if kind == events.KindCheckpoint {
		v.checkpoint(m)
		return false
	}
	v.event(m, kind, unit)
	return true
}

func (v *verifier) event(m events.Stored, kind, unit string) {
	v.stats.Events++
	hash := seal.ChainHash(m.Data)
	ev, payload, err := events.Decode(m.Data)
	if sa, ok := payload.(*events.SeqSetAside); err == nil && ok {
		if _, dup := v.setAside[sa.Seq]; !dup {
			v.setAside[sa.Seq] = SetAside{Seq: sa.Seq, Reason: sa.Reason, By: sa.By, RecordSeq: m.Seq}
		}
	}
	if err != nil {
		v.fail(m.Seq, "", m.Subject, CheckDecode, "the event does not decode: %v", err)
	} else {
		v.place(m, ev, kind, unit)
		v.files(m.Seq, m.Subject, ev)
	}
	v.chain(m, ev, err == nil, hash)
	if err := v.tree.Add(seal.LeafHash(m.Seq, m.Subject, hash)); err != nil {
		v.fail(m.Seq, ev.ID, m.Subject, CheckTree, "%v", err)
	}
	v.leaves = append(v.leaves, leaf{seq: m.Seq, id: ev.ID, subject: m.Subject, hash: hash})
	if err == nil && v.closedSeq != 0 && ev.Type != events.TypeAwardRevoked && ev.Type != events.TypeSeqSetAside {
		v.fail(m.Seq, ev.ID, m.Subject, CheckClosed, "a %s event after the season was closed at seq %d: only award.revoked may follow", ev.Type, v.closedSeq)
	}
	if ev.Type == events.TypeSeasonClosed && v.closedSeq == 0 {
		v.closedSeq = m.Seq
	}
}

// place checks that an event sits on the subject its content names.
func (v *verifier) place(m events.Stored, ev events.Event, kind, unit string) {
	spec, _ := events.Lookup(ev.Type)
	switch {
	case ev.Season != v.season:
		v.fail(m.Seq, ev.ID, m.Subject, CheckSubject, "the event names season %q, but sits on a subject of season %s", ev.Season, v.season)
	case kind == events.KindUnit && (spec.By != events.ByUnit || ev.Unit != unit):
		v.fail(m.Seq, ev.ID, m.Subject, CheckSubject, "a %s event about unit %q sits on unit %s's subject", ev.Type, ev.Unit, unit)
	case kind == events.KindCommittee && spec.By == events.ByUnit:
		v.fail(m.Seq, ev.ID, m.Subject, CheckSubject, "a unit's %s event sits on the committee's subject", ev.Type)
	}
}

// chain checks an event's link to the event before it on its subject. The
// recorded sequence tells which place is bad: an altered predecessor, a
// missing one, or one that should not be there.
func (v *verifier) chain(m events.Stored, ev events.Event, decoded bool, hash string) {
	i, seen := v.heads[m.Subject]
	var before leaf
	if seen {
		before = v.leaves[i]
	}
	switch {
	case !decoded:
	case ev.PrevSeq > before.seq:
		v.fail(ev.PrevSeq, "", m.Subject, CheckChain, "missing: seq %d (%s) records seq %d as the event before it on its subject, and the log does not hold it", m.Seq, ev.ID, ev.PrevSeq)
	case ev.PrevSeq < before.seq:
		v.fail(before.seq, before.id, m.Subject, CheckChain, "not in the chain: seq %d (%s) records seq %d as the event before it on its subject, yet this event sits between them: it was inserted or moved", m.Seq, ev.ID, ev.PrevSeq)
	case !seen && ev.Prev != "":
		v.fail(m.Seq, ev.ID, m.Subject, CheckChain, "altered: the first event on its subject records a predecessor's hash (%s) but no predecessor", short(ev.Prev))
	case ev.Prev != before.hash:
		if v.reported[before.seq] {
			break
		}
		v.reported[before.seq] = true
		v.fail(before.seq, before.id, m.Subject, CheckChain, "altered: the next event on its subject, seq %d (%s), records its hash as %s, but it now hashes to %s", m.Seq, ev.ID, short(ev.Prev), short(before.hash))
	case seen:
		v.stats.ChainLinks++
	}
	v.heads[m.Subject] = len(v.leaves)
}

func (v *verifier) checkpoint(m events.Stored) {
	v.stats.Checkpoints++
	cp, err := v.key.Open(m.Data)
	if err != nil {
		v.badSignature = true
		v.fail(m.Seq, "", m.Subject, CheckSignature, "the checkpoint does not verify with key %s: %v", v.key.Name(), err)
		return
	}
	sc := signedCheckpoint{seq: m.Seq, cp: cp}
	defer func() { v.signed = append(v.signed, sc) }()
	if cp.Season != v.season {
		v.fail(m.Seq, "", m.Subject, CheckSubject, "a checkpoint of season %s on a subject of season %s", cp.Season, v.season)
		return
	}
	v.checkHeads(cp)
	if v.mismatch != nil {
		return // a later root differs too: it follows from the first mismatch
	}
	if cp.Size <= v.tree.Size() {
		root, err := v.tree.Root(cp.Size)
		if err != nil {
			v.fail(m.Seq, "", m.Subject, CheckTree, "%v", err)
			return
		}
		if root == cp.Root && v.leaves[cp.Size-1].seq == cp.Seq {
			sc.ok = true
			v.goodSize = max(v.goodSize, cp.Size)
			return
		}
	}
	v.mismatch = &mismatch{seq: m.Seq, cp: cp, good: v.goodSize, have: v.tree.Size()}
}

// checkHeads checks the last event of every subject that a checkpoint
// signs: present, on its subject, with its bytes unchanged. Each bad place
// is reported once, however many checkpoints sign it.
func (v *verifier) checkHeads(cp seal.Checkpoint) {
	for _, h := range cp.Heads {
		i, found := slices.BinarySearchFunc(v.leaves, h.Seq, func(l leaf, seq uint64) int { return cmp.Compare(l.seq, seq) })
		switch {
		case v.reported[h.Seq]:
		case !found:
			v.reported[h.Seq] = true
			v.fail(h.Seq, "", h.Subject, CheckChain, "missing: a signed checkpoint records seq %d as the last event on its subject, and the log does not hold it", h.Seq)
		case v.leaves[i].subject != h.Subject:
			v.reported[h.Seq] = true
			v.fail(h.Seq, v.leaves[i].id, v.leaves[i].subject, CheckChain, "moved: a signed checkpoint records seq %d on subject %s", h.Seq, h.Subject)
		case v.leaves[i].hash != h.Hash:
			v.reported[h.Seq] = true
			v.fail(h.Seq, v.leaves[i].id, h.Subject, CheckChain, "altered: a signed checkpoint records its hash as %s, but it now hashes to %s", short(h.Hash), short(v.leaves[i].hash))
		}
	}
}

// mismatch is the first checkpoint whose root the log does not reproduce.
type mismatch struct {
	seq  uint64
	cp   seal.Checkpoint
	good int64 // the largest size verified before it
	have int64 // the events before it in the log
}

// nameMismatch says where the first mismatching root stops matching the
// log: among the events after the last checkpoint that matched. The chain,
// the signed heads and the place check name a changed, dropped or moved
// event exactly, so the root agrees with the first of those in the span;
// only if none did is the span's start named.
func (v *verifier) nameMismatch() {
	mm := v.mismatch
	span := v.leaves[mm.good:min(mm.cp.Size, mm.have)]
	what := fmt.Sprintf("the checkpoint at seq %d signs %d events with root %s (the last at seq %d), but the log's events do not reproduce it",
		mm.seq, mm.cp.Size, short(mm.cp.Root.String()), mm.cp.Seq)
	if mm.cp.Size > mm.have {
		what += fmt.Sprintf(": only %d events come before it, so events are missing", mm.have)
	}
	// The span runs from just after the last verified event to the last
	// seq the checkpoint signs: a dropped event can lie after every event
	// still present.
	var lower uint64
	if mm.good > 0 {
		lower = v.leaves[mm.good-1].seq + 1
	}
	upper := mm.cp.Seq
	if len(span) > 0 {
		upper = max(upper, span[len(span)-1].seq)
	}
	what += fmt.Sprintf("; the change lies between seq %d and seq %d", lower, upper)
	for _, p := range v.problems {
		if p.Seq >= lower && p.Seq <= upper {
			v.fail(p.Seq, p.EventID, p.Subject, CheckTree, "%s, where the %s check found it", what, p.Check)
			return
		}
	}
	if len(span) == 0 {
		v.fail(mm.seq, "", "", CheckTree, "%s", what)
		return
	}
	v.fail(span[0].seq, span[0].id, span[0].subject, CheckTree, "%s", what)
}

// finish checks what only the whole log can show: that signed checkpoints
// cover every event, and that a closed season's last one carries the final
// ranking. After a bad root or signature these follow from the problem
// reported for it.
func (v *verifier) finish() {
	v.stats.Subjects = len(v.heads)
	v.stats.Closed = v.closedSeq
	if v.mismatch != nil {
		v.nameMismatch()
		return
	}
	if v.badSignature {
		return
	}
	var covered int64
	var last *signedCheckpoint
	for i := range v.signed {
		if v.signed[i].cp.Size >= covered {
			covered, last = v.signed[i].cp.Size, &v.signed[i]
		}
	}
	if n := int64(len(v.leaves)); covered < n {
		l := v.leaves[covered]
		v.fail(l.seq, l.id, l.subject, CheckCoverage, "%d events from seq %d on are covered by no signed checkpoint", n-covered, l.seq)
	}
	if v.closedSeq != 0 && (last == nil || !last.cp.Closing()) {
		v.fail(v.closedSeq, "", "", CheckClosed, "the season was closed at seq %d, but no signed checkpoint carries its final ranking", v.closedSeq)
	}
}

// signedClose reports whether the log ends with the season's signed
// close: closed, and the largest checkpoint, whose root matched, signs
// every event and carries the final ranking.
func (v *verifier) signedClose() bool {
	if v.closedSeq == 0 || len(v.signed) == 0 || v.mismatch != nil || v.badSignature {
		return false
	}
	last := v.signed[len(v.signed)-1]
	return last.ok && last.cp.Closing() && last.cp.Size == v.tree.Size()
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}
