package domain

import (
	"fmt"

	"github.com/thidua/thidua/events"
)

// Decision statuses, as a scoring sheet shows them.
const (
	DecisionCounted   = "counted"
	DecisionRetracted = "retracted" // withdrawn by committee.retracted; counts nowhere
	// DecisionSuperseded: a later assessment of the same item, or a later
	// target for the same indicator, counts instead.
	DecisionSuperseded = "superseded"
)

// DecisionLine is one of the committee's decisions about a unit on its
// sheet (bonus, deduction, assessment, target, violation, revoked award),
// with its reason, so that the sheet can show why points were given or
// taken and strike a retracted decision through with the retraction's
// reason.
type DecisionLine struct {
	ID        string         `json:"id"`
	Seq       uint64         `json:"seq"`
	Type      string         `json:"type"`
	Date      string         `json:"date,omitempty"`
	Summary   string         `json:"summary"`
	Item      string         `json:"item,omitempty"`
	Points    *events.Points `json:"points,omitempty"`
	Value     int64          `json:"value,omitempty"`
	Indicator string         `json:"indicator,omitempty"`
	// Reason is the decision's own reason; RetractionReason is why it was
	// withdrawn.
	Reason           string `json:"reason,omitempty"`
	DecisionNo       string `json:"decision_no,omitempty"`
	Status           string `json:"status"`
	By               string `json:"by,omitempty"` // the committee.retracted that withdrew it, or the decision that superseded it
	RetractionReason string `json:"retraction_reason,omitempty"`
	// Author recorded the decision; ByAuthor recorded the event named by By.
	Author   events.Author  `json:"author"`
	ByAuthor *events.Author `json:"by_author,omitempty"`
}

// decisionLines lists every committee decision about a unit in stream
// order. They are the same in every view: views choose facts, not
// decisions.
func (s *Season) decisionLines(unit string) []DecisionLine {
	// The scorer counts the latest live assessment of an item and the
	// latest live target of an indicator (unitScorer.assessment, .target).
	latest := map[string]*Entry{} // item or indicator → the decision that counts
	for _, e := range s.committee[unit] {
		if k := supersedeKey(e); k != "" && e.Live() {
			latest[k] = e
		}
	}
	out := []DecisionLine{}
	for _, e := range s.committee[unit] {
		l := DecisionLine{ID: e.Event.ID, Seq: e.Seq, Type: e.Event.Type, Date: e.Event.Date, Status: DecisionCounted, Author: *e.Event.Author}
		switch p := e.Payload.(type) {
		case *events.Adjustment:
			pts := p.Points
			l.Points, l.Reason = &pts, p.Reason
			// The decision's number travels as its evidence: a document of
			// kind decision with its number.
			for _, ev := range e.evidence() {
				if ev.Kind == "decision" && ev.DocNo != "" && l.DecisionNo == "" {
					l.DecisionNo = ev.DocNo
				}
			}
			if e.Event.Type == events.TypeDeductionApplied {
				l.Summary = fmt.Sprintf("Trừ điểm −%s / deduction −%s", viPoints(p.Points), p.Points)
			} else {
				l.Summary = fmt.Sprintf("Cộng điểm +%s / bonus +%s", viPoints(p.Points), p.Points)
			}
		case *events.ScoreAssessed:
			pts := p.Points
			l.Item, l.Points, l.Reason = p.Item, &pts, p.Reason
			l.Summary = fmt.Sprintf("Chấm mục %s: %s điểm / item %s assessed: %s points", p.Item, viPoints(p.Points), p.Item, p.Points)
		case *events.TargetAssigned:
			l.Indicator, l.Value = p.Indicator, p.Value
			n, a := s.indicatorName(p.Indicator), s.amount(p.Indicator, p.Value)
			l.Summary = fmt.Sprintf("Giao chỉ tiêu %s: %s / target for %s: %s", n.vi, a.vi, n.en, a.en)
		case *events.ViolationRecorded:
			l.DecisionNo = p.DecisionNo
			k := violationName(p.Kind)
			l.Summary = "Vi phạm (" + k.vi + ") theo " + p.DecisionNo + " / violation (" + k.en + ") by " + p.DecisionNo
		case *events.AwardRevoked:
			l.Reason, l.DecisionNo = p.Reason, p.DecisionNo
			vi, en := awardName(p.Award)
			l.Summary = "Thu hồi " + vi + " theo " + p.DecisionNo + " / " + en + " revoked by " + p.DecisionNo
		default:
			l.Summary = e.Event.Type
		}
		if r := e.RetractedBy; r != nil {
			l.Status, l.By, l.ByAuthor = DecisionRetracted, r.Event.ID, r.Event.Author
			l.RetractionReason = r.Payload.(*events.Retraction).Reason
		} else if k := supersedeKey(e); k != "" && latest[k] != nil && latest[k] != e {
			l.Status, l.By, l.ByAuthor = DecisionSuperseded, latest[k].Event.ID, latest[k].Event.Author
		}
		out = append(out, l)
	}
	return out
}

// supersedeKey names what a later decision of the same kind replaces: the
// item of an assessment, the indicator of a target; "" for the others,
// which add up.
func supersedeKey(e *Entry) string {
	switch p := e.Payload.(type) {
	case *events.ScoreAssessed:
		return "item:" + p.Item
	case *events.TargetAssigned:
		return "indicator:" + p.Indicator
	}
	return ""
}

// awardName names an award, Vietnamese and English.
func awardName(award string) (string, string) {
	switch award {
	case AwardFlag:
		return "Cờ thi đua", "emulation flag"
	case AwardCertificate:
		return "Bằng khen", "certificate of merit"
	}
	return award, award
}
