package domain

import (
	"errors"
	"testing"

	"github.com/thidua/thidua/events"
)

// TestPreview: what a decision about Cầu Giấy would change, worked out from
// the 2024 rubric, and that previewing folds nothing.
func TestPreview(t *testing.T) {
	b := newBuilder(t)
	b.fact("m1", cg, "2024-03-01", model("mo-hinh-1", "district")) // I.2.5: 1
	b.fact("d1", cg, "2024-06-01", districtCongress())             // III.3: 4 (gate G2)
	b.fact("f1", cg, "2024-06-01", indicator("fund_for_the_poor", 500_000_000))
	b.verifyAll()
	b.bonus("bn1", cg, p(1, 0))
	// Verified: content 1 + 4 = 5, bonus 1: total 6, eligible.
	cases := []struct {
		name     string
		typ      string
		unit     string
		payload  events.Payload
		total    events.Points // verified, after; before is 6
		eligible bool
		lines    map[string][2]events.Points
	}{
		{name: "assess a manual line", typ: events.TypeScoreAssessed, unit: cg,
			payload: &events.ScoreAssessed{Item: "I.1.6", Points: p(1, 50), Reason: "tốt"}, total: p(7, 50), eligible: true,
			lines: map[string][2]events.Points{"I": {p(1, 0), p(2, 50)}, "I.1": {0, p(1, 50)}, "I.1.6": {0, p(1, 50)}}},
		// I.2.2: 5 × min(1, 500.000.000 / 1.000.000.000) = 2,5.
		{name: "assign a target", typ: events.TypeTargetAssigned, unit: cg,
			payload: &events.TargetAssigned{Indicator: "fund_for_the_poor", Value: 1_000_000_000}, total: p(8, 50), eligible: true,
			lines: map[string][2]events.Points{"I": {p(1, 0), p(3, 50)}, "I.2": {p(1, 0), p(3, 50)}, "I.2.2": {0, p(2, 50)}}},
		{name: "a bonus", typ: events.TypeBonusAwarded, unit: cg,
			payload: &events.Adjustment{Points: p(2, 0), Reason: "đăng cai"}, total: p(8, 0), eligible: true,
			lines: map[string][2]events.Points{"B.3": {p(1, 0), p(3, 0)}}},
		{name: "a deduction", typ: events.TypeDeductionApplied, unit: cg,
			payload: &events.Adjustment{Points: p(0, 50), Reason: "chậm"}, total: p(5, 50), eligible: true,
			lines: map[string][2]events.Points{"D.3": {0, p(0, 50)}}},
		{name: "a violation bars the unit, its points stay", typ: events.TypeViolationRecorded, unit: cg,
			payload: &events.ViolationRecorded{Kind: "discipline", DecisionNo: "12/QĐ-KT"}, total: p(6, 0), eligible: false,
			lines: map[string][2]events.Points{}},
		{name: "withdraw the bonus", typ: events.TypeCommitteeRetracted,
			payload: &events.Retraction{Target: "bn1", Reason: "nhầm đơn vị"}, total: p(5, 0), eligible: true,
			lines: map[string][2]events.Points{"B.3": {p(1, 0), 0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := committeeEv("preview", c.typ, c.unit)
			if err := Check(b.s, ev, c.payload); err != nil {
				t.Fatalf("Check: %v", err)
			}
			seq := b.s.LastSeq
			pv, err := b.s.Preview(ev, c.payload)
			if err != nil {
				t.Fatal(err)
			}
			if b.s.LastSeq != seq || b.row(Verified, cg).Total != p(6, 0) {
				t.Fatal("the preview changed the season")
			}
			v := pv.Views[0]
			if pv.Unit != cg || v.View != Verified || v.Before.Total != p(6, 0) || !v.Before.Eligible {
				t.Fatalf("before: %+v", pv)
			}
			if v.After.Total != c.total || v.After.Eligible != c.eligible {
				t.Errorf("after: total %s eligible %v, want %s %v", v.After.Total, v.After.Eligible, c.total, c.eligible)
			}
			got := map[string][2]events.Points{}
			for _, l := range pv.Lines {
				got[l.Code] = [2]events.Points{l.Before, l.After}
			}
			if len(got) != len(c.lines) {
				t.Errorf("lines %v, want %v", got, c.lines)
			}
			for k, want := range c.lines {
				if got[k] != want {
					t.Errorf("line %s: %v, want %v", k, got[k], want)
				}
			}
		})
	}
}

func TestPreviewRefuses(t *testing.T) {
	b := newBuilder(t)
	b.fact("m1", cg, "2024-03-01", model("mo-hinh-1", "district"))
	b.verify("v-m1", "m1")
	b.committeeT("v2-m1", events.TypeFactVerified, cg, &events.Review{Target: "m1"})
	cases := []struct {
		name    string
		typ     string
		payload events.Payload
		field   string
	}{
		{name: "a ballot concerns no one unit", typ: events.TypeBallotRecorded,
			payload: &events.BallotRecorded{Question: "flag", Voters: 5, Votes: map[string]int64{cg: 3}}, field: "type"},
		{name: "a review is not a decision about a unit", typ: events.TypeCommitteeRetracted,
			payload: &events.Retraction{Target: "v-m1", Reason: "nhầm"}, field: "data.target"},
		{name: "nor is one that names the unit", typ: events.TypeCommitteeRetracted,
			payload: &events.Retraction{Target: "v2-m1", Reason: "nhầm"}, field: "data.target"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := b.s.Preview(committeeEv("preview", c.typ, ""), c.payload)
			var de *Error
			if !errors.As(err, &de) || de.Code != Invalid || de.Field != c.field {
				t.Errorf("error %v, want Invalid on %s", err, c.field)
			}
		})
	}
}

// TestAdjustmentDecisionNumber: a bonus's decision number travels as its
// evidence (kind decision) and the sheet names it.
func TestAdjustmentDecisionNumber(t *testing.T) {
	b := newBuilder(t)
	ev := committeeEv("bn1", events.TypeBonusAwarded, cg)
	ev.Evidence = []events.Evidence{{Kind: "photo", Title: "Ảnh"}, {Kind: "decision", Title: "Quyết định khen thưởng", DocNo: "15/QĐ-MTTQ"}}
	b.apply(ev, &events.Adjustment{Points: p(1, 0), Reason: "đăng cai"})
	b.bonus("bn2", cg, p(1, 0))
	got := map[string]string{}
	for _, l := range b.s.decisionLines(cg) {
		got[l.ID] = l.DecisionNo
	}
	if got["bn1"] != "15/QĐ-MTTQ" || got["bn2"] != "" {
		t.Errorf("decision numbers %v", got)
	}
}
