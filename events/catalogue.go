package events

import (
	"fmt"
	"regexp"
	"slices"
)

// Catalogue is a season's vocabulary (domain.md §2a): the codes its facts
// may use and the names every interface shows for them. It travels on
// season.opened and rubric.amended. A list left out stands for the default
// 2024 list, so that logs written before catalogues existed keep their
// meaning; a list given replaces its default whole.
type Catalogue struct {
	Occasions     []Occasion  `json:"occasions,omitempty"`
	ActivityKinds []Term      `json:"activity_kinds,omitempty"`
	ReportTopics  []Term      `json:"report_topics,omitempty"`
	Indicators    []Indicator `json:"indicators,omitempty"`
	ModelLevels   []Term      `json:"model_levels,omitempty"`
}

// Term is one code of a catalogue list with its names.
type Term struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEn string `json:"name_en,omitempty"`
}

// Occasion is an anniversary or day the season's activities are held for.
type Occasion struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEn string `json:"name_en,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Indicator units decide how a value is shown.
const (
	UnitCount   = "count"
	UnitVND     = "VND"
	UnitPercent = "percent"
)

// Indicator is a reported quantity. Noun is what a count counts ("nhà",
// "tin bài"), shown after the number.
type Indicator struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEn string `json:"name_en,omitempty"`
	Unit   string `json:"unit"`
	Noun   string `json:"noun,omitempty"`
	NounEn string `json:"noun_en,omitempty"`
}

// TargetResidentialAreas is the one target that is not an indicator: the
// residential areas that hold the Great National Unity festival, summed
// from activity.held's areas.
const TargetResidentialAreas = "residential_areas"

// ResidentialAreas names that target.
var residentialAreas = Indicator{ID: TargetResidentialAreas, Name: "Khu dân cư tổ chức Ngày hội", NameEn: "Residential areas holding the festival", Unit: UnitCount, Noun: "khu dân cư", NounEn: "residential areas"}

// DefaultCatalogue is the 2024 catalogue of domain.md §2a, the one every
// season without a catalogue of its own uses.
func DefaultCatalogue() Catalogue {
	return Catalogue{
		Occasions: []Occasion{
			{ID: "dbp70", Name: "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ", NameEn: "70 years of the Điện Biên Phủ victory", Date: "2024-05-07"},
			{ID: "gptd70", Name: "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô", NameEn: "70 years of the Liberation of the Capital", Date: "2024-10-10"},
			{ID: "mttq94", Name: "Kỷ niệm 94 năm Ngày truyền thống MTTQ Việt Nam – Ngày hội Đại đoàn kết toàn dân tộc", NameEn: "94 years of the MTTQ traditional day – Great National Unity festival", Date: "2024-11-18"},
		},
		ActivityKinds: []Term{
			{ID: "commemoration", Name: "Hoạt động kỷ niệm", NameEn: "Commemoration"},
			{ID: "propaganda", Name: "Tuyên truyền", NameEn: "Propaganda"},
			{ID: "festival", Name: "Ngày hội", NameEn: "Festival"},
			{ID: "cluster_joint", Name: "Hoạt động chung của cụm", NameEn: "Joint cluster activity"},
			{ID: "social_criticism", Name: "Phản biện xã hội", NameEn: "Social criticism"},
			{ID: "citizen_dialogue", Name: "Đối thoại với nhân dân", NameEn: "Citizen dialogue"},
			{ID: "experience_exchange", Name: "Trao đổi kinh nghiệm", NameEn: "Experience exchange"},
			{ID: "other", Name: "Khác", NameEn: "Other"},
		},
		ReportTopics: []Term{
			{ID: "propaganda", Name: "Công tác tuyên truyền", NameEn: "Propaganda"},
			{ID: "emulation", Name: "Công tác thi đua, khen thưởng", NameEn: "Emulation and commendation"},
			{ID: "congress", Name: "Đại hội MTTQ", NameEn: "MTTQ congress"},
			{ID: "public_opinion", Name: "Tình hình tư tưởng nhân dân", NameEn: "Public opinion"},
			{ID: "other", Name: "Khác", NameEn: "Other"},
		},
		Indicators: []Indicator{
			{ID: "media_articles", Name: "Tin bài cho báo chí của MTTQ", NameEn: "Articles for MTTQ media", Unit: UnitCount, Noun: "tin bài", NounEn: "articles"},
			{ID: "fund_for_the_poor", Name: "Quỹ Vì người nghèo", NameEn: "Fund for the poor", Unit: UnitVND},
			{ID: "great_unity_houses", Name: "Nhà Đại đoàn kết", NameEn: "Great Unity houses", Unit: UnitCount, Noun: "nhà", NounEn: "houses"},
			{ID: "supervision_sessions", Name: "Cuộc giám sát", NameEn: "Supervision sessions", Unit: UnitCount, Noun: "cuộc", NounEn: "sessions"},
		},
		ModelLevels: []Term{
			{ID: "district", Name: "Cấp quận", NameEn: "District level"},
			{ID: "city", Name: "Cấp thành phố", NameEn: "City level"},
			{ID: "central", Name: "Cấp Trung ương", NameEn: "Central level"},
		},
	}
}

// Resolved returns the catalogue with every list it leaves out taken from
// the default. A nil catalogue is the whole default.
func (c *Catalogue) Resolved() Catalogue {
	d := DefaultCatalogue()
	if c == nil {
		return d
	}
	out := *c
	if out.Occasions == nil {
		out.Occasions = d.Occasions
	}
	if out.ActivityKinds == nil {
		out.ActivityKinds = d.ActivityKinds
	}
	if out.ReportTopics == nil {
		out.ReportTopics = d.ReportTopics
	}
	if out.Indicators == nil {
		out.Indicators = d.Indicators
	}
	if out.ModelLevels == nil {
		out.ModelLevels = d.ModelLevels
	}
	return out
}

// Occasion returns an occasion of the catalogue by id.
func (c Catalogue) Occasion(id string) (Occasion, bool) {
	i := slices.IndexFunc(c.Occasions, func(o Occasion) bool { return o.ID == id })
	if i < 0 {
		return Occasion{}, false
	}
	return c.Occasions[i], true
}

// Indicator returns an indicator by id; residential_areas, the target that
// is not reported as an indicator, is found too.
func (c Catalogue) Indicator(id string) (Indicator, bool) {
	if id == TargetResidentialAreas {
		return residentialAreas, true
	}
	i := slices.IndexFunc(c.Indicators, func(x Indicator) bool { return x.ID == id })
	if i < 0 {
		return Indicator{}, false
	}
	return c.Indicators[i], true
}

// ActivityKind, ReportTopic and ModelLevel return a term by id.
func (c Catalogue) ActivityKind(id string) (Term, bool) { return findTerm(c.ActivityKinds, id) }
func (c Catalogue) ReportTopic(id string) (Term, bool)  { return findTerm(c.ReportTopics, id) }
func (c Catalogue) ModelLevel(id string) (Term, bool)   { return findTerm(c.ModelLevels, id) }

// TargetIndicators are the indicators a target may be assigned for.
func (c Catalogue) TargetIndicators() []Indicator {
	return append(slices.Clone(c.Indicators), residentialAreas)
}

// Codes lists every code of the catalogue, residential_areas included: what
// an interface must never show a person in place of its name.
func (c Catalogue) Codes() []string {
	var out []string
	for _, o := range c.Occasions {
		out = append(out, o.ID)
	}
	for _, l := range [][]Term{c.ActivityKinds, c.ReportTopics, c.ModelLevels} {
		for _, t := range l {
			out = append(out, t.ID)
		}
	}
	for _, ind := range c.TargetIndicators() {
		out = append(out, ind.ID)
	}
	return out
}

func findTerm(list []Term, id string) (Term, bool) {
	i := slices.IndexFunc(list, func(t Term) bool { return t.ID == id })
	if i < 0 {
		return Term{}, false
	}
	return list[i], true
}

// codePattern is the alphabet of catalogue codes: wider than unit ids
// (codes such as fund_for_the_poor have underscores) but never a subject
// token or free text.
var codePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

func (v *validator) code(field, s string) {
	if s == "" {
		v.fail(field, "is required")
	} else if !codePattern.MatchString(s) {
		v.fail(field, fmt.Sprintf("%q is not a code (lower-case letters, digits, '_' and '-')", s))
	}
}

// catalogue checks a catalogue's own fields: codes well formed and unique
// in their list, names present, indicator units known.
func (v *validator) catalogue(field string, c *Catalogue) {
	if c == nil {
		return
	}
	terms := func(name string, n int, at func(int) (id, vi, en string)) {
		seen := map[string]bool{}
		for i := range n {
			id, vi, en := at(i)
			f := fieldIndex(field+"."+name, i)
			v.code(f+".id", id)
			if seen[id] {
				v.fail(f+".id", fmt.Sprintf("code %q is listed twice", id))
			}
			seen[id] = true
			v.text(f+".name", vi, true)
			v.text(f+".name_en", en, false)
		}
	}
	for _, l := range []struct {
		name string
		list []Term
	}{{"activity_kinds", c.ActivityKinds}, {"report_topics", c.ReportTopics}, {"model_levels", c.ModelLevels}} {
		if l.list != nil && len(l.list) == 0 {
			v.fail(field+"."+l.name, "an empty list would refuse every fact: leave it out for the default")
		}
		terms(l.name, len(l.list), func(i int) (string, string, string) { return l.list[i].ID, l.list[i].Name, l.list[i].NameEn })
	}
	terms("occasions", len(c.Occasions), func(i int) (string, string, string) {
		return c.Occasions[i].ID, c.Occasions[i].Name, c.Occasions[i].NameEn
	})
	for i, o := range c.Occasions {
		v.date(fieldIndex(field+".occasions", i)+".date", o.Date, false)
	}
	if c.Indicators != nil && len(c.Indicators) == 0 {
		v.fail(field+".indicators", "an empty list would refuse every indicator: leave it out for the default")
	}
	terms("indicators", len(c.Indicators), func(i int) (string, string, string) {
		return c.Indicators[i].ID, c.Indicators[i].Name, c.Indicators[i].NameEn
	})
	for i, ind := range c.Indicators {
		f := fieldIndex(field+".indicators", i)
		if ind.ID == TargetResidentialAreas {
			v.fail(f+".id", TargetResidentialAreas+" is a target, not a reported indicator")
		}
		switch ind.Unit {
		case UnitCount, UnitVND, UnitPercent:
		case "":
			v.fail(f+".unit", "is required (count, VND or percent)")
		default:
			v.fail(f+".unit", fmt.Sprintf("%q is not one of [count VND percent]", ind.Unit))
		}
		v.text(f+".noun", ind.Noun, false)
		v.text(f+".noun_en", ind.NounEn, false)
	}
}

// CheckFact checks the codes a payload uses against the season's
// catalogue in force: a fact's occasion, kind, topic, indicator and level,
// and a target's indicator. Payloads that use no catalogue code pass.
func (c Catalogue) CheckFact(p Payload) error {
	v := &validator{}
	in := func(field, code string, ok bool, list string) {
		if !ok {
			v.fail(field, fmt.Sprintf("%q is not one of this season's %s", code, list))
		}
	}
	switch p := p.(type) {
	case *ActivityHeld:
		_, ok := c.ActivityKind(p.Kind)
		in("data.kind", p.Kind, ok, "activity kinds")
		if p.Occasion != "" {
			_, ok := c.Occasion(p.Occasion)
			in("data.occasion", p.Occasion, ok, "occasions")
		}
	case *ModelRecognized:
		_, ok := c.ModelLevel(p.Level)
		in("data.level", p.Level, ok, "model levels")
	case *ExemplarHonored:
		if p.Level != "" {
			_, ok := c.ModelLevel(p.Level)
			in("data.level", p.Level, ok, "levels")
		}
	case *ReportSubmitted:
		_, ok := c.ReportTopic(p.Topic)
		in("data.topic", p.Topic, ok, "report topics")
	case *IndicatorReported:
		ok := p.Indicator != TargetResidentialAreas
		if ok {
			_, ok = c.Indicator(p.Indicator)
		}
		in("data.indicator", p.Indicator, ok, "indicators")
	case *TargetAssigned:
		_, ok := c.Indicator(p.Indicator)
		in("data.indicator", p.Indicator, ok, "indicators (or residential_areas)")
	}
	if v.err != nil {
		return v.err
	}
	return nil
}

// CheckRubric checks that a rubric's match rules and targets name only
// codes of the catalogue.
func (c Catalogue) CheckRubric(r Rubric, field string) error {
	v := &validator{}
	var walk func(prefix string, items []Item)
	walk = func(prefix string, items []Item) {
		for i, it := range items {
			f := fieldIndex(prefix, i)
			if it.Rule != nil {
				c.checkRule(v, f+".rule", it.Rule)
			}
			walk(f+".items", it.Items)
		}
	}
	walk(field+".items", r.Items)
	walk(field+".bonus.items", r.Bonus.Items)
	walk(field+".deductions.items", r.Deductions.Items)
	if v.err != nil {
		return v.err
	}
	return nil
}

func (c Catalogue) checkRule(v *validator, f string, r *Rule) {
	if r.Kind == RuleTarget {
		if _, ok := c.Indicator(r.Target); !ok {
			v.fail(f+".target", fmt.Sprintf("%q is not one of this season's indicators (or residential_areas)", r.Target))
		}
	}
	m := r.Match
	if m == nil {
		return
	}
	codes := func(name string, list []string, ok func(string) bool) {
		for i, code := range list {
			if !ok(code) {
				v.fail(fieldIndex(f+".match."+name, i), fmt.Sprintf("%q is not in this season's catalogue", code))
			}
		}
	}
	codes("occasion", m.Occasion, func(s string) bool { _, ok := c.Occasion(s); return ok })
	codes("kind", m.Kind, func(s string) bool { _, ok := c.ActivityKind(s); return ok })
	codes("topic", m.Topic, func(s string) bool { _, ok := c.ReportTopic(s); return ok })
	codes("indicator", m.Indicator, func(s string) bool {
		_, ok := c.Indicator(s)
		return ok && s != TargetResidentialAreas
	})
	if m.Type == TypeCongressCompleted {
		codes("level", m.Level, func(s string) bool { return slices.Contains(congressLevel, s) })
	} else {
		codes("level", m.Level, func(s string) bool { _, ok := c.ModelLevel(s); return ok })
	}
}
