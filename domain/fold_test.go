package domain

import (
	"fmt"
	"testing"

	"github.com/thidua/thidua/events"
)

func TestApplyRefusesForeignOrOutOfOrderRecords(t *testing.T) {
	b := newBuilder(t)
	mdl := model("m1", "district")
	other := factEv("m1", btl, "2024-06-01", mdl)
	other.Season = "hn-mttq-cum1-2024"
	if err := b.s.Apply(events.Record{Seq: 10, Event: other, Payload: mdl}); err == nil {
		t.Errorf("Apply of another season's event succeeded")
	}
	if err := b.s.Apply(events.Record{Seq: 1, Event: factEv("m1", btl, "2024-06-01", mdl), Payload: mdl}); err == nil {
		t.Errorf("Apply of a seq not after the last one succeeded")
	}
	sys := committeeEv("tok", events.TypeTokenRevoked, "")
	if err := b.s.Apply(events.Record{Seq: 10, Event: sys, Payload: &events.TokenRevoked{ID: "t"}}); err == nil {
		t.Errorf("Apply of an access event succeeded")
	}
	if b.s.LastSeq != 1 || len(b.s.Entries()) != 1 {
		t.Errorf("refused records changed the season: last seq %d, %d entries", b.s.LastSeq, len(b.s.Entries()))
	}
}

// TestFoldIgnores: events that reach the log although Check would refuse
// them (races between writers) count for nothing, the same way every replay.
func TestFoldIgnores(t *testing.T) {
	mdl := model("m9", "district")
	cases := []struct {
		name string
		ev   events.Event
		p    events.Payload
	}{
		{"second season.opened", committeeEv("open2", events.TypeSeasonOpened, ""), func() events.Payload { o := DemoSeason(); return &o }()},
		{"fact of a non-member", factEv("m9", "hoan-kiem", "2024-06-01", mdl), mdl},
		{"duplicate event id", factEv("m1", btl, "2024-06-01", mdl), mdl},
		{"retraction of an unknown event", unitEvent("x9", events.TypeFactRetracted, btl), &events.Retraction{Target: "nope", Reason: "r"}},
		{"retraction of another unit's fact", unitEvent("x9", events.TypeFactRetracted, cg), &events.Retraction{Target: "m1", Reason: "r"}},
		{"second retraction", unitEvent("x9", events.TypeFactRetracted, btl), &events.Retraction{Target: "m3", Reason: "r"}},
		{"committee retraction of a fact", committeeEv("cx9", events.TypeCommitteeRetracted, ""), &events.Retraction{Target: "m1", Reason: "r"}},
		{"review of a committee event", committeeEv("v9", events.TypeFactVerified, ""), &events.Review{Target: "s1"}},
		{"award.revoked before close", committeeEv("rv", events.TypeAwardRevoked, btl), &events.AwardRevoked{Award: "flag", Reason: "r", DecisionNo: "1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := checkSeason(t)
			before := b.standings(Claimed)
			b.applyRaw(tc.ev, tc.p)
			last := b.s.Entries()[len(b.s.Entries())-1]
			if last.Ignored() == "" {
				t.Errorf("%s was folded with effect, want Ignored", tc.ev.ID)
			}
			after := b.standings(Claimed)
			for _, u := range []string{btl, cg} {
				if before.Sheets[u].Total != after.Sheets[u].Total {
					t.Errorf("%s total moved from %s to %s", u, before.Sheets[u].Total, after.Sheets[u].Total)
				}
			}
			// the retracted fact m3 stays retracted by x3, m1 stays live
			if m1, _ := b.s.Event("m1"); !m1.Live() {
				t.Errorf("m1 lost its effect")
			}
			if m3, _ := b.s.Event("m3"); m3.RetractedBy == nil || m3.RetractedBy.Event.ID != "x3" {
				t.Errorf("m3 retracted by %+v, want x3", m3.RetractedBy)
			}
		})
	}
	t.Run("event before season.opened", func(t *testing.T) {
		s := NewSeason(DemoSeasonID)
		if err := s.Apply(events.Record{Seq: 1, Event: factEv("m9", btl, "2024-06-01", mdl), Payload: mdl}); err != nil {
			t.Fatal(err)
		}
		if e, _ := s.Event("m9"); e == nil || e.Ignored() == "" {
			t.Errorf("fact before the opening is not ignored")
		}
	})
}

// TestRuleTargetLargeValues: indicator values and targets go up to
// events.MaxValue (10^15 đồng), and a target rule is max × min(1, sum ÷
// target), never more than max and never less than 0, however many facts
// there are.
func TestRuleTargetLargeValues(t *testing.T) {
	const maxValue = events.MaxValue // 10^15
	runItemCases(t, []itemCase{
		{name: "largest value against a small target", setup: func(b *builder) {
			b.target("t1", btl, "fund_for_the_poor", 1_000_000_000)
			b.fact("i1", btl, "2024-10-17", indicator("fund_for_the_poor", maxValue))
		}, code: "I.2.2", want: p(5, 0)}, // min(1, 10^15/10^9) = 1 → 5
		{name: "largest target reached exactly", setup: func(b *builder) {
			b.target("t1", btl, "fund_for_the_poor", maxValue)
			b.fact("i1", btl, "2024-10-17", indicator("fund_for_the_poor", maxValue))
		}, code: "I.2.2", want: p(5, 0)}, // 5 × 10^15/10^15 = 5
		{name: "largest target a third reached", setup: func(b *builder) {
			b.target("t1", btl, "fund_for_the_poor", maxValue)
			b.fact("i1", btl, "2024-10-17", indicator("fund_for_the_poor", maxValue/3))
		}, code: "I.2.2", want: p(1, 66)}, // 5 × 333…3/10^15 = 1.666… → 1.66
	})
}

// TestRuleTargetSumOverflow: 9,224 reports of 10^15 đồng each (every one
// valid) add up to 9.224 × 10^18, beyond int64: the target rule's sum wraps
// negative and the item scores 0 instead of its max. Low severity (absurd
// input), but events.MaxValue promises "no sum of a season's values can
// overflow" and the fold must not depend on it.
func TestRuleTargetSumOverflow(t *testing.T) {
	b := newBuilder(t)
	b.target("t1", btl, "fund_for_the_poor", 1_000_000_000)
	for i := range 9224 {
		b.fact(fmt.Sprintf("i%d", i), btl, "2024-10-17", indicator("fund_for_the_poor", events.MaxValue))
	}
	// sum ≥ target → 5 × min(1, sum/10^9) = 5
	if got := b.item(Claimed, btl, "I.2.2").Points; got != p(5, 0) {
		t.Errorf("I.2.2 after 9,224 × 10^15 đồng = %s, want 5 (the int64 sum overflowed)", got)
	}
}
