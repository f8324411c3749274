package domain

import (
	"slices"
	"strings"

	"github.com/thidua/thidua/events"
)

// Standing is one unit's line in a ranking (the contract's rankings reply).
type Standing struct {
	Rank           int                      `json:"rank"`
	Unit           string                   `json:"unit"`
	Name           string                   `json:"name"`
	Total          events.Points            `json:"total"`
	Content        events.Points            `json:"content"`
	Bonus          events.Points            `json:"bonus"`
	Deductions     events.Points            `json:"deductions"`
	Classification string                   `json:"classification"`
	ClassEn        string                   `json:"classification_en"`
	Eligible       bool                     `json:"eligible"`
	Gates          []GateResult             `json:"gates"`
	Award          *string                  `json:"award"`
	Revoked        *Revocation              `json:"revoked_award,omitempty"`
	Groups         map[string]events.Points `json:"groups"`
}

// GateResult says whether a unit passes one eligibility gate and why not.
type GateResult struct {
	Code   string `json:"code"`
	Passed bool   `json:"passed"`
	Reason string `json:"reason,omitempty"`
}

// Revocation is an award withdrawn after the season closed. The award stays
// visible as revoked and does not pass to another unit.
type Revocation struct {
	Award      string `json:"award"`
	Reason     string `json:"reason"`
	DecisionNo string `json:"decision_no"`
	Event      string `json:"event"`
}

// Standings is a season's ranking in one view.
type Standings struct {
	Season string     `json:"season"`
	View   View       `json:"view"`
	Units  []Standing `json:"units"`
	// Sheets holds every unit's sheet when the season is scored whole
	// (Season.Standings); a read model leaves it empty and builds each
	// sheet when asked (projections.SheetJSON).
	Sheets map[string]Sheet
	// Ballot is the flag ballot that decided the flag, if one did.
	Ballot string `json:"-"`
	// Awards says how each award was decided (and why a revoked one was
	// revoked), in rank order; replies carry it beside the units.
	Awards []AwardBasis `json:"-"`
}

// Award names.
const (
	AwardFlag        = "flag"
	AwardCertificate = "certificate"
)

// Standings scores every unit in a view and ranks them. The final view is
// the verified view once the season is closed; before that it is a conflict.
func (s *Season) Standings(view View) (*Standings, error) {
	factView, err := s.factView(view)
	if err != nil {
		return nil, err
	}
	scores := make([]*UnitScore, 0, len(s.Opened.Members))
	for _, m := range s.Opened.Members {
		// Every fact tested against every rule, not the fold's match
		// index: this is the from-scratch score a read model's
		// incremental one is checked against, and only an award's
		// revocation asks for it outside the tests.
		sc, err := s.withLines(s.rowOf(&unitScorer{s: s, unit: m, facts: s.factsOf(m.ID, factView, "")}), factView, nil)
		if err != nil {
			return nil, err
		}
		scores = append(scores, &sc)
	}
	st := s.Rank(view, scores)
	st.Sheets = make(map[string]Sheet, len(scores))
	for _, sc := range scores {
		st.Sheets[sc.Row.Unit] = sc.Sheet
	}
	return st, nil
}

// UnitScore is one unit's score in one view before the season is ranked:
// its sheet, its ranking row without rank or award, and the values it is
// ranked by. A read model keeps one per unit and recomputes it only for
// the units an event touched (Fold); ranking is then a sort of small rows.
type UnitScore struct {
	Sheet Sheet
	Row   Standing
	Key   []events.Points
}

// ScoreUnit scores one member of the season in a view.
func (s *Season) ScoreUnit(m events.Member, view View) (UnitScore, error) {
	return s.ScoreUnitFrom(m, view, nil)
}

// ScoreUnitFrom is ScoreUnit given shed events already read back (ShedOf);
// it reads any other its lines show itself.
func (s *Season) ScoreUnitFrom(m events.Member, view View, have map[uint64]events.Record) (UnitScore, error) {
	factView, err := s.factView(view)
	if err != nil {
		return UnitScore{}, err
	}
	return s.scoreUnit(m, factView, have)
}

// RankUnit is ScoreUnit without the sheet's fact and decision lines, which
// neither the row nor the ranking reads: what a read model keeps of every
// unit, leaving a whole sheet to the reader who asks for it (ScoreUnit).
// Its Sheet is left empty.
func (s *Season) RankUnit(m events.Member, view View) (UnitScore, error) {
	factView, err := s.factView(view)
	if err != nil {
		return UnitScore{}, err
	}
	s.memoMu.Lock()
	defer s.memoMu.Unlock()
	sc := s.rowOf(&unitScorer{s: s, unit: m, view: factView, bare: true})
	sc.Sheet = Sheet{}
	return sc, nil
}

func (s *Season) scoreUnit(m events.Member, factView View, have map[uint64]events.Record) (UnitScore, error) {
	return s.withLines(s.rowOf(&unitScorer{s: s, unit: m, view: factView}), factView, have)
}

// withLines adds the unit's fact and decision lines to its sheet. It fails
// only when a shed event cannot be read back (Shed).
func (s *Season) withLines(sc UnitScore, factView View, have map[uint64]events.Record) (UnitScore, error) {
	facts, err := s.factLines(sc.Row.Unit, factView, have)
	if err != nil {
		return UnitScore{}, err
	}
	sc.Sheet.Facts = facts
	sc.Sheet.Decisions = s.decisionLines(sc.Row.Unit)
	return sc, nil
}

// rowOf scores a unit's items and ranking row with u.
func (s *Season) rowOf(u *unitScorer) UnitScore {
	r := s.Rubric
	m := u.unit
	sh := u.sheet()
	row := Standing{
		Unit: m.ID, Name: m.Name, Total: sh.Total, Content: sh.Content,
		Bonus: sh.BonusSum, Deductions: sh.DeductSum, Groups: map[string]events.Points{},
	}
	for _, it := range sh.Items {
		row.Groups[it.Code] = it.Points
	}
	row.Classification, row.ClassEn = classify(r.Classification, sh.Total)
	row.Gates = s.gates(m.ID, sh)
	row.Eligible = true
	for _, g := range row.Gates {
		row.Eligible = row.Eligible && g.Passed
	}
	return UnitScore{Sheet: sh, Row: row, Key: tieKey(row, sh, r.TieBreaks)}
}

// Rank ranks the units' scores of a view, given one per member in the
// members' order, and gives the awards. The rows are copies: the scores
// are left as they were, to be ranked again after the next event. Sheets
// is left empty: Standings fills it; a read model serves each on demand.
func (s *Season) Rank(view View, scores []*UnitScore) *Standings {
	st := &Standings{Season: s.ID, View: view}
	keys := make(map[string][]events.Points, len(scores))
	for _, sc := range scores {
		st.Units = append(st.Units, sc.Row)
		keys[sc.Row.Unit] = sc.Key
	}
	rank(st.Units, keys)
	s.award(st)
	return st
}

// factView returns the view whose facts count for a requested view: the
// final view is the verified one once the season is closed, and a conflict
// before.
func (s *Season) factView(view View) (View, error) {
	if s.Opened == nil {
		return "", Errorf(NotFound, "season", "season %s is not opened", s.ID)
	}
	if view != Final {
		return view, nil
	}
	if s.Closed == nil {
		return "", Errorf(Conflict, "view", "the final view exists once the season is closed")
	}
	return Verified, nil
}

func classify(classes []events.Class, total events.Points) (string, string) {
	for _, c := range classes {
		if total >= c.Min {
			return c.Label, c.LabelEn
		}
	}
	return "", ""
}

func (s *Season) gates(unit string, sh Sheet) []GateResult {
	return s.gatesWith(sh, s.committeeOf(unit, events.TypeViolationRecorded, ""))
}

// gatesWith judges the gates with the unit's live violations given.
func (s *Season) gatesWith(sh Sheet, violations []*Entry) []GateResult {
	out := []GateResult{}
	for _, g := range s.Rubric.Gates {
		res := GateResult{Code: g.Code, Passed: true}
		switch g.Kind {
		case events.GateNoViolation:
			if vs := violations; len(vs) > 0 {
				v := vs[0].Payload.(*events.ViolationRecorded)
				res.Passed = false
				res.Reason = "vi phạm (" + v.Kind + ") theo " + v.DecisionNo + " / violation (" + v.Kind + ") by " + v.DecisionNo
			}
		case events.GateItemPositive:
			if p, ok := findItem(sh.Items, g.Item); !ok || p.Points <= 0 {
				res.Passed = false
				res.Reason = "mục " + g.Item + " chưa có điểm / item " + g.Item + " has no points"
			}
		}
		out = append(out, res)
	}
	return out
}

func findItem(items []ItemScore, code string) (ItemScore, bool) {
	for _, it := range items {
		if it.Code == code {
			return it, true
		}
		if sub, ok := findItem(it.Items, code); ok {
			return sub, true
		}
	}
	return ItemScore{}, false
}

// tieKey returns the values compared, in order, to rank units.
func tieKey(row Standing, sh Sheet, tieBreaks []string) []events.Points {
	key := []events.Points{row.Total}
	for _, tb := range tieBreaks {
		if tb == "content" {
			key = append(key, sh.Content)
			continue
		}
		it, _ := findItem(sh.Items, tb)
		key = append(key, it.Points)
	}
	return key
}

// rank sorts by the keys (total, then the tie-breaks), all descending;
// units still equal share a rank (1, 1, 3) and are listed by unit id.
func rank(rows []Standing, keys map[string][]events.Points) {
	slices.SortStableFunc(rows, func(a, b Standing) int {
		if c := slices.Compare(keys[b.Unit], keys[a.Unit]); c != 0 {
			return c
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	for i := range rows {
		if i > 0 && slices.Equal(keys[rows[i].Unit], keys[rows[i-1].Unit]) {
			rows[i].Rank = rows[i-1].Rank
		} else {
			rows[i].Rank = i + 1
		}
	}
}

// award gives the flag and the certificates (§3 Awards) and marks revoked
// awards. Rows are in rank order.
func (s *Season) award(st *Standings) {
	a := s.Rubric.Awards
	flag := -1
	b := s.flagBallot()
	if b != nil {
		p := b.Payload.(*events.BallotRecorded)
		for i, row := range st.Units {
			if row.Eligible && p.Votes[row.Unit]*2 > p.Voters {
				flag = i
				st.Ballot = b.Event.ID
			}
		}
	}
	if flag < 0 {
		for i, row := range st.Units {
			if row.Eligible && row.Total >= a.FlagMin {
				flag = i
				break
			}
		}
	}
	give := func(i int, award string) {
		name := award
		st.Units[i].Award = &name
	}
	if flag >= 0 {
		give(flag, AwardFlag)
	}
	left := a.Certificates
	for i, row := range st.Units {
		if left == 0 {
			break
		}
		if i == flag || !row.Eligible || row.Total < a.CertificateMin {
			continue
		}
		give(i, AwardCertificate)
		left--
	}
	st.Awards = s.explainAwards(st, flag, b, st.Ballot != "")
	for i := range st.Units {
		for _, e := range s.committeeOf(st.Units[i].Unit, events.TypeAwardRevoked, "") {
			p := e.Payload.(*events.AwardRevoked)
			if cur := st.Units[i].Award; cur != nil && *cur == p.Award {
				st.Units[i].Award = nil
				st.Units[i].Revoked = &Revocation{Award: p.Award, Reason: p.Reason, DecisionNo: p.DecisionNo, Event: e.Event.ID}
				for j := range st.Awards {
					if st.Awards[j].Unit == st.Units[i].Unit && st.Awards[j].Award == p.Award {
						revokeBasis(&st.Awards[j], st.Units[i].Revoked)
					}
				}
			}
		}
	}
}
