package projections_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// project runs a projector over log, appends n facts through a ledger,
// waits for them and stops, leaving the read model at path. It returns
// the last seq.
func project(t *testing.T, path string, log *natsstore.Store, n int) uint64 {
	t.Helper()
	p, err := projections.Open(context.Background(), path, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.Reconcile(context.Background(), log); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, log) }()
	last := appendSome(t, ledger.New(log, p, time.Now), n)
	waitFor(t, p, last)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return last
}

// refusesWrites checks that a write is refused with log_lost_events and
// leaves the log as it was.
func refusesWrites(t *testing.T, p *projections.Projector, log *natsstore.Store) {
	t.Helper()
	ctx := context.Background()
	before, err := log.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	body := `{"id":"after-the-loss","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"Hoạt động"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
	_, _, err = ledger.New(log, p, time.Now).Append(ctx, domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: "cau-giay", Token: "t"}, domain.Scope{}, []byte(body))
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.LogLostEvents {
		t.Fatalf("write after the loss: %v, want code %s", err, domain.LogLostEvents)
	}
	if after, err := log.LastSeq(ctx); err != nil || after != before {
		t.Fatalf("the log went from seq %d to %d (%v) on a refused write", before, after, err)
	}
}

// TestDamagedBlockIsALossNotARebuild: a bad sector, a truncated block and
// a flipped byte in the stream's block file of a stopped server each lose
// acknowledged events. The read model keeps every event and its copy,
// names the missing seqs, and refuses writes; it does not rebuild itself
// from the damaged log.
func TestDamagedBlockIsALossNotARebuild(t *testing.T) {
	for _, d := range []natstest.Damage{natstest.Zero4K, natstest.Truncate, natstest.FlipByte} {
		t.Run(string(d), func(t *testing.T) {
			dir := t.TempDir()
			natsDir, dbPath := filepath.Join(dir, "nats"), filepath.Join(dir, "read.db")
			log, stop := natstest.Restartable(t, natsDir)
			last := project(t, dbPath, log, 60)
			stop()
			natstest.DamageBlock(t, natsDir, d)
			log, _ = natstest.Restartable(t, natsDir)

			p := running(t, dbPath, log)
			l := p.Lost()
			if l == nil {
				t.Fatalf("no loss found after a %s", d)
			}
			t.Logf("%s: %s", d, l.Reason)
			if len(l.Lost) == 0 || len(l.Changed) != 0 {
				t.Fatalf("lost %v, changed %v: want lost seqs only", l.Lost, l.Changed)
			}
			first, end := l.Lost[0], l.Lost[len(l.Lost)-1]
			switch d {
			case natstest.FlipByte:
				if len(l.Lost) != 1 || first.From != first.To || first.From <= 1 || first.From >= last {
					t.Errorf("lost %v, want one seq inside 2..%d", l.Lost, last-1)
				}
			default:
				if end.To != last || first.From <= 1 {
					t.Errorf("lost %v, want a tail ending at %d", l.Lost, last)
				}
			}
			if l.Checkpoint != last || p.Checkpoint() != last {
				t.Errorf("read model at %d (loss says %d), want %d: it must keep what it had", p.Checkpoint(), l.Checkpoint, last)
			}
			evs, err := p.Events(context.Background(), domain.DemoSeasonID, "", 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 61 {
				t.Errorf("%d events in the read model, want 61", len(evs))
			}
			refusesWrites(t, p, log)
			// A restart finds the same loss: the copy was kept.
			p.Close()
			p2 := running(t, dbPath, log)
			if l2 := p2.Lost(); l2 == nil || l2.Reason != l.Reason {
				t.Errorf("after a restart: %+v, want the same loss %q", l2, l.Reason)
			}
		})
	}
}

// TestAnotherLogIsALoss: a read model opened against a log that holds
// other messages at its seqs (another store, or edited content) names
// them as changed; one whose log ends before its checkpoint names the
// tail as lost. Neither is rebuilt.
func TestAnotherLogIsALoss(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "read.db")
	last := project(t, dbPath, newLog(t, filepath.Join(dir, "nats-a")), 5)

	t.Run("empty log", func(t *testing.T) {
		log := newLog(t, filepath.Join(dir, "nats-empty"))
		p := running(t, dbPath, log)
		l := p.Lost()
		if l == nil || len(l.Lost) != 1 || l.Lost[0] != (projections.SeqRange{From: 1, To: last}) || l.LogLastSeq != 0 {
			t.Fatalf("loss %+v, want seqs 1-%d lost on a log that ends at 0", l, last)
		}
		refusesWrites(t, p, log)
		p.Close()
	})
	t.Run("other content", func(t *testing.T) {
		other := newLog(t, filepath.Join(dir, "nats-b"))
		project(t, filepath.Join(dir, "other.db"), other, 8) // longer, other ids and times
		p := running(t, dbPath, other)
		l := p.Lost()
		if l == nil || len(l.Lost) != 0 || len(l.Changed) == 0 {
			t.Fatalf("loss %+v, want changed seqs only", l)
		}
		refusesWrites(t, p, other)
		p.Close()
	})
}

// TestAckedSeqReusedIsALoss: a write the log gives a seq the read model
// already holds (the log lost its tail while the server ran) is not
// acknowledged, and every later write is refused.
func TestAckedSeqReusedIsALoss(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	p := running(t, filepath.Join(dir, "read.db"), log)
	last := appendSome(t, ledger.New(log, p, time.Now), 3)
	waitFor(t, p, last)
	ctx := context.Background()
	if err := p.Appended(ctx, last+1, "fresh"); err != nil {
		t.Fatalf("a fresh seq: %v", err)
	}
	info, _, _ := p.LookupID(ctx, "open")
	if err := p.Appended(ctx, info.Seq, "open"); err != nil {
		t.Fatalf("a seq already folded for the same id: %v", err)
	}
	err := p.Appended(ctx, last-1, "another")
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.LogLostEvents {
		t.Fatalf("an acknowledged seq given again: %v, want %s", err, domain.LogLostEvents)
	}
	if l := p.Lost(); l == nil || l.Lost[0] != (projections.SeqRange{From: last - 1, To: last}) {
		t.Fatalf("loss %+v, want seqs %d-%d", l, last-1, last)
	}
	refusesWrites(t, p, log)
}
