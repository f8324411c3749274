package domain

import (
	"cmp"
	"fmt"
	"slices"
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

// factLines lists every fact of a unit in stream order, in one view.
func (s *Season) factLines(unit string, view View) []FactLine {
	facts := s.facts[unit]
	out := make([]FactLine, 0, len(facts))
	for _, e := range facts {
		out = append(out, s.factLine(e, view))
	}
	return out
}

// lineCache keeps a fact's line as last built, for the entry's changes
// and the season's vocabulary it was built from. Readers of the fold may
// score at the same time (the fold itself is still while they read), so
// the line is swapped whole, atomically, and never changed once stored:
// sheets already handed out share its slices.
type lineCache struct{ p atomic.Pointer[cachedLine] }

type cachedLine struct {
	changes, vocabulary uint64
	line                FactLine // Counted left false: it depends on the view
}

// factLine is one fact as a sheet (or the review queue) shows it.
func (s *Season) factLine(e *Entry, view View) FactLine {
	if e.line == nil {
		l := s.buildFactLine(e)
		l.Counted = counts(e, view)
		return l
	}
	c := e.line.p.Load()
	if c == nil || c.changes != e.changes || c.vocabulary != s.vocabulary {
		c = &cachedLine{changes: e.changes, vocabulary: s.vocabulary, line: s.buildFactLine(e)}
		e.line.p.Store(c)
	}
	l := c.line
	l.Counted = counts(e, view)
	return l
}

// buildFactLine is a fact's line in every view but for Counted.
func (s *Season) buildFactLine(e *Entry) FactLine {
	l := FactLine{ID: e.Event.ID, Seq: e.Seq, Type: e.Event.Type, Date: e.Event.Date,
		Evidence: e.Event.Evidence, Author: *e.Event.Author}
	l.Summary, l.SummaryEn = s.summary(e)
	if l.Evidence == nil {
		l.Evidence = []events.Evidence{}
	}
	q := e.latestQuery()
	switch r := e.Review(); {
	case e.Ignored != "":
		l.Status, l.Reason = FactIgnored, e.Ignored
	case e.RetractedBy != nil:
		l.Status, l.By, l.ByAuthor = FactRetracted, e.RetractedBy.Event.ID, e.RetractedBy.Event.Author
		l.Reason = e.RetractedBy.Payload.(*events.Retraction).Reason
	case q != nil && (r == nil || r.Seq < q.Seq) && e.OpenQuery() != nil:
		l.Status, l.By, l.ByAuthor = FactQueried, q.Event.ID, q.Event.Author
		l.Question = q.Payload.(*events.Query).Question
	case q != nil && (r == nil || r.Seq < q.Seq):
		l.Status = FactExplained
	case r == nil:
		l.Status = FactPending
	case r.Event.Type == events.TypeFactRejected:
		l.Status, l.By, l.ByAuthor, l.Reason = FactRejected, r.Event.ID, r.Event.Author, r.Payload.(*events.Review).Reason
	default:
		l.Status, l.By, l.ByAuthor, l.Reason = FactVerified, r.Event.ID, r.Event.Author, r.Payload.(*events.Review).Reason
	}
	l.Exchanges = exchanges(e)
	return l
}

// exchanges lists the questions and answers about a fact in stream order.
func exchanges(e *Entry) []Exchange {
	var out []Exchange
	for _, q := range e.Queries() {
		if q.Ignored == "" {
			out = append(out, Exchange{ID: q.Event.ID, Seq: q.Seq, Type: q.Event.Type, Text: q.Payload.(*events.Query).Question,
				Recorded: q.Event.Recorded, Author: *q.Event.Author, Retracted: q.RetractedBy != nil})
		}
	}
	for _, x := range e.Explanations() {
		if x.Ignored == "" {
			out = append(out, Exchange{ID: x.Event.ID, Seq: x.Seq, Type: x.Event.Type, Text: x.Payload.(*events.Explanation).Text,
				Recorded: x.Event.Recorded, Author: *x.Event.Author, Evidence: x.Event.Evidence})
		}
	}
	slices.SortFunc(out, func(a, b Exchange) int { return cmp.Compare(a.Seq, b.Seq) })
	return out
}

// summary says a fact in a few words: its own title or name where it has
// one, else a Vietnamese and an English phrase with the catalogue's names.
func (s *Season) summary(e *Entry) (string, string) {
	switch p := e.Payload.(type) {
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
