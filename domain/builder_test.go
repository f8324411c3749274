package domain

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/thidua/thidua/events"
)

// Unit ids of the demo season (domain.md §1).
const (
	btl = "bac-tu-liem" // 13 wards
	cg  = "cau-giay"    // 8 wards
	hd  = "ha-dong"     // 17 wards
	ntl = "nam-tu-liem" // 10 wards
	th  = "tay-ho"      // 8 wards
	tx  = "thanh-xuan"  // 11 wards
)

// p writes centi-points the way the spec writes points: p(3, 23) is 3.23.
func p(whole, cents int64) events.Points { return events.Points(whole*100 + cents) }

// builder folds a season event by event, as the projector does, keeping
// every record so that a test can replay a prefix of the log.
type builder struct {
	t    testing.TB
	s    *Season
	seq  uint64
	recs []events.Record
}

// newBuilder opens the demo season with the default 2024 rubric. Its
// members list no wards by name, so that rule tests may use ward ids of
// their own (w1, w2, …); catalogue_test.go tests ward lists.
func newBuilder(t testing.TB) *builder {
	t.Helper()
	return newBuilderWith(t, unlistedWards(DemoSeason()))
}

func unlistedWards(o events.SeasonOpened) events.SeasonOpened {
	o.Members = slices.Clone(o.Members)
	for i := range o.Members {
		o.Members[i].WardList = nil
	}
	return o
}

// newBuilderWith opens the demo season with a modified season.opened.
func newBuilderWith(t testing.TB, opened events.SeasonOpened) *builder {
	t.Helper()
	b := &builder{t: t, s: NewSeason(DemoSeasonID)}
	b.committeeT("open", events.TypeSeasonOpened, "", &opened)
	return b
}

func factType(p events.Payload) string {
	switch p.(type) {
	case *events.ActivityHeld:
		return events.TypeActivityHeld
	case *events.ModelRecognized:
		return events.TypeModelRecognized
	case *events.ExemplarHonored:
		return events.TypeExemplarHonored
	case *events.CongressCompleted:
		return events.TypeCongressCompleted
	case *events.ReportSubmitted:
		return events.TypeReportSubmitted
	case *events.IndicatorReported:
		return events.TypeIndicatorReported
	}
	panic(fmt.Sprintf("%T is not a fact payload", p))
}

func committeeType(p events.Payload) string {
	switch p.(type) {
	case *events.SeasonOpened:
		return events.TypeSeasonOpened
	case *events.RubricAmended:
		return events.TypeRubricAmended
	case *events.TargetAssigned:
		return events.TypeTargetAssigned
	case *events.ScoreAssessed:
		return events.TypeScoreAssessed
	case *events.ViolationRecorded:
		return events.TypeViolationRecorded
	case *events.BallotRecorded:
		return events.TypeBallotRecorded
	case *events.SeasonClosed:
		return events.TypeSeasonClosed
	case *events.AwardRevoked:
		return events.TypeAwardRevoked
	}
	panic(fmt.Sprintf("%T is ambiguous or not a committee payload: use committeeT", p))
}

// factEv builds a unit's fact as its own unit token would post it.
func factEv(id, unit, date string, p events.Payload) events.Event {
	return events.Event{
		Schema: events.Schema, ID: id, Type: factType(p), Season: DemoSeasonID, Unit: unit, Date: date,
		Evidence: []events.Evidence{{Kind: "document", Title: "Báo cáo " + id}},
		Author:   events.Author{Role: events.RoleUnit, Unit: unit},
		Recorded: "2024-12-01T00:00:00Z",
	}
}

// committeeEv builds a committee event.
func committeeEv(id, typ, unit string) events.Event {
	return events.Event{
		Schema: events.Schema, ID: id, Type: typ, Season: DemoSeasonID, Unit: unit,
		Author:   events.Author{Role: events.RoleCommittee},
		Recorded: "2024-12-01T00:00:00Z",
	}
}

// apply checks the event as the server would, then folds it.
func (b *builder) apply(ev events.Event, pl events.Payload) {
	b.t.Helper()
	if err := Check(b.s, ev, pl); err != nil {
		b.t.Errorf("Check refused the valid event %s (%s): %v", ev.ID, ev.Type, err)
	}
	b.applyRaw(ev, pl)
}

// applyRaw folds an event without checking it: what reaches the log through
// a race between writers.
func (b *builder) applyRaw(ev events.Event, pl events.Payload) {
	b.t.Helper()
	if err := events.ValidatePayload(pl); err != nil {
		b.t.Fatalf("test bug: payload of %s is invalid: %v", ev.ID, err)
	}
	b.seq++
	rec := events.Record{Seq: b.seq, Event: ev, Payload: pl}
	if err := b.s.Apply(rec); err != nil {
		b.t.Fatalf("Apply(%s): %v", ev.ID, err)
	}
	b.recs = append(b.recs, rec)
}

// fact appends a unit's fact.
func (b *builder) fact(id, unit, date string, pl events.Payload) {
	b.t.Helper()
	b.apply(factEv(id, unit, date, pl), pl)
}

// committee appends a committee event whose type follows from its payload.
func (b *builder) committee(id, unit string, pl events.Payload) {
	b.t.Helper()
	b.apply(committeeEv(id, committeeType(pl), unit), pl)
}

// committeeT appends a committee event of an explicit type.
func (b *builder) committeeT(id, typ, unit string, pl events.Payload) {
	b.t.Helper()
	b.apply(committeeEv(id, typ, unit), pl)
}

func (b *builder) retract(id, unit, target string) {
	b.t.Helper()
	ev := events.Event{
		Schema: events.Schema, ID: id, Type: events.TypeFactRetracted, Season: DemoSeasonID, Unit: unit,
		Author: events.Author{Role: events.RoleUnit, Unit: unit}, Recorded: "2024-12-01T00:00:00Z",
	}
	b.apply(ev, &events.Retraction{Target: target, Reason: "nhầm"})
}

func (b *builder) cretract(id, target string) {
	b.t.Helper()
	b.committeeT(id, events.TypeCommitteeRetracted, "", &events.Retraction{Target: target, Reason: "nhầm"})
}

func (b *builder) verify(id, target string) {
	b.t.Helper()
	b.committeeT(id, events.TypeFactVerified, "", &events.Review{Target: target})
}

func (b *builder) reject(id, target string) {
	b.t.Helper()
	b.committeeT(id, events.TypeFactRejected, "", &events.Review{Target: target, Reason: "không có minh chứng"})
}

func (b *builder) assess(id, unit, code string, pts events.Points) {
	b.t.Helper()
	b.committee(id, unit, &events.ScoreAssessed{Item: code, Points: pts, Reason: "họp Cụm"})
}

func (b *builder) target(id, unit, indicator string, v int64) {
	b.t.Helper()
	b.committee(id, unit, &events.TargetAssigned{Indicator: indicator, Value: v})
}

func (b *builder) bonus(id, unit string, pts events.Points) {
	b.t.Helper()
	b.committeeT(id, events.TypeBonusAwarded, unit, &events.Adjustment{Points: pts, Reason: "thưởng"})
}

func (b *builder) deduct(id, unit string, pts events.Points) {
	b.t.Helper()
	b.committeeT(id, events.TypeDeductionApplied, unit, &events.Adjustment{Points: pts, Reason: "trừ"})
}

func (b *builder) violation(id, unit string) {
	b.t.Helper()
	b.committee(id, unit, &events.ViolationRecorded{Kind: "discipline", DecisionNo: "12/QĐ-KT"})
}

func (b *builder) ballot(id string, voters int64, votes map[string]int64) {
	b.t.Helper()
	b.committee(id, "", &events.BallotRecorded{Question: "flag", Voters: voters, Votes: votes})
}

func (b *builder) close() {
	b.t.Helper()
	b.committee("close", "", &events.SeasonClosed{})
}

func (b *builder) revoke(id, unit, award string) {
	b.t.Helper()
	b.committee(id, unit, &events.AwardRevoked{Award: award, Reason: "sai phạm phát hiện sau", DecisionNo: "99/QĐ-MTTQ"})
}

func (b *builder) amend(id string, r events.Rubric) {
	b.t.Helper()
	b.committee(id, "", &events.RubricAmended{Rubric: r, Reason: "bổ sung tiêu chí", DecisionNo: "7/QĐ-MTTQ"})
}

// verifyAll verifies every live fact whose latest review is not already
// fact.verified.
func (b *builder) verifyAll() {
	b.t.Helper()
	for _, e := range b.s.Entries() {
		if !e.Fact || !e.Live() {
			continue
		}
		if r := e.Review(); r != nil && r.Event.Type == events.TypeFactVerified {
			continue
		}
		b.verify("ok-"+e.Event.ID, e.Event.ID)
	}
}

// Shorthand payloads.

func activity(kind, occasion string) *events.ActivityHeld {
	return &events.ActivityHeld{Kind: kind, Occasion: occasion, Title: "Hoạt động " + kind}
}

func festival(occasion string, areas int64) *events.ActivityHeld {
	return &events.ActivityHeld{Kind: "festival", Occasion: occasion, Title: "Ngày hội Đại đoàn kết", Areas: areas}
}

func hosted() *events.ActivityHeld {
	return &events.ActivityHeld{Kind: "cluster_joint", Title: "Hoạt động chung của Cụm", Host: true}
}

func model(id, level string) *events.ModelRecognized {
	return &events.ModelRecognized{Model: id, Name: "Mô hình " + id, Level: level}
}

func exemplar(name string) *events.ExemplarHonored { return &events.ExemplarHonored{Name: name} }

func report(topic, due string) *events.ReportSubmitted {
	return &events.ReportSubmitted{Topic: topic, Period: "2024", Due: due}
}

func indicator(name string, v int64) *events.IndicatorReported {
	return &events.IndicatorReported{Indicator: name, Value: v}
}

func wardCongress(ward string) *events.CongressCompleted {
	return &events.CongressCompleted{Level: "ward", Ward: ward}
}

func pilotCongress(ward string) *events.CongressCompleted {
	return &events.CongressCompleted{Level: "ward", Ward: ward, Pilot: true}
}

func districtCongress() *events.CongressCompleted {
	return &events.CongressCompleted{Level: "district"}
}

// Reading the results.

func (b *builder) standings(view View) *Standings {
	b.t.Helper()
	st, err := b.s.Standings(view)
	if err != nil {
		b.t.Fatalf("Standings(%s): %v", view, err)
	}
	return st
}

func (b *builder) row(view View, unit string) Standing {
	b.t.Helper()
	for _, r := range b.standings(view).Units {
		if r.Unit == unit {
			return r
		}
	}
	b.t.Fatalf("no standing for %s", unit)
	return Standing{}
}

func findScore(items []ItemScore, code string) (ItemScore, bool) {
	for _, it := range items {
		if it.Code == code {
			return it, true
		}
		if sub, ok := findScore(it.Items, code); ok {
			return sub, true
		}
	}
	return ItemScore{}, false
}

// item returns a line of a unit's sheet: content, bonus or deduction.
func (b *builder) item(view View, unit, code string) ItemScore {
	b.t.Helper()
	sh, ok := b.standings(view).Sheets[unit]
	if !ok {
		b.t.Fatalf("no sheet for %s", unit)
	}
	for _, list := range [][]ItemScore{sh.Items, sh.Bonus, sh.Deductions} {
		if it, ok := findScore(list, code); ok {
			return it
		}
	}
	b.t.Fatalf("item %s is not on %s's sheet", code, unit)
	return ItemScore{}
}

// hasItem reports whether the sheet lists an item at all.
func (b *builder) hasItem(view View, unit, code string) bool {
	b.t.Helper()
	sh := b.standings(view).Sheets[unit]
	for _, list := range [][]ItemScore{sh.Items, sh.Bonus, sh.Deductions} {
		if _, ok := findScore(list, code); ok {
			return true
		}
	}
	return false
}

// replay folds the first n records of the log into a fresh season.
func (b *builder) replay(n int) *Season {
	b.t.Helper()
	s := NewSeason(DemoSeasonID)
	for _, rec := range b.recs[:n] {
		if err := s.Apply(rec); err != nil {
			b.t.Fatalf("replay Apply(%s): %v", rec.Event.ID, err)
		}
	}
	return s
}

// Whole units.

// manualItems are the default rubric's manual items and their maxima:
// 2+5+3+3+3+5+3+2 = 26 points.
var manualItems = []struct {
	code string
	max  events.Points
}{
	{"I.1.6", p(2, 0)}, {"I.2.1", p(5, 0)}, {"I.2.4", p(3, 0)}, {"I.3.3", p(3, 0)},
	{"II.1", p(3, 0)}, {"III.4", p(5, 0)}, {"IV.1", p(3, 0)}, {"IV.2", p(2, 0)},
}

// ruleFull gives a unit full marks on every rule-driven content item and no
// bonus or deduction:
// I.1.1 3 + I.1.2 2 + I.1.3 2 + I.1.4 4 + I.1.5 2 = 13;
// I.2.2 5 + I.2.3 3 + I.2.5 4 = 12; I.3.1 5 + I.3.2 3 + I.3.4 4 = 12;
// II.2 3 + II.3 4 + II.4 3 + II.5 2 = 12; III.1 6 + III.2 2 + III.3 4 + III.5 3 = 15;
// 13+12+12+12+15 = 64 points.
func (b *builder) ruleFull(u string) {
	b.t.Helper()
	m, ok := b.s.Member(u)
	if !ok {
		b.t.Fatalf("%s is not a member", u)
	}
	id := func(s string, i int) string { return fmt.Sprintf("%s-%s-%d", u, s, i) }
	for i := range 4 {
		b.fact(id("prop", i), u, "2024-03-10", report("propaganda", "2024-03-15"))
	}
	b.fact(id("dbp", 0), u, "2024-05-07", activity("commemoration", "dbp70"))
	b.fact(id("gptd", 0), u, "2024-10-10", activity("commemoration", "gptd70"))
	b.target(id("t-areas", 0), u, "residential_areas", 20)
	b.fact(id("fest", 0), u, "2024-11-18", festival("mttq94", 20))
	b.target(id("t-media", 0), u, "media_articles", 10)
	b.fact(id("media", 0), u, "2024-09-30", indicator("media_articles", 10))
	b.target(id("t-fund", 0), u, "fund_for_the_poor", 1_000_000_000)
	b.fact(id("fund", 0), u, "2024-10-17", indicator("fund_for_the_poor", 1_000_000_000))
	b.target(id("t-houses", 0), u, "great_unity_houses", 5)
	b.fact(id("houses", 0), u, "2024-08-01", indicator("great_unity_houses", 5))
	for i := range 4 {
		b.fact(id("model", i), u, "2024-06-01", model(fmt.Sprintf("m%d", i), "district"))
	}
	b.target(id("t-sup", 0), u, "supervision_sessions", 5)
	b.fact(id("sup", 0), u, "2024-09-01", indicator("supervision_sessions", 5))
	for i := range 3 {
		b.fact(id("crit", i), u, "2024-07-01", activity("social_criticism", ""))
	}
	for i := range 4 {
		b.fact(id("dlg", i), u, "2024-08-15", activity("citizen_dialogue", ""))
	}
	for i := range 3 {
		b.fact(id("joint", i), u, "2024-04-10", activity("cluster_joint", ""))
	}
	for i := range 4 {
		b.fact(id("exm", i), u, "2024-09-02", exemplar(fmt.Sprintf("Nguyễn Văn %d", i)))
	}
	for i := range 2 {
		b.fact(id("emu", i), u, "2024-06-20", report("emulation", "2024-06-30"))
	}
	b.fact(id("exch", 0), u, "2024-05-20", activity("experience_exchange", ""))
	b.fact(id("pilot", 0), u, "2024-03-20", pilotCongress("w0"))
	for i := 1; i < int(m.Wards); i++ {
		b.fact(id("ward", i), u, "2024-04-20", wardCongress(fmt.Sprintf("w%d", i)))
	}
	b.fact(id("district", 0), u, "2024-06-15", districtCongress())
	b.fact(id("congrep", 0), u, "2024-07-01", report("congress", "2024-07-15"))
}

// scoreUnit gives a unit the wanted total: every rule-driven item full (64,
// so both gates pass unless a violation is recorded), manual items assessed
// in rubric order up to what is needed (at most 26), and the rest as a
// bonus.awarded (≤ 10) or a deduction.applied (≤ 10).
func (b *builder) scoreUnit(u string, total events.Points) {
	b.t.Helper()
	b.ruleFull(u)
	need := total - p(64, 0)
	if need > p(36, 0) || need < -p(10, 0) {
		b.t.Fatalf("test bug: total %s cannot be built", total)
	}
	manual := min(max(need, 0), p(26, 0))
	for i, it := range manualItems {
		if manual == 0 {
			break
		}
		give := min(manual, it.max)
		b.assess(fmt.Sprintf("%s-assess-%d", u, i), u, it.code, give)
		manual -= give
	}
	switch rest := need - min(max(need, 0), p(26, 0)); {
	case rest > 0:
		b.bonus(u+"-bonus", u, rest)
	case rest < 0:
		b.deduct(u+"-deduct", u, -rest)
	}
}

// Rubric editing for custom and amended rubrics.

func editItem(items []events.Item, code string, f func(*events.Item)) bool {
	for i := range items {
		if items[i].Code == code {
			f(&items[i])
			return true
		}
		if editItem(items[i].Items, code, f) {
			return true
		}
	}
	return false
}

func removeItem(items []events.Item, code string) ([]events.Item, bool) {
	for i := range items {
		if items[i].Code == code {
			return append(items[:i:i], items[i+1:]...), true
		}
		if sub, ok := removeItem(items[i].Items, code); ok {
			items[i].Items = sub
			return items, true
		}
	}
	return items, false
}

// rubricWith returns the default rubric with one item edited.
func rubricWith(t *testing.T, code string, f func(*events.Item)) events.Rubric {
	t.Helper()
	r := DefaultRubric2024()
	if !editItem(r.Items, code, f) {
		t.Fatalf("test bug: no item %s", code)
	}
	// An edited maximum no longer adds up to its group: on purpose here.
	r.ExplicitTotals = true
	return r
}

// seasonWith returns the demo season.opened with its rubric or members changed.
func seasonWith(r events.Rubric, members ...events.Member) events.SeasonOpened {
	o := unlistedWards(DemoSeason())
	o.Rubric = r
	if len(members) > 0 {
		o.Members = members
		o.Head, o.Deputy = members[0].ID, ""
	}
	return o
}

// errCode returns the domain code and field of an error ("" for nil).
func errCode(t *testing.T, err error) (Code, string) {
	t.Helper()
	if err == nil {
		return "", ""
	}
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *domain.Error", err, err)
	}
	return de.Code, de.Field
}
