package events

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ValidationError says which input field is wrong and why.
type ValidationError struct {
	Field   string
	Message string
}

func (e *ValidationError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// Limits on outside input.
const (
	MaxText     = 2000
	MaxEvidence = 20
)

var (
	idPattern      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	eventIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$`)
)

// ValidID reports whether s can name a season, cluster, unit, ward or model.
// Such ids become NATS subject tokens, hence the narrow alphabet.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// ValidEventID reports whether s can be an event id.
func ValidEventID(s string) bool { return eventIDPattern.MatchString(s) }

// ParseDate parses a YYYY-MM-DD business date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Format(time.DateOnly) != s {
		return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD)", s)
	}
	return t, nil
}

// validator keeps the first failure so messages point at one field.
type validator struct{ err *ValidationError }

func (v *validator) fail(field, msg string) {
	if v.err == nil {
		v.err = &ValidationError{Field: field, Message: msg}
	}
}

// HasBidiControl reports whether s holds a character that reorders the
// text around it (U+202A–U+202E, U+2066–U+2069): "‮gnp.exe" would read
// as "exe.png". No name or title needs one.
func HasBidiControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
	}) >= 0
}

func (v *validator) text(field, s string, required bool) {
	switch {
	case required && s == "":
		v.fail(field, "is required")
	case !utf8.ValidString(s):
		v.fail(field, "is not valid UTF-8")
	case HasBidiControl(s):
		v.fail(field, "contains a character that reverses the text's direction")
	case utf8.RuneCountInString(s) > MaxText:
		v.fail(field, fmt.Sprintf("is longer than %d characters", MaxText))
	}
}

func (v *validator) id(field, s string) {
	if s == "" {
		v.fail(field, "is required")
	} else if !ValidID(s) {
		v.fail(field, fmt.Sprintf("%q is not an id (lower-case letters, digits and '-')", s))
	}
}

func (v *validator) eventID(field, s string) {
	if s == "" {
		v.fail(field, "is required")
	} else if !ValidEventID(s) {
		v.fail(field, fmt.Sprintf("%q is not an event id", s))
	}
}

func (v *validator) oneOf(field, s string, allowed []string) {
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	if s == "" {
		v.fail(field, "is required")
		return
	}
	v.fail(field, fmt.Sprintf("%q is not one of %v", s, allowed))
}

func (v *validator) date(field, s string, required bool) {
	if s == "" {
		if required {
			v.fail(field, "is required")
		}
		return
	}
	if _, err := ParseDate(s); err != nil {
		v.fail(field, err.Error())
	}
}

// MaxValue bounds one count or amount (10^15: a quadrillion đồng). Sums
// over many facts can still exceed int64; domain saturates them.
const MaxValue = 1_000_000_000_000_000

func (v *validator) nonNegative(field string, n int64) {
	switch {
	case n < 0:
		v.fail(field, "cannot be negative")
	case n > MaxValue:
		v.fail(field, "is too large")
	}
}

func (v *validator) percent(field string, p *float64) {
	if p != nil && (math.IsNaN(*p) || *p < 0 || *p > 100) {
		v.fail(field, "must be a percentage between 0 and 100")
	}
}

func (v *validator) evidence(items []Evidence, required bool) {
	if required && len(items) == 0 {
		v.fail("evidence", "a fact needs at least one evidence item")
	}
	if len(items) > MaxEvidence {
		v.fail("evidence", fmt.Sprintf("at most %d evidence items", MaxEvidence))
	}
	for i, e := range items {
		f := fieldIndex("evidence", i)
		v.text(f+".kind", e.Kind, true)
		v.text(f+".title", e.Title, true)
		v.text(f+".doc_no", e.DocNo, false)
		v.date(f+".date", e.Date, false)
		if e.URL != "" {
			u, err := url.Parse(e.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				v.fail(f+".url", "must be an http(s) link")
			}
		}
		if e.SHA256 != "" && (len(e.SHA256) != 64 || !isHex(e.SHA256)) {
			v.fail(f+".sha256", "must be 64 hex digits")
		}
		if e.File != "" && !IsFileHash(e.File) {
			v.fail(f+".file", "must be the 64 lower-case hex digits of a stored file's SHA-256")
		}
		// The store, not the client, says what a file is.
		switch {
		case e.FileName != "":
			v.fail(f+".file_name", "is set by the server from the stored file")
		case e.FileSize != 0:
			v.fail(f+".file_size", "is set by the server from the stored file")
		case e.FileType != "":
			v.fail(f+".file_type", "is set by the server from the stored file")
		}
	}
}

func (v *validator) rubric(field string, r *Rubric) {
	codes := map[string]bool{}
	var items func(prefix string, list []Item)
	items = func(prefix string, list []Item) {
		for i, it := range list {
			f := fieldIndex(prefix, i)
			v.item(f, it, codes)
			if len(it.Items) > 0 {
				items(f+".items", it.Items)
			}
		}
	}
	if len(r.Items) == 0 {
		v.fail(field+".items", "a rubric needs at least one item")
	}
	items(field+".items", r.Items)
	for _, adj := range []struct {
		name string
		a    Adjustments
	}{{"bonus", r.Bonus}, {"deductions", r.Deductions}} {
		f := field + "." + adj.name
		if adj.a.Cap < 0 {
			v.fail(f+".cap", "cannot be negative")
		}
		for i, it := range adj.a.Items {
			fi := fieldIndex(f+".items", i)
			v.item(fi, it, codes)
			if len(it.Items) > 0 {
				v.fail(fi+".items", "bonus and deduction lines cannot nest")
			}
			if it.Rule != nil {
				switch it.Rule.Kind {
				case RuleEach, RuleAny, RuleCommittee:
				default:
					v.fail(fi+".rule.kind", "bonus and deduction lines use each, any or committee")
				}
			}
		}
	}
	var prev Points = math.MaxInt64
	for i, c := range r.Classification {
		f := fieldIndex(field+".classification", i)
		v.text(f+".label", c.Label, true)
		if c.Min >= prev {
			v.fail(f+".min", "classes must be listed from the highest threshold down")
		}
		prev = c.Min
	}
	for i, g := range r.Gates {
		f := fieldIndex(field+".gates", i)
		v.text(f+".code", g.Code, true)
		switch g.Kind {
		case GateNoViolation:
		case GateItemPositive:
			if !codes[g.Item] {
				v.fail(f+".item", fmt.Sprintf("item %q is not in the rubric", g.Item))
			}
		default:
			v.fail(f+".kind", fmt.Sprintf("%q is not one of [%s %s]", g.Kind, GateNoViolation, GateItemPositive))
		}
	}
	for i, tb := range r.TieBreaks {
		if tb != "content" && !codes[tb] {
			v.fail(fieldIndex(field+".tie_breaks", i), fmt.Sprintf("%q is neither content nor an item code", tb))
		}
	}
	if r.Awards.Certificates < 0 {
		v.fail(field+".awards.certificates", "cannot be negative")
	}
}

func (v *validator) item(f string, it Item, codes map[string]bool) {
	if it.Code == "" {
		v.fail(f+".code", "is required")
	} else if codes[it.Code] {
		v.fail(f+".code", fmt.Sprintf("code %q is used twice", it.Code))
	}
	codes[it.Code] = true
	v.text(f+".title", it.Title, true)
	if it.Max < 0 {
		v.fail(f+".max", "cannot be negative")
	}
	switch {
	case it.Rule == nil && len(it.Items) == 0:
		v.fail(f+".rule", "a line needs a rule or sub-items")
	case it.Rule != nil && len(it.Items) > 0:
		v.fail(f+".rule", "a line has either a rule or sub-items, not both")
	case it.Rule != nil:
		v.rule(f+".rule", it.Rule)
	}
}

func (v *validator) rule(f string, r *Rule) {
	needsMatch := true
	switch r.Kind {
	case RuleEach:
		if r.Points <= 0 {
			v.fail(f+".points", "an each rule needs points above 0")
		}
	case RuleAny:
	case RuleDeadline, RuleShare:
		v.date(f+".due", r.Due, true)
	case RuleTarget:
		v.code(f+".target", r.Target)
	case RuleManual, RuleCommittee:
		needsMatch = false
	default:
		v.fail(f+".kind", fmt.Sprintf("%q is not a rule kind", r.Kind))
		return
	}
	if !needsMatch {
		if r.Match != nil {
			v.fail(f+".match", "a "+r.Kind+" rule matches no facts")
		}
		return
	}
	if r.Match == nil {
		v.fail(f+".match", "is required")
		return
	}
	s, ok := Lookup(r.Match.Type)
	if !ok || !s.Fact {
		v.fail(f+".match.type", fmt.Sprintf("%q is not a fact type", r.Match.Type))
	}
	if r.Match.After != "" {
		v.date(f+".match.after", r.Match.After, false)
	}
	if r.Kind == RuleShare && r.Match.Type != TypeCongressCompleted {
		v.fail(f+".match.type", "a share rule counts wards of congress.completed")
	}
}

func fieldIndex(prefix string, i int) string { return prefix + "[" + strconv.Itoa(i) + "]" }

// IsFileHash reports whether s is how a stored file is named: the 64
// lower-case hex digits of its SHA-256 (one spelling, so one key).
func IsFileHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func isHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
