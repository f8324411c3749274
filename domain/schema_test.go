package domain

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/thidua/thidua/events"
)

func choiceIDs(s *JSONSchema) []string {
	var out []string
	for _, c := range s.OneOf {
		out = append(out, c.Const.(string))
	}
	return out
}

func TestSchemaOffersTheSeasonsCodesByName(t *testing.T) {
	cases := []struct {
		name    string
		season  events.SeasonOpened
		typ     string
		field   string
		want    []string
		titleVi string // the first choice's title
	}{
		{"2024 occasions", DemoSeason(), events.TypeActivityHeld, "occasion", []string{"dbp70", "gptd70", "mttq94"}, "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},
		{"2025 occasions", season2025(), events.TypeActivityHeld, "occasion", []string{"gpmn50"}, "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước"},
		{"default kinds in 2025", season2025(), events.TypeActivityHeld, "kind", []string{"commemoration", "propaganda", "festival", "cluster_joint", "social_criticism", "citizen_dialogue", "experience_exchange", "other"}, "Hoạt động kỷ niệm"},
		{"2025 topics", season2025(), events.TypeReportSubmitted, "topic", []string{"reorganisation"}, "Sắp xếp tổ chức bộ máy"},
		{"2025 indicators", season2025(), events.TypeIndicatorReported, "indicator", []string{"social_security_gifts"}, "Quà an sinh xã hội"},
		{"targets add residential areas", season2025(), events.TypeTargetAssigned, "indicator", []string{"social_security_gifts", "residential_areas"}, "Quà an sinh xã hội"},
		{"2025 model levels", season2025(), events.TypeModelRecognized, "level", []string{"commune"}, "Cấp xã"},
		{"manual items of the rubric", DemoSeason(), events.TypeScoreAssessed, "item", []string{"I.1.6", "I.2.1", "I.2.4", "I.3.3", "II.1", "III.4", "IV.1", "IV.2"}, "I.1.6 Nắm bắt tình hình tư tưởng nhân dân"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := newBuilderWith(t, c.season)
			body := b.s.Schema().Types[c.typ]
			if body == nil {
				t.Fatalf("no schema for %s", c.typ)
			}
			f := body.Properties["data"].Properties[c.field]
			if got := choiceIDs(f); !slices.Equal(got, c.want) {
				t.Errorf("%s choices %v, want %v", c.field, got, c.want)
			}
			if f.OneOf[0].Title != c.titleVi {
				t.Errorf("first choice titled %q, want %q", f.OneOf[0].Title, c.titleVi)
			}
		})
	}
}

func TestSchemaFollowsTheSeason(t *testing.T) {
	b := newBuilderWith(t, DemoSeason())
	sc := b.s.Schema()
	for _, typ := range events.ClientTypes() {
		_, present := sc.Types[typ]
		if want := typ != events.TypeSeasonOpened && typ != events.TypeAwardRevoked; present != want {
			t.Errorf("open season: %s present %v, want %v", typ, present, want)
		}
	}
	if u := choiceIDs(sc.Types[events.TypeActivityHeld].Properties["unit"]); len(u) != 6 || u[0] != "bac-tu-liem" {
		t.Errorf("units %v", u)
	}
	// The wards of each unit, by name, as conditions on the unit.
	cong := sc.Types[events.TypeCongressCompleted]
	if len(cong.AllOf) != 6 {
		t.Fatalf("%d ward conditions, want one per unit", len(cong.AllOf))
	}
	w := cong.AllOf[1].Then.Properties["data"].Properties["ward"]
	if cong.AllOf[1].If.Properties["unit"].Const != "cau-giay" || len(w.OneOf) != 8 || w.OneOf[0].Title != "Phường Dịch Vọng" {
		t.Errorf("cau-giay's wards: %+v", w)
	}
	if _, err := json.Marshal(sc); err != nil {
		t.Fatal(err)
	}
	b.close()
	closed := b.s.Schema()
	if len(closed.Types) != 1 || closed.Types[events.TypeAwardRevoked] == nil {
		t.Errorf("a closed season accepts award.revoked only; the schema lists %d types", len(closed.Types))
	}
}
