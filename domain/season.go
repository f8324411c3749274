package domain

import (
	"fmt"
	"sync"
	"time"

	"github.com/thidua/thidua/events"
)

// Entry is one event of a season as the fold keeps it. A season of the
// national scale holds a million, so what few entries need, or need only
// until they are shed, is kept aside (rest).
type Entry struct {
	Seq     uint64
	Event   Envelope
	Payload events.Payload
	// RetractedBy is the retraction (fact.retracted or committee.retracted)
	// that withdrew this event, if any and not itself withdrawn.
	RetractedBy *Entry
	// about holds the events about this one, once there are any.
	about *about
	rest  *rest
	// changes counts the folded events that changed what the fact's sheet
	// line shows (a review, question, answer, or the retraction of one of
	// them or of the fact).
	changes uint32
	// Fact is true for a unit's own fact (it has a date and evidence).
	Fact bool
	// shed: the entry no longer holds what only its lines show (Shed).
	shed bool
}

// rest is what an entry keeps beside its envelope: its evidence and time
// until it is shed; and, for the few that have them, why the fold ignores
// it and when a committee decision takes effect.
type rest struct {
	evidence []events.Evidence
	recorded string
	// ignored says why the fold gives this event no effect (it arrived
	// after the season closed, names an unknown target, …). Validation
	// refuses such events; the fold only meets them through races, and must
	// still treat them the same way on every replay.
	ignored string
	// effective is a committee decision's date on the timeline (see
	// effectiveDate), worked out once when it is folded.
	effective string
	// line keeps a fact's line between changes, for a fact is shown after
	// every event of its unit (unshed facts only).
	line lineCache
}

// Ignored says why the fold gives this event no effect, or "".
func (e *Entry) Ignored() string {
	if e.rest == nil {
		return ""
	}
	return e.rest.ignored
}

func (e *Entry) evidence() []events.Evidence {
	if e.rest == nil {
		return nil
	}
	return e.rest.evidence
}

func (e *Entry) recorded() string {
	if e.rest == nil {
		return ""
	}
	return e.rest.recorded
}

func (e *Entry) effective() string {
	if e.rest == nil {
		return ""
	}
	return e.rest.effective
}

// lines is the fact's line cache, nil for a shed fact or another event.
func (e *Entry) lines() *lineCache {
	if !e.Fact || e.shed { // an unshed entry always has its rest
		return nil
	}
	return &e.rest.line
}

// Envelope is what the fold keeps of an event's envelope. The raw payload
// and the chain hash stay on the log, where the audit reads them, and so
// does the season, which is the fold's own; evidence and the recorded
// time are the entry's until it is shed.
type Envelope struct {
	ID   string
	Type string
	Unit string
	Date string
	// Author is shared by the season's events with the same author: it is
	// read, never written.
	Author *events.Author
}

// envelope keeps what the fold needs of ev; the strings most events repeat
// (type, unit, date) are shared rather than held once per event, and so is
// the author, of whom a season has a few dozen.
func (s *Season) envelope(ev events.Event) Envelope {
	author, ok := s.authors[ev.Author]
	if !ok {
		a := events.Author{Role: s.intern(ev.Author.Role), Unit: s.intern(ev.Author.Unit), Token: s.intern(ev.Author.Token)}
		author = &a
		s.authors[a] = author
	}
	return Envelope{ID: ev.ID, Type: s.intern(ev.Type), Unit: s.intern(ev.Unit), Date: s.intern(ev.Date), Author: author}
}

// intern returns the season's copy of str. A map of the season's own is
// cheaper than package unique's, and its strings (types, members, days of
// the year, authors) are few.
func (s *Season) intern(str string) string {
	if v, ok := s.strs[str]; ok {
		return v
	}
	s.strs[str] = str
	return str
}

// about lists the events about a fact, in stream order: the reviews
// (fact.verified / fact.rejected), of which the latest not withdrawn
// counts, and the committee's questions (fact.queried) and the unit's
// answers (fact.explained), which change no score. One list, for most
// facts have one review and nothing else.
type about struct{ events []*Entry }

func (e *Entry) addAbout(x *Entry) {
	if e.about == nil {
		e.about = &about{}
	}
	e.about.events = append(e.about.events, x)
}

// Review returns the latest review that counts, or nil. Ranking asks for
// every fact, so it walks the list rather than filter a copy.
func (e *Entry) Review() *Entry {
	if e.about == nil {
		return nil
	}
	l := e.about.events
	for i := len(l) - 1; i >= 0; i-- {
		r := l[i]
		if (r.Event.Type == events.TypeFactVerified || r.Event.Type == events.TypeFactRejected) && r.RetractedBy == nil {
			return r
		}
	}
	return nil
}

// Live reports whether the event has any effect: not ignored, not retracted.
func (e *Entry) Live() bool { return e.Ignored() == "" && e.RetractedBy == nil }

// Season is the state of one season folded from its events in stream order.
type Season struct {
	ID     string
	Opened *events.SeasonOpened // nil until season.opened
	Rubric events.Rubric        // the rubric in force at the last folded event
	// Catalogue is the vocabulary in force at the last folded event, its
	// left-out lists filled from the default.
	Catalogue events.Catalogue
	Closed    *Entry // season.closed, once recorded
	LastSeq   uint64 // stream sequence of the last event folded

	members map[string]events.Member
	// catalogues in force one after the other, the latest last: names of
	// codes an amendment dropped are still found for the facts that used them.
	catalogues []events.Catalogue
	entries    []*Entry          // every event of the season, in stream order
	byID       map[string]*Entry // event id → entry
	// every fact of a unit in stream order, ignored ones too (for its sheet)
	facts map[string][]*Entry
	// committee events that concern one unit, by unit, in stream order
	committee map[string][]*Entry
	ballots   []*Entry
	// ruleTexts says each rule of the rubric in force (describeRule).
	ruleTexts map[*events.Rule]string
	// vocabulary counts the changes of the catalogues and members that
	// name things in fact lines: a cached line from before is stale.
	vocabulary uint64
	// versions counts, per unit, the events that touched it (Touched), and
	// everyone the events that touched every unit: see Version.
	versions map[string]uint64
	everyone uint64
	// index lists each rule's facts per unit (matchIndex).
	index matchIndex
	// authors holds each author of the season's events once, and strs
	// each string its envelopes repeat (envelope).
	authors map[events.Author]*events.Author
	strs    map[string]string
	// leans holds each lean payload of shed facts once (lean).
	leans map[any]events.Payload
	// memoMu guards the index's memos, which ranking fills while others
	// read the season too.
	memoMu *sync.Mutex
	// bodies reads back what Shed dropped; nil for a season that keeps
	// every event whole. shedTo is how many entries Shed has passed.
	bodies Bodies
	shedTo int
}

// Bodies reads back events a season has shed (Season.Shed), as they were
// folded: by seq, every one asked for, or an error.
type Bodies interface {
	Records(season string, seqs []uint64) (map[uint64]events.Record, error)
}

// NewSeason returns the empty state of a season that has no events yet.
func NewSeason(id string) *Season {
	return &Season{
		ID:        id,
		members:   map[string]events.Member{},
		byID:      map[string]*Entry{},
		facts:     map[string][]*Entry{},
		committee: map[string][]*Entry{},
		versions:  map[string]uint64{},
		authors:   map[events.Author]*events.Author{},
		strs:      map[string]string{},
		leans:     map[any]events.Payload{},
		memoMu:    &sync.Mutex{},
	}
}

// NewShedding returns the empty state of a season that may shed, once they
// are kept elsewhere, what only the lines of its unit's facts show (Shed):
// it reads them back from bodies when a sheet or the review queue asks.
// Its memory then follows what scoring needs, not the texts and evidence
// of every fact of the year.
func NewShedding(id string, bodies Bodies) *Season {
	s := NewSeason(id)
	s.bodies = bodies
	return s
}

// Shed drops, from the events up to seq, what only fact lines show: the
// evidence, the recorded time, a fact's texts (title, name, reasons,
// questions, answers), keeping what the fold, the rules and validation
// read. The caller has made sure bodies can give those events back (the
// read model committed them). A season without bodies keeps everything.
func (s *Season) Shed(seq uint64) {
	if s.bodies == nil {
		return
	}
	for ; s.shedTo < len(s.entries); s.shedTo++ {
		e := s.entries[s.shedTo]
		if e.Seq > seq {
			return
		}
		if !sheddable(e) {
			continue
		}
		e.shed = true
		if r := e.rest; r.ignored != "" || r.effective != "" {
			r.evidence, r.recorded = nil, ""
			r.line.p.Store(nil)
		} else {
			e.rest = nil
		}
		e.Payload = s.lean(e.Payload)
	}
}

// sheddable: a unit's fact and the events only its line shows (its
// reviews, questions, answers, retraction). The committee's decisions,
// ballots and the season's own events are few, and kept whole.
func sheddable(e *Entry) bool {
	if e.Fact {
		return true
	}
	switch e.Event.Type {
	case events.TypeFactVerified, events.TypeFactRejected, events.TypeFactQueried, events.TypeFactExplained, events.TypeFactRetracted:
		return true
	}
	return false
}

// lean is a payload without what only lines show. Most facts' lean
// payloads repeat (a kind of activity on an occasion, a level of model, a
// report's topic and due date), so the season keeps one of each; one with
// a number of its own is kept by itself; a target is the target's own id
// string.
func (s *Season) lean(p events.Payload) events.Payload {
	switch p := p.(type) {
	case *events.ActivityHeld:
		if p.Areas != 0 { // a count of its own: kept once, not shared
			return &events.ActivityHeld{Kind: p.Kind, Occasion: p.Occasion, Areas: p.Areas, Host: p.Host}
		}
		return shared(s, events.ActivityHeld{Kind: p.Kind, Occasion: p.Occasion, Host: p.Host})
	case *events.ModelRecognized:
		return shared(s, events.ModelRecognized{Level: p.Level})
	case *events.ExemplarHonored:
		return shared(s, events.ExemplarHonored{Level: p.Level})
	case *events.CongressCompleted:
		return shared(s, events.CongressCompleted{Level: p.Level, Ward: p.Ward, Pilot: p.Pilot})
	case *events.ReportSubmitted:
		return shared(s, events.ReportSubmitted{Topic: p.Topic, Due: p.Due})
	case *events.Retraction:
		return &events.Retraction{Target: s.targetID(p.Target)}
	case *events.Review:
		return &events.Review{Target: s.targetID(p.Target)}
	case *events.Query:
		return &events.Query{Target: s.targetID(p.Target)}
	case *events.Explanation:
		return &events.Explanation{Target: s.targetID(p.Target)}
	}
	return p // an indicator: nothing to drop, and a value of its own
}

// shared is the season's one copy of a lean payload.
func shared[T comparable, P interface {
	*T
	events.Payload
}](s *Season, v T) events.Payload {
	if p, ok := s.leans[v]; ok {
		return p
	}
	var p P = &v
	s.leans[v] = p
	return p
}

// targetID is the string the season already holds for an event id.
func (s *Season) targetID(id string) string {
	if t, ok := s.byID[id]; ok {
		return t.Event.ID
	}
	return id
}

// Version counts the folded events that touched a unit (Touched): while it
// stays the same, the unit's score and sheet are what they were, however
// many other events are folded. A reader may then score the unit from the
// live fold for a point of the log it has already passed.
func (s *Season) Version(unit string) uint64 { return s.everyone + s.versions[unit] }

// Members returns the season's units in the order they were listed.
func (s *Season) Members() []events.Member {
	if s.Opened == nil {
		return nil
	}
	return s.Opened.Members
}

// Member returns a unit of the season.
func (s *Season) Member(id string) (events.Member, bool) {
	m, ok := s.members[id]
	return m, ok
}

// Event returns an event of the season by id.
func (s *Season) Event(id string) (*Entry, bool) {
	e, ok := s.byID[id]
	return e, ok
}

// Entries returns every event of the season in stream order.
func (s *Season) Entries() []*Entry { return s.entries }

// Apply folds one stored event. It fails only when the record does not
// belong to this season or is out of order: business rules never make a
// stored event fail, they make it count for nothing (Entry.Ignored).
func (s *Season) Apply(rec events.Record) error {
	_, err := s.Fold(rec)
	return err
}

func (s *Season) apply(rec events.Record) error {
	ev := rec.Event
	if ev.Season != s.ID {
		return fmt.Errorf("event %s at seq %d belongs to season %q, not %q", ev.ID, rec.Seq, ev.Season, s.ID)
	}
	if rec.Seq <= s.LastSeq {
		return fmt.Errorf("event %s at seq %d is not after seq %d", ev.ID, rec.Seq, s.LastSeq)
	}
	spec, ok := events.Lookup(ev.Type)
	if !ok || spec.By == events.BySystem {
		return fmt.Errorf("event %s at seq %d: %q is not a season event", ev.ID, rec.Seq, ev.Type)
	}
	s.LastSeq = rec.Seq
	e := &Entry{Seq: rec.Seq, Event: s.envelope(ev), Payload: rec.Payload, Fact: spec.Fact,
		rest: &rest{evidence: ev.Evidence, recorded: ev.Recorded}}
	s.entries = append(s.entries, e)
	if _, dup := s.byID[ev.ID]; dup {
		e.rest.ignored = "event id already used in this season"
		return nil
	}
	s.byID[ev.ID] = e
	e.rest.ignored = s.ignoreReason(e, spec)
	if spec.Fact && ev.Unit != "" {
		s.facts[ev.Unit] = append(s.facts[ev.Unit], e)
		s.indexFact(ev.Unit, e)
	}
	if e.rest.ignored != "" {
		return nil
	}
	switch p := rec.Payload.(type) {
	case *events.SeasonOpened:
		s.Opened = p
		s.Rubric = p.Rubric
		s.setCatalogue(p.Catalogue.Resolved())
		for _, m := range p.Members {
			s.members[m.ID] = m
		}
		s.vocabulary++
		s.describeRules()
		s.reindex()
	case *events.RubricAmended:
		s.Rubric = p.Rubric
		if p.Catalogue != nil {
			s.setCatalogue(s.amendedCatalogue(p.Catalogue))
		}
		s.vocabulary++
		s.describeRules()
		s.reindex()
	case *events.SeasonClosed:
		s.Closed = e
	case *events.Retraction:
		t := s.byID[p.Target]
		t.RetractedBy = e
		s.changed(t)
	case *events.Review:
		t := s.byID[p.Target]
		t.addAbout(e)
		s.changed(t)
	case *events.Query:
		t := s.byID[p.Target]
		t.addAbout(e)
		s.changed(t)
	case *events.Explanation:
		t := s.byID[p.Target]
		t.addAbout(e)
		s.changed(t)
	case *events.BallotRecorded:
		s.ballots = append(s.ballots, e)
	default:
		if !spec.Fact {
			year := 0
			if s.Opened != nil {
				year = s.Opened.Year
			}
			e.rest.effective = effectiveDate(ev, year)
			s.committee[ev.Unit] = append(s.committee[ev.Unit], e)
		}
	}
	return nil
}

// changed notes that an event changed e: e and the events it is about (the
// fact a withdrawn review or question was about) show it on their lines.
// Each is about an earlier event, so the walk ends.
func (s *Season) changed(e *Entry) {
	for e != nil {
		e.changes++
		if e.Fact {
			s.factChanged(e)
		}
		var target string
		switch p := e.Payload.(type) {
		case *events.Retraction:
			target = p.Target
		case *events.Review:
			target = p.Target
		case *events.Query:
			target = p.Target
		case *events.Explanation:
			target = p.Target
		}
		t := s.byID[target]
		if t != nil && t.Seq >= e.Seq {
			t = nil
		}
		e = t
	}
}

func (s *Season) setCatalogue(c events.Catalogue) {
	s.Catalogue = c
	s.catalogues = append(s.catalogues, c)
}

// amendedCatalogue is the catalogue an amendment puts in force: the lists
// it gives replace the season's, the lists it leaves out stay as they were.
func (s *Season) amendedCatalogue(c *events.Catalogue) events.Catalogue {
	out := s.Catalogue
	if c.Occasions != nil {
		out.Occasions = c.Occasions
	}
	if c.ActivityKinds != nil {
		out.ActivityKinds = c.ActivityKinds
	}
	if c.ReportTopics != nil {
		out.ReportTopics = c.ReportTopics
	}
	if c.Indicators != nil {
		out.Indicators = c.Indicators
	}
	if c.ModelLevels != nil {
		out.ModelLevels = c.ModelLevels
	}
	return out
}

// ignoreReason is the fold's side of validation: the few rules whose
// violation can reach the log through a race between writers on different
// subjects, decided from the log alone.
func (s *Season) ignoreReason(e *Entry, spec events.Spec) string {
	ev := e.Event
	if ev.Type == events.TypeSeasonOpened {
		if s.Opened != nil {
			return "season already opened"
		}
		return ""
	}
	if s.Opened == nil {
		return "season not opened"
	}
	if s.Closed != nil && ev.Type != events.TypeAwardRevoked {
		return "season closed"
	}
	if s.Closed == nil && ev.Type == events.TypeAwardRevoked {
		return "awards are revoked only after the season closes"
	}
	if ev.Unit != "" {
		if _, ok := s.members[ev.Unit]; !ok {
			return "unit " + ev.Unit + " is not a member"
		}
	}
	switch p := e.Payload.(type) {
	case *events.Retraction:
		t, ok := s.byID[p.Target]
		switch {
		case !ok:
			return "target " + p.Target + " not found"
		case t.RetractedBy != nil:
			return "target already retracted"
		case ev.Type == events.TypeFactRetracted && (!t.Fact || t.Event.Unit != ev.Unit):
			return "a unit retracts only its own facts"
		case ev.Type == events.TypeCommitteeRetracted && !retractable(t):
			return "the committee retracts only its own events"
		}
	case *events.Review:
		t, ok := s.byID[p.Target]
		if !ok || !t.Fact {
			return "target " + p.Target + " is not a fact"
		}
	case *events.Query:
		t, ok := s.byID[p.Target]
		if !ok || !t.Fact {
			return "target " + p.Target + " is not a fact"
		}
	case *events.Explanation:
		t, ok := s.byID[p.Target]
		if !ok || !t.Fact || t.Event.Unit != ev.Unit {
			return "a unit explains only its own facts"
		}
	}
	return ""
}

// OpenQuery returns the committee's latest question about a fact that the
// unit has not answered since, or nil.
func (e *Entry) OpenQuery() *Entry {
	q := e.latestQuery()
	if q == nil {
		return nil
	}
	for _, x := range e.about.events {
		if x.Event.Type == events.TypeFactExplained && x.Live() && x.Seq > q.Seq {
			return nil
		}
	}
	return q
}

func (e *Entry) latestQuery() *Entry {
	if e.about == nil {
		return nil
	}
	l := e.about.events
	for i := len(l) - 1; i >= 0; i-- {
		if q := l[i]; q.Event.Type == events.TypeFactQueried && q.Live() {
			return q
		}
	}
	return nil
}

// retractable: the committee's own events other than those that frame the
// season (opening, amendments, closing) and other retractions.
func retractable(t *Entry) bool {
	switch t.Event.Type {
	case events.TypeSeasonOpened, events.TypeSeasonClosed, events.TypeRubricAmended, events.TypeCommitteeRetracted:
		return false
	}
	s, _ := events.Lookup(t.Event.Type)
	return s.By == events.ByCommittee && t.Ignored() == ""
}

// factsOf returns a unit's facts that count in a view (never an ignored
// one), in stream order; with until set, only those dated until then.
func (s *Season) factsOf(unit string, view View, until string) []*Entry {
	all := s.facts[unit]
	out := make([]*Entry, 0, len(all))
	for _, f := range all {
		if counts(f, view) && (until == "" || f.Event.Date <= until) {
			out = append(out, f)
		}
	}
	return out
}

// counts applies §4: claimed = not retracted and not rejected; verified =
// latest review is fact.verified.
func counts(f *Entry, view View) bool {
	if !f.Live() {
		return false
	}
	r := f.Review()
	if view == Claimed {
		return r == nil || r.Event.Type != events.TypeFactRejected
	}
	return r != nil && r.Event.Type == events.TypeFactVerified
}

// committeeOf returns the live committee events of a type about a unit;
// with until set, only those in effect by then (see effectiveDate).
func (s *Season) committeeOf(unit, typ, until string) []*Entry {
	var out []*Entry
	for _, e := range s.committee[unit] {
		if e.Event.Type == typ && e.Live() && (until == "" || e.effective() <= until) {
			out = append(out, e)
		}
	}
	return out
}

// effectiveDate is when a committee decision takes effect on the timeline:
// its business date when it has one, else the UTC day it was recorded,
// kept within the season's year (when known): a decision recorded at the
// meeting after the year's end, or a demo season replayed years later,
// takes effect on 31 December, not in a later year that would squeeze the
// season into a fraction of the chart. A decision with neither date (a
// malformed recorded time) gets "", which sorts before every date: it
// counts from the start rather than never.
func effectiveDate(ev events.Event, year int) string {
	d := ev.Date
	if d == "" {
		t, err := time.Parse(time.RFC3339Nano, ev.Recorded)
		if err != nil {
			return ""
		}
		d = t.UTC().Format(time.DateOnly)
	}
	if year <= 0 {
		return d
	}
	first, last := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	return min(max(d, first), last)
}

// flagBallot returns the latest live flag ballot, or nil.
func (s *Season) flagBallot() *Entry {
	for i := len(s.ballots) - 1; i >= 0; i-- {
		b := s.ballots[i]
		if b.Live() && b.Payload.(*events.BallotRecorded).Question == "flag" {
			return b
		}
	}
	return nil
}
