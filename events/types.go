package events

import (
	"fmt"
	"maps"
	"slices"
)

// Event type names. They are stable strings: never rename one.
const (
	TypeActivityHeld       = "activity.held"
	TypeModelRecognized    = "model.recognized"
	TypeExemplarHonored    = "exemplar.honored"
	TypeCongressCompleted  = "congress.completed"
	TypeReportSubmitted    = "report.submitted"
	TypeIndicatorReported  = "indicator.reported"
	TypeFactRetracted      = "fact.retracted"
	TypeSeasonOpened       = "season.opened"
	TypeRubricAmended      = "rubric.amended"
	TypeTargetAssigned     = "target.assigned"
	TypeFactVerified       = "fact.verified"
	TypeFactRejected       = "fact.rejected"
	TypeScoreAssessed      = "score.assessed"
	TypeBonusAwarded       = "bonus.awarded"
	TypeDeductionApplied   = "deduction.applied"
	TypeViolationRecorded  = "violation.recorded"
	TypeBallotRecorded     = "ballot.recorded"
	TypeSeasonClosed       = "season.closed"
	TypeAwardRevoked       = "award.revoked"
	TypeCommitteeRetracted = "committee.retracted"
	TypeFactQueried        = "fact.queried"
	TypeFactExplained      = "fact.explained"
	TypeTokenIssued        = "token.issued"
	TypeTokenRevoked       = "token.revoked"
)

// Who may emit an event type.
const (
	ByUnit      = "unit"
	ByCommittee = "committee"
	BySystem    = "system" // access events, appended by the server itself
)

// Whether an event type concerns one unit.
const (
	UnitNone     = iota // the envelope must not name a unit
	UnitRequired        // the envelope must name the unit
	UnitOptional        // may name one; if it does it must be the target's
)

// Spec describes one event type.
type Spec struct {
	Type string
	By   string
	// Fact types carry a business date in the season's year and evidence.
	Fact bool
	Unit int
	New  func() Payload
}

// ClientTypes lists the event types a client may post, in a stable order.
func ClientTypes() []string {
	return []string{
		TypeActivityHeld, TypeModelRecognized, TypeExemplarHonored, TypeCongressCompleted,
		TypeReportSubmitted, TypeIndicatorReported, TypeFactRetracted, TypeFactExplained,
		TypeSeasonOpened, TypeRubricAmended, TypeTargetAssigned, TypeFactVerified, TypeFactRejected,
		TypeFactQueried, TypeScoreAssessed, TypeBonusAwarded, TypeDeductionApplied,
		TypeViolationRecorded, TypeBallotRecorded, TypeSeasonClosed, TypeAwardRevoked, TypeCommitteeRetracted,
	}
}

// Lookup is the one registry of event types.
func Lookup(typ string) (Spec, bool) {
	s := Spec{Type: typ}
	switch typ {
	case TypeActivityHeld:
		s.By, s.Fact, s.Unit, s.New = ByUnit, true, UnitRequired, func() Payload { return &ActivityHeld{} }
	case TypeModelRecognized:
		s.By, s.Fact, s.Unit, s.New = ByUnit, true, UnitRequired, func() Payload { return &ModelRecognized{} }
	case TypeExemplarHonored:
		s.By, s.Fact, s.Unit, s.New = ByUnit, true, UnitRequired, func() Payload { return &ExemplarHonored{} }
	case TypeCongressCompleted:
		s.By, s.Fact, s.Unit, s.New = ByUnit, true, UnitRequired, func() Payload { return &CongressCompleted{} }
	case TypeReportSubmitted:
		s.By, s.Fact, s.Unit, s.New = ByUnit, true, UnitRequired, func() Payload { return &ReportSubmitted{} }
	case TypeIndicatorReported:
		s.By, s.Fact, s.Unit, s.New = ByUnit, true, UnitRequired, func() Payload { return &IndicatorReported{} }
	case TypeFactRetracted:
		s.By, s.Unit, s.New = ByUnit, UnitRequired, func() Payload { return &Retraction{} }
	case TypeSeasonOpened:
		s.By, s.Unit, s.New = ByCommittee, UnitNone, func() Payload { return &SeasonOpened{} }
	case TypeRubricAmended:
		s.By, s.Unit, s.New = ByCommittee, UnitNone, func() Payload { return &RubricAmended{} }
	case TypeTargetAssigned:
		s.By, s.Unit, s.New = ByCommittee, UnitRequired, func() Payload { return &TargetAssigned{} }
	case TypeFactVerified, TypeFactRejected:
		s.By, s.Unit, s.New = ByCommittee, UnitOptional, func() Payload { return &Review{} }
	case TypeScoreAssessed:
		s.By, s.Unit, s.New = ByCommittee, UnitRequired, func() Payload { return &ScoreAssessed{} }
	case TypeBonusAwarded, TypeDeductionApplied:
		s.By, s.Unit, s.New = ByCommittee, UnitRequired, func() Payload { return &Adjustment{} }
	case TypeViolationRecorded:
		s.By, s.Unit, s.New = ByCommittee, UnitRequired, func() Payload { return &ViolationRecorded{} }
	case TypeBallotRecorded:
		s.By, s.Unit, s.New = ByCommittee, UnitNone, func() Payload { return &BallotRecorded{} }
	case TypeSeasonClosed:
		s.By, s.Unit, s.New = ByCommittee, UnitNone, func() Payload { return &SeasonClosed{} }
	case TypeAwardRevoked:
		s.By, s.Unit, s.New = ByCommittee, UnitRequired, func() Payload { return &AwardRevoked{} }
	case TypeCommitteeRetracted:
		s.By, s.Unit, s.New = ByCommittee, UnitOptional, func() Payload { return &Retraction{} }
	case TypeFactQueried:
		s.By, s.Unit, s.New = ByCommittee, UnitOptional, func() Payload { return &Query{} }
	case TypeFactExplained:
		s.By, s.Unit, s.New = ByUnit, UnitRequired, func() Payload { return &Explanation{} }
	case TypeTokenIssued:
		s.By, s.Unit, s.New = BySystem, UnitNone, func() Payload { return &TokenIssued{} }
	case TypeTokenRevoked:
		s.By, s.Unit, s.New = BySystem, UnitNone, func() Payload { return &TokenRevoked{} }
	case TypeSeqSetAside: // setaside.go
		s.By, s.Unit, s.New = ByCommittee, UnitNone, func() Payload { return &SeqSetAside{} }
	default:
		return Spec{}, false
	}
	return s, true
}

// The vocabularies that are the program's, not the season's: the season's
// own codes (occasions, kinds, topics, indicators, levels) are its
// Catalogue.
var (
	congressLevel = []string{"ward", "district"}
	violations    = []string{"discipline", "corruption", "other"}
	ballotTopics  = []string{"flag"}
)

// ActivityHeld: a unit held an activity.
type ActivityHeld struct {
	Kind     string `json:"kind"`
	Occasion string `json:"occasion,omitempty"`
	Title    string `json:"title"`
	Areas    int64  `json:"areas,omitempty"`
	Host     bool   `json:"host,omitempty"`
}

func (p *ActivityHeld) validate(v *validator) {
	v.code("data.kind", p.Kind)
	if p.Occasion != "" {
		v.code("data.occasion", p.Occasion)
	}
	v.text("data.title", p.Title, true)
	v.nonNegative("data.areas", p.Areas)
}

// ModelRecognized: an exemplary model of the unit was recognised.
type ModelRecognized struct {
	Model      string `json:"model"`
	Name       string `json:"name"`
	Field      string `json:"field,omitempty"`
	Level      string `json:"level"`
	DecisionNo string `json:"decision_no,omitempty"`
}

func (p *ModelRecognized) validate(v *validator) {
	v.id("data.model", p.Model)
	v.text("data.name", p.Name, true)
	v.text("data.field", p.Field, false)
	v.code("data.level", p.Level)
	v.text("data.decision_no", p.DecisionNo, false)
}

// ExemplarHonored: a person or collective of the unit was honoured.
type ExemplarHonored struct {
	Name       string `json:"name"`
	Title      string `json:"title,omitempty"`
	Level      string `json:"level,omitempty"`
	DecisionNo string `json:"decision_no,omitempty"`
}

func (p *ExemplarHonored) validate(v *validator) {
	v.text("data.name", p.Name, true)
	v.text("data.title", p.Title, false)
	if p.Level != "" {
		v.code("data.level", p.Level)
	}
	v.text("data.decision_no", p.DecisionNo, false)
}

// CongressCompleted: a ward or district MTTQ congress was held.
type CongressCompleted struct {
	Level     string     `json:"level"`
	Ward      string     `json:"ward,omitempty"`
	Pilot     bool       `json:"pilot,omitempty"`
	Delegates int64      `json:"delegates,omitempty"`
	Structure *Structure `json:"structure,omitempty"`
}

// Structure is the personnel structure of a congress, in percent.
type Structure struct {
	Women        *float64 `json:"women,omitempty"`
	NonParty     *float64 `json:"non_party,omitempty"`
	Ethnic       *float64 `json:"ethnic,omitempty"`
	Religious    *float64 `json:"religious,omitempty"`
	Youth        *float64 `json:"youth,omitempty"`
	NewlyElected *float64 `json:"newly_elected,omitempty"`
}

func (p *CongressCompleted) validate(v *validator) {
	v.oneOf("data.level", p.Level, congressLevel)
	switch p.Level {
	case "ward":
		v.id("data.ward", p.Ward)
	case "district":
		if p.Ward != "" {
			v.fail("data.ward", "a district congress names no ward")
		}
	}
	v.nonNegative("data.delegates", p.Delegates)
	if s := p.Structure; s != nil {
		v.percent("data.structure.women", s.Women)
		v.percent("data.structure.non_party", s.NonParty)
		v.percent("data.structure.ethnic", s.Ethnic)
		v.percent("data.structure.religious", s.Religious)
		v.percent("data.structure.youth", s.Youth)
		v.percent("data.structure.newly_elected", s.NewlyElected)
	}
}

// ReportSubmitted: the event's date is the submission date.
type ReportSubmitted struct {
	Topic  string `json:"topic"`
	Period string `json:"period,omitempty"`
	Due    string `json:"due"`
}

func (p *ReportSubmitted) validate(v *validator) {
	v.code("data.topic", p.Topic)
	v.text("data.period", p.Period, false)
	v.date("data.due", p.Due, true)
}

// IndicatorReported: a count, or an amount in VND.
type IndicatorReported struct {
	Indicator string `json:"indicator"`
	Value     int64  `json:"value"`
}

func (p *IndicatorReported) validate(v *validator) {
	v.code("data.indicator", p.Indicator)
	v.nonNegative("data.value", p.Value)
}

// Retraction is the data of fact.retracted and committee.retracted.
type Retraction struct {
	Target string `json:"target"`
	Reason string `json:"reason"`
}

func (p *Retraction) validate(v *validator) {
	v.eventID("data.target", p.Target)
	v.text("data.reason", p.Reason, true)
}

// Query is the data of fact.queried: the committee asks the unit to explain
// a fact before it decides ("yêu cầu giải trình"). It changes no score.
type Query struct {
	Target   string `json:"target"`
	Question string `json:"question"`
}

func (p *Query) validate(v *validator) {
	v.eventID("data.target", p.Target)
	v.text("data.question", p.Question, true)
}

// Explanation is the data of fact.explained: the unit's answer to a
// question about one of its facts. Evidence it carries joins the fact's
// dossier; it changes no score.
type Explanation struct {
	Target string `json:"target"`
	Text   string `json:"text"`
}

func (p *Explanation) validate(v *validator) {
	v.eventID("data.target", p.Target)
	v.text("data.text", p.Text, true)
}

// Cluster names the emulation cluster.
type Cluster struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Member is a unit of the cluster for the season. WardList, when given,
// names its wards: a ward congress must then name one of them, and Wards
// is its length.
type Member struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Wards    int64  `json:"wards"`
	WardList []Ward `json:"ward_list,omitempty"`
}

// Ward is one ward (or commune) of a member.
type Ward struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Ward returns one of the member's listed wards.
func (m Member) Ward(id string) (Ward, bool) {
	i := slices.IndexFunc(m.WardList, func(w Ward) bool { return w.ID == id })
	if i < 0 {
		return Ward{}, false
	}
	return m.WardList[i], true
}

// CovenantItem is one content of the covenant the members signed.
type CovenantItem struct {
	Title string `json:"title"`
	Text  string `json:"text,omitempty"`
}

// SeasonOpened opens a season with its membership and rubric.
type SeasonOpened struct {
	Cluster    Cluster  `json:"cluster"`
	Year       int      `json:"year"`
	Members    []Member `json:"members"`
	Head       string   `json:"head,omitempty"`
	Deputy     string   `json:"deputy,omitempty"`
	Rubric     Rubric   `json:"rubric"`
	LegalBasis []string `json:"legal_basis,omitempty"`
	// Catalogue is nil in every season opened before catalogues existed:
	// the default catalogue stands in.
	Catalogue *Catalogue     `json:"catalogue,omitempty"`
	Covenant  []CovenantItem `json:"covenant,omitempty"`
}

func (p *SeasonOpened) validate(v *validator) {
	v.id("data.cluster.id", p.Cluster.ID)
	v.text("data.cluster.name", p.Cluster.Name, true)
	if p.Year < 2000 || p.Year > 2200 {
		v.fail("data.year", "year must be between 2000 and 2200")
	}
	if len(p.Members) == 0 {
		v.fail("data.members", "a season needs at least one member")
	}
	seen := map[string]bool{}
	for i, m := range p.Members {
		f := fieldIndex("data.members", i)
		v.id(f+".id", m.ID)
		if seen[m.ID] {
			v.fail(f+".id", "unit "+m.ID+" is listed twice")
		}
		seen[m.ID] = true
		v.text(f+".name", m.Name, true)
		if m.Wards < 1 {
			v.fail(f+".wards", "a unit has at least one ward")
		}
		if m.WardList != nil && int64(len(m.WardList)) != m.Wards {
			v.fail(f+".wards", fmt.Sprintf("%d wards, but ward_list names %d", m.Wards, len(m.WardList)))
		}
		wards := map[string]bool{}
		for j, w := range m.WardList {
			fw := fieldIndex(f+".ward_list", j)
			v.id(fw+".id", w.ID)
			if wards[w.ID] {
				v.fail(fw+".id", "ward "+w.ID+" is listed twice")
			}
			wards[w.ID] = true
			v.text(fw+".name", w.Name, true)
		}
	}
	if p.Head != "" && !seen[p.Head] {
		v.fail("data.head", "head "+p.Head+" is not a member")
	}
	if p.Deputy != "" && !seen[p.Deputy] {
		v.fail("data.deputy", "deputy "+p.Deputy+" is not a member")
	}
	for i, s := range p.LegalBasis {
		v.text(fieldIndex("data.legal_basis", i), s, true)
	}
	for i, c := range p.Covenant {
		f := fieldIndex("data.covenant", i)
		v.text(f+".title", c.Title, true)
		v.text(f+".text", c.Text, false)
	}
	v.catalogue("data.catalogue", p.Catalogue)
	v.rubric("data.rubric", &p.Rubric)
}

// RubricAmended replaces the rubric from the sequence it is recorded at,
// and the catalogue too when it carries one.
type RubricAmended struct {
	Rubric     Rubric     `json:"rubric"`
	Reason     string     `json:"reason"`
	DecisionNo string     `json:"decision_no,omitempty"`
	Catalogue  *Catalogue `json:"catalogue,omitempty"`
}

func (p *RubricAmended) validate(v *validator) {
	v.text("data.reason", p.Reason, true)
	v.text("data.decision_no", p.DecisionNo, false)
	v.catalogue("data.catalogue", p.Catalogue)
	v.rubric("data.rubric", &p.Rubric)
}

// TargetAssigned sets one unit's target for an indicator.
type TargetAssigned struct {
	Indicator string `json:"indicator"`
	Value     int64  `json:"value"`
}

func (p *TargetAssigned) validate(v *validator) {
	v.code("data.indicator", p.Indicator)
	if p.Value < 1 {
		v.fail("data.value", "a target must be at least 1")
	}
	v.nonNegative("data.value", p.Value)
}

// Review is the data of fact.verified and fact.rejected.
type Review struct {
	Target string `json:"target"`
	Reason string `json:"reason,omitempty"`
}

func (p *Review) validate(v *validator) {
	v.eventID("data.target", p.Target)
	v.text("data.reason", p.Reason, false)
}

// ScoreAssessed is the committee's score for a manual item.
type ScoreAssessed struct {
	Item   string `json:"item"`
	Points Points `json:"points"`
	Reason string `json:"reason"`
}

func (p *ScoreAssessed) validate(v *validator) {
	if p.Item == "" {
		v.fail("data.item", "item is required")
	}
	if p.Points < 0 {
		v.fail("data.points", "points cannot be negative")
	}
	v.text("data.reason", p.Reason, true)
}

// Adjustment is the data of bonus.awarded and deduction.applied.
type Adjustment struct {
	Points Points `json:"points"`
	Reason string `json:"reason"`
}

func (p *Adjustment) validate(v *validator) {
	if p.Points <= 0 {
		v.fail("data.points", "points must be above 0")
	}
	v.text("data.reason", p.Reason, true)
}

// ViolationRecorded bars a unit from nomination.
type ViolationRecorded struct {
	Kind       string `json:"kind"`
	DecisionNo string `json:"decision_no"`
}

func (p *ViolationRecorded) validate(v *validator) {
	v.oneOf("data.kind", p.Kind, violations)
	v.text("data.decision_no", p.DecisionNo, true)
}

// BallotRecorded is the result of the cluster's vote.
type BallotRecorded struct {
	Question string           `json:"question"`
	Voters   int64            `json:"voters"`
	Votes    map[string]int64 `json:"votes"`
}

func (p *BallotRecorded) validate(v *validator) {
	v.oneOf("data.question", p.Question, ballotTopics)
	if p.Voters < 1 {
		v.fail("data.voters", "at least one eligible voter")
	}
	if p.Voters > MaxValue {
		v.fail("data.voters", "too many voters")
	}
	var sum int64
	for _, u := range slices.Sorted(maps.Keys(p.Votes)) {
		v.id("data.votes."+u, u)
		v.nonNegative("data.votes."+u, p.Votes[u])
		if p.Votes[u] > p.Voters {
			v.fail("data.votes."+u, "more votes than eligible voters")
			return
		}
		sum += p.Votes[u] // each ≤ voters ≤ MaxValue: no overflow
	}
	if sum > p.Voters {
		v.fail("data.votes", "more votes than eligible voters")
	}
}

// SeasonClosed has no data.
type SeasonClosed struct{}

func (p *SeasonClosed) validate(*validator) {}

// AwardRevoked withdraws an award after the season closed.
type AwardRevoked struct {
	Award      string `json:"award"`
	Reason     string `json:"reason"`
	DecisionNo string `json:"decision_no"`
}

func (p *AwardRevoked) validate(v *validator) {
	v.oneOf("data.award", p.Award, []string{"flag", "certificate"})
	v.text("data.reason", p.Reason, true)
	v.text("data.decision_no", p.DecisionNo, true)
}

// TokenIssued records an API token: who issued it, for which role and unit,
// and for which cluster a committee or auditor token is bound to (empty:
// every cluster, as every token issued before scopes existed). Only the
// SHA-256 of the token's secret is kept.
type TokenIssued struct {
	ID       string `json:"id"`
	Hash     string `json:"hash"`
	Role     string `json:"role"`
	Unit     string `json:"unit,omitempty"`
	Cluster  string `json:"cluster,omitempty"`
	IssuedBy string `json:"issued_by"`
	// Holder and Position name the person the token was issued to, so the
	// log tells who could write when (empty on tokens issued before).
	Holder   string `json:"holder,omitempty"`
	Position string `json:"position,omitempty"`
}

func (p *TokenIssued) validate(v *validator) {
	v.id("data.id", p.ID)
	if len(p.Hash) != 64 || !isHex(p.Hash) {
		v.fail("data.hash", "hash must be 64 hex digits")
	}
	v.oneOf("data.role", p.Role, []string{RoleCommittee, RoleUnit, RoleAuditor})
	if p.Role == RoleUnit {
		v.id("data.unit", p.Unit)
	} else if p.Unit != "" {
		v.fail("data.unit", "only a unit token names a unit")
	}
	if p.Cluster != "" {
		if p.Role == RoleUnit {
			v.fail("data.cluster", "a unit token is bound by its unit, not by a cluster")
		}
		v.id("data.cluster", p.Cluster)
	}
	v.text("data.holder", p.Holder, false)
	v.text("data.position", p.Position, false)
	if p.Position != "" && p.Holder == "" {
		v.fail("data.holder", "a position is given with the name of its holder")
	}
}

// TokenRevoked records that a token stopped working.
type TokenRevoked struct {
	ID        string `json:"id"`
	RevokedBy string `json:"revoked_by"`
}

func (p *TokenRevoked) validate(v *validator) { v.id("data.id", p.ID) }
