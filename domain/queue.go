package domain

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/thidua/thidua/events"
)

// The committee's review queue ("Chờ xác minh"): the season's facts by
// review status, oldest first, each with what the committee needs to decide
// it — its names, evidence, questions and answers, and the points it would
// bring in the verified view.

// StatusOpen selects every fact the committee has not decided yet:
// pending, queried and explained.
const StatusOpen = "open"

// QueueStatuses are the statuses a queue can be asked for, StatusOpen first.
var QueueStatuses = []string{StatusOpen, FactPending, FactQueried, FactExplained, FactVerified, FactRejected}

// Queue limits.
const (
	QueueDefaultLimit = 100
	QueueMaxLimit     = 500
)

// QueueFilter selects facts of a queue. After is a stream sequence: only
// facts recorded after it are listed (the Next of the previous page).
type QueueFilter struct {
	Status string
	Unit   string
	Item   string
	After  uint64
	Limit  int
}

// QueueItem is a rubric line a fact counts for, with the points the fact
// makes on it in the verified view (0 when the line is already full).
type QueueItem struct {
	Code    string        `json:"code"`
	Title   string        `json:"title"`
	TitleEn string        `json:"title_en,omitempty"`
	Max     events.Points `json:"max"`
	Points  events.Points `json:"points"`
}

// QueueFact is one fact of the queue: its sheet line (status, evidence,
// questions and answers) with the unit's and the type's names, the rubric
// lines it counts for and what it changes in the unit's verified total.
type QueueFact struct {
	FactLine
	Unit       string      `json:"unit"`
	UnitName   string      `json:"unit_name"`
	TypeName   string      `json:"type_name"`
	TypeNameEn string      `json:"type_name_en"`
	Recorded   string      `json:"recorded"`
	Items      []QueueItem `json:"items"`
	// Points is how much the fact adds to the unit's verified total:
	// with it counted, minus without it (caps included, and a total never
	// below 0). A deduction line's points are taken off.
	Points events.Points `json:"points"`
}

// Queue is one page of the review queue.
type Queue struct {
	Season string `json:"season"`
	Status string `json:"status"`
	Unit   string `json:"unit,omitempty"`
	Item   string `json:"item,omitempty"`
	// Counts are the facts of each status under the unit and item filters
	// (open included), whatever the page.
	Counts map[string]int `json:"counts"`
	// Total is the facts of the asked status under the filters.
	Total int         `json:"total"`
	Facts []QueueFact `json:"facts"`
	// Next is the after= of the next page; 0 when this page is the last.
	Next uint64 `json:"next,omitempty"`
}

// ParseQueueFilter reads a queue's query parameters; a bad one is Invalid
// on its own field.
func ParseQueueFilter(status, unit, item, after, limit string) (QueueFilter, error) {
	f := QueueFilter{Status: status, Unit: unit, Item: item, Limit: QueueDefaultLimit}
	if f.Status == "" {
		f.Status = StatusOpen
	}
	if !slices.Contains(QueueStatuses, f.Status) {
		return f, Errorf(Invalid, "status", "%q is not a review status (open, pending, queried, explained, verified, rejected)", status)
	}
	if after != "" {
		n, err := strconv.ParseUint(after, 10, 63)
		if err != nil {
			return f, Errorf(Invalid, "after", "%q is not a stream sequence", after)
		}
		f.After = n
	}
	if limit != "" {
		n, err := strconv.Atoi(limit)
		if err != nil || n < 1 || n > QueueMaxLimit {
			return f, Errorf(Invalid, "limit", "limit is a number from 1 to %d", QueueMaxLimit)
		}
		f.Limit = n
	}
	return f, nil
}

// Queue lists the facts of a status, oldest (first recorded) first. A
// retracted or ignored fact is in no queue.
func (s *Season) Queue(f QueueFilter) (*Queue, error) {
	if s.Opened == nil {
		return nil, Errorf(NotFound, "season", "season %s is not opened", s.ID)
	}
	if f.Status == "" {
		f.Status = StatusOpen
	}
	if !slices.Contains(QueueStatuses, f.Status) {
		return nil, Errorf(Invalid, "status", "%q is not a review status", f.Status)
	}
	if f.Limit < 1 || f.Limit > QueueMaxLimit {
		f.Limit = QueueDefaultLimit
	}
	if f.Unit != "" {
		if _, ok := s.members[f.Unit]; !ok {
			return nil, Errorf(Invalid, "unit", "unit %s is not a member of season %s", f.Unit, s.ID)
		}
	}
	var matchItems []events.Item // the rule lines the item filter stands for
	if f.Item != "" {
		it, ok := findRubricItem(s.rubricLines(), f.Item)
		if !ok {
			return nil, Errorf(Invalid, "item", "item %q is not in the season's rubric", f.Item)
		}
		matchItems = ruleLines([]events.Item{it})
	}
	out := &Queue{Season: s.ID, Status: f.Status, Unit: f.Unit, Item: f.Item, Counts: map[string]int{}, Facts: []QueueFact{}}
	for _, st := range QueueStatuses {
		out.Counts[st] = 0
	}
	var hits []*Entry
	for _, e := range s.entries {
		if !e.Fact || !e.Live() || (f.Unit != "" && e.Event.Unit != f.Unit) {
			continue
		}
		if f.Item != "" && !slices.ContainsFunc(matchItems, func(it events.Item) bool { return matches(e, it.Rule.Match) }) {
			continue
		}
		status, _ := factStatus(e)
		out.Counts[status]++
		open := status == FactPending || status == FactQueried || status == FactExplained
		if open {
			out.Counts[StatusOpen]++
		}
		if status == f.Status || (f.Status == StatusOpen && open) {
			out.Total++
			if e.Seq > f.After {
				hits = append(hits, e)
			}
		}
	}
	if len(hits) > f.Limit {
		hits = hits[:f.Limit]
		out.Next = hits[len(hits)-1].Seq
	}
	w, err := s.readBack(hits, nil)
	if err != nil {
		return nil, err
	}
	base := map[string]Sheet{} // each unit's verified sheet as it stands
	for _, e := range hits {
		out.Facts = append(out.Facts, s.queueFact(e, s.factLine(e, Verified, w), w, base))
	}
	return out, nil
}

// queueFact adds to a fact's line what the committee decides it by.
func (s *Season) queueFact(e *Entry, l FactLine, w shown, base map[string]Sheet) QueueFact {
	m := s.members[e.Event.Unit]
	q := QueueFact{FactLine: l, Unit: m.ID, UnitName: m.Name, Recorded: w.recorded(e), Items: []QueueItem{}}
	q.TypeName, q.TypeNameEn = TypeName(e.Event.Type)
	now, ok := base[m.ID]
	if !ok {
		now = (&unitScorer{s: s, unit: m, facts: s.factsOf(m.ID, Verified, "")}).sheet()
		base[m.ID] = now
	}
	// The sheet with the fact counted and the sheet without it: a verified
	// fact is in the first, every other one in neither.
	var other Sheet
	if counts(e, Verified) {
		other = (&unitScorer{s: s, unit: m, facts: slices.DeleteFunc(s.factsOf(m.ID, Verified, ""), func(x *Entry) bool { return x == e })}).sheet()
		now, other = other, now
	} else {
		fs := append(s.factsOf(m.ID, Verified, ""), e)
		slices.SortFunc(fs, func(a, b *Entry) int { return cmp.Compare(a.Seq, b.Seq) })
		other = (&unitScorer{s: s, unit: m, facts: fs}).sheet()
	}
	// now is without the fact, other with it.
	q.Points = other.Total - now.Total
	for _, it := range ruleLines(s.rubricLines()) {
		if !matches(e, it.Rule.Match) {
			continue
		}
		with, _ := findItem(sheetLines(other), it.Code)
		without, _ := findItem(sheetLines(now), it.Code)
		q.Items = append(q.Items, QueueItem{Code: it.Code, Title: it.Title, TitleEn: it.TitleEn, Max: it.Max, Points: with.Points - without.Points})
	}
	return q
}

// rubricLines are the rubric's content, bonus and deduction lines.
func (s *Season) rubricLines() []events.Item {
	r := s.Rubric
	return slices.Concat(r.Items, r.Bonus.Items, r.Deductions.Items)
}

// sheetLines are a sheet's content, bonus and deduction lines.
func sheetLines(sh Sheet) []ItemScore { return slices.Concat(sh.Items, sh.Bonus, sh.Deductions) }

// ruleLines lists the lines with a rule that counts facts, under items.
func ruleLines(items []events.Item) []events.Item {
	var out []events.Item
	for _, it := range items {
		if it.Rule == nil {
			out = append(out, ruleLines(it.Items)...)
		} else if it.Rule.Match != nil {
			out = append(out, it)
		}
	}
	return out
}
