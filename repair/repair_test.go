package repair_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/repair"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// project folds log into the read model at path with n facts written
// through a ledger, and returns with the projector stopped.
func project(t *testing.T, path string, log *natsstore.Store, n int) uint64 {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p, err := projections.Open(ctx, path, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, log) }()
	led := ledger.New(log, p, time.Now)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	r, _, err := led.AppendEvent(ctx, ev, &season)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		body := fmt.Sprintf(`{"id":"f%d","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"Hoạt động %d"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`, i, i)
		if r, _, err = led.Append(ctx, domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: "cau-giay"}, domain.Scope{}, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if err := p.WaitFor(wctx, r.Seq); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return r.Seq
}

func readAll(t *testing.T, log *natsstore.Store) []events.Stored {
	t.Helper()
	var all []events.Stored
	if err := log.ReadUntil(context.Background(), events.AllSubjects, 1, func(m events.Stored) error { all = append(all, m); return nil }); err != nil {
		t.Fatal(err)
	}
	return all
}

// TestRepairKeepsTheTailAfterTheCopy: messages the read model had not
// folded yet (written after it stopped) are put back after the copy's,
// at their seqs, when the damage is below them.
func TestRepairKeepsTheTailAfterTheCopy(t *testing.T) {
	dir := t.TempDir()
	natsDir, dbPath := filepath.Join(dir, "nats"), filepath.Join(dir, "read.db")
	log, stop := natstest.Restartable(t, natsDir)
	end := project(t, dbPath, log, 40)
	ctx := context.Background()
	for i := range 3 { // the read model does not see these
		subject := events.UnitSubject(domain.DemoSeasonID, "tay-ho")
		exp, _ := log.LastSubjectSeq(ctx, subject)
		if _, err := log.Append(ctx, subject, fmt.Sprintf("tail-%d", i), []byte(fmt.Sprintf(`{"tail":%d}`, i)), exp); err != nil {
			t.Fatal(err)
		}
	}
	want := readAll(t, log)
	stop()
	natstest.DamageBlock(t, natsDir, natstest.FlipByte)
	log, _ = natstest.Restartable(t, natsDir)
	if n := len(readAll(t, log)); n != len(want)-1 {
		t.Fatalf("the flipped byte left %d messages of %d, want one lost", n, len(want))
	}

	saved, err := projections.OpenCopy(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer saved.Close()
	var dump bytes.Buffer
	res, err := repair.Run(ctx, saved, log, logfile.NewWriter(&dump))
	if err != nil {
		t.Fatal(err)
	}
	if res.Loss == nil || res.Restored != end || res.Tail != 3 || len(res.Dropped) != 0 || res.Kept != len(want)-1 {
		t.Errorf("result %+v, want %d restored, a tail of 3, %d kept", res, end, len(want)-1)
	}
	lines := 0
	err = logfile.Read(&dump, func(logfile.Line) error { lines++; return nil })
	if err != nil || lines != res.Kept {
		t.Errorf("the dump holds %d lines (%v), want %d", lines, err, res.Kept)
	}
	got := readAll(t, log)
	if len(got) != len(want) {
		t.Fatalf("repaired log has %d messages, want %d", len(got), len(want))
	}
	for i, m := range want {
		g := got[i]
		if g.Seq != m.Seq || g.Subject != m.Subject || !bytes.Equal(g.Data, m.Data) ||
			!bytes.Equal(projections.EncodeHeader(g.Header), projections.EncodeHeader(m.Header)) {
			t.Errorf("seq %d: repaired as seq %d %s %q %v, want %s %q %v", m.Seq, g.Seq, g.Subject, g.Data, g.Header, m.Subject, m.Data, m.Header)
		}
	}
	// Nothing left to do.
	res, err = repair.Run(ctx, saved, log, logfile.NewWriter(io.Discard))
	if err != nil || res.Loss != nil {
		t.Errorf("second run: %+v, %v; want nothing to repair", res, err)
	}
}

// TestRepairRefusesALogWithReaders: a serve following the log holds a
// consumer on it; repair does not replace the stream under it.
func TestRepairRefusesALogWithReaders(t *testing.T) {
	dir := t.TempDir()
	log := natstest.Start(t, filepath.Join(dir, "nats"))
	dbPath := filepath.Join(dir, "read.db")
	project(t, dbPath, log, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	following := make(chan struct{})
	go log.Follow(ctx, 1, func(events.Stored) error {
		select {
		case <-following:
		default:
			close(following)
		}
		return nil
	})
	<-following
	saved, err := projections.OpenCopy(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer saved.Close()
	before := len(readAll(t, log))
	_, err = repair.Run(ctx, saved, log, logfile.NewWriter(io.Discard))
	if !errors.Is(err, repair.ErrInUse) {
		t.Fatalf("repair under a reader: %v, want ErrInUse", err)
	}
	if after := len(readAll(t, log)); after != before {
		t.Errorf("the log went from %d to %d messages", before, after)
	}
}
