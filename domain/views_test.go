package domain

import (
	"encoding/json"
	"testing"

	"github.com/thidua/thidua/events"
)

func TestViews(t *testing.T) {
	// One model.recognized "m1" of bac-tu-liem: I.2.5 is 1 point when it counts.
	cases := []struct {
		name              string
		setup             func(b *builder)
		claimed, verified events.Points
	}{
		{name: "unreviewed fact is claimed only", claimed: p(1, 0), verified: 0},
		{name: "verified", setup: func(b *builder) {
			b.verify("v1", "m1")
		}, claimed: p(1, 0), verified: p(1, 0)},
		{name: "rejected counts in neither", setup: func(b *builder) {
			b.reject("r1", "m1")
		}, claimed: 0, verified: 0},
		{name: "retracted counts in no view", setup: func(b *builder) {
			b.retract("x1", btl, "m1")
		}, claimed: 0, verified: 0},
		{name: "verified then retracted counts in no view", setup: func(b *builder) {
			b.verify("v1", "m1")
			b.retract("x1", btl, "m1")
		}, claimed: 0, verified: 0},
		{name: "verified then rejected is out", setup: func(b *builder) {
			b.verify("v1", "m1")
			b.reject("r1", "m1")
		}, claimed: 0, verified: 0},
		{name: "rejected then verified is in", setup: func(b *builder) {
			b.reject("r1", "m1")
			b.verify("v1", "m1")
		}, claimed: p(1, 0), verified: p(1, 0)},
		{name: "retracted rejection falls back to the earlier verification", setup: func(b *builder) {
			b.verify("v1", "m1")
			b.reject("r1", "m1")
			b.cretract("x-r1", "r1")
		}, claimed: p(1, 0), verified: p(1, 0)},
		{name: "retracted verification falls back to no review", setup: func(b *builder) {
			b.verify("v1", "m1")
			b.cretract("x-v1", "v1")
		}, claimed: p(1, 0), verified: 0},
		{name: "retracted rejection falls back to no review", setup: func(b *builder) {
			b.reject("r1", "m1")
			b.cretract("x-r1", "r1")
		}, claimed: p(1, 0), verified: 0},
		{name: "retracted second verification falls back to the rejection", setup: func(b *builder) {
			b.verify("v1", "m1")
			b.reject("r1", "m1")
			b.verify("v2", "m1")
			b.cretract("x-v2", "v2")
		}, claimed: 0, verified: 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.fact("m1", btl, "2024-06-01", model("m1", "district"))
			if tc.setup != nil {
				tc.setup(b)
			}
			if got := b.item(Claimed, btl, "I.2.5").Points; got != tc.claimed {
				t.Errorf("claimed I.2.5 = %s, want %s", got, tc.claimed)
			}
			if got := b.item(Verified, btl, "I.2.5").Points; got != tc.verified {
				t.Errorf("verified I.2.5 = %s, want %s", got, tc.verified)
			}
			if got := b.row(Verified, btl).Total; got != tc.verified {
				t.Errorf("verified total = %s, want %s", got, tc.verified)
			}
			b.close()
			if got := b.item(Final, btl, "I.2.5").Points; got != tc.verified {
				t.Errorf("final I.2.5 = %s, want the verified %s", got, tc.verified)
			}
		})
	}
}

func TestCommitteeEventsCountInEveryView(t *testing.T) {
	b := newBuilder(t)
	b.assess("s1", btl, "I.2.1", p(4, 0))
	b.bonus("b1", btl, p(1, 0))
	b.deduct("d1", btl, p(0, 50))
	b.target("t1", btl, "media_articles", 2)
	b.fact("i1", btl, "2024-06-01", indicator("media_articles", 1))
	b.verify("v1", "i1")
	b.close()
	// I.2.1 4 + I.1.5 2 × 1/2 = 1 → content 5; + 1 − 0.5 = 5.5
	for _, v := range []View{Claimed, Verified, Final} {
		row := b.row(v, btl)
		if row.Content != p(5, 0) || row.Bonus != p(1, 0) || row.Deductions != p(0, 50) || row.Total != p(5, 50) {
			t.Errorf("%s: content/bonus/deductions/total = %s/%s/%s/%s, want 5/1/0.5/5.5",
				v, row.Content, row.Bonus, row.Deductions, row.Total)
		}
	}
}

func TestFinalView(t *testing.T) {
	t.Run("before close is a conflict", func(t *testing.T) {
		b := newBuilder(t)
		b.scoreUnit(btl, p(95, 0))
		st, err := b.s.Standings(Final)
		if code, field := errCode(t, err); code != Conflict {
			t.Fatalf("Standings(final) before close = %v, %v; want a Conflict (field %q)", st, err, field)
		}
	})
	t.Run("unknown season is not found", func(t *testing.T) {
		_, err := NewSeason(DemoSeasonID).Standings(Claimed)
		if code, _ := errCode(t, err); code != NotFound {
			t.Fatalf("Standings on an unopened season = %v, want NotFound", err)
		}
	})
	t.Run("after close it is the verified view with awards", func(t *testing.T) {
		b := newBuilder(t)
		b.scoreUnit(btl, p(95, 0))
		b.scoreUnit(cg, p(92, 0))
		b.verifyAll()
		b.ruleFull(hd) // 64 in facts, claimed only: never verified
		b.close()
		fin, ver, cl := b.standings(Final), b.standings(Verified), b.standings(Claimed)
		if fin.View != Final {
			t.Errorf("final standings say view %q", fin.View)
		}
		fj, _ := json.Marshal(fin.Units)
		vj, _ := json.Marshal(ver.Units)
		if string(fj) != string(vj) {
			t.Errorf("final units differ from verified units:\nfinal    %s\nverified %s", fj, vj)
		}
		if fin.Units[0].Unit != btl || fin.Units[0].Total != p(95, 0) {
			t.Errorf("final leader = %s %s, want %s 95", fin.Units[0].Unit, fin.Units[0].Total, btl)
		}
		if a := fin.Units[0].Award; a == nil || *a != AwardFlag {
			t.Errorf("final flag holder award = %v, want flag", a)
		}
		if got := cl.Sheets[hd].Total; got != p(64, 0) {
			t.Errorf("claimed total of %s = %s, want 64", hd, got)
		}
		if got := fin.Sheets[hd].Total; got != 0 {
			t.Errorf("final total of %s = %s, want 0: no fact verified and no committee event", hd, got)
		}
	})
}

func TestParseView(t *testing.T) {
	for in, want := range map[string]View{"": Verified, "claimed": Claimed, "verified": Verified, "final": Final} {
		if got, err := ParseView(in); err != nil || got != want {
			t.Errorf("ParseView(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseView("draft"); err == nil {
		t.Errorf("ParseView(draft) accepted")
	} else if code, field := errCode(t, err); code != Invalid || field != "view" {
		t.Errorf("ParseView(draft) = %s %s, want invalid view", code, field)
	}
}

func TestClosedSeason(t *testing.T) {
	t.Run("fact after close is ignored and counts in no view", func(t *testing.T) {
		b := newBuilder(t)
		b.fact("m1", btl, "2024-06-01", model("m1", "district"))
		b.verify("v1", "m1")
		b.close()
		late := factEv("m2", btl, "2024-06-02", model("m2", "district"))
		b.applyRaw(late, model("m2", "district"))
		lateReview := committeeEv("v2", events.TypeFactVerified, "")
		b.applyRaw(lateReview, &events.Review{Target: "m2"})
		e, ok := b.s.Event("m2")
		if !ok || e.Ignored() == "" {
			t.Fatalf("fact after close: entry %+v, want it Ignored", e)
		}
		if r, _ := b.s.Event("v2"); r == nil || r.Ignored() == "" {
			t.Errorf("review after close is not ignored")
		}
		for _, v := range []View{Claimed, Verified, Final} {
			it := b.item(v, btl, "I.2.5")
			if it.Points != p(1, 0) || len(it.Events) != 1 || it.Events[0] != "m1" {
				t.Errorf("%s I.2.5 = %s %v, want 1 from m1 only", v, it.Points, it.Events)
			}
		}
	})
	t.Run("retraction after close is ignored", func(t *testing.T) {
		b := newBuilder(t)
		b.fact("m1", btl, "2024-06-01", model("m1", "district"))
		b.verify("v1", "m1")
		b.close()
		ev := events.Event{Schema: 1, ID: "x1", Type: events.TypeFactRetracted, Season: DemoSeasonID, Unit: btl,
			Author: events.Author{Role: events.RoleUnit, Unit: btl}}
		b.applyRaw(ev, &events.Retraction{Target: "m1", Reason: "muộn"})
		if got := b.item(Final, btl, "I.2.5").Points; got != p(1, 0) {
			t.Errorf("final I.2.5 after a retraction that came after close = %s, want 1", got)
		}
	})
	t.Run("Check refuses everything but award.revoked", func(t *testing.T) {
		b := newBuilder(t)
		b.scoreUnit(btl, p(95, 0))
		b.fact("m9", cg, "2024-06-01", model("m9", "district"))
		b.assess("s9", cg, "I.2.1", p(1, 0))
		b.verifyAll()
		b.close()
		unitEv := func(id, typ string) events.Event {
			return events.Event{Schema: 1, ID: id, Type: typ, Season: DemoSeasonID, Unit: cg,
				Author: events.Author{Role: events.RoleUnit, Unit: cg}}
		}
		cases := []struct {
			name string
			ev   events.Event
			p    events.Payload
		}{
			{"fact", factEv("m10", cg, "2024-06-01", model("m10", "district")), model("m10", "district")},
			{"fact.retracted", unitEv("x1", events.TypeFactRetracted), &events.Retraction{Target: "m9", Reason: "r"}},
			{"fact.verified", committeeEv("v1", events.TypeFactVerified, ""), &events.Review{Target: "m9"}},
			{"fact.rejected", committeeEv("r1", events.TypeFactRejected, ""), &events.Review{Target: "m9"}},
			{"score.assessed", committeeEv("s1", events.TypeScoreAssessed, cg), &events.ScoreAssessed{Item: "I.2.1", Points: p(2, 0), Reason: "r"}},
			{"target.assigned", committeeEv("t1", events.TypeTargetAssigned, cg), &events.TargetAssigned{Indicator: "media_articles", Value: 3}},
			{"bonus.awarded", committeeEv("b1", events.TypeBonusAwarded, cg), &events.Adjustment{Points: p(1, 0), Reason: "r"}},
			{"deduction.applied", committeeEv("d1", events.TypeDeductionApplied, cg), &events.Adjustment{Points: p(1, 0), Reason: "r"}},
			{"violation.recorded", committeeEv("g1", events.TypeViolationRecorded, cg), &events.ViolationRecorded{Kind: "other", DecisionNo: "1"}},
			{"ballot.recorded", committeeEv("ba1", events.TypeBallotRecorded, ""), &events.BallotRecorded{Question: "flag", Voters: 6, Votes: map[string]int64{cg: 4}}},
			{"committee.retracted", committeeEv("cx1", events.TypeCommitteeRetracted, ""), &events.Retraction{Target: "s9", Reason: "r"}},
			{"rubric.amended", committeeEv("am1", events.TypeRubricAmended, ""), &events.RubricAmended{Rubric: DefaultRubric2024(), Reason: "r"}},
			{"season.closed again", committeeEv("close2", events.TypeSeasonClosed, ""), &events.SeasonClosed{}},
			{"season.opened again", committeeEv("open2", events.TypeSeasonOpened, ""), func() events.Payload { o := DemoSeason(); return &o }()},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				if code, _ := errCode(t, Check(b.s, tc.ev, tc.p)); code != Conflict {
					t.Errorf("Check(%s) after close = %q, want conflict", tc.ev.Type, code)
				}
			})
		}
		t.Run("award.revoked is accepted", func(t *testing.T) {
			ev := committeeEv("rv1", events.TypeAwardRevoked, btl)
			if err := Check(b.s, ev, &events.AwardRevoked{Award: AwardFlag, Reason: "r", DecisionNo: "1"}); err != nil {
				t.Errorf("Check(award.revoked of the flag holder) = %v, want nil", err)
			}
		})
	})
}

func TestRubricAmended(t *testing.T) {
	// The amendment doubles I.2.5 to 2 per model (max still 4), removes IV.2,
	// and lowers III.4's maximum from 5 to 3.
	amended := func(t *testing.T) events.Rubric {
		r := rubricWith(t, "I.2.5", func(it *events.Item) { it.Rule.Points = p(2, 0) })
		editItem(r.Items, "III.4", func(it *events.Item) { it.Max = p(3, 0) })
		var ok bool
		if r.Items, ok = removeItem(r.Items, "IV.2"); !ok {
			t.Fatal("test bug: no IV.2")
		}
		return r
	}
	setup := func(t *testing.T) (*builder, int) {
		b := newBuilder(t)
		b.fact("m1", btl, "2024-03-01", model("m1", "district"))
		b.assess("s1", btl, "IV.1", p(3, 0))
		b.assess("s2", btl, "IV.2", p(2, 0))
		b.assess("s3", btl, "III.4", p(5, 0))
		before := len(b.recs)
		b.amend("am1", amended(t))
		b.fact("m2", btl, "2024-09-01", model("m2", "district"))
		return b, before
	}
	t.Run("new rubric scores every fact of the year", func(t *testing.T) {
		b, _ := setup(t)
		// I.2.5: 2 models × 2 = 4 (m1 predates the amendment)
		if got := b.item(Claimed, btl, "I.2.5").Points; got != p(4, 0) {
			t.Errorf("I.2.5 = %s, want 4 (2 × 2)", got)
		}
	})
	t.Run("fold stopped before the amendment keeps the old rubric", func(t *testing.T) {
		b, before := setup(t)
		old := b.replay(before)
		st, err := old.Standings(Claimed)
		if err != nil {
			t.Fatal(err)
		}
		sh := st.Sheets[btl]
		for code, want := range map[string]events.Points{"I.2.5": p(1, 0), "IV.2": p(2, 0), "III.4": p(5, 0), "IV": p(5, 0)} {
			if it, ok := findScore(sh.Items, code); !ok || it.Points != want {
				t.Errorf("before the amendment %s = %s (found %v), want %s", code, it.Points, ok, want)
			}
		}
		// 1 + 3 + 2 + 5 = 11
		if sh.Total != p(11, 0) {
			t.Errorf("total before the amendment = %s, want 11", sh.Total)
		}
		// and the same prefix stopped right after the amendment has the new one
		after := b.replay(before + 1)
		st2, _ := after.Standings(Claimed)
		if it, _ := findScore(st2.Sheets[btl].Items, "I.2.5"); it.Points != p(2, 0) {
			t.Errorf("I.2.5 right after the amendment = %s, want 2 (1 model × 2)", it.Points)
		}
	})
	t.Run("manual scores for removed items are dropped", func(t *testing.T) {
		b, _ := setup(t)
		if b.hasItem(Claimed, btl, "IV.2") {
			t.Errorf("IV.2 still on the sheet after the amendment removed it")
		}
		if got := b.item(Claimed, btl, "IV").Points; got != p(3, 0) {
			t.Errorf("IV = %s, want 3 (IV.1 only)", got)
		}
	})
	t.Run("a score above a lowered maximum is capped", func(t *testing.T) {
		b, _ := setup(t)
		it := b.item(Claimed, btl, "III.4")
		if it.Points != p(3, 0) || it.Max != p(3, 0) {
			t.Errorf("III.4 = %s / %s, want 3 / 3 (5 capped at the new maximum)", it.Points, it.Max)
		}
		// I.2.5 4 + III.4 3 + IV.1 3 = 10
		if got := b.row(Claimed, btl).Total; got != p(10, 0) {
			t.Errorf("total after the amendment = %s, want 10", got)
		}
	})
	t.Run("Check uses the amended rubric", func(t *testing.T) {
		b, _ := setup(t)
		err := Check(b.s, committeeEv("s4", events.TypeScoreAssessed, btl), &events.ScoreAssessed{Item: "IV.2", Points: p(1, 0), Reason: "r"})
		if code, field := errCode(t, err); code != Invalid || field != "data.item" {
			t.Errorf("assessing removed IV.2 = %v, want invalid data.item", err)
		}
		err = Check(b.s, committeeEv("s5", events.TypeScoreAssessed, btl), &events.ScoreAssessed{Item: "III.4", Points: p(4, 0), Reason: "r"})
		if code, field := errCode(t, err); code != Invalid || field != "data.points" {
			t.Errorf("assessing III.4 4 over the new max 3 = %v, want invalid data.points", err)
		}
	})
}

func TestDeterminism(t *testing.T) {
	b := newBuilder(t)
	b.scoreUnit(btl, p(95, 0))
	b.scoreUnit(cg, p(92, 0))
	b.scoreUnit(hd, p(85, 0))
	b.scoreUnit(ntl, p(85, 0))
	b.scoreUnit(th, p(78, 0))
	b.fact("extra", tx, "2024-05-07", activity("commemoration", "dbp70"))
	b.violation("g1", cg)
	b.ballot("ballot", 6, map[string]int64{hd: 2, ntl: 2})
	b.verifyAll()
	b.reject("rj", "ha-dong-model-0")
	b.retract("rx", th, "tay-ho-dlg-0")
	b.amend("am1", rubricWith(t, "I.2.5", func(it *events.Item) { it.Rule.Points = p(0, 50) }))
	b.close()
	b.revoke("rv", btl, AwardFlag)
	for _, v := range []View{Claimed, Verified, Final} {
		first, _ := json.Marshal(b.standings(v))
		for i := range 2 {
			s := b.replay(len(b.recs))
			st, err := s.Standings(v)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := json.Marshal(st)
			if string(again) != string(first) {
				t.Errorf("%s: replay %d gives other bytes:\n%s\n%s", v, i, first, again)
			}
		}
		// asking twice of the same fold gives the same bytes too
		if second, _ := json.Marshal(b.standings(v)); string(second) != string(first) {
			t.Errorf("%s: Standings is not stable across calls", v)
		}
	}
}
