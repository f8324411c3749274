package events

// Rubric is the season's scoring rules as data. It travels inside
// season.opened and rubric.amended, so the log alone says which rules scored
// the year; domain interprets it.
type Rubric struct {
	Items          []Item      `json:"items"`
	Bonus          Adjustments `json:"bonus"`
	Deductions     Adjustments `json:"deductions"`
	Classification []Class     `json:"classification"`
	Gates          []Gate      `json:"gates,omitempty"`
	// TieBreaks order units with equal totals: "content" or an item code.
	TieBreaks []string   `json:"tie_breaks,omitempty"`
	Awards    AwardRules `json:"awards"`
	// ContentMax, when given, is the declared content total (90 in 2024):
	// the top-level groups must add up to it.
	ContentMax Points `json:"content_max,omitempty"`
	// ExplicitTotals says that the maxima are as stated on purpose (a group
	// whose items add up to more than it, capped): the check that items
	// add up to their group is then not made.
	ExplicitTotals bool `json:"explicit_totals,omitempty"`
}

// Item is one line of the rubric. A group has Items; a leaf has a Rule.
// A group's points are the sum of its children, capped at its Max.
type Item struct {
	Code    string `json:"code"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en,omitempty"`
	Max     Points `json:"max"`
	Rule    *Rule  `json:"rule,omitempty"`
	Items   []Item `json:"items,omitempty"`
}

// Rule kinds.
const (
	RuleEach      = "each"
	RuleAny       = "any"
	RuleDeadline  = "deadline"
	RuleShare     = "share"
	RuleTarget    = "target"
	RuleManual    = "manual"
	RuleCommittee = "committee" // bonus/deduction: the sum of bonus.awarded / deduction.applied
)

// Rule turns matching facts into points.
type Rule struct {
	Kind   string `json:"kind"`
	Points Points `json:"points,omitempty"` // each: points per matching fact
	Due    string `json:"due,omitempty"`    // deadline, share: YYYY-MM-DD
	Target string `json:"target,omitempty"` // target: the target.assigned indicator to divide by
	Match  *Match `json:"match,omitempty"`
}

// Match selects facts. Empty lists match anything; lists match any member.
type Match struct {
	Type      string   `json:"type"`
	Kind      []string `json:"kind,omitempty"`
	Occasion  []string `json:"occasion,omitempty"`
	Level     []string `json:"level,omitempty"`
	Topic     []string `json:"topic,omitempty"`
	Indicator []string `json:"indicator,omitempty"`
	Pilot     *bool    `json:"pilot,omitempty"`
	Host      *bool    `json:"host,omitempty"`
	OnTime    *bool    `json:"on_time,omitempty"` // report.submitted: date ≤ its own due (true) or after it (false)
	After     string   `json:"after,omitempty"`   // only facts dated strictly after this date
}

// Adjustments are the bonus or deduction lines with their overall cap.
type Adjustments struct {
	Cap   Points `json:"cap"`
	Items []Item `json:"items"`
}

// Class is one classification threshold: total ≥ Min earns Label.
type Class struct {
	Min     Points `json:"min"`
	Label   string `json:"label"`
	LabelEn string `json:"label_en,omitempty"`
}

// Gate kinds.
const (
	GateNoViolation  = "no_violation"
	GateItemPositive = "item_positive"
)

// Gate is an eligibility condition for nomination; it never changes a score.
type Gate struct {
	Code string `json:"code"`
	Kind string `json:"kind"`
	Item string `json:"item,omitempty"`
}

// AwardRules say who may receive the flag and the certificates.
type AwardRules struct {
	FlagMin        Points `json:"flag_min"`        // total needed for the flag
	Certificates   int    `json:"certificates"`    // how many certificates of merit
	CertificateMin Points `json:"certificate_min"` // total needed for a certificate
}
