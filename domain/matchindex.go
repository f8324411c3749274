package domain

import "github.com/thidua/thidua/events"

// matchIndex lists, for each rule of the rubric in force and each unit,
// the unit's facts the rule's match selects, in stream order and whatever
// their status. The fold keeps it as facts arrive, so that ranking a unit
// reads each rule's facts instead of testing every fact of the unit
// against every rule after each of its events.
type matchIndex struct {
	byType map[string][]*events.Match
	hits   map[*events.Match]map[string][]*Entry // match → unit → facts
}

// reindex builds the index for the rubric in force: at the opening and
// at every amendment, over the facts folded so far.
func (s *Season) reindex() {
	s.index = matchIndex{byType: map[string][]*events.Match{}, hits: map[*events.Match]map[string][]*Entry{}}
	var walk func([]events.Item)
	walk = func(items []events.Item) {
		for _, it := range items {
			if m := ruleMatch(it.Rule); m != nil {
				if _, seen := s.index.hits[m]; !seen {
					s.index.hits[m] = map[string][]*Entry{}
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
			s.index.hits[m][unit] = append(s.index.hits[m][unit], f)
		}
	}
}

// indexed returns the unit's facts that m, a rule's match of the rubric
// in force, selects and that count in view.
func (s *Season) indexed(m *events.Match, unit string, view View) []*Entry {
	hits := s.index.hits[m][unit]
	out := make([]*Entry, 0, len(hits))
	for _, f := range hits {
		if counts(f, view) {
			out = append(out, f)
		}
	}
	return out
}
