package domain

import (
	"maps"
	"slices"

	"github.com/thidua/thidua/events"
)

// Timeline is every unit's total in one view over the season, by event
// (business) date, so that the committee sees who rose when.
type Timeline struct {
	Season string         `json:"season"`
	View   View           `json:"view"`
	Dates  []string       `json:"dates"`
	Units  []TimelineUnit `json:"units"`
}

// TimelineUnit is one unit's line: Totals[i] is its total at Dates[i].
type TimelineUnit struct {
	Unit   string          `json:"unit"`
	Name   string          `json:"name"`
	Totals []events.Points `json:"totals"`
}

// Timeline scores every unit at each date at which a total can change: the
// date of a fact that counts in the view, or the effective date of a live
// assessment, target, bonus or deduction (effectiveDate). At a date, only
// facts dated up to it and decisions in effect by it count; reviews,
// retractions and the rubric are taken as they stand now, so the last
// point is the unit's current total in the view. The final view follows
// Standings: it exists once the season is closed.
//
// Every date is kept, however many. A unit is rescored (one sheet, without
// fact lines, decision lines or gates) only at its own dates and carried
// on elsewhere, so the work is about units × the unit's dates × rubric
// items × the unit's facts: ~6 ms for a cluster season (6 units, ~400
// events, ~120 dates), ~50 ms for a national one (10 units, ~2,500 events,
// a date on every day of the year). Callers cache it per season state.
func (s *Season) Timeline(view View) (*Timeline, error) {
	factView, err := s.factView(view)
	if err != nil {
		return nil, err
	}
	changes := map[string]map[string]bool{} // unit → its dates
	all := map[string]bool{}
	for _, m := range s.Opened.Members {
		changes[m.ID] = s.changeDates(m.ID, factView)
		maps.Copy(all, changes[m.ID])
	}
	tl := &Timeline{Season: s.ID, View: view, Dates: slices.Sorted(maps.Keys(all)), Units: []TimelineUnit{}}
	if tl.Dates == nil {
		tl.Dates = []string{} // encodes as [], not null
	}
	for _, m := range s.Opened.Members {
		tu := TimelineUnit{Unit: m.ID, Name: m.Name, Totals: make([]events.Points, 0, len(tl.Dates))}
		var total events.Points
		for i, d := range tl.Dates {
			// Between two of its own dates nothing of the unit's changes.
			// The first date is always scored: an undated decision counts
			// from the start.
			if i == 0 || changes[m.ID][d] {
				u := &unitScorer{s: s, unit: m, until: d, facts: s.factsOf(m.ID, factView, d)}
				total = u.sheet().Total
			}
			tu.Totals = append(tu.Totals, total)
		}
		tl.Units = append(tl.Units, tu)
	}
	return tl, nil
}

// changeDates returns the dates at which a unit's total in the view can
// change: those of its facts that count, and the effective dates of its
// live scoring decisions. A decision with no countable date counts from
// the first date on and adds no date of its own.
func (s *Season) changeDates(unit string, factView View) map[string]bool {
	out := map[string]bool{}
	for _, f := range s.factsOf(unit, factView, "") {
		out[f.Event.Date] = true
	}
	for _, e := range s.committee[unit] {
		if scores(e.Event.Type) && e.Live() {
			out[e.effective()] = true
		}
	}
	delete(out, "")
	return out
}

// scores reports whether a committee decision of this type feeds a total
// (violations and revoked awards bar awards, they do not change points).
func scores(typ string) bool {
	switch typ {
	case events.TypeScoreAssessed, events.TypeTargetAssigned, events.TypeBonusAwarded, events.TypeDeductionApplied:
		return true
	}
	return false
}
