package domain

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/thidua/thidua/events"
)

// View selects which facts count (§4).
type View string

// The views.
const (
	Claimed  View = "claimed"
	Verified View = "verified"
	Final    View = "final"
)

// ParseView reads a view name; empty means verified.
func ParseView(s string) (View, error) {
	switch View(s) {
	case "":
		return Verified, nil
	case Claimed, Verified, Final:
		return View(s), nil
	}
	return "", Errorf(Invalid, "view", "%q is not a view (claimed, verified, final)", s)
}

// ItemScore is one line of a unit's scoring sheet, with what produced it.
type ItemScore struct {
	Code    string        `json:"code"`
	Title   string        `json:"title"`
	TitleEn string        `json:"title_en,omitempty"`
	Points  events.Points `json:"points"`
	Max     events.Points `json:"max"`
	Rule    string        `json:"rule,omitempty"`
	Events  []string      `json:"events"`
	Note    string        `json:"note"`
	NoteEn  string        `json:"note_en"`
	Items   []ItemScore   `json:"items,omitempty"`
}

// Sheet is a unit's whole score in one view.
type Sheet struct {
	Unit       string         `json:"unit"`
	Name       string         `json:"name"`
	Total      events.Points  `json:"total"`
	Content    events.Points  `json:"content"`
	BonusSum   events.Points  `json:"bonus_total"`
	DeductSum  events.Points  `json:"deductions_total"`
	Items      []ItemScore    `json:"items"`
	Bonus      []ItemScore    `json:"bonus"`
	Deductions []ItemScore    `json:"deductions"`
	Facts      []FactLine     `json:"facts"`
	Decisions  []DecisionLine `json:"decisions"`
}

// unitScorer scores one unit under the rubric in force, in one view.
type unitScorer struct {
	s    *Season
	unit events.Member
	// until, when set, is a date cut-off (YYYY-MM-DD) for the timeline:
	// only committee decisions in effect by then count. facts must be
	// selected with the same cut-off.
	until string
	facts []*Entry // the unit's facts that count in the view (and by until)
	// byType is facts by type, made at the first match: a rule matches one
	// type, and a sheet has some forty rules.
	byType map[string][]*Entry
	// decisions, when not nil, stands for the committee's decisions about
	// the unit: a preview's what-if (see Preview).
	decisions []*Entry
	// view, when set, says that facts are the unit's facts counting in
	// that view, unfiltered by date: the fold's match index then holds
	// them by rule (matchIndex), and facts is not needed.
	view View
	// bare: points only, for ranking (RankUnit); the events each item
	// counted and its notes are left out.
	bare bool
}

func (u *unitScorer) sheet() Sheet {
	r := u.s.Rubric
	// Sized once (an empty list stays nil: it is encoded as null).
	sh := Sheet{Unit: u.unit.ID, Name: u.unit.Name, Items: sized(r.Items),
		Bonus: sized(r.Bonus.Items), Deductions: sized(r.Deductions.Items)}
	for _, it := range r.Items {
		is := u.item(it, "")
		sh.Items = append(sh.Items, is)
		sh.Content += is.Points
	}
	sh.BonusSum = u.adjustments(r.Bonus, events.TypeBonusAwarded, &sh.Bonus)
	sh.DeductSum = u.adjustments(r.Deductions, events.TypeDeductionApplied, &sh.Deductions)
	total := sh.Content + sh.BonusSum - sh.DeductSum
	sh.Total = max(total, 0)
	return sh
}

func sized(items []events.Item) []ItemScore {
	if len(items) == 0 {
		return nil
	}
	return make([]ItemScore, 0, len(items))
}

func (u *unitScorer) adjustments(a events.Adjustments, committeeType string, out *[]ItemScore) events.Points {
	var sum events.Points
	for _, it := range a.Items {
		is := u.item(it, committeeType)
		*out = append(*out, is)
		sum += is.Points
	}
	return min(sum, a.Cap)
}

// item scores a rubric line: a group sums its children, capped at its max.
func (u *unitScorer) item(it events.Item, committeeType string) ItemScore {
	is := ItemScore{Code: it.Code, Title: it.Title, TitleEn: it.TitleEn, Max: it.Max}
	if !u.bare {
		is.Events = []string{}
	}
	if it.Rule == nil {
		var sum events.Points
		is.Items = sized(it.Items)
		for _, c := range it.Items {
			cs := u.item(c, committeeType)
			is.Items = append(is.Items, cs)
			sum += cs.Points
		}
		is.Points = min(sum, it.Max)
		if u.bare {
			return is
		}
		is.Note, is.NoteEn = "tổng các mục con: "+viPoints(sum), "sum of sub-items: "+sum.String()
		if sum > it.Max {
			is.Note += ", giới hạn " + viPoints(it.Max)
			is.NoteEn += ", capped at " + it.Max.String()
		}
		return is
	}
	if !u.bare {
		is.Rule = u.s.describeRule(it.Rule)
	}
	u.rule(&is, it.Rule, committeeType)
	return is
}

func (u *unitScorer) matching(m *events.Match) []*Entry {
	if m == nil {
		return nil
	}
	if u.view != "" {
		return u.s.indexed(m, u.unit.ID, u.view)
	}
	if u.byType == nil {
		u.byType = map[string][]*Entry{}
		for _, f := range u.facts {
			u.byType[f.Event.Type] = append(u.byType[f.Event.Type], f)
		}
	}
	of := u.byType[m.Type]
	out := make([]*Entry, 0, len(of))
	for _, f := range of {
		if matches(f, m) {
			out = append(out, f)
		}
	}
	return out
}

func ids(es []*Entry) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.Event.ID)
	}
	return out
}

// rule applies one of the six rule kinds (plus committee adjustments).
// A bare scorer sets the points only: the events and notes are the sheet's.
// Ranking (a bare scorer over the match index) keeps what it works out of
// a rule's facts until they change (ruleMemo).
func (u *unitScorer) rule(is *ItemScore, r *events.Rule, committeeType string) {
	if !u.bare || u.view == "" || r.Match == nil {
		u.ruleOf(is, r, committeeType, nil, false)
		return
	}
	mm, ok := u.s.memo(r, u.unit.ID, u.view)
	switch {
	case mm == nil || r.Kind == events.RuleTarget:
		// A target's points also read the target: the memo keeps the sum.
		u.ruleOf(is, r, committeeType, mm, ok)
	case ok:
		is.Points = mm.points
	default:
		u.ruleOf(is, r, committeeType, nil, false)
		mm.points = is.Points
	}
}

// ruleOf is rule worked out from the facts. mm, when set, is the memo of
// a target rule: its sum is reused when it holds (ok, which implies mm),
// else filled.
func (u *unitScorer) ruleOf(is *ItemScore, r *events.Rule, committeeType string, mm *ruleMemo, ok bool) {
	max := is.Max
	full := !u.bare
	switch r.Kind {
	case events.RuleEach:
		fs := u.matching(r.Match)
		raw := r.Points * events.Points(len(fs))
		is.Points = min(raw, max)
		if full {
			is.Events = ids(fs)
			is.Note = strconv.Itoa(len(fs)) + " × " + viPoints(r.Points) + " = " + viPoints(raw)
			is.NoteEn = strconv.Itoa(len(fs)) + " × " + r.Points.String() + " = " + raw.String()
			if raw > max {
				is.Note += ", giới hạn " + viPoints(max)
				is.NoteEn += ", capped at " + max.String()
			}
		}
	case events.RuleAny:
		fs := u.matching(r.Match)
		if len(fs) > 0 {
			is.Points = max
		}
		if full {
			is.Events = ids(fs)
			if len(fs) > 0 {
				is.Note, is.NoteEn = "có "+strconv.Itoa(len(fs))+" sự kiện phù hợp", strconv.Itoa(len(fs))+" matching events"
			} else {
				is.Note, is.NoteEn = "chưa có sự kiện phù hợp", "no matching event yet"
			}
		}
	case events.RuleDeadline:
		fs := u.matching(r.Match)
		if full {
			is.Events = ids(fs)
		}
		if len(fs) == 0 {
			if full {
				is.Note, is.NoteEn = "chưa có sự kiện phù hợp", "no matching event yet"
			}
			return
		}
		earliest := fs[0].Event.Date
		for _, f := range fs[1:] {
			earliest = min(earliest, f.Event.Date)
		}
		if earliest <= r.Due {
			is.Points = max
			if full {
				is.Note, is.NoteEn = "ngày "+viDate(earliest)+", đúng hạn "+viDate(r.Due), "dated "+enDate(earliest)+", on time for "+enDate(r.Due)
			}
		} else {
			is.Points = max.Mul(1, 2)
			if full {
				is.Note, is.NoteEn = "ngày "+viDate(earliest)+", sau hạn "+viDate(r.Due)+": một nửa số điểm", "dated "+enDate(earliest)+", after "+enDate(r.Due)+": half the points"
			}
		}
	case events.RuleShare:
		fs := u.matching(r.Match)
		n := int64(len(u.wardsBy(fs, r.Due)))
		total := u.unit.Wards
		is.Points = max.Mul(min(n, total), total)
		if full {
			var counted []*Entry
			for _, f := range fs {
				if f.Event.Date <= r.Due {
					counted = append(counted, f)
				}
			}
			is.Events = ids(counted)
			share := strconv.FormatInt(n, 10) + "/" + strconv.FormatInt(total, 10)
			is.Note = viPoints(max) + " × " + share + " phường đúng hạn " + viDate(r.Due)
			is.NoteEn = max.String() + " × " + share + " wards by " + enDate(r.Due)
		}
	case events.RuleTarget:
		var fs []*Entry
		var sum int64
		if ok {
			sum = mm.sum
		} else {
			fs = u.matching(r.Match)
			for _, f := range fs {
				// Saturate: thousands of maximal reports must not wrap around.
				sum = min(sum, math.MaxInt64-factValue(f)) + factValue(f)
			}
			if mm != nil {
				mm.sum = sum
			}
		}
		t := u.target(r.Target)
		var tv int64
		if t != nil {
			tv = t.Payload.(*events.TargetAssigned).Value
			is.Points = max.Mul(min(sum, tv), tv)
		}
		if !full {
			return
		}
		is.Events = ids(fs)
		name, got := u.s.indicatorName(r.Target), u.s.amount(r.Target, sum)
		if t == nil {
			is.Note = "đạt " + got.vi + "; chưa giao chỉ tiêu " + name.vi
			is.NoteEn = got.en + " achieved; no target assigned yet for " + name.en
			return
		}
		is.Events = append(is.Events, t.Event.ID)
		want := u.s.amount(r.Target, tv)
		is.Note = viPoints(max) + " × min(1, " + got.vi + " / " + want.vi + ")"
		is.NoteEn = max.String() + " × min(1, " + got.en + " / " + want.en + ")"
	case events.RuleManual:
		a := u.assessment(is.Code)
		if a == nil {
			if full {
				is.Note, is.NoteEn = "chưa chấm", "not assessed yet"
			}
			return
		}
		p := a.Payload.(*events.ScoreAssessed)
		is.Points = min(p.Points, max)
		if full {
			is.Events = []string{a.Event.ID}
			is.Note, is.NoteEn = "Ban Thường trực chấm: "+p.Reason, "assessed by the committee: "+p.Reason
			if p.Points > max {
				is.Note += " (" + viPoints(p.Points) + ", giới hạn " + viPoints(max) + ")"
				is.NoteEn += " (" + p.Points.String() + ", capped at " + max.String() + ")"
			}
		}
	case events.RuleCommittee:
		var sum events.Points
		decided := u.committeeOf(committeeType)
		for _, e := range decided {
			sum += e.Payload.(*events.Adjustment).Points
		}
		is.Points = min(sum, max)
		if full {
			for _, e := range decided {
				is.Events = append(is.Events, e.Event.ID)
			}
			is.Note, is.NoteEn = strconv.Itoa(len(is.Events))+" quyết định, tổng "+viPoints(sum), strconv.Itoa(len(is.Events))+" decisions, sum "+sum.String()
			if sum > max {
				is.Note += ", giới hạn " + viPoints(max)
				is.NoteEn += ", capped at " + max.String()
			}
		}
	}
}

// target returns the unit's latest live target for an indicator.
func (u *unitScorer) target(name string) *Entry {
	ts := u.committeeOf(events.TypeTargetAssigned)
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].Payload.(*events.TargetAssigned).Indicator == name {
			return ts[i]
		}
	}
	return nil
}

// assessment returns the unit's latest live score for a manual item.
func (u *unitScorer) assessment(code string) *Entry {
	as := u.committeeOf(events.TypeScoreAssessed)
	for i := len(as) - 1; i >= 0; i-- {
		if as[i].Payload.(*events.ScoreAssessed).Item == code {
			return as[i]
		}
	}
	return nil
}

// wardsBy: the unit's wards with a congress among fs dated by due.
func (u *unitScorer) wardsBy(fs []*Entry, due string) map[string]bool {
	done := map[string]bool{}
	for _, f := range fs {
		if w := congressWard(f); w != "" && f.Event.Date <= due && u.listed(w) {
			done[w] = true
		}
	}
	return done
}

// listed: a ward the unit has. Validation refuses a congress in a ward the
// member does not list; this keeps one out of the count all the same.
func (u *unitScorer) listed(ward string) bool {
	if u.unit.WardList == nil {
		return true
	}
	_, ok := u.unit.Ward(ward)
	return ok
}

func congressWard(f *Entry) string {
	if c, ok := f.Payload.(*events.CongressCompleted); ok {
		return c.Ward
	}
	return ""
}

// factValue is what a target rule sums: areas of an activity, value of an
// indicator.
func factValue(f *Entry) int64 {
	switch p := f.Payload.(type) {
	case *events.ActivityHeld:
		return p.Areas
	case *events.IndicatorReported:
		return p.Value
	}
	return 0
}

// matches reports whether a fact satisfies a rule's match.
func matches(f *Entry, m *events.Match) bool {
	if m == nil || f.Event.Type != m.Type {
		return false
	}
	if m.After != "" && !(f.Event.Date > m.After) {
		return false
	}
	in := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	flag := func(want *bool, v bool) bool { return want == nil || *want == v }
	switch p := f.Payload.(type) {
	case *events.ActivityHeld:
		return in(m.Kind, p.Kind) && in(m.Occasion, p.Occasion) && flag(m.Host, p.Host) &&
			len(m.Level) == 0 && len(m.Topic) == 0 && len(m.Indicator) == 0 && m.Pilot == nil && m.OnTime == nil
	case *events.ModelRecognized:
		return in(m.Level, p.Level) && len(m.Kind) == 0 && len(m.Occasion) == 0 && len(m.Topic) == 0 &&
			len(m.Indicator) == 0 && m.Pilot == nil && m.Host == nil && m.OnTime == nil
	case *events.ExemplarHonored:
		return in(m.Level, p.Level) && len(m.Kind) == 0 && len(m.Occasion) == 0 && len(m.Topic) == 0 &&
			len(m.Indicator) == 0 && m.Pilot == nil && m.Host == nil && m.OnTime == nil
	case *events.CongressCompleted:
		return in(m.Level, p.Level) && flag(m.Pilot, p.Pilot) && len(m.Kind) == 0 && len(m.Occasion) == 0 &&
			len(m.Topic) == 0 && len(m.Indicator) == 0 && m.Host == nil && m.OnTime == nil
	case *events.ReportSubmitted:
		return in(m.Topic, p.Topic) && flag(m.OnTime, f.Event.Date <= p.Due) && len(m.Kind) == 0 &&
			len(m.Occasion) == 0 && len(m.Level) == 0 && len(m.Indicator) == 0 && m.Pilot == nil && m.Host == nil
	case *events.IndicatorReported:
		return in(m.Indicator, p.Indicator) && len(m.Kind) == 0 && len(m.Occasion) == 0 && len(m.Level) == 0 &&
			len(m.Topic) == 0 && m.Pilot == nil && m.Host == nil && m.OnTime == nil
	}
	return false
}

// describeRule says a rule in plain words, Vietnamese first, with what it
// counts named as the catalogue names it. Every sheet shows the rubric's
// rules: the fold says them once for the rubric and catalogue in force
// (describeRules).
func (s *Season) describeRule(r *events.Rule) string {
	if d, ok := s.ruleTexts[r]; ok {
		return d
	}
	return s.sayRule(r)
}

// describeRules says every rule of the rubric in force, for describeRule;
// the fold calls it whenever the rubric or a catalogue changes.
func (s *Season) describeRules() {
	s.ruleTexts = map[*events.Rule]string{}
	var walk func([]events.Item)
	walk = func(items []events.Item) {
		for _, it := range items {
			if it.Rule != nil {
				s.ruleTexts[it.Rule] = s.sayRule(it.Rule)
			}
			walk(it.Items)
		}
	}
	walk(s.Rubric.Items)
	walk(s.Rubric.Bonus.Items)
	walk(s.Rubric.Deductions.Items)
}

func (s *Season) sayRule(r *events.Rule) string {
	what := s.describeMatch(r.Match)
	switch r.Kind {
	case events.RuleEach:
		return fmt.Sprintf("mỗi %s: %s điểm / %s points for each %s", what.vi, viPoints(r.Points), r.Points, what.en)
	case events.RuleAny:
		return fmt.Sprintf("đủ điểm khi có ít nhất một %s / full marks with at least one %s", what.vi, what.en)
	case events.RuleDeadline:
		return fmt.Sprintf("%s: đủ điểm nếu đúng hạn %s, một nửa nếu muộn / %s: full marks by %s, half if later", what.vi, viDate(r.Due), what.en, enDate(r.Due))
	case events.RuleShare:
		return fmt.Sprintf("theo tỷ lệ phường có %s đến %s / by the share of wards with a %s by %s", what.vi, viDate(r.Due), what.en, enDate(r.Due))
	case events.RuleTarget:
		n := s.indicatorName(r.Target)
		return fmt.Sprintf("theo tỷ lệ hoàn thành chỉ tiêu %s / by the share of the target reached: %s", n.vi, n.en)
	case events.RuleManual:
		return "Ban Thường trực chấm / scored by the committee"
	case events.RuleCommittee:
		return "theo quyết định của Ban Thường trực / by the committee's decisions"
	}
	return r.Kind
}

// describeMatch says which facts a rule counts: "hoạt động (Hoạt động kỷ
// niệm) dịp Kỷ niệm 70 năm …".
func (s *Season) describeMatch(m *events.Match) bi {
	if m == nil {
		return bi{"sự kiện phù hợp", "matching event"}
	}
	var out bi
	switch m.Type {
	case events.TypeActivityHeld:
		out = bi{"hoạt động", "activity"}
	case events.TypeModelRecognized:
		out = bi{"mô hình được công nhận", "model recognised"}
	case events.TypeExemplarHonored:
		out = bi{"điển hình được tôn vinh", "exemplar honoured"}
	case events.TypeCongressCompleted:
		out = bi{"đại hội", "congress"}
	case events.TypeReportSubmitted:
		out = bi{"báo cáo", "report"}
	case events.TypeIndicatorReported:
		out = bi{"kết quả chỉ tiêu", "indicator report"}
	default:
		out = bi{"sự kiện", "event"}
	}
	add := func(viLead, enLead string, codes []string, name func(string) bi) {
		if len(codes) == 0 {
			return
		}
		var vi, en []string
		for _, c := range codes {
			n := name(c)
			vi, en = append(vi, n.vi), append(en, n.en)
		}
		out.vi += " " + viLead + strings.Join(vi, " hoặc ")
		out.en += " " + enLead + strings.Join(en, " or ")
	}
	add("loại ", "of kind ", m.Kind, s.kindName)
	add("dịp ", "for ", m.Occasion, s.occasionName)
	add("về ", "on ", m.Topic, s.topicName)
	add("", "", m.Indicator, s.indicatorName)
	if m.Type == events.TypeCongressCompleted {
		add("", "", m.Level, congressLevelName)
	} else {
		add("", "", m.Level, s.levelName)
	}
	flag := func(want *bool, vi, en, notVi, notEn string) {
		switch {
		case want == nil:
		case *want:
			out.vi, out.en = out.vi+" "+vi, out.en+" "+en
		default:
			out.vi, out.en = out.vi+" "+notVi, out.en+" "+notEn
		}
	}
	flag(m.Pilot, "điểm", "(pilot)", "không phải điểm", "(not a pilot)")
	flag(m.Host, "do đơn vị đăng cai", "hosted by the unit", "không do đơn vị đăng cai", "not hosted by the unit")
	flag(m.OnTime, "đúng hạn", "on time", "nộp muộn", "submitted late")
	if m.After != "" {
		out.vi += " sau ngày " + viDate(m.After)
		out.en += " after " + enDate(m.After)
	}
	return out
}

func congressLevelName(level string) bi {
	if level == "ward" {
		return bi{"cấp phường", "at ward level"}
	}
	return bi{"cấp quận", "at district level"}
}
