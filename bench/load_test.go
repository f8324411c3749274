package bench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

var smallLoad = LoadSpec{Units: 30, Seasons: 3, Events: 3000, Seed: 7}

func generate(t *testing.T, spec LoadSpec) []Message {
	t.Helper()
	g, err := NewGenerator(spec)
	if err != nil {
		t.Fatal(err)
	}
	var out []Message
	for {
		m, ok, err := g.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return out
		}
		out = append(out, m)
	}
}

// TestBenchLoadIsValid: every generated event is one the server would have
// accepted at its place in the log: it parses as a posted body into the
// same stored data, passes the domain's checks against the season folded so
// far, and the fold gives it an effect. Every type of domain.md §2 appears.
func TestBenchLoadIsValid(t *testing.T) {
	msgs := generate(t, smallLoad)
	if len(msgs) != smallLoad.Events {
		t.Fatalf("generated %d messages, want %d", len(msgs), smallLoad.Events)
	}
	seasons := map[string]*domain.Season{}
	types := map[string]int{}
	for i, m := range msgs {
		if m.Seq != uint64(i+1) {
			t.Fatalf("message %d has seq %d", i, m.Seq)
		}
		ev, p, err := events.Decode(m.Data)
		if err != nil {
			t.Fatalf("seq %d: %v", m.Seq, err)
		}
		types[ev.Type]++
		spec, _ := events.Lookup(ev.Type)
		if spec.By == events.BySystem {
			if err := events.ValidatePayload(p); err != nil {
				t.Fatalf("seq %d %s: %v", m.Seq, ev.Type, err)
			}
			if m.Subject != events.AccessSubject {
				t.Fatalf("seq %d: a token event on %s", m.Seq, m.Subject)
			}
			continue
		}
		wantSubject := events.CommitteeSubject(ev.Season)
		if spec.By == events.ByUnit {
			wantSubject = events.UnitSubject(ev.Season, ev.Unit)
		}
		if m.Subject != wantSubject {
			t.Fatalf("seq %d %s on %s, want %s", m.Seq, ev.Type, m.Subject, wantSubject)
		}
		// As a client would post it: the server must store the same data.
		body, err := json.Marshal(events.Input{ID: ev.ID, Type: ev.Type, Unit: ev.Unit, Date: ev.Date, Data: ev.Data, Evidence: ev.Evidence})
		if err != nil {
			t.Fatal(err)
		}
		parsed, payload, err := events.ParseInput(body)
		if err != nil {
			t.Fatalf("seq %d %s: the server would refuse it: %v\n%s", m.Seq, ev.Type, err, body)
		}
		if !bytes.Equal(parsed.Data, ev.Data) || !reflect.DeepEqual(parsed.Evidence, ev.Evidence) {
			t.Fatalf("seq %d %s: the server would store\n%s\nnot\n%s", m.Seq, ev.Type, parsed.Data, ev.Data)
		}
		s := seasons[ev.Season]
		if s == nil {
			s = domain.NewSeason(ev.Season)
		}
		parsed.Season, parsed.Author = ev.Season, ev.Author
		if err := domain.Check(seasons[ev.Season], parsed, payload); err != nil {
			t.Fatalf("seq %d %s (%s): %v", m.Seq, ev.Type, ev.ID, err)
		}
		if err := s.Apply(events.Record{Seq: m.Seq, Subject: m.Subject, Event: ev, Payload: p}); err != nil {
			t.Fatalf("seq %d: %v", m.Seq, err)
		}
		seasons[ev.Season] = s
		if e, _ := s.Event(ev.ID); e.Ignored() != "" {
			t.Fatalf("seq %d %s: the fold ignores it: %s", m.Seq, ev.Type, e.Ignored())
		}
	}
	for _, typ := range []string{
		events.TypeActivityHeld, events.TypeModelRecognized, events.TypeExemplarHonored, events.TypeCongressCompleted,
		events.TypeReportSubmitted, events.TypeIndicatorReported, events.TypeFactRetracted, events.TypeSeasonOpened,
		events.TypeRubricAmended, events.TypeTargetAssigned, events.TypeFactVerified, events.TypeFactRejected,
		events.TypeScoreAssessed, events.TypeBonusAwarded, events.TypeDeductionApplied, events.TypeViolationRecorded,
		events.TypeBallotRecorded, events.TypeSeasonClosed, events.TypeCommitteeRetracted, events.TypeTokenIssued,
	} {
		if types[typ] == 0 {
			t.Errorf("no %s in the load", typ)
		}
	}
	t.Logf("event mix: %v", types)
	for id, s := range seasons {
		views := []domain.View{domain.Claimed, domain.Verified}
		if s.Closed != nil {
			views = append(views, domain.Final)
		}
		for _, v := range views {
			if _, err := s.Standings(v); err != nil {
				t.Errorf("%s %s: %v", id, v, err)
			}
		}
	}
}

// TestBenchLoadChainVerifies: the real audit finds every generated event
// linked to its predecessor on its subject. (The generated year has no
// signed checkpoints yet; the bench signs them, and its smoke test audits
// the whole.)
func TestBenchLoadChainVerifies(t *testing.T) {
	msgs := generate(t, smallLoad)
	signer, err := seal.LoadOrCreateKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	key, err := seal.NewVerifier(signer.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	season := "cum-0001-2024"
	rep, err := audit.Run(context.Background(), func(_ context.Context, fn func(events.Stored) error) error {
		for _, m := range msgs {
			if s, _, _, ok := events.ParseSubject(m.Subject); ok && s == season {
				if err := fn(events.Stored{Seq: m.Seq, Subject: m.Subject, Data: m.Data}); err != nil {
					return err
				}
			}
		}
		return nil
	}, audit.Options{Season: season, Key: key, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		if p.Check != audit.CheckCoverage && p.Check != audit.CheckClosed {
			t.Errorf("seq %d [%s]: %s", p.Seq, p.Check, p.What)
		}
	}
	if rep.Log.Events < 100 || rep.Log.ChainLinks != rep.Log.Events-rep.Log.Subjects {
		t.Errorf("%d events, %d chain links over %d subjects: every event but each subject's first should link", rep.Log.Events, rep.Log.ChainLinks, rep.Log.Subjects)
	}
}

// TestBenchLoadIsDeterministic: the same spec gives the same bytes, another
// seed other bytes.
func TestBenchLoadIsDeterministic(t *testing.T) {
	digest := func(spec LoadSpec) [32]byte {
		h := sha256.New()
		for _, m := range generate(t, spec) {
			h.Write([]byte(m.Subject))
			h.Write(m.Data)
		}
		return [32]byte(h.Sum(nil))
	}
	a, b := digest(smallLoad), digest(smallLoad)
	other := smallLoad
	other.Seed++
	if a != b {
		t.Error("two generations of one spec differ")
	}
	if a == digest(other) {
		t.Error("another seed gives the same load")
	}
}

func TestBenchLoadRefusesTooFewEvents(t *testing.T) {
	for _, spec := range []LoadSpec{
		{Units: 30, Seasons: 3, Events: 100},
		{Units: 2, Seasons: 3, Events: 3000},
		{Units: 3, Seasons: 0, Events: 3000},
	} {
		if _, err := NewGenerator(spec); err == nil {
			t.Errorf("%+v: no error", spec)
		}
	}
}
