package projections_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newLog(t *testing.T, dir string) *natsstore.Store { return natstest.Start(t, dir) }

// running opens the read model at path and runs the projector until the
// test ends.
func running(t *testing.T, path string, log *natsstore.Store) *projections.Projector {
	t.Helper()
	p, _ := started(t, path, log)
	return p
}

// started is running with a stop that ends the run and closes the read
// model before the test ends, for a test that opens it again.
func started(t *testing.T, path string, log *natsstore.Store) (*projections.Projector, func()) {
	t.Helper()
	p, err := projections.Open(context.Background(), path, quiet)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Reconcile(context.Background(), log); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, log) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("projector: %v", err)
			}
			p.Close()
		})
	}
	t.Cleanup(stop)
	return p, stop
}

func waitFor(t *testing.T, p *projections.Projector, seq uint64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := p.WaitFor(ctx, seq); err != nil {
		t.Fatal(err)
	}
}

var committee = events.Author{Role: events.RoleCommittee, Token: "test"}

// appendSome opens the demo season and records a few facts through the
// ledger; it returns the last seq.
func appendSome(t *testing.T, led *ledger.Ledger, n int) uint64 {
	t.Helper()
	ctx := context.Background()
	season := domain.DemoSeason()
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", committee, &season, nil)
	r, _, err := led.AppendEvent(ctx, ev, &season)
	if err != nil {
		t.Fatal(err)
	}
	last := r.Seq
	for i := 0; i < n; i++ {
		unit := season.Members[i%len(season.Members)].ID
		body := `{"type":"activity.held","unit":"` + unit + `","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Kỷ niệm"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
		r, _, err := led.Append(ctx, domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: unit, Token: "t"}, domain.Scope{}, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		last = r.Seq
	}
	return last
}

func rankingsBytes(t *testing.T, p *projections.Projector, view domain.View) string {
	t.Helper()
	ss := p.Snapshot().Seasons[domain.DemoSeasonID]
	if ss == nil || ss.Views[view] == nil {
		t.Fatalf("no %s view", view)
	}
	return string(ss.Views[view].Units)
}

func TestRestartResumesFromCheckpoint(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	dbPath := filepath.Join(dir, "read.db")

	p1, stop := started(t, dbPath, log)
	last := appendSome(t, ledger.New(log, p1, time.Now), 12)
	waitFor(t, p1, last)
	before := rankingsBytes(t, p1, domain.Claimed)
	stop()

	p2 := running(t, dbPath, log)
	if got := p2.Checkpoint(); got != last {
		t.Fatalf("checkpoint after restart = %d, want %d", got, last)
	}
	if after := rankingsBytes(t, p2, domain.Claimed); after != before {
		t.Errorf("rankings changed across a restart:\n%s\n%s", before, after)
	}
	// It keeps following from checkpoint + 1.
	led := ledger.New(log, p2, time.Now)
	r, _, err := led.Append(context.Background(), domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}, domain.Scope{},
		[]byte(`{"type":"model.recognized","unit":"tay-ho","date":"2024-09-01","data":{"model":"m1","name":"Mô hình","level":"city"},"evidence":[{"kind":"document","title":"QĐ"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, p2, r.Seq)
	var st domain.Standings
	if err := json.Unmarshal(p2.Snapshot().Seasons[domain.DemoSeasonID].Views[domain.Claimed].Units, &st.Units); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range st.Units {
		if row.Unit == "tay-ho" {
			found = true
			if row.Bonus != 300 {
				t.Errorf("tay-ho bonus = %s, want 3 (one city model, B.1)", row.Bonus)
			}
		}
	}
	if !found {
		t.Error("tay-ho is not in the ranking")
	}
}

func TestRedeliveryIsHarmless(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	p := running(t, filepath.Join(dir, "read.db"), log)
	last := appendSome(t, ledger.New(log, p, time.Now), 5)
	waitFor(t, p, last)
	before := rankingsBytes(t, p, domain.Claimed)
	var batch []events.Stored
	if err := log.ReadUntil(context.Background(), events.AllSubjects, 1, func(m events.Stored) error {
		batch = append(batch, m)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := p.Apply(context.Background(), batch); err != nil {
		t.Fatalf("re-applying the whole log: %v", err)
	}
	if p.Checkpoint() != last || rankingsBytes(t, p, domain.Claimed) != before {
		t.Errorf("a redelivered batch changed the read model")
	}
	evs, err := p.Events(context.Background(), domain.DemoSeasonID, "", 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 6 {
		t.Errorf("%d events stored, want 6", len(evs))
	}
}

func TestHaltsLoudlyOnAnEventItCannotDecode(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	p := running(t, filepath.Join(dir, "read.db"), log)
	led := ledger.New(log, p, time.Now)
	good := appendSome(t, led, 3)
	waitFor(t, p, good)
	// Someone with raw NATS access writes garbage onto a season subject.
	subj := events.UnitSubject(domain.DemoSeasonID, "cau-giay")
	exp, err := log.LastSubjectSeq(context.Background(), subj)
	if err != nil {
		t.Fatal(err)
	}
	ack, err := log.Append(context.Background(), subj, "garbage", []byte(`{"schema":1,"type":"activity.held","data":`), exp)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for p.Halted() == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	h := p.Halted()
	if h == nil {
		t.Fatal("projector did not halt")
	}
	if h.Seq != ack.Seq || h.Reason == "" {
		t.Errorf("halted at %d (%q), want seq %d with a reason", h.Seq, h.Reason, ack.Seq)
	}
	if p.Checkpoint() != good {
		t.Errorf("checkpoint %d, want %d: events before the bad one stay committed, the bad one is not", p.Checkpoint(), good)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := p.WaitFor(ctx, ack.Seq); err == nil {
		t.Error("waiting past a halt must fail")
	}
}

// TestHaltsAtAnEventItCannotFoldAndRestartsThere: an event that decodes but
// cannot be folded (a season event naming no season, written by someone
// with raw NATS access) arrives in one catch-up batch after good events.
// The good ones commit, the projector halts at the bad one, leaves no row of
// it behind, and a restart opens the read model and halts there again.
func TestHaltsAtAnEventItCannotFoldAndRestartsThere(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	ctx := context.Background()
	raw := func(subject string, ev events.Event) uint64 {
		t.Helper()
		exp, err := log.LastSubjectSeq(ctx, subject)
		if err != nil {
			t.Fatal(err)
		}
		b, err := events.Encode(ev)
		if err != nil {
			t.Fatal(err)
		}
		ack, err := log.Append(ctx, subject, ev.ID, b, exp)
		if err != nil {
			t.Fatal(err)
		}
		return ack.Seq
	}
	// Written while no projector runs, so that one batch holds them all.
	season := domain.DemoSeason()
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", committee, &season, nil)
	raw(events.CommitteeSubject(domain.DemoSeasonID), open)
	fact := &events.ActivityHeld{Kind: "other", Title: "Hoạt động"}
	unit := events.Author{Role: events.RoleUnit, Unit: "cau-giay"}
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "good", events.TypeActivityHeld, "cau-giay", "2024-05-07", unit, fact, []events.Evidence{{Kind: "document", Title: "Biên bản"}})
	good := raw(events.UnitSubject(domain.DemoSeasonID, "cau-giay"), ev)
	noSeason, _ := ledger.NewEvent("", "no-season", events.TypeActivityHeld, "cau-giay", "2024-05-07", unit, fact, nil)
	bad := raw(events.UnitSubject(domain.DemoSeasonID, "cau-giay"), noSeason)

	haltedAt := func(p *projections.Projector) uint64 {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for p.Halted() == nil && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if p.Halted() == nil {
			t.Fatal("projector did not halt")
		}
		return p.Halted().Seq
	}
	dbPath := filepath.Join(dir, "read.db")
	p1 := running(t, dbPath, log)
	if seq := haltedAt(p1); seq != bad || p1.Checkpoint() != good {
		t.Fatalf("halted at %d with checkpoint %d, want %d and %d", seq, p1.Checkpoint(), bad, good)
	}
	for _, s := range []string{domain.DemoSeasonID, ""} {
		evs, err := p1.Events(ctx, s, "", 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.Seq == bad {
				t.Errorf("the event that could not be folded was stored (seq %d)", e.Seq)
			}
		}
	}
	p2 := running(t, dbPath, log) // Open restores from the file: must not trip
	if seq := haltedAt(p2); seq != bad || p2.Checkpoint() != good {
		t.Errorf("after restart: halted at %d with checkpoint %d, want %d and %d", seq, p2.Checkpoint(), bad, good)
	}
}

// TestRankingsReplyJSON: the hand-written reply is byte for byte what
// json.Marshal writes, on real rankings.
func TestRankingsReplyJSON(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	p := running(t, filepath.Join(dir, "read.db"), log)
	waitFor(t, p, appendSome(t, ledger.New(log, p, time.Now), 4))
	for _, view := range []domain.View{domain.Claimed, domain.Verified} {
		r := projections.RankingsReply{Season: domain.DemoSeasonID, View: view, Seq: p.Checkpoint(),
			Units: p.Snapshot().Seasons[domain.DemoSeasonID].Views[view].Units, Awards: p.Snapshot().Seasons[domain.DemoSeasonID].Views[view].Awards}
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.JSON(); string(got) != string(want) {
			t.Errorf("%s:\n got  %s\n want %s", view, got, want)
		}
		var written bytes.Buffer
		if n, err := r.WriteTo(&written); err != nil || written.String() != string(want) || int(n) != r.Len() || r.Len() != len(want) {
			t.Errorf("%s: WriteTo wrote %d bytes (Len %d, want %d, err %v):\n %s", view, n, r.Len(), len(want), err, written.String())
		}
	}
}

// TestNothingToSignWhileCatchingUp: a read model rebuilding from a log it
// has not read to the end offers no season for signing (the log may
// already hold the checkpoints ahead); once it reaches the end it does.
func TestNothingToSignWhileCatchingUp(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	writer := running(t, filepath.Join(dir, "writer.db"), log)
	last := appendSome(t, ledger.New(log, writer, time.Now), 12)

	ctx := context.Background()
	p, err := projections.Open(ctx, filepath.Join(dir, "rebuild.db"), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.Reconcile(ctx, log); err != nil {
		t.Fatal(err)
	}
	var msgs []events.Stored
	if err := log.ReadUntil(ctx, events.AllSubjects, 1, func(m events.Stored) error { msgs = append(msgs, m); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := p.Apply(ctx, msgs[:len(msgs)/2]); err != nil {
		t.Fatal(err)
	}
	if u, err := p.Unsigned(); err != nil || len(u) != 0 {
		t.Errorf("halfway through the log (seq %d of %d): offered %+v (%v), want nothing", p.Checkpoint(), last, u, err)
	}
	if err := p.Apply(ctx, msgs[len(msgs)/2:]); err != nil {
		t.Fatal(err)
	}
	if u, err := p.Unsigned(); err != nil || len(u) != 1 || u[0].Season != domain.DemoSeasonID {
		t.Errorf("at the end of the log: offered %+v (%v), want the demo season", u, err)
	}
}
