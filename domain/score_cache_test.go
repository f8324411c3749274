package domain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/thidua/thidua/events"
)

// TestScoreUnitMatchesAFreshFold checks ScoreUnit against a from-scratch
// computation after every event of a season that changes facts, reviews,
// questions, answers, retractions, the rubric and its catalogue, and
// committee decisions: whatever the season keeps between calls must never
// be stale. It also keeps every sheet handed out and checks that later
// events leave it as it was encoded (the projector encodes sheets after
// the fold has moved on).
func TestScoreUnitMatchesAFreshFold(t *testing.T) {
	b := newBuilder(t)
	renamed := events.DefaultCatalogue()
	renamed.ReportTopics = slices.Clone(renamed.ReportTopics)
	for i := range renamed.ReportTopics {
		renamed.ReportTopics[i].Name += " (đổi tên)"
	}
	renamed.Indicators = slices.Clone(renamed.Indicators)
	for i := range renamed.Indicators {
		renamed.Indicators[i].NameEn += " (renamed)"
		renamed.Indicators[i].Noun = "lượt"
	}
	amended := rubricWith(t, "I.1.2", func(it *events.Item) { it.Max = p(3, 0) })
	steps := []struct {
		name string
		do   func()
	}{
		{"a unit given 95 points", func() { b.scoreUnit(th, p(95, 0)) }},
		{"activity", func() { b.fact("a1", btl, "2024-05-07", activity("commemoration", "dbp70")) }},
		{"report", func() { b.fact("r1", btl, "2024-03-10", report("propaganda", "2024-03-15")) }},
		{"late report", func() { b.fact("r2", btl, "2024-03-20", report("propaganda", "2024-03-15")) }},
		{"indicator", func() { b.fact("i1", btl, "2024-09-30", indicator("media_articles", 4)) }},
		{"model", func() { b.fact("m1", btl, "2024-06-01", model("m1", "district")) }},
		{"exemplar", func() { b.fact("e1", btl, "2024-09-02", exemplar("Nguyễn Văn A")) }},
		{"ward congress", func() { b.fact("c1", btl, "2024-04-20", pilotCongress("w1")) }},
		{"district congress", func() { b.fact("c2", btl, "2024-06-15", districtCongress()) }},
		{"another unit's fact", func() { b.fact("a2", cg, "2024-05-07", activity("commemoration", "dbp70")) }},
		{"verified", func() { b.verify("v1", "a1") }},
		{"rejected", func() { b.reject("v2", "r1") }},
		{"verified after the rejection", func() { b.verify("v3", "r1") }},
		{"queried", func() { b.query("q1", "m1", "Thiếu quyết định") }},
		{"answered", func() { b.explain("x1", btl, "m1", "Đã bổ sung") }},
		{"queried again", func() { b.query("q2", "m1", "Quyết định chưa có dấu") }},
		{"question withdrawn", func() { b.cretract("cq2", "q2") }},
		{"review withdrawn", func() { b.cretract("cv1", "v1") }},
		{"verified again", func() { b.verify("v4", "a1") }},
		{"query of a verified fact", func() { b.query("q3", "a1", "Kiểm tra lại") }},
		{"retracted by the unit", func() { b.retract("ri1", btl, "i1") }},
		{"review of a retracted fact, reaching the log through a race", func() {
			b.applyRaw(committeeEv("v5", events.TypeFactVerified, ""), &events.Review{Target: "i1"})
		}},
		{"query of an unknown event, folded as ignored", func() {
			b.applyRaw(committeeEv("q9", events.TypeFactQueried, ""), &events.Query{Target: "nope", Question: "?"})
		}},
		{"target", func() { b.target("t1", btl, "media_articles", 10) }},
		{"second indicator", func() { b.fact("i2", btl, "2024-10-30", indicator("media_articles", 7)) }},
		{"assessed", func() { b.assess("as1", btl, "I.1.6", p(1, 0)) }},
		{"assessed again", func() { b.assess("as2", btl, "I.1.6", p(2, 0)) }},
		{"bonus", func() { b.bonus("bo1", btl, p(3, 0)) }},
		{"deduction", func() { b.deduct("de1", btl, p(1, 0)) }},
		{"bonus withdrawn", func() { b.cretract("cbo1", "bo1") }},
		{"catalogue amended under the same rubric", func() {
			b.committee("am1", "", &events.RubricAmended{Rubric: b.s.Rubric, Reason: "đổi tên", DecisionNo: "7/QĐ-MTTQ", Catalogue: &renamed})
		}},
		{"rubric amended", func() {
			b.committee("am2", "", &events.RubricAmended{Rubric: amended, Reason: "bổ sung", DecisionNo: "8/QĐ-MTTQ"})
		}},
		{"report after the amendment", func() { b.fact("r3", btl, "2024-11-10", report("propaganda", "2024-03-15")) }},
		{"verified after the amendment", func() { b.verify("v6", "r3") }},
		{"violation", func() { b.violation("vi1", cg) }},
		{"ballot", func() { b.ballot("ba1", 5, map[string]int64{btl: 4}) }},
		{"every live fact verified", func() { b.verifyAll() }},
		{"closed", func() { b.close() }},
		{"fact after the close, folded as ignored", func() {
			b.applyRaw(factEv("late1", btl, "2024-12-30", activity("commemoration", "dbp70")), activity("commemoration", "dbp70"))
		}},
		{"award revoked", func() {
			for _, r := range b.standings(Final).Units {
				if r.Award != nil {
					b.revoke("rv1", r.Unit, *r.Award)
					return
				}
			}
			t.Fatal("test bug: no unit holds an award to revoke")
		}},
	}
	type kept struct {
		step string
		view View
		json []byte
		sc   UnitScore
	}
	var handed []kept
	for _, st := range steps {
		st.do()
		// From scratch: new entries have no lines kept, and the rules
		// are said again (the records share the rubric's rule pointers,
		// so a fresh fold alone would repeat a stale text).
		fresh := b.replay(len(b.recs))
		fresh.ruleTexts = nil
		views := []View{Claimed, Verified}
		if b.s.Closed != nil {
			views = append(views, Final)
		}
		for _, m := range b.s.Members() {
			for _, v := range views {
				got, err := b.s.ScoreUnit(m, v)
				if err != nil {
					t.Fatalf("%s: ScoreUnit(%s, %s): %v", st.name, m.ID, v, err)
				}
				want, err := fresh.ScoreUnit(m, v)
				if err != nil {
					t.Fatalf("%s: fresh ScoreUnit(%s, %s): %v", st.name, m.ID, v, err)
				}
				gotJSON, wantJSON := mustJSON(t, got), mustJSON(t, want)
				if !bytes.Equal(gotJSON, wantJSON) {
					t.Errorf("after %s, %s %s differs from a fresh fold:\n got %s\nwant %s", st.name, m.ID, v, gotJSON, wantJSON)
				} else if !reflect.DeepEqual(got, want) {
					t.Errorf("after %s, %s %s encodes the same as a fresh fold but is not deeply equal", st.name, m.ID, v)
				}
				if m.ID == btl {
					handed = append(handed, kept{st.name, v, gotJSON, got})
				}
				// The fold's match index against testing every fact,
				// and the bare ranking against the whole sheet.
				fv, _ := b.s.factView(v)
				plain := (&unitScorer{s: b.s, unit: m, facts: b.s.factsOf(m.ID, fv, "")}).sheet()
				if a, w := mustJSON(t, got.Sheet.Items), mustJSON(t, plain.Items); !bytes.Equal(a, w) {
					t.Errorf("after %s, %s %s: items from the match index\n%s\nwithout it\n%s", st.name, m.ID, v, a, w)
				}
				bare, err := b.s.RankUnit(m, v)
				if err != nil {
					t.Fatalf("%s: RankUnit(%s, %s): %v", st.name, m.ID, v, err)
				}
				if !reflect.DeepEqual(bare.Row, got.Row) || !slices.Equal(bare.Key, got.Key) {
					t.Errorf("after %s, %s %s: RankUnit gives %+v %v, ScoreUnit %+v %v", st.name, m.ID, v, bare.Row, bare.Key, got.Row, got.Key)
				}
			}
		}
		q, err := b.s.Queue(QueueFilter{Status: StatusOpen, Limit: QueueMaxLimit})
		if err != nil {
			t.Fatalf("%s: Queue: %v", st.name, err)
		}
		fq, err := fresh.Queue(QueueFilter{Status: StatusOpen, Limit: QueueMaxLimit})
		if err != nil {
			t.Fatalf("%s: fresh Queue: %v", st.name, err)
		}
		if got, want := mustJSON(t, q), mustJSON(t, fq); !bytes.Equal(got, want) {
			t.Errorf("after %s, the review queue differs from a fresh fold:\n got %s\nwant %s", st.name, got, want)
		}
		for _, k := range handed {
			if now := mustJSON(t, k.sc); !bytes.Equal(now, k.json) {
				t.Errorf("the %s sheet handed out after %q changed after %q:\n was %s\n now %s", k.view, k.step, st.name, k.json, now)
			}
		}
	}
	// The scenario must reach what it means to test.
	l := factLine(t, b, btl, "m1")
	if len(l.Exchanges) != 3 || !l.Exchanges[2].Retracted {
		t.Errorf("m1's exchanges are %+v, want a question, an answer and a withdrawn question", l.Exchanges)
	}
	if got := b.item(Verified, btl, "I.1.2").Max; got != p(3, 0) {
		t.Errorf("I.1.2's max after the amendment is %s, want 3", got)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(fmt.Errorf("encode %T: %w", v, err))
	}
	return out
}

// TestScoreUnitReadersSideBySide scores the same season from several
// goroutines at once, as the projector and request handlers do under the
// fold's read lock, after events that leave every kept line stale: run
// with -race, it proves the lines are kept safely; each result must equal
// the one scored alone.
func TestScoreUnitReadersSideBySide(t *testing.T) {
	b := busyUnit(t)
	m, _ := b.s.Member(btl)
	for round, step := range []func(){
		func() {},
		func() { b.fact("late-a", btl, "2024-11-01", activity("citizen_dialogue", "")) },
		func() { b.verify("ok-late-a", "late-a") },
		func() { b.query("q-late-a", "late-a", "Thiếu ảnh") },
		func() {
			b.committee("am-x", "", &events.RubricAmended{Rubric: b.s.Rubric, Reason: "giữ nguyên", DecisionNo: "9/QĐ-MTTQ", Catalogue: &events.Catalogue{}})
		},
	} {
		step()
		want := b.replay(len(b.recs))
		want.ruleTexts = nil
		wantJSON := map[View][]byte{}
		for _, v := range []View{Claimed, Verified} {
			sc, err := want.ScoreUnit(m, v)
			if err != nil {
				t.Fatal(err)
			}
			wantJSON[v] = mustJSON(t, sc)
		}
		const readers = 4
		got := make(chan []byte, readers*2)
		errs := make(chan error, readers*2)
		for i := range readers {
			v := []View{Claimed, Verified}[i%2]
			go func() {
				sc, err := b.s.ScoreUnit(m, v)
				if err != nil {
					errs <- err
					return
				}
				if _, err := b.s.Queue(QueueFilter{Status: StatusOpen, Unit: btl, Limit: QueueMaxLimit}); err != nil {
					errs <- err
					return
				}
				j, err := json.Marshal(sc)
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(j, wantJSON[v]) {
					errs <- fmt.Errorf("round %d: %s sheet scored side by side differs from a fresh fold's", round, v)
					return
				}
				got <- j
			}()
		}
		for range readers {
			select {
			case err := <-errs:
				t.Error(err)
			case <-got:
			}
		}
	}
}
