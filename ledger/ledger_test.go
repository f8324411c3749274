package ledger_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
)

func setup(t *testing.T) (*natsstore.Store, *projections.Projector) {
	t.Helper()
	dir := t.TempDir()
	store := natstest.Start(t, filepath.Join(dir, "nats"))
	proj, err := projections.Open(context.Background(), filepath.Join(dir, "read.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- proj.Run(ctx, store) }()
	t.Cleanup(func() {
		cancel()
		<-done
		proj.Close()
	})
	return store, proj
}

// TestConcurrentWritersOnOneSubject: two ledgers (two API processes) write
// the same unit's facts at once. Optimistic concurrency makes them retry,
// never lose or duplicate an event.
func TestConcurrentWritersOnOneSubject(t *testing.T) {
	store, proj := setup(t)
	a, b := ledger.New(store, proj, time.Now), ledger.New(store, proj, time.Now)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	if _, _, err := a.AppendEvent(context.Background(), ev, &season); err != nil {
		t.Fatal(err)
	}
	unit := events.Author{Role: events.RoleUnit, Unit: "ha-dong", Token: "t"}
	const perWriter = 25
	var mu sync.Mutex
	seqs := map[uint64]string{}
	var wg sync.WaitGroup
	for w, l := range []*ledger.Ledger{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				id := fmt.Sprintf("w%d-%d", w, i)
				body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":"ha-dong","date":"2024-04-01","data":{"kind":"other","title":"Hoạt động %d"},"evidence":[{"kind":"document","title":"Biên bản"}]}`, id, i)
				r, created, err := l.Append(context.Background(), domain.DemoSeasonID, unit, domain.Scope{}, []byte(body))
				if err != nil || !created {
					t.Errorf("%s: created %v, %v", id, created, err)
					return
				}
				mu.Lock()
				if other, dup := seqs[r.Seq]; dup {
					t.Errorf("seq %d given to %s and %s", r.Seq, other, id)
				}
				seqs[r.Seq] = id
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seqs) != 4*perWriter {
		t.Fatalf("%d events appended, want %d", len(seqs), 4*perWriter)
	}
	last, err := store.LastSubjectSeq(context.Background(), events.UnitSubject(domain.DemoSeasonID, "ha-dong"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := proj.WaitFor(ctx, last); err != nil {
		t.Fatal(err)
	}
	evs, err := proj.Events(ctx, domain.DemoSeasonID, "ha-dong", 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 4*perWriter {
		t.Errorf("the log holds %d of ha-dong's events, want %d", len(evs), 4*perWriter)
	}
	// However the writers raced, each event is chained to the one stored
	// before it on the subject: its seq and the hash of its stored bytes.
	var prevSeq uint64
	var prevHash string
	for _, se := range evs {
		m, err := store.Get(ctx, se.Seq)
		if err != nil {
			t.Fatal(err)
		}
		ev, _, err := events.Decode(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		if ev.PrevSeq != prevSeq || ev.Prev != prevHash {
			t.Errorf("seq %d records prev %d %.12s, the subject's previous event is %d %.12s", se.Seq, ev.PrevSeq, ev.Prev, prevSeq, prevHash)
		}
		prevSeq, prevHash = se.Seq, seal.ChainHash(m.Data)
	}
}

// TestRepostIsIdempotent: the same id and content returns the original
// reply; the same id with other content is a conflict.
func TestRepostIsIdempotent(t *testing.T) {
	store, proj := setup(t)
	l := ledger.New(store, proj, time.Now)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	if _, _, err := l.AppendEvent(context.Background(), ev, &season); err != nil {
		t.Fatal(err)
	}
	unit := events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}
	body := `{"id":"th-1","type":"activity.held","unit":"tay-ho","date":"2024-04-01","data":{"kind":"other","title":"A, sửa"},"evidence":[{"kind":"document","title":"B"}]}`
	first, created, err := l.Append(context.Background(), domain.DemoSeasonID, unit, domain.Scope{}, []byte(`{"id":"th-1","type":"activity.held","unit":"tay-ho","date":"2024-04-01","data":{"kind":"other","title":"A"},"evidence":[{"kind":"document","title":"B"}]}`))
	if err != nil || !created {
		t.Fatalf("first: %v %v", created, err)
	}
	cases := []struct {
		name string
		body string
		code domain.Code
	}{
		{"same content, keys reordered", `{"evidence":[{"title":"B","kind":"document"}],"data":{"title":"A","kind":"other"},"date":"2024-04-01","unit":"tay-ho","type":"activity.held","id":"th-1"}`, ""},
		{"other content", body, domain.Conflict},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, created, err := l.Append(context.Background(), domain.DemoSeasonID, unit, domain.Scope{}, []byte(c.body))
			if c.code != "" {
				if domain.ErrorOf(err).Code != c.code {
					t.Errorf("got %v, want %s", err, c.code)
				}
				return
			}
			if err != nil || created || r != first {
				t.Errorf("got %+v created %v err %v, want the original reply %+v", r, created, err, first)
			}
		})
	}
}

// TestRepostThroughAProcessThatHasNotFoldedIt: another process whose
// read model has not folded an event yet (its projector stopped after the
// opening) takes a re-post of it to the log, which answers with the
// original as a duplicate: the same content gets the original reply, other
// content a conflict, and nothing is appended either way.
func TestRepostThroughAProcessThatHasNotFoldedIt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store := natstest.Start(t, filepath.Join(dir, "nats"))
	running := func(name string) (*projections.Projector, func()) {
		p, err := projections.Open(ctx, filepath.Join(dir, name), slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- p.Run(rctx, store) }()
		stopped := false
		stop := func() {
			if !stopped {
				stopped = true
				cancel()
				<-done
			}
		}
		t.Cleanup(func() { stop(); p.Close() })
		return p, stop
	}
	projA, _ := running("a.db")
	projB, stopB := running("b.db")
	a, b := ledger.New(store, projA, time.Now), ledger.New(store, projB, time.Now)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	opened, _, err := a.AppendEvent(ctx, open, &season)
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := projB.WaitFor(wctx, opened.Seq); err != nil {
		t.Fatal(err)
	}
	stopB()

	unit := events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}
	body := `{"id":"th-1","type":"activity.held","unit":"tay-ho","date":"2024-04-01","data":{"kind":"other","title":"A"},"evidence":[{"kind":"document","title":"B"}]}`
	first, created, err := a.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(body))
	if err != nil || !created {
		t.Fatalf("first: %v %v", created, err)
	}
	if _, known, _ := projB.LookupID(ctx, "th-1"); known {
		t.Fatal("test bug: the second read model knows the event")
	}
	r, created, err := b.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(body))
	if err != nil || created || r != first {
		t.Errorf("the same content: %+v created %v err %v, want the original reply %+v", r, created, err, first)
	}
	other := strings.Replace(body, `"title":"A"`, `"title":"A, sửa"`, 1)
	if _, _, err := b.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(other)); domain.ErrorOf(err).Code != domain.Conflict {
		t.Errorf("other content: %v, want %s", err, domain.Conflict)
	}
	if last, _ := store.LastSeq(ctx); last != first.Seq {
		t.Errorf("the log's last seq is %d, want %d: a re-post appended", last, first.Seq)
	}
}

// leaderless is the real log as a cluster without a stream leader shows it:
// appends and reads of a subject's last seq get no answer until the caller
// gives up. (One embedded node cannot be made to do this.)
type leaderless struct {
	*natsstore.Store
	asked chan struct{}
}

func (l leaderless) Append(ctx context.Context, subject, msgID string, data []byte, expectLast uint64) (events.Ack, error) {
	return events.Ack{}, l.noAnswer(ctx)
}

func (l leaderless) LastSubjectSeq(ctx context.Context, subject string) (uint64, error) {
	return 0, l.noAnswer(ctx)
}

func (l leaderless) noAnswer(ctx context.Context) error {
	select {
	case l.asked <- struct{}{}:
	default:
	}
	<-ctx.Done()
	return ctx.Err()
}

// TestWritesGiveUpWhileTheLogDoesNotAnswer: a write stuck on the log and
// the write queued behind it on the same subject both end with
// "unavailable" when their time is up, and nothing reaches the log.
func TestWritesGiveUpWhileTheLogDoesNotAnswer(t *testing.T) {
	store, proj := setup(t)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	if _, _, err := ledger.New(store, proj, time.Now).AppendEvent(context.Background(), open, &season); err != nil {
		t.Fatal(err)
	}
	before, err := store.LastSeq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	log := leaderless{Store: store, asked: make(chan struct{}, 1)}
	l := ledger.New(log, proj, time.Now)
	unit := events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}
	post := func(ctx context.Context, id string) error {
		body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":"tay-ho","date":"2024-04-01","data":{"kind":"other","title":"A"},"evidence":[{"kind":"document","title":"B"}]}`, id)
		_, _, err := l.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(body))
		return err
	}
	firstCtx, cancelFirst := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() { first <- post(firstCtx, "th-1") }()
	<-log.asked // the first write holds the subject, waiting on the log

	queued, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err = post(queued, "th-2")
	if de := domain.ErrorOf(err); de.Code != domain.Unavailable || !strings.Contains(de.Message, "wait for other writes") {
		t.Errorf("queued write: %v, want unavailable while waiting for the subject", err)
	}
	cancelFirst()
	if err := <-first; !errors.Is(err, context.Canceled) {
		t.Errorf("first write: %v, want it to end with its caller", err)
	}
	if after, err := store.LastSeq(context.Background()); err != nil || after != before {
		t.Errorf("log went from seq %d to %d (%v); nothing should be appended", before, after, err)
	}
}

// fullDisk is the log on a disk with no room: every append is refused
// with events.ErrStorageFull (what the embedded store's watch or
// JetStream's 10023/10047 answers become).
type fullDisk struct{ *natsstore.Store }

func (fullDisk) Append(context.Context, string, string, []byte, uint64) (events.Ack, error) {
	return events.Ack{}, fmt.Errorf("%w: 0 bytes free", events.ErrStorageFull)
}

// TestAFullDiskIsStorageFull: a write the log refuses for lack of space
// ends at once with the code storage_full, not as unavailable after the
// write's deadline, and is retried with the same id once there is room.
func TestAFullDiskIsStorageFull(t *testing.T) {
	store, proj := setup(t)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	_, _, err := ledger.New(fullDisk{store}, proj, time.Now).AppendEvent(context.Background(), open, &season)
	if de := domain.ErrorOf(err); de.Code != domain.StorageFull || !strings.Contains(de.Message, "disk is full") {
		t.Fatalf("append on a full disk: %v, want %s", err, domain.StorageFull)
	}
	r, created, err := ledger.New(store, proj, time.Now).AppendEvent(context.Background(), open, &season)
	if err != nil || !created || r.Seq != 1 {
		t.Fatalf("the same write once there is room: %+v %v %v", r, created, err)
	}
}
