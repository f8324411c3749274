package projections

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/events"
)

// TestLookupID: where an id was first folded, asked of the seasons' folds
// (and, for a token, of the ids no season folds), before and after its
// batch commits. A repeat of an id in its season, or in another, does not
// move it; an id never folded is not found.
func TestLookupID(t *testing.T) {
	ctx := context.Background()
	msgs := catchUpLog(t, 6) // seqs 1-2 open two seasons; 3-8 facts f0-f5, alternating seasons
	add := func(subject string, ev events.Event) { msgs = appendEvent(t, msgs, subject, ev) }
	fact := func(id, season string) events.Event {
		return events.Event{ID: id, Type: events.TypeActivityHeld, Season: season, Unit: "tay-ho", Date: "2024-05-08",
			Data:   json.RawMessage(`{"kind":"citizen_dialogue","title":"Đối thoại lại"}`),
			Author: events.Author{Role: events.RoleUnit, Unit: "tay-ho"}}
	}
	add(events.UnitSubject("cum-a-2024", "tay-ho"), fact("f0", "cum-a-2024"))     // seq 9: f0 again, same season
	add(events.UnitSubject("cum-b-2024", "tay-ho"), fact("f0", "cum-b-2024"))     // seq 10: f0 in the other season
	add(events.UnitSubject("cum-b-2024", "tay-ho"), fact("only-b", "cum-b-2024")) // seq 11
	tok, err := json.Marshal(events.TokenIssued{ID: "tok-1", Hash: "ab", Role: events.RoleUnit, Unit: "tay-ho", IssuedBy: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	add(events.AccessSubject, events.Event{ID: "token-1", Type: events.TypeTokenIssued, Data: tok, Author: events.Author{Role: events.RoleAdmin}}) // seq 12

	cases := []struct {
		id   string
		want uint64 // 0: not found
	}{
		{"open-cum-a-2024", 1},
		{"f0", 3},
		{"f1", 4},
		{"only-b", 11},
		{"token-1", 12},
		{"never", 0},
	}
	check := func(t *testing.T, p *Projector) {
		for _, c := range cases {
			info, ok, err := p.LookupID(ctx, c.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := map[bool]uint64{true: info.Seq}[ok]; got != c.want {
				t.Errorf("%s: found %v at seq %d, want seq %d", c.id, ok, info.Seq, c.want)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "rm.db")
	p := openAt(t, path)
	defer func() { p.Close() }()
	t.Run("folded, not committed", func(t *testing.T) {
		b := p.newBatch()
		if err := p.take(b, msgs); err != nil || b.bad != nil {
			t.Fatalf("take: %v %+v", err, b.bad)
		}
		check(t, p)
		if err := p.stage(b, false); err != nil {
			t.Fatal(err)
		}
		if err := p.commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("committed", func(t *testing.T) {
		if len(p.pending) != 0 {
			t.Fatalf("%d ids still pending after the commit", len(p.pending))
		}
		check(t, p)
	})
	t.Run("restored", func(t *testing.T) {
		p.Close()
		p = openAt(t, path)
		check(t, p)
	})
}
