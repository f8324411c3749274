package domain

import (
	"fmt"
	"maps"
	"sync/atomic"

	"github.com/thidua/thidua/events"
)

// Fact statuses, as a scoring sheet shows them.
const (
	FactVerified  = "verified"
	FactPending   = "pending" // not reviewed yet: counts as claimed only
	FactRejected  = "rejected"
	FactRetracted = "retracted"
	FactIgnored   = "ignored" // reached the log against the season's rules; counts nowhere
	// FactQueried: the committee asked the unit to explain the fact and
	// awaits the answer; FactExplained: the unit answered and the fact
	// awaits the committee's second look. Neither changes how it counts.
	FactQueried   = "queried"
	FactExplained = "explained"
)

// Exchange is one question of the committee about a fact, or one answer of
// the unit, with the evidence the answer added to the dossier.
type Exchange struct {
	ID       string            `json:"id"`
	Seq      uint64            `json:"seq"`
	Type     string            `json:"type"`
	Text     string            `json:"text"`
	Recorded string            `json:"recorded"`
	Author   events.Author     `json:"author"`
	Evidence []events.Evidence `json:"evidence,omitempty"`
	// Retracted: the committee withdrew its question.
	Retracted bool `json:"retracted,omitempty"`
}

// FactLine is one of a unit's facts on its sheet, with why it counts or not,
// so that a retracted or rejected fact can be shown struck through with
// its reason.
type FactLine struct {
	ID      string `json:"id"`
	Seq     uint64 `json:"seq"`
	Type    string `json:"type"`
	Date    string `json:"date"`
	Summary string `json:"summary"`
	// SummaryEn is the English of a summary the server wrote; a unit's own
	// title or name has none.
	SummaryEn string            `json:"summary_en,omitempty"`
	Status    string            `json:"status"`
	Counted   bool              `json:"counted"`
	Reason    string            `json:"reason,omitempty"`
	By        string            `json:"by,omitempty"` // the event that retracted or reviewed it
	Evidence  []events.Evidence `json:"evidence"`
	// Author recorded the fact; ByAuthor recorded the event named by By.
	Author   events.Author  `json:"author"`
	ByAuthor *events.Author `json:"by_author,omitempty"`
	// Question is the committee's open question, while the unit has not
	// answered it; Exchanges every question and answer in stream order.
	Question  string     `json:"question,omitempty"`
	Exchanges []Exchange `json:"exchanges,omitempty"`
}

// factLines lists every fact of a unit in stream order, in one view; have
// holds shed events already read back (ShedOf), if any.
func (s *Season) factLines(unit string, view View, have map[uint64]events.Record) ([]FactLine, error) {
	facts := s.facts[unit]
	w, err := s.readBack(facts, have)
	if err != nil {
		return nil, err
	}
	out := make([]FactLine, 0, len(facts))
	for _, e := range facts {
		out = append(out, s.factLine(e, view, w))
	}
	return out, nil
}

// shown holds the records of shed events read back for the lines being
// built: a line reads an event's evidence, time and texts through it.
type shown map[uint64]events.Record

func (w shown) payload(e *Entry) events.Payload {
	if r, ok := w[e.Seq]; ok {
		return r.Payload
	}
	return e.Payload
}

func (w shown) evidence(e *Entry) []events.Evidence {
	if r, ok := w[e.Seq]; ok {
		return r.Event.Evidence
	}
	return e.evidence()
}

func (w shown) recorded(e *Entry) string {
	if r, ok := w[e.Seq]; ok {
		return r.Event.Recorded
	}
	return e.recorded()
}

// ShedOf lists the seqs of the shed events a sheet of unit shows. A
// reader may read them back without holding the fold still, and hand them
// to ScoreUnitFrom once it holds it again: the fold goes on folding while
// the read model answers.
func (s *Season) ShedOf(unit string) []uint64 {
	want := s.shedFor(s.facts[unit])
	out := make([]uint64, len(want))
	for i, e := range want {
		out[i] = e.Seq
	}
	return out
}

// shedFor lists the shed events the lines of facts show: the facts and the
// events about them, but for lines kept whole in their cache.
func (s *Season) shedFor(facts []*Entry) []*Entry {
	var want []*Entry
	add := func(e *Entry) {
		if e != nil && e.shed {
			want = append(want, e)
		}
	}
	for _, f := range facts {
		if c := f.lines(); c != nil && c.fresh(f, s.vocabulary) {
			continue
		}
		add(f)
		add(f.RetractedBy)
		if f.about != nil {
			for _, e := range f.about.events {
				add(e)
			}
		}
	}
	return want
}

// readBack reads back every shed event the lines of facts show that have
// does not hold already. A record that is not the event folded at its seq
// (another id or type) is a damaged read model, reported (unavailable),
// never shown.
func (s *Season) readBack(facts []*Entry, have map[uint64]events.Record) (shown, error) {
	want := s.shedFor(facts)
	if len(want) == 0 {
		return nil, nil
	}
	var seqs []uint64
	for _, e := range want {
		if _, ok := have[e.Seq]; !ok {
			seqs = append(seqs, e.Seq)
		}
	}
	recs := have
	if len(seqs) > 0 {
		got, err := s.bodies.Records(s.ID, seqs)
		if err != nil {
			return nil, Errorf(Unavailable, "", "read back the events of season %s: %v", s.ID, err)
		}
		recs = make(map[uint64]events.Record, len(have)+len(got))
		maps.Copy(recs, have)
		maps.Copy(recs, got)
	}
	for _, e := range want {
		r, ok := recs[e.Seq]
		if !ok {
			return nil, Errorf(Unavailable, "", "read back season %s: the read model has no event at seq %d", s.ID, e.Seq)
		}
		if r.Event.ID != e.Event.ID || r.Event.Type != e.Event.Type {
			return nil, Errorf(Unavailable, "", "read back season %s: the read model holds %s (%s) at seq %d, not the %s (%s) folded there", s.ID, r.Event.ID, r.Event.Type, e.Seq, e.Event.ID, e.Event.Type)
		}
	}
	return recs, nil
}

// lineCache keeps a fact's line as last built, for the entry's changes
// and the season's vocabulary it was built from. Readers of the fold may
// score at the same time (the fold itself is still while they read), so
// the line is swapped whole, atomically, and never changed once stored:
// sheets already handed out share its slices. A shed fact has none: its
// line would hold what shedding dropped.
type lineCache struct{ p atomic.Pointer[cachedLine] }

type cachedLine struct {
	changes    uint32
	vocabulary uint64
	line       FactLine // Counted left false: it depends on the view
}

func (c *lineCache) fresh(e *Entry, vocabulary uint64) bool {
	l := c.p.Load()
	return l != nil && l.changes == e.changes && l.vocabulary == vocabulary
}

// factLine is one fact as a sheet (or the review queue) shows it; w holds
// what readBack read of the shed events it shows.
func (s *Season) factLine(e *Entry, view View, w shown) FactLine {
	cache := e.lines()
	if cache == nil {
		l := s.buildFactLine(e, w)
		l.Counted = counts(e, view)
		return l
	}
	c := cache.p.Load()
	if c == nil || c.changes != e.changes || c.vocabulary != s.vocabulary {
		c = &cachedLine{changes: e.changes, vocabulary: s.vocabulary, line: s.buildFactLine(e, w)}
		cache.p.Store(c)
	}
	l := c.line
	l.Counted = counts(e, view)
	return l
}

// factStatus is a fact's status, and the event that gave it (a retraction,
// review or question), if any: all of it kept by the fold, shed or not.
func factStatus(e *Entry) (string, *Entry) {
	q := e.latestQuery()
	switch r := e.Review(); {
	case e.Ignored() != "":
		return FactIgnored, nil
	case e.RetractedBy != nil:
		return FactRetracted, e.RetractedBy
	case q != nil && (r == nil || r.Seq < q.Seq) && e.OpenQuery() != nil:
		return FactQueried, q
	case q != nil && (r == nil || r.Seq < q.Seq):
		return FactExplained, nil
	case r == nil:
		return FactPending, nil
	case r.Event.Type == events.TypeFactRejected:
		return FactRejected, r
	default:
		return FactVerified, r
	}
}

// buildFactLine is a fact's line in every view but for Counted.
func (s *Season) buildFactLine(e *Entry, w shown) FactLine {
	l := FactLine{ID: e.Event.ID, Seq: e.Seq, Type: e.Event.Type, Date: e.Event.Date,
		Evidence: w.evidence(e), Author: *e.Event.Author}
	l.Summary, l.SummaryEn = s.summary(e, w)
	if l.Evidence == nil {
		l.Evidence = []events.Evidence{}
	}
	var by *Entry
	l.Status, by = factStatus(e)
	if by != nil {
		l.By, l.ByAuthor = by.Event.ID, by.Event.Author
	}
	switch l.Status {
	case FactIgnored:
		l.Reason = e.Ignored()
	case FactRetracted:
		l.Reason = w.payload(by).(*events.Retraction).Reason
	case FactQueried:
		l.Question = w.payload(by).(*events.Query).Question
	case FactRejected, FactVerified:
		l.Reason = w.payload(by).(*events.Review).Reason
	}
	l.Exchanges = exchanges(e, w)
	return l
}

// exchanges lists the questions and answers about a fact in stream order,
// the order the fold lists the events about it.
func exchanges(e *Entry, w shown) []Exchange {
	if e.about == nil {
		return nil
	}
	var out []Exchange
	for _, x := range e.about.events {
		if x.Ignored() != "" {
			continue
		}
		switch x.Event.Type {
		case events.TypeFactQueried:
			out = append(out, Exchange{ID: x.Event.ID, Seq: x.Seq, Type: x.Event.Type, Text: w.payload(x).(*events.Query).Question,
				Recorded: w.recorded(x), Author: *x.Event.Author, Retracted: x.RetractedBy != nil})
		case events.TypeFactExplained:
			out = append(out, Exchange{ID: x.Event.ID, Seq: x.Seq, Type: x.Event.Type, Text: w.payload(x).(*events.Explanation).Text,
				Recorded: w.recorded(x), Author: *x.Event.Author, Evidence: w.evidence(x)})
		}
	}
	return out
}

// summary says a fact in a few words: its own title or name where it has
// one, else a Vietnamese and an English phrase with the catalogue's names.
func (s *Season) summary(e *Entry, w shown) (string, string) {
	switch p := w.payload(e).(type) {
	case *events.ActivityHeld:
		return p.Title, ""
	case *events.ModelRecognized:
		return p.Name, ""
	case *events.ExemplarHonored:
		return p.Name, ""
	case *events.CongressCompleted:
		if p.Level == "ward" {
			vi, en := "Đại hội cấp phường: "+s.wardName(e.Event.Unit, p.Ward), "Ward congress: "+s.wardName(e.Event.Unit, p.Ward)
			if p.Pilot {
				vi, en = vi+" (đại hội điểm)", en+" (pilot)"
			}
			return vi, en
		}
		return "Đại hội cấp quận", "District congress"
	case *events.ReportSubmitted:
		t := s.topicName(p.Topic)
		return fmt.Sprintf("Báo cáo %s (hạn %s)", t.vi, viDate(p.Due)), fmt.Sprintf("Report: %s (due %s)", t.en, enDate(p.Due))
	case *events.IndicatorReported:
		n, a := s.indicatorName(p.Indicator), s.amount(p.Indicator, p.Value)
		return n.vi + ": " + a.vi, n.en + ": " + a.en
	}
	return "", ""
}
