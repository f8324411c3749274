package domain

import "github.com/thidua/thidua/events"

// matchIndex lists, for each rule of the rubric in force and each unit,
// the unit's facts the rule's match selects, in stream order and whatever
// their status. The fold keeps it as facts arrive, so that ranking a unit
// reads each rule's facts instead of testing every fact of the unit
// against every rule after each of its events.
type matchIndex struct {
	byType map[string][]*events.Match
	hits   map[*events.Match]map[string]*hitList // match → unit → facts
}

// hitList is one match's facts of one unit. ver moves whenever a fact
// joins the list or changes (a review, a retraction: see changed), so
// that the points ranking works out of the list are kept until then: a
// new fact costs the rules it matches, not every rule of the unit.
type hitList struct {
	facts []*Entry
	ver   uint64
	memos []*ruleMemo // guarded by Season.memoMu
}

// ruleMemo is what a bare scorer worked out of a hitList for one rule in
// one view, at version ver: the rule's points, or for a target rule the
// sum the target divides (the target itself is a committee decision,
// read each time).
type ruleMemo struct {
	rule   *events.Rule
	view   View
	ver    uint64
	points events.Points
	sum    int64
}

// reindex builds the index for the rubric in force: at the opening and
// at every amendment, over the facts folded so far. What was memoised
// under the rubric before goes with it, and so do the members' wards,
// which change only at those events.
func (s *Season) reindex() {
	s.index = matchIndex{byType: map[string][]*events.Match{}, hits: map[*events.Match]map[string]*hitList{}}
	var walk func([]events.Item)
	walk = func(items []events.Item) {
		for _, it := range items {
			if m := ruleMatch(it.Rule); m != nil {
				if _, seen := s.index.hits[m]; !seen {
					s.index.hits[m] = map[string]*hitList{}
					s.index.byType[m.Type] = append(s.index.byType[m.Type], m)
				}
			}
			walk(it.Items)
		}
	}
	walk(s.Rubric.Items)
	walk(s.Rubric.Bonus.Items)
	walk(s.Rubric.Deductions.Items)
	for unit, fs := range s.facts {
		for _, f := range fs {
			s.indexFact(unit, f)
		}
	}
}

func ruleMatch(r *events.Rule) *events.Match {
	if r == nil {
		return nil
	}
	return r.Match
}

// indexFact adds a fact of unit to the lists of the rules it matches.
func (s *Season) indexFact(unit string, f *Entry) {
	for _, m := range s.index.byType[f.Event.Type] {
		if matches(f, m) {
			byUnit := s.index.hits[m]
			hl := byUnit[unit]
			if hl == nil {
				hl = &hitList{}
				byUnit[unit] = hl
			}
			hl.facts = append(hl.facts, f)
			hl.ver++
		}
	}
}

// factChanged moves the version of every list holding fact f.
func (s *Season) factChanged(f *Entry) {
	for _, m := range s.index.byType[f.Event.Type] {
		if hl := s.index.hits[m][f.Event.Unit]; hl != nil && matches(f, m) {
			hl.ver++
		}
	}
}

// memo returns the memo of rule r over its facts of unit in view, and
// whether it holds for the list as it stands; one that does not is the
// caller's to fill. nil: the unit has no such facts, nothing to keep.
// Callers hold memoMu.
func (s *Season) memo(r *events.Rule, unit string, view View) (*ruleMemo, bool) {
	hl := s.index.hits[r.Match][unit]
	if hl == nil {
		return nil, false
	}
	for _, mm := range hl.memos {
		if mm.rule == r && mm.view == view {
			ok := mm.ver == hl.ver
			mm.ver = hl.ver
			return mm, ok
		}
	}
	mm := &ruleMemo{rule: r, view: view, ver: hl.ver}
	hl.memos = append(hl.memos, mm)
	return mm, false
}

// indexed returns the unit's facts that m, a rule's match of the rubric
// in force, selects and that count in view.
func (s *Season) indexed(m *events.Match, unit string, view View) []*Entry {
	var hits []*Entry
	if hl := s.index.hits[m][unit]; hl != nil {
		hits = hl.facts
	}
	out := make([]*Entry, 0, len(hits))
	for _, f := range hits {
		if counts(f, view) {
			out = append(out, f)
		}
	}
	return out
}
