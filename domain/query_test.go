package domain

import (
	"testing"

	"github.com/thidua/thidua/events"
)

func (b *builder) query(id, target, question string) {
	b.t.Helper()
	b.committeeT(id, events.TypeFactQueried, "", &events.Query{Target: target, Question: question})
}

func (b *builder) explain(id, unit, target, text string) {
	b.t.Helper()
	ev := unitEvent(id, events.TypeFactExplained, unit)
	ev.Evidence = []events.Evidence{{Kind: "document", Title: "Biên bản bổ sung"}}
	b.apply(ev, &events.Explanation{Target: target, Text: text})
}

func factLine(t *testing.T, b *builder, unit, id string) FactLine {
	t.Helper()
	lines, err := b.s.factLines(unit, Claimed, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.ID == id {
			return l
		}
	}
	t.Fatalf("no fact %s of %s", id, unit)
	return FactLine{}
}

// TestQueryAndExplanation follows "giải trình": a first review asks, the
// unit answers, the committee decides; no step changes a score by itself.
func TestQueryAndExplanation(t *testing.T) {
	b := newBuilder(t)
	b.fact("m1", btl, "2024-06-01", model("m1", "city"))
	before := b.row(Claimed, btl).Total
	steps := []struct {
		name     string
		do       func()
		status   string
		question string
		counted  bool // in the verified view
	}{
		{"reported", func() {}, FactPending, "", false},
		{"asked", func() { b.query("q1", "m1", "Thiếu quyết định công nhận") }, FactQueried, "Thiếu quyết định công nhận", false},
		{"answered", func() { b.explain("x1", btl, "m1", "Đã bổ sung quyết định") }, FactExplained, "", false},
		{"asked again", func() { b.query("q2", "m1", "Quyết định chưa có dấu") }, FactQueried, "Quyết định chưa có dấu", false},
		{"answered again", func() { b.explain("x2", btl, "m1", "Đã bổ sung bản có dấu") }, FactExplained, "", false},
		{"verified", func() { b.verify("v1", "m1") }, FactVerified, "", true},
		{"asked after the verification", func() { b.query("q3", "m1", "Kiểm tra lại") }, FactQueried, "Kiểm tra lại", true},
	}
	for _, st := range steps {
		st.do()
		l := factLine(t, b, btl, "m1")
		if l.Status != st.status || l.Question != st.question {
			t.Errorf("%s: status %q question %q, want %q %q", st.name, l.Status, l.Question, st.status, st.question)
		}
		if got := b.row(Claimed, btl).Total; got != before {
			t.Errorf("%s: the claimed total moved from %s to %s", st.name, before, got)
		}
		if counted := len(b.s.factsOf(btl, Verified, "")) == 1; counted != st.counted {
			t.Errorf("%s: counted in the verified view %v, want %v", st.name, counted, st.counted)
		}
	}
	l := factLine(t, b, btl, "m1")
	if len(l.Exchanges) != 5 || l.Exchanges[1].Type != events.TypeFactExplained || len(l.Exchanges[1].Evidence) != 1 {
		t.Errorf("exchanges %+v", l.Exchanges)
	}
}

func TestCheckQueriesAndExplanations(t *testing.T) {
	season := func(t *testing.T) *Season {
		b := newBuilder(t)
		b.fact("m1", btl, "2024-06-01", model("m1", "city"))
		b.fact("m2", cg, "2024-06-01", model("m2", "city"))
		b.query("q2", "m2", "Thiếu hồ sơ")
		b.fact("m3", btl, "2024-06-01", model("m3", "city"))
		b.retract("r3", btl, "m3")
		return b.s
	}
	q := func(target string) events.Payload { return &events.Query{Target: target, Question: "Vì sao?"} }
	x := func(target string) events.Payload { return &events.Explanation{Target: target, Text: "Vì thế"} }
	cases := []struct {
		name  string
		ev    events.Event
		p     events.Payload
		code  Code
		field string
	}{
		{"the committee asks about a fact", committeeEv("q9", events.TypeFactQueried, ""), q("m1"), "", ""},
		{"with the fact's unit", committeeEv("q9", events.TypeFactQueried, btl), q("m1"), "", ""},
		{"with another unit", committeeEv("q9", events.TypeFactQueried, cg), q("m1"), Invalid, "unit"},
		{"about no event", committeeEv("q9", events.TypeFactQueried, ""), q("nope"), Invalid, "data.target"},
		{"about a retracted fact", committeeEv("q9", events.TypeFactQueried, ""), q("m3"), Conflict, "data.target"},
		{"about a committee event", committeeEv("q9", events.TypeFactQueried, ""), q("q2"), Invalid, "data.target"},
		{"a unit may not ask", unitEvent("q9", events.TypeFactQueried, btl), q("m1"), Forbidden, "type"},
		{"the unit answers its question", unitEvent("x9", events.TypeFactExplained, cg), x("m2"), "", ""},
		{"no question to answer", unitEvent("x9", events.TypeFactExplained, btl), x("m1"), Conflict, "data.target"},
		{"another unit's fact", unitEvent("x9", events.TypeFactExplained, btl), x("m2"), Invalid, "data.target"},
		{"the committee may not answer", committeeEv("x9", events.TypeFactExplained, cg), x("m2"), Forbidden, "type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, field := errCode(t, Check(season(t), c.ev, c.p))
			if code != c.code || (c.field != "" && field != c.field) {
				t.Errorf("got %q on %q, want %q on %q", code, field, c.code, c.field)
			}
		})
	}
}
