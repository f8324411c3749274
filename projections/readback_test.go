package projections_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/projections"
)

// TestSheetReadWhileTheFoldMovesOn: a sheet reads its unit's shed events
// back without holding the fold, so the fold may fold an event of that
// unit meanwhile. The sheet must then be the one the unit was ranked with,
// as of the snapshot's seq, not a mix of the two states.
func TestSheetReadWhileTheFoldMovesOn(t *testing.T) {
	ctx := context.Background()
	msgs := year2024Log(t)
	p, err := projections.Open(ctx, filepath.Join(t.TempDir(), "rm.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()

	// Find a unit's fact with more of its own before it, and the unit's
	// next event: the year is folded up to the fact, and the next event
	// while the sheet reads back.
	type decoded struct {
		ev      events.Event
		payload events.Payload
		ok      bool
	}
	evs := make([]decoded, len(msgs))
	for i, m := range msgs {
		if _, kind, _, _ := events.ParseSubject(m.Subject); kind == events.KindCheckpoint {
			continue
		}
		ev, payload, err := events.Decode(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		evs[i] = decoded{ev, payload, ev.Season != "" && ev.Type != events.TypeSeqSetAside}
	}
	at, next, facts := -1, -1, map[string]int{}
	for i := 0; i < len(evs) && next < 0; i++ {
		d := evs[i]
		if !d.ok || d.ev.Unit == "" {
			continue
		}
		if at >= 0 && d.ev.Unit == evs[at].ev.Unit {
			next = i
			continue
		}
		if spec, _ := events.Lookup(d.ev.Type); spec.Fact && at < 0 {
			facts[d.ev.Unit]++
			if facts[d.ev.Unit] >= 5 {
				at = i
			}
		}
	}
	if next < 0 {
		t.Fatal("the year has no unit with five facts and a later event")
	}
	unit, season := evs[at].ev.Unit, evs[at].ev.Season
	ref := domain.NewSeason(season)
	for i, m := range msgs[:at+1] {
		if err := p.Apply(ctx, []events.Stored{m}); err != nil {
			t.Fatal(err)
		}
		if d := evs[i]; d.ok {
			if err := ref.Apply(events.Record{Seq: m.Seq, Subject: m.Subject, Time: m.Time, Event: d.ev, Payload: d.payload}); err != nil {
				t.Fatal(err)
			}
		}
	}

	want := scoreFromScratch(t, ref).views[domain.Claimed].sheets[unit]
	sheet := p.Snapshot().Seasons[season].Views[domain.Claimed].Sheets[unit]
	hooked := 0
	projections.ReadBackHook(p, func() {
		hooked++
		if hooked == 1 {
			if err := p.Apply(ctx, msgs[at+1:next+1]); err != nil {
				t.Error(err)
			}
		}
	})
	got, err := sheet.Bytes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if hooked == 0 {
		t.Fatal("the sheet read nothing back: the test tested nothing")
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the sheet of %s read while %d more events were folded differs from its from-scratch score at seq %d:\n got %s\nwant %s", unit, next-at, msgs[at].Seq, got, want)
	}
}
