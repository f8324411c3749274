package domain

import (
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/events"
)

// itemCase scores one item of one unit after a setup.
type itemCase struct {
	name   string
	opened *events.SeasonOpened // nil: the demo season with the default rubric
	setup  func(b *builder)
	unit   string // default bac-tu-liem
	code   string
	want   events.Points
	events []string // when not nil, the item's event ids in order
	note   string   // when not empty, a substring of the English note
}

// runItemCases checks each case in the claimed view, then verifies every
// fact and checks that the verified view gives the same points (committee
// events count in both views).
func runItemCases(t *testing.T, cases []itemCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b *builder
			if tc.opened != nil {
				b = newBuilderWith(t, *tc.opened)
			} else {
				b = newBuilder(t)
			}
			unit := tc.unit
			if unit == "" {
				unit = btl
			}
			if tc.setup != nil {
				tc.setup(b)
			}
			got := b.item(Claimed, unit, tc.code)
			if got.Points != tc.want {
				t.Errorf("claimed %s of %s = %s, want %s (note %q)", tc.code, unit, got.Points, tc.want, got.NoteEn)
			}
			if tc.events != nil && !slices.Equal(got.Events, tc.events) {
				t.Errorf("claimed %s events = %v, want %v", tc.code, got.Events, tc.events)
			}
			if tc.note != "" && !strings.Contains(got.NoteEn, tc.note) {
				t.Errorf("claimed %s note = %q, want it to say %q", tc.code, got.NoteEn, tc.note)
			}
			b.verifyAll()
			if v := b.item(Verified, unit, tc.code); v.Points != tc.want {
				t.Errorf("verified %s of %s (every fact verified) = %s, want %s", tc.code, unit, v.Points, tc.want)
			}
		})
	}
}

func TestRuleEach(t *testing.T) {
	models := func(n int, level string) func(b *builder) {
		return func(b *builder) {
			for i := range n {
				id := "m" + string(rune('a'+i))
				b.fact(id, btl, "2024-06-01", model(id, level))
			}
		}
	}
	runItemCases(t, []itemCase{
		// I.2.5: each 1, max 4.
		{name: "I.2.5 none", code: "I.2.5", want: 0, events: []string{}},
		{name: "I.2.5 under cap", setup: models(3, "district"), code: "I.2.5",
			want: p(3, 0), events: []string{"ma", "mb", "mc"}}, // 3 × 1 = 3
		{name: "I.2.5 exactly at cap", setup: models(4, "district"), code: "I.2.5", want: p(4, 0)}, // 4 × 1 = 4
		{name: "I.2.5 over cap", setup: models(6, "district"), code: "I.2.5",
			want: p(4, 0), note: "capped at 4"}, // 6 × 1 = 6, capped at 4
		{name: "I.2.5 any level counts", setup: func(b *builder) {
			b.fact("m1", btl, "2024-06-01", model("m1", "district"))
			b.fact("m2", btl, "2024-06-01", model("m2", "city"))
			b.fact("m3", btl, "2024-06-01", model("m3", "central"))
		}, code: "I.2.5", want: p(3, 0)}, // 3 × 1 = 3
		{name: "I.2.5 another unit's models do not count", setup: func(b *builder) {
			b.fact("m1", cg, "2024-06-01", model("m1", "district"))
		}, code: "I.2.5", want: 0},
		// I.3.2: each 1, max 3, activity kind social_criticism only.
		{name: "I.3.2 only social_criticism", setup: func(b *builder) {
			b.fact("a1", btl, "2024-07-01", activity("social_criticism", ""))
			b.fact("a2", btl, "2024-07-02", activity("citizen_dialogue", ""))
		}, code: "I.3.2", want: p(1, 0)}, // 1 × 1 = 1
		// II.4: each 1.5, max 3, emulation reports on time.
		{name: "II.4 one on time", setup: func(b *builder) {
			b.fact("r1", btl, "2024-06-20", report("emulation", "2024-06-30"))
		}, code: "II.4", want: p(1, 50)}, // 1 × 1.5 = 1.5
		{name: "II.4 three on time capped", setup: func(b *builder) {
			for _, id := range []string{"r1", "r2", "r3"} {
				b.fact(id, btl, "2024-06-20", report("emulation", "2024-06-30"))
			}
		}, code: "II.4", want: p(3, 0)}, // 3 × 1.5 = 4.5, capped at 3
		// I.1.1: each 0.75, max 3, propaganda reports dated ≤ their own due.
		{name: "I.1.1 one on time", setup: func(b *builder) {
			b.fact("r1", btl, "2024-03-01", report("propaganda", "2024-03-15"))
		}, code: "I.1.1", want: p(0, 75)}, // 1 × 0.75
		{name: "I.1.1 dated on its due counts", setup: func(b *builder) {
			b.fact("r1", btl, "2024-03-15", report("propaganda", "2024-03-15"))
		}, code: "I.1.1", want: p(0, 75), events: []string{"r1"}}, // date = due: 1 × 0.75
		{name: "I.1.1 late does not count", setup: func(b *builder) {
			b.fact("r1", btl, "2024-03-16", report("propaganda", "2024-03-15"))
		}, code: "I.1.1", want: 0, events: []string{}},
		{name: "I.1.1 only on-time propaganda", setup: func(b *builder) {
			b.fact("r1", btl, "2024-03-01", report("propaganda", "2024-03-15")) // on time
			b.fact("r2", btl, "2024-06-30", report("propaganda", "2024-06-30")) // on its due
			b.fact("r3", btl, "2024-10-02", report("propaganda", "2024-09-30")) // late
			b.fact("r4", btl, "2024-03-01", report("emulation", "2024-03-15"))  // other topic
			b.fact("r5", btl, "2024-01-20", report("propaganda", "2024-12-31")) // due later than others
		}, code: "I.1.1", want: p(2, 25), events: []string{"r1", "r2", "r5"}}, // 3 × 0.75 = 2.25
		{name: "I.1.1 exactly at cap", setup: func(b *builder) {
			for _, id := range []string{"r1", "r2", "r3", "r4"} {
				b.fact(id, btl, "2024-03-01", report("propaganda", "2024-03-15"))
			}
		}, code: "I.1.1", want: p(3, 0)}, // 4 × 0.75 = 3
		{name: "I.1.1 over cap", setup: func(b *builder) {
			for _, id := range []string{"r1", "r2", "r3", "r4", "r5"} {
				b.fact(id, btl, "2024-03-01", report("propaganda", "2024-03-15"))
			}
		}, code: "I.1.1", want: p(3, 0)}, // 5 × 0.75 = 3.75, capped at 3
	})
}

func TestRuleAny(t *testing.T) {
	runItemCases(t, []itemCase{
		// I.1.2: any activity with occasion dbp70, max 2.
		{name: "I.1.2 none", code: "I.1.2", want: 0, note: "no matching event"},
		{name: "I.1.2 one", setup: func(b *builder) {
			b.fact("a1", btl, "2024-05-07", activity("commemoration", "dbp70"))
		}, code: "I.1.2", want: p(2, 0), events: []string{"a1"}},
		{name: "I.1.2 several still max", setup: func(b *builder) {
			b.fact("a1", btl, "2024-05-07", activity("commemoration", "dbp70"))
			b.fact("a2", btl, "2024-05-08", activity("propaganda", "dbp70"))
			b.fact("a3", btl, "2024-05-09", activity("festival", "dbp70"))
		}, code: "I.1.2", want: p(2, 0), events: []string{"a1", "a2", "a3"}},
		{name: "I.1.2 other occasion does not match", setup: func(b *builder) {
			b.fact("a1", btl, "2024-10-10", activity("commemoration", "gptd70"))
		}, code: "I.1.2", want: 0},
		{name: "I.1.3 gptd70", setup: func(b *builder) {
			b.fact("a1", btl, "2024-10-10", activity("commemoration", "gptd70"))
		}, code: "I.1.3", want: p(2, 0)},
		{name: "II.5 experience exchange", setup: func(b *builder) {
			b.fact("a1", btl, "2024-05-20", activity("experience_exchange", ""))
		}, code: "II.5", want: p(2, 0)},
		// III.5: any congress report, on time or not (lateness is D.1's business).
		{name: "III.5 late congress report still counts", setup: func(b *builder) {
			b.fact("r1", btl, "2024-08-01", report("congress", "2024-07-15"))
		}, code: "III.5", want: p(3, 0)},
	})
}

func TestRuleDeadline(t *testing.T) {
	odd := seasonWith(rubricWith(t, "III.3", func(it *events.Item) { it.Max = p(3, 33) }))
	runItemCases(t, []itemCase{
		// III.3: district congress, due 2024-06-30, max 4.
		{name: "III.3 none", code: "III.3", want: 0, note: "no matching event"},
		{name: "III.3 on time", setup: func(b *builder) {
			b.fact("c1", btl, "2024-06-15", districtCongress())
		}, code: "III.3", want: p(4, 0)},
		{name: "III.3 on the due date", setup: func(b *builder) {
			b.fact("c1", btl, "2024-06-30", districtCongress())
		}, code: "III.3", want: p(4, 0)},
		{name: "III.3 only late is half", setup: func(b *builder) {
			b.fact("c1", btl, "2024-07-01", districtCongress())
		}, code: "III.3", want: p(2, 0), note: "half"}, // 4 / 2 = 2
		{name: "III.3 early and late", setup: func(b *builder) {
			b.fact("c1", btl, "2024-06-10", districtCongress())
			b.fact("c2", btl, "2024-07-10", districtCongress())
		}, code: "III.3", want: p(4, 0)},
		{name: "III.3 late recorded first then early", setup: func(b *builder) {
			b.fact("c1", btl, "2024-07-10", districtCongress())
			b.fact("c2", btl, "2024-06-10", districtCongress())
		}, code: "III.3", want: p(4, 0)}, // the earliest by date counts, not the first recorded
		{name: "III.3 ward congress does not match", setup: func(b *builder) {
			b.fact("c1", btl, "2024-06-10", wardCongress("w1"))
		}, code: "III.3", want: 0},
		{name: "odd max late rounds down", opened: &odd, setup: func(b *builder) {
			b.fact("c1", btl, "2024-07-01", districtCongress())
		}, code: "III.3", want: p(1, 66)}, // 3.33 / 2 = 1.665 → 1.66
		{name: "odd max on time", opened: &odd, setup: func(b *builder) {
			b.fact("c1", btl, "2024-06-01", districtCongress())
		}, code: "III.3", want: p(3, 33)},
		// III.2: pilot ward congress, due 2024-03-31, max 2.
		{name: "III.2 non-pilot ward congress does not match", setup: func(b *builder) {
			b.fact("c1", btl, "2024-03-01", wardCongress("w1"))
		}, code: "III.2", want: 0},
		{name: "III.2 pilot on its due date", setup: func(b *builder) {
			b.fact("c1", btl, "2024-03-31", pilotCongress("w1"))
		}, code: "III.2", want: p(2, 0)},
		{name: "III.2 pilot late", setup: func(b *builder) {
			b.fact("c1", btl, "2024-04-01", pilotCongress("w1"))
		}, code: "III.2", want: p(1, 0)}, // 2 / 2 = 1
	})
}

func TestRuleShare(t *testing.T) {
	wards := func(unit, date string, ws ...string) func(b *builder) {
		return func(b *builder) {
			for _, w := range ws {
				b.fact(unit+"-"+w+"-"+date, unit, date, wardCongress(w))
			}
		}
	}
	seq := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "w" + string(rune('a'+i))
		}
		return out
	}
	both := func(fs ...func(b *builder)) func(b *builder) {
		return func(b *builder) {
			for _, f := range fs {
				f(b)
			}
		}
	}
	small := seasonWith(DefaultRubric2024(),
		events.Member{ID: btl, Name: "Bắc Từ Liêm", Wards: 4},
		events.Member{ID: cg, Name: "Cầu Giấy", Wards: 8})
	runItemCases(t, []itemCase{
		// III.1: share of wards with a ward congress by 2024-04-30, max 6.
		{name: "none", code: "III.1", want: 0},
		{name: "7 of 13 on time", setup: wards(btl, "2024-04-20", seq(7)...),
			code: "III.1", want: p(3, 23), note: "7/13"}, // 6 × 7/13 = 3.2307… → 3.23
		{name: "same ward twice counts once", setup: both(
			wards(btl, "2024-04-20", seq(7)...),
			wards(btl, "2024-04-25", "wa")),
			code: "III.1", want: p(3, 23)}, // still 7 distinct wards: 6 × 7/13 → 3.23
		{name: "wards after the due date do not count", setup: both(
			wards(btl, "2024-04-20", seq(7)...),
			wards(btl, "2024-05-01", "x1", "x2", "x3")),
			code: "III.1", want: p(3, 23)}, // 7 on time, 3 late: 6 × 7/13 → 3.23
		{name: "on the due date counts", setup: wards(btl, "2024-04-30", seq(13)...),
			code: "III.1", want: p(6, 0)}, // 6 × 13/13
		{name: "pilot ward congress is a ward congress", setup: func(b *builder) {
			b.fact("pilot", btl, "2024-03-20", pilotCongress("wa"))
		}, code: "III.1", want: p(0, 46)}, // 6 × 1/13 = 0.4615… → 0.46
		{name: "district congress is not a ward", setup: func(b *builder) {
			b.fact("d", btl, "2024-03-20", districtCongress())
		}, code: "III.1", want: 0},
		{name: "more wards than the unit has is capped", unit: cg, setup: wards(cg, "2024-04-20", seq(9)...),
			code: "III.1", want: p(6, 0)}, // 9 distinct wards of 8: min(9, 8)/8 → 6
		{name: "one ward of 17", unit: hd, setup: wards(hd, "2024-04-20", "wa"),
			code: "III.1", want: p(0, 35)}, // 6 × 1/17 = 0.3529… → 0.35
		{name: "ward count comes from season.opened", opened: &small, setup: wards(btl, "2024-04-20", "wa", "wb"),
			code: "III.1", want: p(3, 0)}, // 4 wards in this season: 6 × 2/4 = 3
	})
}

func TestRuleTarget(t *testing.T) {
	runItemCases(t, []itemCase{
		// I.1.4: sum of areas of mttq94 festivals ÷ residential_areas target, max 4.
		{name: "no target assigned", setup: func(b *builder) {
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 5))
		}, code: "I.1.4", want: 0, note: "no target assigned yet for Residential areas holding the festival"},
		{name: "another indicator's target is not this one", setup: func(b *builder) {
			b.target("t1", btl, "media_articles", 3)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 5))
		}, code: "I.1.4", want: 0, note: "no target assigned yet for Residential areas holding the festival"},
		{name: "another unit's target is not this one", setup: func(b *builder) {
			b.target("t1", cg, "residential_areas", 3)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 5))
		}, code: "I.1.4", want: 0, note: "no target assigned yet for Residential areas holding the festival"},
		{name: "partly reached rounds down", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 3)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 2))
		}, code: "I.1.4", want: p(2, 66)}, // 4 × 2/3 = 2.666… → 2.66
		{name: "exactly reached", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 3)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 3))
		}, code: "I.1.4", want: p(4, 0)},
		{name: "exceeded is max", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 3)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 5))
		}, code: "I.1.4", want: p(4, 0)}, // 4 × min(1, 5/3) = 4
		{name: "areas summed over festivals", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 4)
			b.fact("f1", btl, "2024-11-17", festival("mttq94", 1))
			b.fact("f2", btl, "2024-11-18", festival("mttq94", 2))
		}, code: "I.1.4", want: p(3, 0)}, // 4 × (1+2)/4 = 3
		{name: "only mttq94 festivals count", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 4)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 2))
			b.fact("f2", btl, "2024-11-18", festival("", 5))       // no occasion
			b.fact("f3", btl, "2024-10-10", festival("gptd70", 5)) // other occasion
			cm := activity("commemoration", "mttq94")
			cm.Areas = 5 // not a festival
			b.fact("f4", btl, "2024-11-18", cm)
		}, code: "I.1.4", want: p(2, 0)}, // 4 × 2/4 = 2
		{name: "the latest target counts", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 10)
			b.target("t2", btl, "residential_areas", 4)
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 2))
		}, code: "I.1.4", want: p(2, 0)}, // 4 × 2/4 = 2 (not 4 × 2/10 = 0.8)
		{name: "a retracted target falls back to the previous one", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 3)
			b.target("t2", btl, "residential_areas", 6)
			b.cretract("x-t2", "t2")
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 2))
		}, code: "I.1.4", want: p(2, 66)}, // t2 withdrawn: 4 × 2/3 → 2.66
		{name: "the only target retracted", setup: func(b *builder) {
			b.target("t1", btl, "residential_areas", 3)
			b.cretract("x-t1", "t1")
			b.fact("f1", btl, "2024-11-18", festival("mttq94", 2))
		}, code: "I.1.4", want: 0, note: "no target assigned yet for Residential areas holding the festival"},
		// I.2.2: VND against the fund target, max 5.
		{name: "fund for the poor in VND", setup: func(b *builder) {
			b.target("t1", btl, "fund_for_the_poor", 1_000_000_000)
			b.fact("i1", btl, "2024-10-17", indicator("fund_for_the_poor", 750_000_000))
		}, code: "I.2.2", want: p(3, 75)}, // 5 × 0.75 = 3.75
		// I.1.5: media articles summed, max 2.
		{name: "media articles summed", setup: func(b *builder) {
			b.target("t1", btl, "media_articles", 7)
			b.fact("i1", btl, "2024-06-01", indicator("media_articles", 3))
			b.fact("i2", btl, "2024-09-01", indicator("media_articles", 2))
			b.fact("i3", btl, "2024-09-01", indicator("great_unity_houses", 9)) // other indicator
		}, code: "I.1.5", want: p(1, 42)}, // 2 × 5/7 = 1.428… → 1.42
	})
}

func TestRuleManual(t *testing.T) {
	runItemCases(t, []itemCase{
		// I.1.6: manual, max 2.
		{name: "not assessed", code: "I.1.6", want: 0, note: "not assessed"},
		{name: "assessed", setup: func(b *builder) {
			b.assess("s1", btl, "I.1.6", p(1, 50))
		}, code: "I.1.6", want: p(1, 50), events: []string{"s1"}},
		{name: "the latest assessment counts", setup: func(b *builder) {
			b.assess("s1", btl, "I.1.6", p(1, 50))
			b.assess("s2", btl, "I.1.6", p(0, 75))
		}, code: "I.1.6", want: p(0, 75), events: []string{"s2"}},
		{name: "re-assessed upwards", setup: func(b *builder) {
			b.assess("s1", btl, "I.1.6", p(0, 75))
			b.assess("s2", btl, "I.1.6", p(2, 0))
		}, code: "I.1.6", want: p(2, 0)},
		{name: "a retracted assessment falls back to the earlier one", setup: func(b *builder) {
			b.assess("s1", btl, "I.1.6", p(1, 50))
			b.assess("s2", btl, "I.1.6", p(0, 75))
			b.cretract("x-s2", "s2")
		}, code: "I.1.6", want: p(1, 50), events: []string{"s1"}},
		{name: "every assessment retracted", setup: func(b *builder) {
			b.assess("s1", btl, "I.1.6", p(1, 50))
			b.cretract("x-s1", "s1")
		}, code: "I.1.6", want: 0},
		{name: "another unit's assessment", setup: func(b *builder) {
			b.assess("s1", cg, "I.1.6", p(1, 50))
		}, code: "I.1.6", want: 0},
		{name: "another item's assessment", setup: func(b *builder) {
			b.assess("s1", btl, "I.2.1", p(4, 0))
		}, code: "I.1.6", want: 0},
	})
}

// TestGroupCap: a group is the sum of its children capped at its own max
// (the default rubric's groups add up exactly, so a custom one lowers I.1).
func TestGroupCap(t *testing.T) {
	r := rubricWith(t, "I.1", func(it *events.Item) { it.Max = p(5, 0) })
	b := newBuilderWith(t, seasonWith(r))
	b.fact("a1", btl, "2024-05-07", activity("commemoration", "dbp70"))
	b.fact("a2", btl, "2024-10-10", activity("commemoration", "gptd70"))
	b.assess("s1", btl, "I.1.6", p(2, 0))
	// I.1.2 2 + I.1.3 2 + I.1.6 2 = 6, capped at 5; I = 5; total 5
	it := b.item(Claimed, btl, "I.1")
	if it.Points != p(5, 0) || !strings.Contains(it.NoteEn, "capped at 5") {
		t.Errorf("I.1 = %s (%q), want 5 capped", it.Points, it.NoteEn)
	}
	if got := b.row(Claimed, btl).Total; got != p(5, 0) {
		t.Errorf("total = %s, want 5", got)
	}
}

// TestGroupsSum checks that a group is the sum of its children.
func TestGroupsSum(t *testing.T) {
	b := newBuilder(t)
	b.assess("s1", btl, "I.1.6", p(2, 0))
	b.assess("s2", btl, "I.2.1", p(4, 50))
	b.fact("a1", btl, "2024-05-07", activity("commemoration", "dbp70"))
	// I.1 = I.1.2 2 + I.1.6 2 = 4; I.2 = 4.5; I = 8.5; content = 8.5.
	for code, want := range map[string]events.Points{"I.1": p(4, 0), "I.2": p(4, 50), "I": p(8, 50), "II": 0} {
		if got := b.item(Claimed, btl, code).Points; got != want {
			t.Errorf("%s = %s, want %s", code, got, want)
		}
	}
	row := b.row(Claimed, btl)
	if row.Content != p(8, 50) || row.Groups["I"] != p(8, 50) || row.Groups["III"] != 0 {
		t.Errorf("content %s groups %v, want 8.5 and I = 8.5", row.Content, row.Groups)
	}
}

func TestFullUnitIs90(t *testing.T) {
	b := newBuilder(t)
	b.scoreUnit(btl, p(90, 0)) // 64 rule points + 26 manual
	want := map[string]events.Points{"I": p(50, 0), "II": p(15, 0), "III": p(20, 0), "IV": p(5, 0)}
	row := b.row(Claimed, btl)
	if row.Content != p(90, 0) || row.Total != p(90, 0) || row.Bonus != 0 || row.Deductions != 0 {
		t.Errorf("full unit: content %s total %s bonus %s deductions %s, want 90 90 0 0", row.Content, row.Total, row.Bonus, row.Deductions)
	}
	for g, w := range want {
		if row.Groups[g] != w {
			t.Errorf("group %s = %s, want %s", g, row.Groups[g], w)
		}
	}
}

func TestBonusAndDeductions(t *testing.T) {
	type want struct{ content, bonus, deductions, total events.Points }
	cases := []struct {
		name  string
		setup func(b *builder)
		items map[string]events.Points
		want  want
	}{
		{name: "B.1 one city model", setup: func(b *builder) {
			b.fact("m1", btl, "2024-06-01", model("m1", "city"))
		}, items: map[string]events.Points{"B.1": p(3, 0), "I.2.5": p(1, 0)},
			want: want{p(1, 0), p(3, 0), 0, p(4, 0)}}, // content I.2.5 1; bonus 3; 1 + 3 = 4
		{name: "B.1 city and central", setup: func(b *builder) {
			b.fact("m1", btl, "2024-06-01", model("m1", "city"))
			b.fact("m2", btl, "2024-06-01", model("m2", "central"))
		}, items: map[string]events.Points{"B.1": p(6, 0)},
			want: want{p(2, 0), p(6, 0), 0, p(8, 0)}}, // 2 × 3 = 6; 2 + 6 = 8
		{name: "B.1 capped at 6", setup: func(b *builder) {
			b.fact("m1", btl, "2024-06-01", model("m1", "city"))
			b.fact("m2", btl, "2024-06-01", model("m2", "central"))
			b.fact("m3", btl, "2024-06-01", model("m3", "city"))
		}, items: map[string]events.Points{"B.1": p(6, 0)},
			want: want{p(3, 0), p(6, 0), 0, p(9, 0)}}, // 3 × 3 = 9 → 6; 3 + 6 = 9
		{name: "B.1 district model is no bonus", setup: func(b *builder) {
			b.fact("m1", btl, "2024-06-01", model("m1", "district"))
		}, items: map[string]events.Points{"B.1": 0},
			want: want{p(1, 0), 0, 0, p(1, 0)}},
		{name: "B.2 one hosted joint activity", setup: func(b *builder) {
			b.fact("j1", btl, "2024-04-10", hosted())
		}, items: map[string]events.Points{"B.2": p(1, 0), "II.2": p(1, 0)},
			want: want{p(1, 0), p(1, 0), 0, p(2, 0)}}, // II.2 1 + B.2 1
		{name: "B.2 capped at 2", setup: func(b *builder) {
			b.fact("j1", btl, "2024-04-10", hosted())
			b.fact("j2", btl, "2024-08-10", hosted())
			b.fact("j3", btl, "2024-10-10", hosted())
		}, items: map[string]events.Points{"B.2": p(2, 0), "II.2": p(3, 0)},
			want: want{p(3, 0), p(2, 0), 0, p(5, 0)}}, // 3 × 1 = 3 → 2; 3 + 2 = 5
		{name: "B.2 attending is no bonus", setup: func(b *builder) {
			b.fact("j1", btl, "2024-04-10", activity("cluster_joint", ""))
		}, items: map[string]events.Points{"B.2": 0, "II.2": p(1, 0)},
			want: want{p(1, 0), 0, 0, p(1, 0)}},
		{name: "B.3 bonus.awarded summed", setup: func(b *builder) {
			b.bonus("b1", btl, p(1, 50))
			b.bonus("b2", btl, p(2, 25))
			b.bonus("b3", cg, p(5, 0)) // another unit's
		}, items: map[string]events.Points{"B.3": p(3, 75)},
			want: want{0, p(3, 75), 0, p(3, 75)}}, // 1.5 + 2.25 = 3.75
		{name: "B.3 retracted bonus", setup: func(b *builder) {
			b.bonus("b1", btl, p(1, 50))
			b.bonus("b2", btl, p(2, 25))
			b.cretract("x-b2", "b2")
		}, items: map[string]events.Points{"B.3": p(1, 50)},
			want: want{0, p(1, 50), 0, p(1, 50)}},
		{name: "total bonus capped at 10", setup: func(b *builder) {
			b.fact("m1", btl, "2024-06-01", model("m1", "city"))
			b.fact("m2", btl, "2024-06-01", model("m2", "city"))
			b.fact("j1", btl, "2024-04-10", hosted())
			b.fact("j2", btl, "2024-08-10", hosted())
			b.bonus("b1", btl, p(5, 0))
		}, items: map[string]events.Points{"B.1": p(6, 0), "B.2": p(2, 0), "B.3": p(5, 0)},
			want: want{p(4, 0), p(10, 0), 0, p(14, 0)}}, // 6 + 2 + 5 = 13 → 10; content I.2.5 2 + II.2 2 = 4; 4 + 10 = 14
		{name: "D.1 late reports of any topic", setup: func(b *builder) {
			b.fact("r1", btl, "2024-03-16", report("propaganda", "2024-03-15"))
			b.fact("r2", btl, "2024-07-01", report("emulation", "2024-06-30"))
			b.fact("r3", btl, "2024-12-01", report("other", "2024-11-30"))
			b.fact("r4", btl, "2024-11-30", report("public_opinion", "2024-11-30")) // on its due: no deduction
		}, items: map[string]events.Points{"D.1": p(1, 50), "I.1.1": 0, "II.4": 0},
			want: want{0, 0, p(1, 50), 0}}, // 3 × 0.5 = 1.5; 0 − 1.5 → 0
		{name: "D.2 ward congresses after 2024-04-30", setup: func(b *builder) {
			b.fact("c1", btl, "2024-04-30", wardCongress("wa")) // on the due date: no deduction
			b.fact("c2", btl, "2024-05-01", wardCongress("wb"))
			b.fact("c3", btl, "2024-06-01", wardCongress("wc"))
			b.fact("c4", btl, "2024-07-01", districtCongress()) // district: not D.2
			b.assess("s1", btl, "III.4", p(5, 0))
		}, items: map[string]events.Points{"D.2": p(2, 0), "III.1": p(0, 46), "III.3": p(2, 0)},
			// III.1 6 × 1/13 = 0.46; III.3 late 2; III.4 5 → content 7.46; D.2 2 × 1 = 2; 7.46 − 2 = 5.46
			want: want{p(7, 46), 0, p(2, 0), p(5, 46)}},
		{name: "D.3 deduction.applied summed", setup: func(b *builder) {
			b.assess("s1", btl, "I.2.1", p(5, 0))
			b.deduct("d1", btl, p(0, 25))
			b.deduct("d2", btl, p(1, 0))
		}, items: map[string]events.Points{"D.3": p(1, 25)},
			want: want{p(5, 0), 0, p(1, 25), p(3, 75)}}, // 5 − (0.25 + 1) = 3.75
		{name: "total deductions capped at 10", setup: func(b *builder) {
			b.scoreUnit(btl, p(90, 0))
			b.deduct("d1", btl, p(8, 0))
			for _, w := range []string{"x1", "x2", "x3"} {
				b.fact("late-"+w, btl, "2024-05-02", wardCongress(w))
			}
		}, items: map[string]events.Points{"D.2": p(3, 0), "D.3": p(8, 0)},
			want: want{p(90, 0), 0, p(10, 0), p(80, 0)}}, // 8 + 3 = 11 → 10; 90 − 10 = 80
		{name: "total never below 0", setup: func(b *builder) {
			b.fact("a1", btl, "2024-05-07", activity("commemoration", "dbp70"))
			b.deduct("d1", btl, p(5, 0))
		}, want: want{p(2, 0), 0, p(5, 0), 0}}, // 2 − 5 = −3 → 0
		{name: "content plus bonus minus deductions", setup: func(b *builder) {
			b.ruleFull(btl)
			b.bonus("b1", btl, p(3, 0))
			b.fact("late", btl, "2024-12-20", report("other", "2024-12-15"))
			b.deduct("d1", btl, p(1, 0))
		}, want: want{p(64, 0), p(3, 0), p(1, 50), p(65, 50)}}, // 64 + 3 − (0.5 + 1) = 65.5
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			tc.setup(b)
			for code, want := range tc.items {
				if got := b.item(Claimed, btl, code).Points; got != want {
					t.Errorf("%s = %s, want %s", code, got, want)
				}
			}
			row := b.row(Claimed, btl)
			got := want{row.Content, row.Bonus, row.Deductions, row.Total}
			if got != tc.want {
				t.Errorf("content/bonus/deductions/total = %s/%s/%s/%s, want %s/%s/%s/%s",
					got.content, got.bonus, got.deductions, got.total,
					tc.want.content, tc.want.bonus, tc.want.deductions, tc.want.total)
			}
			sh := b.standings(Claimed).Sheets[btl]
			if sh.Total != row.Total || sh.BonusSum != row.Bonus || sh.DeductSum != row.Deductions || sh.Content != row.Content {
				t.Errorf("sheet %s/%s/%s/%s disagrees with the standing", sh.Content, sh.BonusSum, sh.DeductSum, sh.Total)
			}
		})
	}
}
