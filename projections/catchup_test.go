package projections

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"path/filepath"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// appendEvent adds ev to msgs as the next stored message on subject.
func appendEvent(t *testing.T, msgs []events.Stored, subject string, ev events.Event) []events.Stored {
	t.Helper()
	ev.Schema = events.Schema
	data, err := events.Encode(ev)
	if err != nil {
		t.Fatal(err)
	}
	return append(msgs, events.Stored{Seq: uint64(len(msgs) + 1), Subject: subject, Time: time.Unix(0, 0), Data: data})
}

// catchUpLog is two seasons opened and n facts alternating between them,
// as stored messages.
func catchUpLog(t *testing.T, n int) []events.Stored {
	t.Helper()
	var msgs []events.Stored
	add := func(subject string, ev events.Event) { msgs = appendEvent(t, msgs, subject, ev) }
	seasons := []string{"cum-a-2024", "cum-b-2024"}
	members := domain.DemoSeason().Members
	for _, id := range seasons {
		opened := domain.DemoSeason()
		data, err := json.Marshal(opened)
		if err != nil {
			t.Fatal(err)
		}
		add(events.CommitteeSubject(id), events.Event{ID: "open-" + id, Type: events.TypeSeasonOpened, Season: id, Data: data, Author: events.Author{Role: events.RoleAdmin}})
	}
	for i := range n {
		season, unit := seasons[i%2], members[i%len(members)].ID
		add(events.UnitSubject(season, unit), events.Event{ID: fmt.Sprintf("f%d", i), Type: events.TypeActivityHeld, Season: season, Unit: unit, Date: "2024-05-07",
			Data:     json.RawMessage(fmt.Sprintf(`{"kind":"citizen_dialogue","title":"Đối thoại %d"}`, i)),
			Evidence: []events.Evidence{{Kind: "document", Title: "Biên bản"}}, Author: events.Author{Role: events.RoleUnit, Unit: unit}})
	}
	return msgs
}

func openAt(t *testing.T, path string) *Projector {
	t.Helper()
	p, err := Open(context.Background(), path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// rows is every season's stored rankings and sheets.
func rows(t *testing.T, p *Projector) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, season := range []string{"cum-a-2024", "cum-b-2024"} {
		r, err := p.StoredRankings(context.Background(), season)
		if err != nil {
			t.Fatal(err)
		}
		s, err := p.StoredScores(context.Background(), season)
		if err != nil {
			t.Fatal(err)
		}
		for k, b := range r {
			out[season+" rankings "+k] = string(b)
		}
		for k, b := range s {
			out[season+" sheet "+k] = string(b)
		}
	}
	return out
}

// TestDeferredCatchUp: batches that defer rescoring commit their events
// but publish nothing; the next full batch publishes rows and rankings
// identical to applying every batch in full; and a stop in the middle of
// a deferral is repaired at the next start.
func TestDeferredCatchUp(t *testing.T) {
	ctx := context.Background()
	msgs := catchUpLog(t, 40)
	dir := t.TempDir()

	want := openAt(t, filepath.Join(dir, "reference.db"))
	defer want.Close()
	for i := 0; i < len(msgs); i += 10 {
		if err := want.Apply(ctx, msgs[i:min(i+10, len(msgs))]); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("deferred then published", func(t *testing.T) {
		p := openAt(t, filepath.Join(dir, "deferred.db"))
		defer p.Close()
		if err := p.apply(ctx, msgs[:12], false); err != nil {
			t.Fatal(err)
		}
		published := p.Snapshot()
		if err := p.apply(ctx, msgs[12:30], true); err != nil {
			t.Fatal(err)
		}
		if p.Snapshot() != published || p.Checkpoint() != 12 || p.foldedSeq() != 30 {
			t.Errorf("after a deferred batch: snapshot replaced %v, checkpoint %d, folded %d; want the snapshot at 12 kept, folded 30",
				p.Snapshot() != published, p.Checkpoint(), p.foldedSeq())
		}
		if v, _ := getMeta(ctx, p.db, staleRows); v != "1" {
			t.Errorf("stale rows mark %q during a deferral", v)
		}
		if err := p.apply(ctx, msgs[30:], false); err != nil {
			t.Fatal(err)
		}
		if got := rows(t, p); !maps.Equal(got, rows(t, want)) {
			t.Errorf("rows after publishing differ from applying every batch in full:\n%v\n%v", got, rows(t, want))
		}
		for _, season := range []string{"cum-a-2024", "cum-b-2024"} {
			if g, w := p.Snapshot().Seasons[season].Views[domain.Claimed].Units, want.Snapshot().Seasons[season].Views[domain.Claimed].Units; string(g) != string(w) {
				t.Errorf("%s snapshot %s, want %s", season, g, w)
			}
		}
		if v, _ := getMeta(ctx, p.db, staleRows); v != "" {
			t.Errorf("stale rows mark %q after publishing", v)
		}
	})

	t.Run("stopped during a deferral", func(t *testing.T) {
		path := filepath.Join(dir, "stopped.db")
		p := openAt(t, path)
		if err := p.apply(ctx, msgs[:12], false); err != nil {
			t.Fatal(err)
		}
		if err := p.apply(ctx, msgs[12:], true); err != nil {
			t.Fatal(err)
		}
		p.Close()
		again := openAt(t, path)
		defer again.Close()
		if again.Checkpoint() != uint64(len(msgs)) {
			t.Errorf("restarted at checkpoint %d, want %d", again.Checkpoint(), len(msgs))
		}
		if got := rows(t, again); !maps.Equal(got, rows(t, want)) {
			t.Errorf("rows after the restart's repair differ from applying every batch in full")
		}
		if v, _ := getMeta(ctx, again.db, staleRows); v != "" {
			t.Errorf("stale rows mark %q after the repair", v)
		}
	})
}
