package domain

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/events"
)

// committeeAt appends a committee event with its own business date and
// recorded time.
func (b *builder) committeeAt(id, typ, unit, date, recorded string, pl events.Payload) {
	b.t.Helper()
	ev := committeeEv(id, typ, unit)
	ev.Date, ev.Recorded = date, recorded
	b.apply(ev, pl)
}

func ptsPtr(v events.Points) *events.Points { return &v }

// TestDecisionLines: a unit's sheet lists each committee decision about it
// with its reason, and a retracted one with the retraction and its reason.
func TestDecisionLines(t *testing.T) {
	cases := []struct {
		name  string
		setup func(b *builder)
		want  DecisionLine // Seq is filled in from the fold
	}{
		{name: "bonus", setup: func(b *builder) {
			b.bonus("b1", cg, p(1, 50))
		}, want: DecisionLine{ID: "b1", Type: events.TypeBonusAwarded, Summary: "Cộng điểm +1,5 / bonus +1.5",
			Points: ptsPtr(p(1, 50)), Reason: "thưởng", Status: DecisionCounted}},
		{name: "deduction", setup: func(b *builder) {
			b.deduct("d1", cg, p(0, 25))
		}, want: DecisionLine{ID: "d1", Type: events.TypeDeductionApplied, Summary: "Trừ điểm −0,25 / deduction −0.25",
			Points: ptsPtr(p(0, 25)), Reason: "trừ", Status: DecisionCounted}},
		{name: "assessment", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(4, 50))
		}, want: DecisionLine{ID: "s1", Type: events.TypeScoreAssessed, Summary: "Chấm mục I.2.1: 4,5 điểm / item I.2.1 assessed: 4.5 points",
			Item: "I.2.1", Points: ptsPtr(p(4, 50)), Reason: "họp Cụm", Status: DecisionCounted}},
		{name: "assessment of zero keeps its points", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", 0)
		}, want: DecisionLine{ID: "s1", Type: events.TypeScoreAssessed, Summary: "Chấm mục I.2.1: 0 điểm / item I.2.1 assessed: 0 points",
			Item: "I.2.1", Points: ptsPtr(0), Reason: "họp Cụm", Status: DecisionCounted}},
		{name: "target", setup: func(b *builder) {
			b.target("t1", cg, "media_articles", 10)
		}, want: DecisionLine{ID: "t1", Type: events.TypeTargetAssigned, Summary: "Giao chỉ tiêu Tin bài cho báo chí của MTTQ: 10 tin bài / target for Articles for MTTQ media: 10 articles",
			Indicator: "media_articles", Value: 10, Status: DecisionCounted}},
		{name: "violation", setup: func(b *builder) {
			b.violation("v1", cg)
		}, want: DecisionLine{ID: "v1", Type: events.TypeViolationRecorded, Summary: "Vi phạm (kỷ luật) theo 12/QĐ-KT / violation (discipline) by 12/QĐ-KT",
			DecisionNo: "12/QĐ-KT", Status: DecisionCounted}},
		{name: "dated bonus", setup: func(b *builder) {
			b.committeeAt("b1", events.TypeBonusAwarded, cg, "2024-05-01", "2024-12-01T00:00:00Z", &events.Adjustment{Points: p(2, 0), Reason: "đăng cai hội thi"})
		}, want: DecisionLine{ID: "b1", Type: events.TypeBonusAwarded, Date: "2024-05-01", Summary: "Cộng điểm +2 / bonus +2",
			Points: ptsPtr(p(2, 0)), Reason: "đăng cai hội thi", Status: DecisionCounted}},
		{name: "retracted bonus", setup: func(b *builder) {
			b.bonus("b1", cg, p(1, 50))
			b.cretract("x-b1", "b1")
		}, want: DecisionLine{ID: "b1", Type: events.TypeBonusAwarded, Summary: "Cộng điểm +1,5 / bonus +1.5",
			Points: ptsPtr(p(1, 50)), Reason: "thưởng", Status: DecisionRetracted, By: "x-b1", RetractionReason: "nhầm"}},
		{name: "assessment superseded by a later one of the same item", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(4, 0))
			b.assess("s2", cg, "I.2.4", p(1, 0)) // another item: no effect on s1
			b.assess("s3", cg, "I.2.1", p(4, 50))
		}, want: DecisionLine{ID: "s1", Type: events.TypeScoreAssessed, Summary: "Chấm mục I.2.1: 4 điểm / item I.2.1 assessed: 4 points",
			Item: "I.2.1", Points: ptsPtr(p(4, 0)), Reason: "họp Cụm", Status: DecisionSuperseded, By: "s3"}},
		{name: "assessment counts again when the later one is retracted", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(4, 0))
			b.assess("s3", cg, "I.2.1", p(4, 50))
			b.cretract("x-s3", "s3")
		}, want: DecisionLine{ID: "s1", Type: events.TypeScoreAssessed, Summary: "Chấm mục I.2.1: 4 điểm / item I.2.1 assessed: 4 points",
			Item: "I.2.1", Points: ptsPtr(p(4, 0)), Reason: "họp Cụm", Status: DecisionCounted}},
		{name: "target superseded by a later one of the same indicator", setup: func(b *builder) {
			b.target("t1", cg, "media_articles", 10)
			b.target("t2", cg, "media_articles", 12)
		}, want: DecisionLine{ID: "t1", Type: events.TypeTargetAssigned, Summary: "Giao chỉ tiêu Tin bài cho báo chí của MTTQ: 10 tin bài / target for Articles for MTTQ media: 10 articles",
			Indicator: "media_articles", Value: 10, Status: DecisionSuperseded, By: "t2"}},
		{name: "revoked award", setup: func(b *builder) {
			b.close()
			// Folded without the check: cau-giay holds no award here, and the
			// sheet lists the decision all the same.
			pl := &events.AwardRevoked{Award: AwardFlag, Reason: "sai phạm phát hiện sau", DecisionNo: "99/QĐ-MTTQ"}
			b.applyRaw(committeeEv("rv1", events.TypeAwardRevoked, cg), pl)
		}, want: DecisionLine{ID: "rv1", Type: events.TypeAwardRevoked, Summary: "Thu hồi Cờ thi đua theo 99/QĐ-MTTQ / emulation flag revoked by 99/QĐ-MTTQ",
			Reason: "sai phạm phát hiện sau", DecisionNo: "99/QĐ-MTTQ", Status: DecisionCounted}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.fact("f1", cg, "2024-03-01", model("m1", "district")) // a fact: not a decision
			tc.setup(b)
			e, ok := b.s.Event(tc.want.ID)
			if !ok {
				t.Fatalf("test bug: no event %s", tc.want.ID)
			}
			want := tc.want
			want.Seq = e.Seq
			// Every decision and every correction here is the committee's.
			committee := events.Author{Role: events.RoleCommittee}
			want.Author = committee
			if want.By != "" {
				want.ByAuthor = &committee
			}
			views := []View{Claimed, Verified}
			if b.s.Closed != nil {
				views = append(views, Final)
			}
			for _, view := range views {
				lines := b.standings(view).Sheets[cg].Decisions
				i := slices.IndexFunc(lines, func(l DecisionLine) bool { return l.ID == want.ID })
				if i < 0 {
					t.Fatalf("%s: no decision line %s in %+v", view, want.ID, lines)
				}
				if !reflect.DeepEqual(lines[i], want) {
					t.Errorf("%s:\n got  %+v\n want %+v", view, lines[i], want)
				}
			}
		})
	}
}

// TestDecisionLinesOrderAndShape: decisions are listed in stream order,
// only on their unit's sheet, and a sheet without any still has the key.
func TestDecisionLinesOrderAndShape(t *testing.T) {
	b := newBuilder(t)
	b.bonus("b1", cg, p(1, 0))
	b.target("t1", btl, "media_articles", 10)
	b.fact("f1", cg, "2024-03-01", model("m1", "district"))
	b.verify("ok-f1", "f1") // a review: not a decision
	b.deduct("d1", cg, p(0, 50))
	b.cretract("x-b1", "b1")
	st := b.standings(Claimed)

	cases := []struct {
		name string
		unit string
		want []string
	}{
		{name: "two decisions in stream order", unit: cg, want: []string{"b1", "d1"}},
		{name: "another unit's decision only", unit: btl, want: []string{"t1"}},
		{name: "no decisions", unit: th, want: []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lines := st.Sheets[tc.unit].Decisions
			if lines == nil {
				t.Fatal("decisions is nil: it must encode as []")
			}
			got := []string{}
			for _, l := range lines {
				got = append(got, l.ID)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("decisions %v, want %v", got, tc.want)
			}
			js, err := json.Marshal(st.Sheets[tc.unit])
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(js), `"decisions":[`) {
				t.Errorf("sheet JSON has no decisions array: %s", js)
			}
		})
	}
}

// TestDecisionLineJSON: the wire names, optional fields left out, points as
// a number.
func TestDecisionLineJSON(t *testing.T) {
	cases := []struct {
		name string
		line DecisionLine
		want string
	}{
		{name: "retracted deduction", line: DecisionLine{ID: "d1", Seq: 7, Type: events.TypeDeductionApplied, Date: "2024-05-01",
			Summary: "Trừ điểm / deduction -1.5", Points: ptsPtr(p(1, 50)), Reason: "nộp muộn", Status: DecisionRetracted, By: "x1", RetractionReason: "nhầm",
			Author: events.Author{Role: events.RoleCommittee, Token: "tok-a"}, ByAuthor: &events.Author{Role: events.RoleCommittee, Token: "tok-b"}},
			want: `{"id":"d1","seq":7,"type":"deduction.applied","date":"2024-05-01","summary":"Trừ điểm / deduction -1.5","points":1.5,"reason":"nộp muộn","status":"retracted","by":"x1","retraction_reason":"nhầm","author":{"role":"committee","token":"tok-a"},"by_author":{"role":"committee","token":"tok-b"}}`},
		{name: "target", line: DecisionLine{ID: "t1", Seq: 3, Type: events.TypeTargetAssigned, Summary: "Giao chỉ tiêu media_articles: 10 / target media_articles: 10",
			Value: 10, Indicator: "media_articles", Status: DecisionCounted, Author: events.Author{Role: events.RoleCommittee}},
			want: `{"id":"t1","seq":3,"type":"target.assigned","summary":"Giao chỉ tiêu media_articles: 10 / target media_articles: 10","value":10,"indicator":"media_articles","status":"counted","author":{"role":"committee"}}`},
		{name: "assessment of zero", line: DecisionLine{ID: "s1", Seq: 4, Type: events.TypeScoreAssessed, Summary: "s", Item: "I.2.1", Points: ptsPtr(0), Status: DecisionCounted, Author: events.Author{Role: events.RoleCommittee}},
			want: `{"id":"s1","seq":4,"type":"score.assessed","summary":"s","item":"I.2.1","points":0,"status":"counted","author":{"role":"committee"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(tc.line)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("\n got  %s\n want %s", got, tc.want)
			}
		})
	}
}
