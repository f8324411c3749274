package domain

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/thidua/thidua/events"
)

func TestEffectiveDate(t *testing.T) {
	cases := []struct {
		name           string
		date, recorded string
		want           string
	}{
		{name: "business date wins", date: "2024-05-01", recorded: "2024-12-01T00:00:00Z", want: "2024-05-01"},
		{name: "recorded day in UTC", recorded: "2024-12-01T23:59:59.123456789Z", want: "2024-12-01"},
		{name: "recorded with an offset is taken in UTC", recorded: "2024-07-01T01:30:00+07:00", want: "2024-06-30"},
		{name: "no countable date", recorded: "yesterday", want: ""},
		{name: "recorded after the year: its last day", recorded: "2026-12-07T04:00:00Z", want: "2024-12-31"},
		{name: "recorded before the year: its first day", recorded: "2023-12-20T04:00:00Z", want: "2024-01-01"},
		{name: "a business date after the year: its last day", date: "2025-01-15", recorded: "2025-01-15T04:00:00Z", want: "2024-12-31"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := effectiveDate(events.Event{Date: tc.date, Recorded: tc.recorded}, 2024); got != tc.want {
				t.Errorf("effectiveDate = %q, want %q", got, tc.want)
			}
		})
	}
}

// timelineSeason: cau-giay and tay-ho with facts, reviews, retractions and
// committee decisions spread over the year; the other units have nothing.
func timelineSeason(t *testing.T) *builder {
	b := newBuilder(t)
	adj := func(pts events.Points) *events.Adjustment {
		return &events.Adjustment{Points: pts, Reason: "họp Cụm"}
	}
	b.fact("m1", cg, "2024-03-01", model("m1", "district")) // I.2.5 +1, verified
	b.verify("ok-m1", "m1")
	b.fact("m2", cg, "2024-04-15", model("m2", "district")) // claimed only
	b.fact("m3", cg, "2024-04-15", model("m3", "district")) // rejected
	b.reject("no-m3", "m3")
	b.fact("m4", cg, "2024-02-01", model("m4", "district")) // retracted: no date of its own
	b.retract("x-m4", cg, "m4")
	b.fact("media", cg, "2024-04-01", indicator("media_articles", 5)) // no target until 05-20
	b.verify("ok-media", "media")
	b.committeeAt("b1", events.TypeBonusAwarded, cg, "2024-05-01", "2024-12-01T00:00:00Z", adj(p(1, 50)))
	// No business date: in effect from the UTC day it was recorded, 06-30.
	b.committeeAt("d1", events.TypeDeductionApplied, cg, "", "2024-07-01T01:30:00+07:00", adj(p(0, 50)))
	b.committeeAt("b2", events.TypeBonusAwarded, cg, "2024-03-10", "2024-12-01T00:00:00Z", adj(p(5, 0)))
	b.cretract("x-b2", "b2") // retracted: counts nowhere, no date
	b.committeeAt("v1", events.TypeViolationRecorded, cg, "2024-08-01", "2024-12-01T00:00:00Z",
		&events.ViolationRecorded{Kind: "discipline", DecisionNo: "12/QĐ-KT"}) // no points: no date
	b.committeeAt("s1", events.TypeScoreAssessed, cg, "2024-06-01", "2024-12-01T00:00:00Z",
		&events.ScoreAssessed{Item: "I.2.1", Points: p(2, 0), Reason: "đợt 1"})
	b.committeeAt("s2", events.TypeScoreAssessed, cg, "2024-09-01", "2024-12-01T00:00:00Z",
		&events.ScoreAssessed{Item: "I.2.1", Points: p(3, 0), Reason: "đợt 2"})
	b.committeeAt("t1", events.TypeTargetAssigned, cg, "2024-05-20", "2024-12-01T00:00:00Z",
		&events.TargetAssigned{Indicator: "media_articles", Value: 10}) // I.1.5: 2 × 5/10 = 1
	b.fact("j1", th, "2024-04-10", hosted()) // II.2 1 + B.2 1
	b.verify("ok-j1", "j1")
	return b
}

func TestTimeline(t *testing.T) {
	zeros := func(n int) []events.Points { return make([]events.Points, n) }
	cases := []struct {
		name   string
		view   View
		close  bool
		dates  []string
		totals map[string][]events.Points // units not listed stay at 0
	}{
		{name: "claimed", view: Claimed,
			dates: []string{"2024-03-01", "2024-04-01", "2024-04-10", "2024-04-15", "2024-05-01", "2024-05-20", "2024-06-01", "2024-06-30", "2024-09-01"},
			totals: map[string][]events.Points{
				// m1; media without target; –; m2; b1 +1.5; t1 I.1.5 1; s1 2; d1 −0.5; s2 replaces s1: 3
				cg: {p(1, 0), p(1, 0), p(1, 0), p(2, 0), p(3, 50), p(4, 50), p(6, 50), p(6, 0), p(7, 0)},
				th: {0, 0, p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0)},
			}},
		{name: "verified", view: Verified,
			dates: []string{"2024-03-01", "2024-04-01", "2024-04-10", "2024-05-01", "2024-05-20", "2024-06-01", "2024-06-30", "2024-09-01"},
			totals: map[string][]events.Points{
				cg: {p(1, 0), p(1, 0), p(1, 0), p(2, 50), p(3, 50), p(5, 50), p(5, 0), p(6, 0)},
				th: {0, 0, p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0)},
			}},
		{name: "final is the verified view once closed", view: Final, close: true,
			dates: []string{"2024-03-01", "2024-04-01", "2024-04-10", "2024-05-01", "2024-05-20", "2024-06-01", "2024-06-30", "2024-09-01"},
			totals: map[string][]events.Points{
				cg: {p(1, 0), p(1, 0), p(1, 0), p(2, 50), p(3, 50), p(5, 50), p(5, 0), p(6, 0)},
				th: {0, 0, p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0), p(2, 0)},
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := timelineSeason(t)
			if tc.close {
				b.close()
			}
			tl, err := b.s.Timeline(tc.view)
			if err != nil {
				t.Fatal(err)
			}
			if tl.Season != DemoSeasonID || tl.View != tc.view {
				t.Errorf("season %q view %q", tl.Season, tl.View)
			}
			if !reflect.DeepEqual(tl.Dates, tc.dates) {
				t.Errorf("dates\n got  %v\n want %v", tl.Dates, tc.dates)
			}
			members := b.s.Members()
			if len(tl.Units) != len(members) {
				t.Fatalf("%d units, want %d", len(tl.Units), len(members))
			}
			for i, m := range members {
				u := tl.Units[i]
				if u.Unit != m.ID || u.Name != m.Name {
					t.Errorf("unit %d is %s %q, want %s %q (members order)", i, u.Unit, u.Name, m.ID, m.Name)
				}
				want, ok := tc.totals[m.ID]
				if !ok {
					want = zeros(len(tc.dates))
				}
				if !reflect.DeepEqual(u.Totals, want) {
					t.Errorf("%s totals\n got  %v\n want %v", m.ID, u.Totals, want)
				}
			}
		})
	}
}

func TestTimelineErrors(t *testing.T) {
	cases := []struct {
		name  string
		build func(t *testing.T) *Season
		view  View
		code  Code
	}{
		{name: "season not opened", build: func(*testing.T) *Season { return NewSeason("nope") }, view: Claimed, code: NotFound},
		{name: "final before the close", build: func(t *testing.T) *Season { return newBuilder(t).s }, view: Final, code: Conflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.build(t)
			_, err := s.Timeline(tc.view)
			if code, _ := errCode(t, err); code != tc.code {
				t.Errorf("error %v, want code %s", err, tc.code)
			}
			_, serr := s.Standings(tc.view)
			if code, _ := errCode(t, serr); code != tc.code {
				t.Errorf("Standings error %v, want the same code %s", serr, tc.code)
			}
		})
	}
}

// TestTimelineEmpty: an opened season with nothing dated yet has no dates,
// and every unit an empty (not nil) line.
func TestTimelineEmpty(t *testing.T) {
	b := newBuilder(t)
	tl, err := b.s.Timeline(Claimed)
	if err != nil {
		t.Fatal(err)
	}
	if tl.Dates == nil || len(tl.Dates) != 0 {
		t.Errorf("dates %#v, want empty", tl.Dates)
	}
	for _, u := range tl.Units {
		if u.Totals == nil || len(u.Totals) != 0 {
			t.Errorf("%s totals %#v, want empty", u.Unit, u.Totals)
		}
	}
}

// TestTimelineUndatedDecision: a decision with no countable date (no
// business date, a recorded time that does not parse) adds no date and
// counts from the first one, so it is not lost from the last point.
func TestTimelineUndatedDecision(t *testing.T) {
	b := newBuilder(t)
	b.fact("j1", th, "2024-04-10", hosted())
	b.fact("m1", th, "2024-06-01", model("m1", "district"))
	b.committeeAt("b1", events.TypeBonusAwarded, cg, "", "", &events.Adjustment{Points: p(1, 0), Reason: "thưởng"})
	tl, err := b.s.Timeline(Claimed)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2024-04-10", "2024-06-01"}; !reflect.DeepEqual(tl.Dates, want) {
		t.Errorf("dates %v, want %v", tl.Dates, want)
	}
	want := map[string][]events.Points{cg: {p(1, 0), p(1, 0)}, th: {p(2, 0), p(3, 0)}}
	for _, u := range tl.Units {
		if w, ok := want[u.Unit]; ok && !reflect.DeepEqual(u.Totals, w) {
			t.Errorf("%s totals %v, want %v", u.Unit, u.Totals, w)
		}
	}
}

// realisticSeason: five units scored over the whole year (about 300
// events), with reviews, rejections, retractions, dated and undated
// committee decisions, late congresses and a rubric amendment.
func realisticSeason(t *testing.T) *builder {
	b := newBuilder(t)
	b.scoreUnit(btl, p(95, 0))
	b.scoreUnit(cg, p(88, 50))
	b.scoreUnit(hd, p(70, 0))
	b.scoreUnit(ntl, p(60, 25))
	b.ruleFull(th)
	b.verifyAll()
	// Facts that came later in the year, some reviewed, some not.
	b.fact("late-ward", hd, "2024-05-03", wardCongress("x1"))
	b.fact("city", cg, "2024-10-02", model("city-1", "city"))
	b.fact("late-report", ntl, "2024-11-20", report("other", "2024-11-15"))
	b.fact("joint-host", th, "2024-06-12", hosted())
	b.verify("ok-joint-host", "joint-host")
	b.reject("no-city", "city")
	b.verify("ok-city", "city") // rejected, then verified after all
	b.retract("x-dbp", btl, "bac-tu-liem-dbp-0")
	b.reject("no-media", "tay-ho-media-0")
	b.committeeAt("b-dated", events.TypeBonusAwarded, th, "2024-06-20", "2024-12-02T08:00:00Z",
		&events.Adjustment{Points: p(2, 25), Reason: "đăng cai"})
	b.committeeAt("d-dated", events.TypeDeductionApplied, hd, "2024-08-15", "2024-12-02T08:00:00Z",
		&events.Adjustment{Points: p(1, 0), Reason: "nộp chậm"})
	b.committeeAt("s-late", events.TypeScoreAssessed, cg, "", "2024-12-05T03:00:00Z",
		&events.ScoreAssessed{Item: "I.1.6", Points: p(1, 0), Reason: "chấm lại"})
	b.committeeAt("t-raise", events.TypeTargetAssigned, btl, "2024-09-15", "2024-12-02T08:00:00Z",
		&events.TargetAssigned{Indicator: "media_articles", Value: 20})
	b.cretract("x-b-dated", "b-dated")
	b.violation("viol", ntl)
	b.amend("amend", rubricWith(t, "I.2.5", func(it *events.Item) { it.Rule.Points = p(0, 50) }))
	return b
}

// TestTimelineMatchesCutOffReplay: on a realistic season, at every date a
// unit's point is the total that Standings gives for the log without the
// facts dated after it and the scoring decisions in effect after it
// (reviews and retractions of those dropped events then point at nothing
// and are ignored); and the last point is the unit's current total.
func TestTimelineMatchesCutOffReplay(t *testing.T) {
	cases := []struct {
		name  string
		view  View
		close bool
	}{
		{name: "claimed", view: Claimed},
		{name: "verified", view: Verified},
		{name: "final", view: Final, close: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := realisticSeason(t)
			if tc.close {
				b.close()
			}
			tl, err := b.s.Timeline(tc.view)
			if err != nil {
				t.Fatal(err)
			}
			if len(tl.Dates) < 10 {
				t.Fatalf("only %d dates: the season is not realistic", len(tl.Dates))
			}
			points := map[string][]events.Points{}
			for _, u := range tl.Units {
				if len(u.Totals) != len(tl.Dates) {
					t.Fatalf("%s: %d totals for %d dates", u.Unit, len(u.Totals), len(tl.Dates))
				}
				points[u.Unit] = u.Totals
			}
			current := b.standings(tc.view).Units
			if len(points) != len(current) {
				t.Fatalf("timeline has %d units, the standings %d", len(points), len(current))
			}
			for _, row := range current {
				if last := points[row.Unit][len(tl.Dates)-1]; last != row.Total {
					t.Errorf("%s: last point %s, current total %s", row.Unit, last, row.Total)
				}
			}
			for i, d := range tl.Dates {
				s := NewSeason(DemoSeasonID)
				for _, rec := range b.recs {
					spec, _ := events.Lookup(rec.Event.Type)
					if (spec.Fact && rec.Event.Date > d) || (scores(rec.Event.Type) && effectiveDate(rec.Event, 2024) > d) {
						continue
					}
					if err := s.Apply(rec); err != nil {
						t.Fatal(err)
					}
				}
				st, err := s.Standings(tc.view)
				if err != nil {
					t.Fatal(err)
				}
				for _, row := range st.Units {
					if got := points[row.Unit][i]; got != row.Total {
						t.Errorf("%s at %s: timeline %s, cut-off replay %s", row.Unit, d, got, row.Total)
					}
				}
			}
		})
	}
}

// nationalSeason folds a synthetic national-scale season straight into a
// Season: units units, each with factsPerUnit facts spread over the year
// (most verified) and a few committee decisions.
func nationalSeason(tb testing.TB, units, factsPerUnit int) *Season {
	tb.Helper()
	opened := DemoSeason()
	opened.Members = nil
	for i := range units {
		opened.Members = append(opened.Members, events.Member{ID: fmt.Sprintf("u%02d", i), Name: fmt.Sprintf("Đơn vị %d", i), Wards: 12})
	}
	opened.Head, opened.Deputy = opened.Members[0].ID, ""
	s := NewSeason(DemoSeasonID)
	var seq uint64
	apply := func(ev events.Event, pl events.Payload) {
		seq++
		ev.Schema, ev.Season = events.Schema, DemoSeasonID
		if ev.Recorded == "" {
			ev.Recorded = "2024-12-01T00:00:00Z"
		}
		if err := s.Apply(events.Record{Seq: seq, Event: ev, Payload: pl}); err != nil {
			tb.Fatal(err)
		}
	}
	apply(events.Event{ID: "open", Type: events.TypeSeasonOpened}, &opened)
	for i, m := range opened.Members {
		for j := range factsPerUnit {
			// Spread over the year's 366 days.
			date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (j*37+i*11)%366).Format(time.DateOnly)
			id := fmt.Sprintf("%s-f%d", m.ID, j)
			var pl events.Payload
			switch j % 6 {
			case 0:
				pl = model(fmt.Sprintf("m%d", j), []string{"district", "city"}[j%2])
			case 1:
				pl = activity([]string{"citizen_dialogue", "social_criticism", "cluster_joint"}[j%3], "")
			case 2:
				pl = report("propaganda", "2024-06-30")
			case 3:
				pl = indicator("media_articles", int64(j))
			case 4:
				pl = wardCongress(fmt.Sprintf("w%d", j%12))
			default:
				pl = exemplar(fmt.Sprintf("Người %d", j))
			}
			apply(events.Event{ID: id, Type: factType(pl), Unit: m.ID, Date: date}, pl)
			if j%5 != 0 {
				apply(events.Event{ID: "ok-" + id, Type: events.TypeFactVerified}, &events.Review{Target: id})
			}
		}
		apply(events.Event{ID: m.ID + "-t", Type: events.TypeTargetAssigned, Unit: m.ID, Date: "2024-02-01"},
			&events.TargetAssigned{Indicator: "media_articles", Value: 500})
		apply(events.Event{ID: m.ID + "-s", Type: events.TypeScoreAssessed, Unit: m.ID, Recorded: "2024-07-03T10:00:00Z"},
			&events.ScoreAssessed{Item: "I.2.1", Points: p(4, 0), Reason: "họp Cụm"})
		apply(events.Event{ID: m.ID + "-b", Type: events.TypeBonusAwarded, Unit: m.ID, Date: "2024-10-10"},
			&events.Adjustment{Points: p(1, 0), Reason: "thưởng"})
	}
	return s
}

// BenchmarkTimeline: a cluster season (6 units, ~400 events) and a national
// one (10 units, ~2,500 events).
func BenchmarkTimeline(b *testing.B) {
	for _, bc := range []struct {
		name                string
		units, factsPerUnit int
	}{
		{name: "cluster", units: 6, factsPerUnit: 36},
		{name: "national", units: 10, factsPerUnit: 135},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := nationalSeason(b, bc.units, bc.factsPerUnit)
			tl, err := s.Timeline(Verified)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := s.Timeline(Verified); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tl.Dates)), "dates")
			b.ReportMetric(float64(len(s.Entries())), "events")
		})
	}
}
