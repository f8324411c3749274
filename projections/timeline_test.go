package projections_test

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// timelineWriter appends events through the ledger with a fixed clock, so
// that undated committee decisions take effect on 2024-12-01.
type timelineWriter struct {
	t   *testing.T
	led *ledger.Ledger
	p   *projections.Projector
}

func (w timelineWriter) append(id, typ, unit, date string, author events.Author, pl events.Payload, evidence []events.Evidence) uint64 {
	w.t.Helper()
	ev, err := ledger.NewEvent(domain.DemoSeasonID, id, typ, unit, date, author, pl, evidence)
	if err != nil {
		w.t.Fatal(err)
	}
	r, _, err := w.led.AppendEvent(context.Background(), ev, pl)
	if err != nil {
		w.t.Fatalf("append %s: %v", id, err)
	}
	waitFor(w.t, w.p, r.Seq)
	return r.Seq
}

func (w timelineWriter) model(id, unit, date string) uint64 {
	w.t.Helper()
	pl := &events.ModelRecognized{Model: id, Name: "Mô hình " + id, Level: "district"}
	return w.append(id, events.TypeModelRecognized, unit, date, events.Author{Role: events.RoleUnit, Unit: unit, Token: "t"}, pl,
		[]events.Evidence{{Kind: "document", Title: "Quyết định công nhận"}})
}

func decodeTimeline(t *testing.T, b []byte) projections.TimelineReply {
	t.Helper()
	var r projections.TimelineReply
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("timeline %s: %v", b, err)
	}
	return r
}

func unitTotals(r projections.TimelineReply, unit string) []events.Points {
	for _, u := range r.Units {
		if u.Unit == unit {
			return u.Totals
		}
	}
	return nil
}

func TestTimeline(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	p := running(t, filepath.Join(dir, "read.db"), log)
	clock := func() time.Time { return time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC) }
	w := timelineWriter{t: t, led: ledger.New(log, p, clock), p: p}
	season := domain.DemoSeason()
	w.append("open", events.TypeSeasonOpened, "", "", committee, &season, nil)
	w.model("m1", "cau-giay", "2024-03-01")
	w.model("m2", "tay-ho", "2024-05-10")
	w.append("ok-m1", events.TypeFactVerified, "", "", committee, &events.Review{Target: "m1"}, nil)
	w.append("b1", events.TypeBonusAwarded, "cau-giay", "2024-04-01", committee, &events.Adjustment{Points: 150, Reason: "đăng cai"}, nil)
	last := w.append("d1", events.TypeDeductionApplied, "tay-ho", "", committee, &events.Adjustment{Points: 50, Reason: "nộp chậm"}, nil)

	cases := []struct {
		name   string
		season string
		view   domain.View
		code   domain.Code // expected error code, or ""
		dates  []string
		totals map[string][]events.Points
	}{
		{name: "claimed", season: domain.DemoSeasonID, view: domain.Claimed,
			dates: []string{"2024-03-01", "2024-04-01", "2024-05-10", "2024-12-01"},
			totals: map[string][]events.Points{
				"cau-giay": {100, 250, 250, 250}, // m1 1; b1 +1.5
				"tay-ho":   {0, 0, 100, 50},      // m2 1; d1 −0.5 on the day it was recorded
				"ha-dong":  {0, 0, 0, 0},
			}},
		{name: "empty view is verified", season: domain.DemoSeasonID, view: "",
			dates: []string{"2024-03-01", "2024-04-01", "2024-12-01"}, // m2 is not verified
			totals: map[string][]events.Points{
				"cau-giay": {100, 250, 250},
				"tay-ho":   {0, 0, 0}, // 0 − 0.5 stays 0
			}},
		{name: "unknown season", season: "no-such-season", view: domain.Claimed, code: domain.NotFound},
		{name: "final before the close", season: domain.DemoSeasonID, view: domain.Final, code: domain.Conflict},
		{name: "not a view", season: domain.DemoSeasonID, view: "best", code: domain.Invalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := p.Timeline(tc.season, tc.view)
			if tc.code != "" {
				var de *domain.Error
				if !errors.As(err, &de) || de.Code != tc.code {
					t.Fatalf("error %v, want code %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			view := tc.view
			if view == "" {
				view = domain.Verified
			}
			prefix := `{"season":"` + domain.DemoSeasonID + `","view":"` + string(view) + `","seq":` + strconv.FormatUint(last, 10) + `,"dates":[`
			if !strings.HasPrefix(string(b), prefix) {
				t.Errorf("timeline %s does not start with %s", b, prefix)
			}
			r := decodeTimeline(t, b)
			if !reflect.DeepEqual(r.Dates, tc.dates) {
				t.Errorf("dates %v, want %v", r.Dates, tc.dates)
			}
			if len(r.Units) != len(season.Members) {
				t.Errorf("%d units, want %d", len(r.Units), len(season.Members))
			}
			for unit, want := range tc.totals {
				if got := unitTotals(r, unit); !reflect.DeepEqual(got, want) {
					t.Errorf("%s totals %v, want %v", unit, got, want)
				}
			}
		})
	}
}

// TestTimelineCache: a repeated read returns the cached bytes; a new event
// of the season replaces them; the final view appears at the close.
func TestTimelineCache(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	p := running(t, filepath.Join(dir, "read.db"), log)
	clock := func() time.Time { return time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC) }
	w := timelineWriter{t: t, led: ledger.New(log, p, clock), p: p}
	season := domain.DemoSeason()
	w.append("open", events.TypeSeasonOpened, "", "", committee, &season, nil)
	w.model("m1", "cau-giay", "2024-03-01")

	first, err := p.Timeline(domain.DemoSeasonID, domain.Claimed)
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.Timeline(domain.DemoSeasonID, domain.Claimed)
	if err != nil {
		t.Fatal(err)
	}
	if &first[0] != &again[0] {
		t.Error("the second read recomputed the timeline instead of using the cache")
	}

	seq := w.model("m2", "cau-giay", "2024-06-01")
	after, err := p.Timeline(domain.DemoSeasonID, domain.Claimed)
	if err != nil {
		t.Fatal(err)
	}
	r := decodeTimeline(t, after)
	if r.Seq != seq || !reflect.DeepEqual(r.Dates, []string{"2024-03-01", "2024-06-01"}) {
		t.Errorf("after a new event: seq %d dates %v, want seq %d and the new date", r.Seq, r.Dates, seq)
	}
	if got, want := unitTotals(r, "cau-giay"), []events.Points{100, 200}; !reflect.DeepEqual(got, want) {
		t.Errorf("cau-giay totals %v, want %v", got, want)
	}

	w.append("ok-m1", events.TypeFactVerified, "", "", committee, &events.Review{Target: "m1"}, nil)
	closed := w.append("close", events.TypeSeasonClosed, "", "", committee, &events.SeasonClosed{}, nil)
	final, err := p.Timeline(domain.DemoSeasonID, domain.Final)
	if err != nil {
		t.Fatalf("final after the close: %v", err)
	}
	r = decodeTimeline(t, final)
	if r.View != domain.Final || r.Seq != closed || !reflect.DeepEqual(r.Dates, []string{"2024-03-01"}) {
		t.Errorf("final: view %s seq %d dates %v, want final, %d, [2024-03-01]", r.View, r.Seq, r.Dates, closed)
	}
}
