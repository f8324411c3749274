package domain

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/thidua/thidua/events"
)

// What a unit can still do ("Việc cần làm"): for each rubric line, the
// points it has, the points it can still reach, what would earn them in the
// rule's words, and the date that matters. It reads the claimed view: what
// the unit has reported counts as done until the committee rejects it.

// Todo states.
const (
	TodoOpen    = "open"    // points still to earn
	TodoOverdue = "overdue" // its deadline has passed: fewer points, or none, remain
	TodoWaiting = "waiting" // the committee acts next (a manual score, a target to assign)
	TodoDone    = "done"    // full marks
)

// TodoItem is one rubric line of a unit's todo list.
type TodoItem struct {
	Code      string        `json:"code"`
	Title     string        `json:"title"`
	TitleEn   string        `json:"title_en,omitempty"`
	Group     string        `json:"group"` // content, bonus
	Points    events.Points `json:"points"`
	Max       events.Points `json:"max"`
	Reachable events.Points `json:"reachable"` // points still to earn
	State     string        `json:"state"`
	What      string        `json:"what"`
	WhatEn    string        `json:"what_en"`
	// Due is the deadline that decides the points (deadline and share
	// rules); Date a day the work is tied to (an occasion's).
	Due  string `json:"due,omitempty"`
	Date string `json:"date,omitempty"`
}

// Todo is a unit's todo list on a given day.
type Todo struct {
	Season    string        `json:"season"`
	Unit      string        `json:"unit"`
	Date      string        `json:"date"`
	Closed    bool          `json:"closed"`
	Reachable events.Points `json:"reachable"`
	Items     []TodoItem    `json:"items"`
}

// Todo lists, on day date (YYYY-MM-DD), what the unit can still do: open
// items with a deadline ahead first, soonest first, then the other open
// ones, then those waiting on the committee, those past their deadline,
// and last the lines already done. It is deterministic: the day is an
// argument, never the clock.
func (s *Season) Todo(unit, date string) (*Todo, error) {
	m, ok := s.members[unit]
	if !ok || s.Opened == nil {
		return nil, Errorf(NotFound, "unit", "unit %s is not a member of season %s", unit, s.ID)
	}
	if _, err := events.ParseDate(date); err != nil {
		return nil, Errorf(Invalid, "date", "%v", err)
	}
	out := &Todo{Season: s.ID, Unit: unit, Date: date, Closed: s.Closed != nil, Items: []TodoItem{}}
	if s.Closed != nil {
		return out, nil
	}
	u := &unitScorer{s: s, unit: m, facts: s.factsOf(unit, Claimed, "")}
	var walk func(items []events.Item, group string)
	walk = func(items []events.Item, group string) {
		for _, it := range items {
			if it.Rule == nil {
				walk(it.Items, group)
				continue
			}
			if it.Rule.Kind == events.RuleCommittee {
				continue // the committee's own bonuses: nothing for the unit to do
			}
			out.Items = append(out.Items, u.todo(it, group, date))
		}
	}
	walk(s.Rubric.Items, "content")
	walk(s.Rubric.Bonus.Items, "bonus")
	var content, bonus events.Points
	for _, it := range out.Items {
		if it.Group == "content" {
			content += it.Reachable
		} else {
			bonus += it.Reachable
		}
	}
	out.Reachable = content + min(bonus, s.Rubric.Bonus.Cap)
	rank := map[string]int{TodoOpen: 0, TodoWaiting: 1, TodoOverdue: 2, TodoDone: 3}
	slices.SortStableFunc(out.Items, func(a, b TodoItem) int {
		if c := cmp.Compare(rank[a.State], rank[b.State]); c != 0 {
			return c
		}
		if a.State == TodoOpen && (a.Due != "") != (b.Due != "") {
			if a.Due != "" {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Due, b.Due) // the soonest first; stable keeps the rubric's order
	})
	return out, nil
}

func (u *unitScorer) todo(it events.Item, group, date string) TodoItem {
	is := u.item(it, "")
	r := it.Rule
	t := TodoItem{Code: it.Code, Title: it.Title, TitleEn: it.TitleEn, Group: group, Points: is.Points, Max: it.Max}
	what := u.s.describeMatch(r.Match)
	set := func(state string, reachable events.Points, vi, en string) {
		t.State, t.Reachable, t.What, t.WhatEn = state, max(reachable, 0), vi, en
	}
	if is.Points >= it.Max {
		set(TodoDone, 0, "đã đủ điểm", "full marks")
		return t
	}
	left := it.Max - is.Points
	switch r.Kind {
	case events.RuleEach:
		n := (int64(left) + int64(r.Points) - 1) / int64(r.Points)
		set(TodoOpen, left, fmt.Sprintf("còn %d %s nữa (mỗi lần %s điểm)", n, what.vi, viPoints(r.Points)),
			fmt.Sprintf("%d more: %s (%s points each)", n, what.en, r.Points))
	case events.RuleAny:
		set(TodoOpen, left, "cần ít nhất một "+what.vi, "needs at least one "+what.en)
		t.Date = u.occasionDate(r.Match)
	case events.RuleDeadline:
		fs := u.matching(r.Match)
		switch {
		case len(fs) > 0:
			set(TodoOverdue, 0, fmt.Sprintf("đã báo cáo sau hạn %s: được một nửa số điểm", viDate(r.Due)),
				fmt.Sprintf("reported after %s: half the points", enDate(r.Due)))
		case date <= r.Due:
			set(TodoOpen, left, fmt.Sprintf("cần %s trước hạn %s", what.vi, viDate(r.Due)), fmt.Sprintf("needs a %s by %s", what.en, enDate(r.Due)))
		default:
			half := it.Max.Mul(1, 2)
			set(TodoOverdue, half, fmt.Sprintf("đã quá hạn %s: báo cáo bây giờ chỉ được một nửa số điểm (%s)", viDate(r.Due), viPoints(half)),
				fmt.Sprintf("past %s: reported now it earns half the points (%s)", enDate(r.Due), half))
		}
		t.Due = r.Due
	case events.RuleShare:
		done := u.wardsBy(u.matching(r.Match), r.Due)
		var missing []string // the listed wards without a congress by the due date
		for _, w := range u.unit.WardList {
			if !done[w.ID] {
				missing = append(missing, w.Name)
			}
		}
		names := strings.Join(missing, ", ")
		n := int64(len(missing))
		if u.unit.WardList == nil {
			n = max(u.unit.Wards-int64(len(done)), 0)
		}
		if date <= r.Due {
			vi := fmt.Sprintf("còn %d phường chưa báo cáo đại hội, hạn %s", n, viDate(r.Due))
			en := fmt.Sprintf("%d wards have not reported their congress, due %s", n, enDate(r.Due))
			if names != "" {
				vi, en = vi+": "+names, en+": "+names
			}
			set(TodoOpen, left, vi, en)
		} else {
			set(TodoOverdue, 0, fmt.Sprintf("đã quá hạn %s: %d phường không còn được tính điểm", viDate(r.Due), n),
				fmt.Sprintf("past %s: %d wards no longer count", enDate(r.Due), n))
		}
		t.Due = r.Due
	case events.RuleTarget:
		tgt := u.target(r.Target)
		name := u.s.indicatorName(r.Target)
		if tgt == nil {
			set(TodoWaiting, left, "chưa được giao chỉ tiêu "+name.vi, "no target assigned yet for "+name.en)
			break
		}
		tv := tgt.Payload.(*events.TargetAssigned).Value
		var sum int64
		for _, f := range u.matching(r.Match) {
			sum += factValue(f)
		}
		gap := u.s.amount(r.Target, max(tv-sum, 0))
		set(TodoOpen, left, fmt.Sprintf("còn thiếu %s để đạt chỉ tiêu %s", gap.vi, name.vi), fmt.Sprintf("%s short of the %s target", gap.en, name.en))
	case events.RuleManual:
		if u.assessment(it.Code) == nil {
			set(TodoWaiting, left, "Ban Thường trực sẽ chấm mục này", "the committee scores this item")
		} else {
			set(TodoDone, 0, "Ban Thường trực đã chấm", "scored by the committee")
		}
	}
	return t
}

// occasionDate is the day of the (first) occasion a rule names.
func (u *unitScorer) occasionDate(m *events.Match) string {
	if m == nil || len(m.Occasion) == 0 {
		return ""
	}
	for i := len(u.s.catalogues) - 1; i >= 0; i-- {
		if o, ok := u.s.catalogues[i].Occasion(m.Occasion[0]); ok {
			return o.Date
		}
	}
	return ""
}
