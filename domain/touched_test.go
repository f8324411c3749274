package domain

import (
	"slices"
	"testing"

	"github.com/thidua/thidua/events"
)

// TestFoldTouched: each kind of event names the units whose scores it may
// change, as issue 18 lists them: a fact its unit; a review, question,
// answer or retraction its target's unit (a retracted review: the fact's
// unit); a committee decision its unit; rubric.amended and season.closed
// every unit; a ballot the awards only; a repeated id nothing.
func TestFoldTouched(t *testing.T) {
	// Every case starts from a season with one fact of cau-giay reviewed
	// and questioned, a bonus for ha-dong and a flag ballot.
	setup := func(t *testing.T) *builder {
		b := newBuilder(t)
		b.fact("cg-1", "cau-giay", "2024-03-01", activity("citizen_dialogue", ""))
		b.verify("cg-1-ok", "cg-1")
		b.committeeT("cg-1-q", events.TypeFactQueried, "", &events.Query{Target: "cg-1", Question: "Biên bản?"})
		b.bonus("hd-bonus", "ha-dong", p(1, 0))
		b.ballot("flag-1", 6, map[string]int64{"cau-giay": 4})
		return b
	}
	cases := []struct {
		name string
		ev   events.Event
		pl   events.Payload
		want Touched
	}{
		{"a fact: its unit", factEv("th-1", "tay-ho", "2024-04-01", activity("citizen_dialogue", "")), activity("citizen_dialogue", ""), Touched{Units: []string{"tay-ho"}}},
		{"a review: the fact's unit", committeeEv("cg-1-no", events.TypeFactRejected, ""), &events.Review{Target: "cg-1", Reason: "thiếu"}, Touched{Units: []string{"cau-giay"}}},
		{"a question: the fact's unit", committeeEv("cg-1-q2", events.TypeFactQueried, ""), &events.Query{Target: "cg-1", Question: "Ảnh?"}, Touched{Units: []string{"cau-giay"}}},
		{"an answer: its unit", factEvOf(events.TypeFactExplained, "cg-1-x", "cau-giay"), &events.Explanation{Target: "cg-1", Text: "Đã bổ sung"}, Touched{Units: []string{"cau-giay"}}},
		{"a unit's retraction: its unit", factEvOf(events.TypeFactRetracted, "cg-1-r", "cau-giay"), &events.Retraction{Target: "cg-1", Reason: "trùng"}, Touched{Units: []string{"cau-giay"}}},
		{"a retracted review: the fact's unit", committeeEv("cr-1", events.TypeCommitteeRetracted, ""), &events.Retraction{Target: "cg-1-ok", Reason: "nhầm"}, Touched{Units: []string{"cau-giay"}}},
		{"a retracted question: the fact's unit", committeeEv("cr-2", events.TypeCommitteeRetracted, ""), &events.Retraction{Target: "cg-1-q", Reason: "nhầm"}, Touched{Units: []string{"cau-giay"}}},
		{"a retracted decision: its unit", committeeEv("cr-3", events.TypeCommitteeRetracted, ""), &events.Retraction{Target: "hd-bonus", Reason: "nhầm"}, Touched{Units: []string{"ha-dong"}}},
		{"a retracted ballot: the awards", committeeEv("cr-4", events.TypeCommitteeRetracted, ""), &events.Retraction{Target: "flag-1", Reason: "nhầm"}, Touched{Awards: true}},
		{"a decision: its unit", committeeEv("nt-d", events.TypeDeductionApplied, "nam-tu-liem"), &events.Adjustment{Points: p(2, 0), Reason: "trừ"}, Touched{Units: []string{"nam-tu-liem"}}},
		{"a target: its unit", committeeEv("tx-t", events.TypeTargetAssigned, "thanh-xuan"), &events.TargetAssigned{Indicator: "media_articles", Value: 10}, Touched{Units: []string{"thanh-xuan"}}},
		{"an amendment: every unit", committeeEv("amend", events.TypeRubricAmended, ""), &events.RubricAmended{Rubric: DefaultRubric2024(), Reason: "sửa", DecisionNo: "7/QĐ"}, Touched{All: true}},
		{"the closing: every unit", committeeEv("close", events.TypeSeasonClosed, ""), &events.SeasonClosed{}, Touched{All: true}},
		{"a ballot: the awards only", committeeEv("flag-2", events.TypeBallotRecorded, ""), &events.BallotRecorded{Question: "flag", Voters: 6, Votes: map[string]int64{"ha-dong": 5}}, Touched{Awards: true}},
		{"a repeated id: nothing", factEv("cg-1", "cau-giay", "2024-03-02", activity("citizen_dialogue", "")), activity("citizen_dialogue", ""), Touched{}},
		{"an ignored fact of a member: its unit still lists it", factEv("bt-late", "bac-tu-liem", "2024-03-02", &events.CongressCompleted{Level: "ward", Ward: "nowhere"}), &events.CongressCompleted{Level: "ward", Ward: "nowhere"}, Touched{Units: []string{"bac-tu-liem"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := setup(t)
			b.seq++
			got, err := b.s.Fold(events.Record{Seq: b.seq, Event: c.ev, Payload: c.pl})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got.Units)
			if got.All != c.want.All || got.Awards != c.want.Awards || !slices.Equal(got.Units, c.want.Units) {
				t.Errorf("touched %+v, want %+v", got, c.want)
			}
		})
	}
}

func factEvOf(typ, id, unit string) events.Event {
	ev := committeeEv(id, typ, unit)
	ev.Author = events.Author{Role: events.RoleUnit, Unit: unit}
	return ev
}
