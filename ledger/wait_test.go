package ledger_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// countingState is the real projector, counting how often a writer waits
// for the fold and whether it ever waits for a published view.
type countingState struct {
	*projections.Projector
	folded atomic.Int64
}

func (s *countingState) WaitFolded(ctx context.Context, seq uint64) error {
	s.folded.Add(1)
	return s.Projector.WaitFolded(ctx, seq)
}

// countingLog is the real log, counting the requests a write makes.
type countingLog struct {
	*natsstore.Store
	appends, lastSubject atomic.Int64
}

func (l *countingLog) Append(ctx context.Context, subject, msgID string, data []byte, expectLast uint64) (events.Ack, error) {
	l.appends.Add(1)
	return l.Store.Append(ctx, subject, msgID, data, expectLast)
}

func (l *countingLog) LastSubjectSeq(ctx context.Context, subject string) (uint64, error) {
	l.lastSubject.Add(1)
	return l.Store.LastSubjectSeq(ctx, subject)
}

// TestAWriteWaitsOnce: a POST on a subject nobody else writes waits for
// the fold once and makes one request to the log, its append (issue 18);
// what it appended is folded once it is answered: the next write of the
// same unit validates against it.
func TestAWriteWaitsOnce(t *testing.T) {
	store, proj := setup(t)
	state := &countingState{Projector: proj}
	log := &countingLog{Store: store}
	l := ledger.New(log, state, time.Now)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	if _, _, err := l.AppendEvent(context.Background(), open, &season); err != nil {
		t.Fatal(err)
	}
	unit := events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}
	for i := range 5 {
		state.folded.Store(0)
		log.appends.Store(0)
		log.lastSubject.Store(0)
		body := fmt.Sprintf(`{"id":"th-%d","type":"activity.held","unit":"tay-ho","date":"2024-04-01","data":{"kind":"other","title":"A %d"},"evidence":[{"kind":"document","title":"B"}]}`, i, i)
		if _, created, err := l.Append(context.Background(), domain.DemoSeasonID, unit, domain.Scope{}, []byte(body)); err != nil || !created {
			t.Fatalf("POST %d: created %v, %v", i, created, err)
		}
		if n := state.folded.Load(); n != 1 {
			t.Errorf("POST %d waited for the fold %d times, want once", i, n)
		}
		// The subject's last event comes from the fold: the append is the
		// write's one request to the log.
		if a, ls := log.appends.Load(), log.lastSubject.Load(); a != 1 || ls != 0 {
			t.Errorf("POST %d made %d appends and %d reads of the subject's last seq, want 1 and 0", i, a, ls)
		}
	}
	// A retraction of the last fact, right after it: validated against the
	// fold, which holds it.
	body := `{"id":"th-r","type":"fact.retracted","unit":"tay-ho","data":{"target":"th-4","reason":"trùng"}}`
	if _, created, err := l.Append(context.Background(), domain.DemoSeasonID, unit, domain.Scope{}, []byte(body)); err != nil || !created {
		t.Fatalf("retraction: created %v, %v", created, err)
	}
}
