package domain

import (
	"slices"

	"github.com/thidua/thidua/events"
)

// A preview says what a committee decision about one unit would change
// before it is sent: the unit's totals in the verified and claimed views,
// its eligibility, and the rubric lines whose points move. It scores the
// unit as if the decision were folded, without folding it.

// PreviewTotals are a unit's sums in one view.
type PreviewTotals struct {
	Total      events.Points `json:"total"`
	Content    events.Points `json:"content"`
	Bonus      events.Points `json:"bonus"`
	Deductions events.Points `json:"deductions"`
	Eligible   bool          `json:"eligible"`
}

// PreviewView is a unit's sums in one view before and after the decision.
type PreviewView struct {
	View   View          `json:"view"`
	Before PreviewTotals `json:"before"`
	After  PreviewTotals `json:"after"`
}

// PreviewLine is a rubric line whose points the decision moves (verified
// view).
type PreviewLine struct {
	Code    string        `json:"code"`
	Title   string        `json:"title"`
	TitleEn string        `json:"title_en,omitempty"`
	Max     events.Points `json:"max"`
	Before  events.Points `json:"before"`
	After   events.Points `json:"after"`
}

// Preview is what a decision would change.
type Preview struct {
	Season   string        `json:"season"`
	Type     string        `json:"type"`
	Unit     string        `json:"unit"`
	UnitName string        `json:"unit_name"`
	Views    []PreviewView `json:"views"`
	Lines    []PreviewLine `json:"lines"`
}

// previewTypes are the decisions a preview is made for.
var previewTypes = map[string]bool{
	events.TypeTargetAssigned: true, events.TypeScoreAssessed: true, events.TypeBonusAwarded: true,
	events.TypeDeductionApplied: true, events.TypeViolationRecorded: true, events.TypeCommitteeRetracted: true,
}

// Preview scores the unit a decision concerns as if it were folded. The
// decision must have passed Check; a withdrawal previews only a decision
// about one unit (not a review, ballot or framing event).
func (s *Season) Preview(ev events.Event, p events.Payload) (*Preview, error) {
	if s.Opened == nil {
		return nil, Errorf(NotFound, "season", "season %s is not opened", s.ID)
	}
	if !previewTypes[ev.Type] {
		return nil, Errorf(Invalid, "type", "a preview is made for a decision about one unit (target.assigned, score.assessed, bonus.awarded, deduction.applied, violation.recorded, committee.retracted), not %s", ev.Type)
	}
	unit := ev.Unit
	x := &Entry{Event: Envelope{ID: ev.ID, Type: ev.Type, Unit: ev.Unit, Date: ev.Date, Author: &ev.Author}, Payload: p,
		rest: &rest{evidence: ev.Evidence, recorded: ev.Recorded, effective: effectiveDate(ev, s.Opened.Year)}}
	decisions := append([]*Entry(nil), s.committee[unit]...)
	if r, ok := p.(*events.Retraction); ok {
		t, found := s.byID[r.Target]
		// Only the decisions the scorer reads about a unit: a review,
		// ballot or framing event is not one, even when it names a unit.
		if !found || !t.Live() || !slices.Contains(s.committee[t.Event.Unit], t) {
			return nil, Errorf(Invalid, "data.target", "a preview withdraws a live decision about one unit; %s is not one", r.Target)
		}
		unit = t.Event.Unit
		decisions = append([]*Entry(nil), s.committee[unit]...)
		for i, d := range decisions {
			if d == t {
				c := *t
				c.RetractedBy = x
				decisions[i] = &c
			}
		}
	} else {
		decisions = append(decisions, x)
	}
	m, ok := s.members[unit]
	if !ok {
		return nil, Errorf(Invalid, "unit", "unit %q is not a member of season %s", unit, s.ID)
	}
	out := &Preview{Season: s.ID, Type: ev.Type, Unit: m.ID, UnitName: m.Name, Lines: []PreviewLine{}}
	for _, view := range []View{Verified, Claimed} {
		before := &unitScorer{s: s, unit: m, facts: s.factsOf(m.ID, view, "")}
		after := &unitScorer{s: s, unit: m, facts: before.facts, decisions: decisions}
		b, a := before.sheet(), after.sheet()
		out.Views = append(out.Views, PreviewView{View: view, Before: s.previewTotals(before, b), After: s.previewTotals(after, a)})
		if view != Verified {
			continue
		}
		was := map[string]ItemScore{}
		for _, is := range flatScores(b) {
			was[is.Code] = is
		}
		for _, is := range flatScores(a) {
			old := was[is.Code]
			if old.Points != is.Points {
				out.Lines = append(out.Lines, PreviewLine{Code: is.Code, Title: is.Title, TitleEn: is.TitleEn, Max: is.Max, Before: old.Points, After: is.Points})
			}
		}
	}
	return out, nil
}

func (s *Season) previewTotals(u *unitScorer, sh Sheet) PreviewTotals {
	t := PreviewTotals{Total: sh.Total, Content: sh.Content, Bonus: sh.BonusSum, Deductions: sh.DeductSum, Eligible: true}
	for _, g := range s.gatesWith(sh, u.committeeOf(events.TypeViolationRecorded)) {
		t.Eligible = t.Eligible && g.Passed
	}
	return t
}

// flatScores lists every line of a sheet, groups before their lines.
func flatScores(sh Sheet) []ItemScore {
	var out []ItemScore
	var walk func([]ItemScore)
	walk = func(items []ItemScore) {
		for _, it := range items {
			out = append(out, it)
			walk(it.Items)
		}
	}
	walk(sh.Items)
	walk(sh.Bonus)
	walk(sh.Deductions)
	return out
}

// committeeOf returns the live committee decisions of a type about the
// unit in effect by u.until: the season's, or the preview's what-if.
func (u *unitScorer) committeeOf(typ string) []*Entry {
	if u.decisions == nil {
		return u.s.committeeOf(u.unit.ID, typ, u.until)
	}
	var out []*Entry
	for _, e := range u.decisions {
		if e.Event.Type == typ && e.Live() && (u.until == "" || e.effective() <= u.until) {
			out = append(out, e)
		}
	}
	return out
}
