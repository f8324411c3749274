package domain

import (
	"slices"

	"github.com/thidua/thidua/events"
)

// Touched says whose scores an event folded into a season may have
// changed, so that a read model rescores those units only. It may say too
// much, never too little: a unit it leaves out scores exactly as before.
type Touched struct {
	// All: every unit of the season (its opening, a rubric amendment, its
	// closing: the rules, names or views of everyone changed).
	All bool
	// Units whose sheet or ranking row may have changed, in no order.
	Units []string
	// Awards: the awards may have moved while no unit's score did (a
	// ballot, or its retraction). Rows are re-awarded whenever any unit is
	// touched anyway.
	Awards bool
}

// Empty reports whether the event changed no score.
func (t Touched) Empty() bool { return !t.All && len(t.Units) == 0 && !t.Awards }

func (t *Touched) unit(id string) {
	if id != "" && !slices.Contains(t.Units, id) {
		t.Units = append(t.Units, id)
	}
}

// Fold is Apply, and says what the event touched. It is deterministic and
// costs a few map lookups: the read model calls it for every event.
func (s *Season) Fold(rec events.Record) (Touched, error) {
	dupBefore := false
	if _, ok := s.byID[rec.Event.ID]; ok {
		dupBefore = true
	}
	if err := s.apply(rec); err != nil {
		return Touched{}, err
	}
	if dupBefore {
		return Touched{}, nil // a repeated id counts for nothing
	}
	t := s.touched(s.byID[rec.Event.ID])
	if t.All {
		s.everyone++
	}
	for _, u := range t.Units {
		s.versions[u]++
	}
	return t, nil
}

// touched is what an entry just folded may change. It looks at what the
// event names, whether or not the fold ignored it: an ignored fact still
// appears on its unit's sheet.
func (s *Season) touched(e *Entry) Touched {
	var t Touched
	switch e.Payload.(type) {
	case *events.SeasonOpened, *events.RubricAmended, *events.SeasonClosed:
		return Touched{All: true}
	case *events.BallotRecorded:
		return Touched{Awards: true}
	}
	t.unit(e.Event.Unit)
	target := entryTarget(s, e)
	if target == nil {
		return t
	}
	// A review, question, answer or retraction changes its target's unit;
	// a retraction of a review or a question changes the fact's unit; of a
	// ballot, the awards; of anything that frames the season, everyone.
	switch target.Payload.(type) {
	case *events.BallotRecorded:
		t.Awards = true
	case *events.SeasonOpened, *events.RubricAmended, *events.SeasonClosed:
		t.All = true
	}
	t.unit(target.Event.Unit)
	if fact := entryTarget(s, target); fact != nil {
		t.unit(fact.Event.Unit)
	}
	return t
}

// entryTarget is the entry an event names as its target, if it names one
// the season holds.
func entryTarget(s *Season, e *Entry) *Entry {
	var id string
	switch p := e.Payload.(type) {
	case *events.Retraction:
		id = p.Target
	case *events.Review:
		id = p.Target
	case *events.Query:
		id = p.Target
	case *events.Explanation:
		id = p.Target
	default:
		return nil
	}
	t, ok := s.byID[id]
	if !ok || t == e {
		return nil
	}
	return t
}
