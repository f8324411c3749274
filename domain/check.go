package domain

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/thidua/thidua/events"
)

// Check decides whether a new event may be appended to the season: who may
// write it, and whether it makes sense against the season as folded so far.
// s is nil when the season has no events yet. ev carries its Author.
func Check(s *Season, ev events.Event, p events.Payload) error {
	spec, ok := events.Lookup(ev.Type)
	if !ok || spec.By == events.BySystem {
		return Errorf(Invalid, "type", "%q is not an event type", ev.Type)
	}
	if err := authorise(ev, spec); err != nil {
		return err
	}
	if ev.Type == events.TypeSeasonOpened {
		if s != nil && s.Opened != nil {
			return Errorf(Conflict, "", "season %s is already opened", ev.Season)
		}
		o := p.(*events.SeasonOpened)
		return checkRubric(o.Rubric, o.Catalogue.Resolved(), "data.rubric")
	}
	if s == nil || s.Opened == nil {
		return Errorf(NotFound, "season", "season %s is not opened", ev.Season)
	}
	if s.Closed != nil && ev.Type != events.TypeAwardRevoked {
		return Errorf(Conflict, "", "season %s is closed: only award.revoked is accepted", ev.Season)
	}
	if ev.Unit != "" {
		if _, ok := s.members[ev.Unit]; !ok {
			return Errorf(Invalid, "unit", "unit %s is not a member of season %s", ev.Unit, ev.Season)
		}
	}
	if spec.Fact || ev.Date != "" {
		if err := s.checkDate(ev, spec.Fact); err != nil {
			return err
		}
	}
	if err := s.Catalogue.CheckFact(p); err != nil {
		return ErrorOf(err)
	}
	switch p := p.(type) {
	case *events.CongressCompleted:
		m := s.members[ev.Unit]
		if _, ok := m.Ward(p.Ward); p.Level == "ward" && m.WardList != nil && !ok {
			return Errorf(Invalid, "data.ward", "%q is not one of the wards of %s", p.Ward, m.Name)
		}
	case *events.Retraction:
		return s.checkRetraction(ev, p)
	case *events.Review:
		return s.checkFactTarget(ev, p.Target)
	case *events.Query:
		return s.checkFactTarget(ev, p.Target)
	case *events.Explanation:
		t, ok := s.byID[p.Target]
		switch {
		case !ok:
			return Errorf(Invalid, "data.target", "event %s is not in season %s", p.Target, s.ID)
		case !t.Fact || t.Event.Unit != ev.Unit:
			return Errorf(Invalid, "data.target", "event %s is not a fact of %s", p.Target, ev.Unit)
		case !t.Live():
			return Errorf(Conflict, "data.target", "fact %s was retracted", p.Target)
		case t.latestQuery() == nil:
			return Errorf(Conflict, "data.target", "the committee has asked nothing about fact %s", p.Target)
		}
	case *events.ScoreAssessed:
		it, ok := findRubricItem(s.Rubric.Items, p.Item)
		switch {
		case !ok:
			return Errorf(Invalid, "data.item", "item %q is not in the season's rubric", p.Item)
		case it.Rule == nil || it.Rule.Kind != events.RuleManual:
			return Errorf(Invalid, "data.item", "item %s is scored by its rule, not by the committee", p.Item)
		case p.Points > it.Max:
			return Errorf(Invalid, "data.points", "%s is above item %s's maximum of %s", p.Points, p.Item, it.Max)
		}
	case *events.BallotRecorded:
		for _, u := range slices.Sorted(maps.Keys(p.Votes)) {
			if _, ok := s.members[u]; !ok {
				return Errorf(Invalid, "data.votes."+u, "unit %s is not a member of season %s", u, s.ID)
			}
		}
	case *events.RubricAmended:
		cat := s.Catalogue
		if p.Catalogue != nil {
			cat = s.amendedCatalogue(p.Catalogue)
		}
		return checkRubric(p.Rubric, cat, "data.rubric")
	case *events.SeasonClosed:
		// Nothing more to check: closing is the committee's decision.
	case *events.AwardRevoked:
		if s.Closed == nil {
			return Errorf(Conflict, "", "awards are revoked only after the season closes")
		}
		st, err := s.Standings(Final)
		if err != nil {
			return err
		}
		for _, row := range st.Units {
			if row.Unit == ev.Unit && (row.Award == nil || *row.Award != p.Award) {
				return Errorf(Conflict, "data.award", "unit %s does not hold the %s", ev.Unit, p.Award)
			}
		}
	}
	return nil
}

// authorise applies the roles of the contract: a unit writes facts about
// itself only; the committee writes committee events; an auditor writes
// nothing. The admin token may do anything.
func authorise(ev events.Event, spec events.Spec) error {
	switch ev.Author.Role {
	case events.RoleAdmin:
		return nil
	case events.RoleUnit:
		if spec.By != events.ByUnit {
			return Errorf(Forbidden, "type", "a unit token cannot append %s", ev.Type)
		}
		if ev.Unit != ev.Author.Unit {
			return Errorf(Forbidden, "unit", "this token writes for unit %s only", ev.Author.Unit)
		}
		return nil
	case events.RoleCommittee:
		if spec.By != events.ByCommittee {
			return Errorf(Forbidden, "type", "%s is a unit's own fact: the committee cannot append it", ev.Type)
		}
		return nil
	}
	return Errorf(Forbidden, "", "this token cannot append events")
}

func (s *Season) checkDate(ev events.Event, required bool) error {
	if ev.Date == "" {
		if required {
			return Errorf(Invalid, "date", "is required")
		}
		return nil
	}
	if !required {
		return nil // committee events may be dated after the season's year
	}
	year := strconv.Itoa(s.Opened.Year)
	if len(ev.Date) < 4 || ev.Date[:4] != year {
		return Errorf(Invalid, "date", "%s is outside the season's year %s", ev.Date, year)
	}
	return nil
}

// checkFactTarget: a committee event about a fact (a review, a question)
// names a live fact of the season, of the envelope's unit if it names one.
func (s *Season) checkFactTarget(ev events.Event, target string) error {
	t, ok := s.byID[target]
	switch {
	case !ok:
		return Errorf(Invalid, "data.target", "event %s is not in season %s", target, s.ID)
	case !t.Fact:
		return Errorf(Invalid, "data.target", "event %s is a %s, not a unit's fact", target, t.Event.Type)
	case ev.Unit != "" && ev.Unit != t.Event.Unit:
		return Errorf(Invalid, "unit", "event %s is a fact of %s, not %s", target, t.Event.Unit, ev.Unit)
	case !t.Live():
		return Errorf(Conflict, "data.target", "fact %s was retracted", target)
	}
	return nil
}

func (s *Season) checkRetraction(ev events.Event, p *events.Retraction) error {
	t, ok := s.byID[p.Target]
	if !ok {
		return Errorf(Invalid, "data.target", "event %s is not in season %s", p.Target, s.ID)
	}
	if ev.Unit != "" && t.Event.Unit != ev.Unit {
		return Errorf(Invalid, "unit", "event %s concerns %q, not %s", p.Target, t.Event.Unit, ev.Unit)
	}
	if ev.Type == events.TypeFactRetracted && !t.Fact {
		return Errorf(Invalid, "data.target", "event %s is a %s, not a fact", p.Target, t.Event.Type)
	}
	if ev.Type == events.TypeCommitteeRetracted && !retractable(t) {
		return Errorf(Invalid, "data.target", "the committee cannot retract a %s", t.Event.Type)
	}
	if t.RetractedBy != nil {
		return Errorf(Conflict, "data.target", "event %s was already retracted by %s", p.Target, t.RetractedBy.Event.ID)
	}
	if t.Ignored() != "" {
		return Errorf(Conflict, "data.target", "event %s has no effect: %s", p.Target, t.Ignored())
	}
	return nil
}

// checkRubric applies the checks that need the rubric as a whole, beyond
// the field checks of the events package: rules in their place, codes of
// the catalogue, and maxima that add up.
func checkRubric(r events.Rubric, cat events.Catalogue, field string) error {
	for i, it := range r.Items {
		if err := checkGroup(it, fmt.Sprintf("%s.items[%d]", field, i)); err != nil {
			return err
		}
	}
	if err := cat.CheckRubric(r, field); err != nil {
		return ErrorOf(err)
	}
	if r.ExplicitTotals {
		return nil
	}
	var content events.Points
	for i, it := range r.Items {
		if err := checkSums(it, fmt.Sprintf("%s.items[%d]", field, i)); err != nil {
			return err
		}
		content += it.Max
	}
	if r.ContentMax != 0 && content != r.ContentMax {
		return Errorf(Invalid, field+".content_max", "the groups add up to %s, not the declared %s (or set explicit_totals)", content, r.ContentMax)
	}
	for _, adj := range []struct {
		name string
		a    events.Adjustments
	}{{"bonus", r.Bonus}, {"deductions", r.Deductions}} {
		if len(adj.a.Items) > 0 && adj.a.Cap == 0 {
			return Errorf(Invalid, field+"."+adj.name+".cap", "is required: the %s lines need a cap (or set explicit_totals)", adj.name)
		}
	}
	return nil
}

// checkSums: a group's items add up to its maximum.
func checkSums(it events.Item, field string) error {
	if len(it.Items) == 0 {
		return nil
	}
	var sum events.Points
	for i, c := range it.Items {
		if err := checkSums(c, fmt.Sprintf("%s.items[%d]", field, i)); err != nil {
			return err
		}
		sum += c.Max
	}
	if sum != it.Max {
		return Errorf(Invalid, field+".max", "the items of %s add up to %s, not its maximum %s (or set explicit_totals)", it.Code, sum, it.Max)
	}
	return nil
}

func checkGroup(it events.Item, field string) error {
	if it.Rule != nil && it.Rule.Kind == events.RuleCommittee {
		return Errorf(Invalid, field+".rule.kind", "committee rules belong to bonus and deduction lines")
	}
	for i, c := range it.Items {
		if err := checkGroup(c, fmt.Sprintf("%s.items[%d]", field, i)); err != nil {
			return err
		}
	}
	return nil
}

func findRubricItem(items []events.Item, code string) (events.Item, bool) {
	for _, it := range items {
		if it.Code == code {
			return it, true
		}
		if sub, ok := findRubricItem(it.Items, code); ok {
			return sub, true
		}
	}
	return events.Item{}, false
}
