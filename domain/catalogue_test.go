package domain

import (
	"strings"
	"testing"

	"github.com/thidua/thidua/events"
)

// season2025 is a season with a catalogue of its own: 2025's occasions, a
// new report topic and indicator, commune-level models, and one member
// whose wards are listed by name.
func season2025() events.SeasonOpened {
	o := DemoSeason()
	o.Year = 2025
	o.Catalogue = &events.Catalogue{
		Occasions:    []events.Occasion{{ID: "gpmn50", Name: "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước", Date: "2025-04-30"}},
		ReportTopics: []events.Term{{ID: "reorganisation", Name: "Sắp xếp tổ chức bộ máy"}},
		Indicators:   []events.Indicator{{ID: "social_security_gifts", Name: "Quà an sinh xã hội", Unit: events.UnitCount}},
		ModelLevels:  []events.Term{{ID: "commune", Name: "Cấp xã"}},
	}
	for i := range o.Members {
		o.Members[i].WardList = nil
	}
	o.Members[0].Wards = 2
	o.Members[0].WardList = []events.Ward{{ID: "dong-ngac", Name: "Phường Đông Ngạc"}, {ID: "thuong-cat", Name: "Phường Thượng Cát"}}
	// The 2024 rubric names 2024's occasions, topics and indicators: a 2025
	// rubric may name only 2025's.
	o.Rubric = events.Rubric{
		Items: []events.Item{
			group("I", "Tuyên truyền", "", pts(6, 0),
				leaf("I.1", "50 năm Giải phóng miền Nam", "", pts(2, 0), anyOf(events.Match{Type: events.TypeActivityHeld, Occasion: []string{"gpmn50"}})),
				leaf("I.2", "Báo cáo sắp xếp bộ máy", "", pts(2, 0), anyOf(events.Match{Type: events.TypeReportSubmitted, Topic: []string{"reorganisation"}})),
				leaf("I.3", "Quà an sinh", "", pts(2, 0), target("social_security_gifts", events.Match{Type: events.TypeIndicatorReported, Indicator: []string{"social_security_gifts"}})),
			),
		},
		Bonus:          events.Adjustments{Cap: pts(2, 0), Items: []events.Item{leaf("B.1", "Thưởng", "", pts(2, 0), &events.Rule{Kind: events.RuleCommittee})}},
		Classification: []events.Class{{Min: 0, Label: "Hoàn thành nhiệm vụ"}},
		ContentMax:     pts(6, 0),
	}
	return o
}

func TestCheckAgainstTheCatalogue(t *testing.T) {
	s2024 := func(t *testing.T) *Season { return newBuilder(t).s }
	s2025 := func(t *testing.T) *Season { return newBuilderWith(t, season2025()).s }
	fact := func(unit, date string, p events.Payload) events.Event { return factEv("f9", unit, date, p) }
	amend := func(r events.Rubric, c *events.Catalogue) events.Payload {
		return &events.RubricAmended{Rubric: r, Reason: "Bổ sung", Catalogue: c}
	}
	rubric2025 := season2025().Rubric
	broken := func(edit func(r *events.Rubric)) events.Rubric {
		r := season2025().Rubric
		edit(&r)
		return r
	}
	unknownOccasion := broken(func(r *events.Rubric) {
		r.Items[0].Items[0].Rule = anyOf(events.Match{Type: events.TypeActivityHeld, Occasion: []string{"dbp70"}})
	})
	opened := func(r events.Rubric, edit func(*events.SeasonOpened)) events.Payload {
		o := season2025()
		o.Rubric = r
		if edit != nil {
			edit(&o)
		}
		return &o
	}
	openEv := func() events.Event { return committeeEv("open-2", events.TypeSeasonOpened, "") }

	cases := []struct {
		name   string
		season func(t *testing.T) *Season // nil: no season yet
		ev     events.Event
		p      events.Payload
		field  string // "" means accepted
		says   string // the message names this
	}{
		{name: "2024 occasion in 2024", season: s2024, ev: fact(btl, "2024-05-07", activity("commemoration", "dbp70")), p: activity("commemoration", "dbp70")},
		{name: "2024 occasion in 2025", season: s2025, ev: fact(btl, "2025-05-07", activity("commemoration", "dbp70")), p: activity("commemoration", "dbp70"), field: "data.occasion", says: "dbp70"},
		{name: "2025 occasion in 2025", season: s2025, ev: fact(btl, "2025-04-30", activity("commemoration", "gpmn50")), p: activity("commemoration", "gpmn50")},
		{name: "2025 occasion in 2024", season: s2024, ev: fact(btl, "2024-04-30", activity("commemoration", "gpmn50")), p: activity("commemoration", "gpmn50"), field: "data.occasion"},
		{name: "default activity kinds stand in when the list is left out", season: s2025, ev: fact(btl, "2025-03-01", activity("citizen_dialogue", "")), p: activity("citizen_dialogue", "")},
		{name: "kind in no catalogue", season: s2025, ev: fact(btl, "2025-03-01", activity("concert", "")), p: activity("concert", ""), field: "data.kind"},
		{name: "2025 topic in 2025", season: s2025, ev: fact(btl, "2025-08-01", report("reorganisation", "2025-07-31")), p: report("reorganisation", "2025-07-31")},
		{name: "2024 topic replaced in 2025", season: s2025, ev: fact(btl, "2025-08-01", report("propaganda", "2025-07-31")), p: report("propaganda", "2025-07-31"), field: "data.topic"},
		{name: "2025 topic in 2024", season: s2024, ev: fact(btl, "2024-08-01", report("reorganisation", "2024-07-31")), p: report("reorganisation", "2024-07-31"), field: "data.topic"},
		{name: "2025 indicator in 2025", season: s2025, ev: fact(btl, "2025-08-01", indicator("social_security_gifts", 40)), p: indicator("social_security_gifts", 40)},
		{name: "2024 indicator replaced in 2025", season: s2025, ev: fact(btl, "2025-08-01", indicator("fund_for_the_poor", 40)), p: indicator("fund_for_the_poor", 40), field: "data.indicator"},
		{name: "residential_areas is a target, not an indicator", season: s2024, ev: fact(btl, "2024-08-01", indicator("residential_areas", 40)), p: indicator("residential_areas", 40), field: "data.indicator"},
		{name: "commune level in 2025", season: s2025, ev: fact(btl, "2025-06-01", model("m9", "commune")), p: model("m9", "commune")},
		{name: "district level gone in 2025", season: s2025, ev: fact(btl, "2025-06-01", model("m9", "district")), p: model("m9", "district"), field: "data.level"},
		{name: "exemplar level from the catalogue", season: s2025, ev: fact(btl, "2025-06-01", &events.ExemplarHonored{Name: "Bà Lan", Level: "district"}), p: &events.ExemplarHonored{Name: "Bà Lan", Level: "district"}, field: "data.level"},
		{name: "target for a 2025 indicator", season: s2025, ev: committeeEv("t9", events.TypeTargetAssigned, btl), p: &events.TargetAssigned{Indicator: "social_security_gifts", Value: 50}},
		{name: "target for residential areas", season: s2025, ev: committeeEv("t9", events.TypeTargetAssigned, btl), p: &events.TargetAssigned{Indicator: "residential_areas", Value: 50}},
		{name: "target for an unknown indicator", season: s2025, ev: committeeEv("t9", events.TypeTargetAssigned, btl), p: &events.TargetAssigned{Indicator: "media_articles", Value: 50}, field: "data.indicator"},
		{name: "ward congress in a listed ward", season: s2025, ev: fact(btl, "2025-04-01", wardCongress("thuong-cat")), p: wardCongress("thuong-cat")},
		{name: "ward congress outside ward_list", season: s2025, ev: fact(btl, "2025-04-01", wardCongress("xuan-dinh")), p: wardCongress("xuan-dinh"), field: "data.ward", says: "xuan-dinh"},
		{name: "ward ids are free text without a ward_list", season: s2025, ev: fact(cg, "2025-04-01", wardCongress("w1")), p: wardCongress("w1")},
		{name: "district congress names no ward to check", season: s2025, ev: fact(btl, "2025-06-01", districtCongress()), p: districtCongress()},

		// Rubrics, opened and amended.
		{name: "season opened with a rubric of its catalogue", ev: openEv(), p: opened(rubric2025, nil)},
		{name: "season opened matching an occasion not in its catalogue", ev: openEv(), p: opened(unknownOccasion, nil), field: "data.rubric.items[0].items[0].rule.match.occasion[0]", says: "dbp70"},
		{name: "season opened without a catalogue may use 2024's codes", ev: openEv(), p: opened(DefaultRubric2024(), func(o *events.SeasonOpened) { o.Catalogue = nil })},
		{name: "2024 rubric against a 2025 catalogue", ev: openEv(), p: opened(DefaultRubric2024(), nil), field: "data.rubric.items[0].items[0].items[0].rule.match.topic[0]", says: "propaganda"},
		{name: "target rule for an indicator not in the catalogue", ev: openEv(), p: opened(broken(func(r *events.Rubric) {
			r.Items[0].Items[2].Rule.Target = "fund_for_the_poor"
		}), nil), field: "data.rubric.items[0].items[2].rule.target"},
		{name: "match on an indicator not in the catalogue", ev: openEv(), p: opened(broken(func(r *events.Rubric) {
			r.Items[0].Items[2].Rule.Match.Indicator = []string{"great_unity_houses"}
		}), nil), field: "data.rubric.items[0].items[2].rule.match.indicator[0]"},
		{name: "match on a model level not in the catalogue", ev: openEv(), p: opened(broken(func(r *events.Rubric) {
			r.Items[0].Items[0].Rule = anyOf(events.Match{Type: events.TypeModelRecognized, Level: []string{"city"}})
		}), nil), field: "data.rubric.items[0].items[0].rule.match.level[0]"},
		{name: "congress levels are the program's", ev: openEv(), p: opened(broken(func(r *events.Rubric) {
			r.Items[0].Items[0].Rule = anyOf(events.Match{Type: events.TypeCongressCompleted, Level: []string{"commune"}})
		}), nil), field: "data.rubric.items[0].items[0].rule.match.level[0]"},
		{name: "group whose items do not add up", ev: openEv(), p: opened(broken(func(r *events.Rubric) { r.Items[0].Items[2].Max = pts(1, 0) }), nil), field: "data.rubric.items[0].max", says: "I"},
		{name: "2024 rubric with I.2 lowered to 18", ev: openEv(), p: opened(rubricWithSum(func(r *events.Rubric) { r.Items[0].Items[1].Items[0].Max = pts(3, 0) }), func(o *events.SeasonOpened) { o.Catalogue = nil }),
			field: "data.rubric.items[0].items[1].max", says: "I.2"},
		{name: "groups that do not add up to the declared content", ev: openEv(), p: opened(broken(func(r *events.Rubric) { r.ContentMax = pts(90, 0) }), nil), field: "data.rubric.content_max"},
		{name: "bonus lines without a cap", ev: openEv(), p: opened(broken(func(r *events.Rubric) { r.Bonus.Cap = 0 }), nil), field: "data.rubric.bonus.cap"},
		{name: "explicit totals are taken as stated", ev: openEv(), p: opened(broken(func(r *events.Rubric) {
			r.Items[0].Items[2].Max = pts(1, 0)
			r.Bonus.Cap = 0
			r.ExplicitTotals = true
		}), nil)},
		{name: "amendment under the catalogue in force", season: s2025, ev: committeeEv("am9", events.TypeRubricAmended, ""), p: amend(rubric2025, nil)},
		{name: "amendment naming a code of no catalogue", season: s2025, ev: committeeEv("am9", events.TypeRubricAmended, ""), p: amend(unknownOccasion, nil), field: "data.rubric.items[0].items[0].rule.match.occasion[0]"},
		{name: "amendment bringing its catalogue", season: s2025, ev: committeeEv("am9", events.TypeRubricAmended, ""),
			p: amend(unknownOccasion, &events.Catalogue{Occasions: []events.Occasion{{ID: "dbp70", Name: "Điện Biên Phủ"}}})},
		{name: "amendment that drops a code its rubric names", season: s2025, ev: committeeEv("am9", events.TypeRubricAmended, ""),
			p: amend(rubric2025, &events.Catalogue{Occasions: []events.Occasion{{ID: "qk80", Name: "Quốc khánh"}}}), field: "data.rubric.items[0].items[0].rule.match.occasion[0]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s *Season
			if c.season != nil {
				s = c.season(t)
			}
			err := Check(s, c.ev, c.p)
			code, field := errCode(t, err)
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && (code != Invalid || field != c.field):
				t.Fatalf("got %q on %q (%v), want invalid on %q", code, field, err, c.field)
			case c.says != "" && !strings.Contains(err.Error(), c.says):
				t.Errorf("message %q does not name %q", err, c.says)
			}
		})
	}
}

// rubricWithSum edits the 2024 rubric and leaves the sums to be checked.
func rubricWithSum(edit func(*events.Rubric)) events.Rubric {
	r := DefaultRubric2024()
	edit(&r)
	return r
}

func TestAmendedCatalogueKeepsTheListsItLeavesOut(t *testing.T) {
	b := newBuilderWith(t, season2025())
	b.amend("am1", season2025().Rubric)
	b.committeeT("am2", events.TypeRubricAmended, "", &events.RubricAmended{Rubric: season2025().Rubric, Reason: "Thêm dịp kỷ niệm",
		Catalogue: &events.Catalogue{Occasions: []events.Occasion{{ID: "gpmn50", Name: "50 năm"}, {ID: "qk80", Name: "Quốc khánh"}}}})
	c := b.s.Catalogue
	if _, ok := c.Occasion("qk80"); !ok {
		t.Errorf("the amendment's occasions are not in force: %+v", c.Occasions)
	}
	if _, ok := c.ReportTopic("reorganisation"); !ok {
		t.Errorf("the season's own report topics were lost: %+v", c.ReportTopics)
	}
	if _, ok := c.ActivityKind("festival"); !ok {
		t.Errorf("the default activity kinds were lost: %+v", c.ActivityKinds)
	}
}

func TestDemoSeasonsOpen(t *testing.T) {
	for _, c := range []struct {
		id     string
		opened events.SeasonOpened
	}{{DemoSeasonID, DemoSeason()}, {DemoSeason2025ID, DemoSeason2025()}} {
		t.Run(c.id, func(t *testing.T) {
			if err := events.ValidatePayload(&c.opened); err != nil {
				t.Fatalf("payload: %v", err)
			}
			ev := committeeEv("open", events.TypeSeasonOpened, "")
			ev.Season = c.id
			if err := Check(nil, ev, &c.opened); err != nil {
				t.Fatalf("Check: %v", err)
			}
		})
	}
}
