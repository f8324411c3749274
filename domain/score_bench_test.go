package domain

import (
	"fmt"
	"testing"
)

// busyUnit builds the demo season with one unit (btl) holding about 500
// facts of every type, most reviewed, some rejected, queried, answered or
// retracted, beside committee decisions: the unit the projector rescores
// after each of its events late in a season.
func busyUnit(tb testing.TB) *builder {
	tb.Helper()
	b := newBuilder(tb)
	b.ruleFull(btl)
	b.assess("as-1", btl, "I.1.6", p(1, 50))
	b.bonus("bo-1", btl, p(2, 0))
	b.deduct("de-1", btl, p(1, 0))
	b.ruleFull(cg)
	for i := range 84 {
		id := func(kind string) string { return fmt.Sprintf("%s-%d", kind, i) }
		b.fact(id("act"), btl, "2024-05-07", activity("commemoration", "dbp70"))
		b.fact(id("dlg"), btl, "2024-08-15", activity("citizen_dialogue", ""))
		b.fact(id("rep"), btl, "2024-03-10", report("propaganda", "2024-03-15"))
		b.fact(id("ind"), btl, "2024-09-30", indicator("media_articles", int64(i%7+1)))
		b.fact(id("mod"), btl, "2024-06-01", model(id("m"), "district"))
		if i%2 == 0 {
			b.fact(id("exm"), btl, "2024-09-02", exemplar(id("Nguyễn Văn")))
		}
		switch i % 10 {
		case 0, 1, 2, 3, 4:
			for _, k := range []string{"act", "dlg", "rep", "ind", "mod"} {
				b.verify("ok-"+id(k), id(k))
			}
		case 5:
			b.reject("no-"+id("act"), id("act"))
			b.verify("ok-"+id("rep"), id("rep"))
		case 6:
			b.query("q-"+id("dlg"), id("dlg"), "Thiếu biên bản")
			b.explain("x-"+id("dlg"), btl, id("dlg"), "Đã bổ sung biên bản")
			b.verify("ok-"+id("dlg"), id("dlg"))
		case 7:
			b.query("q-"+id("mod"), id("mod"), "Thiếu quyết định")
		case 8:
			b.retract("r-"+id("ind"), btl, id("ind"))
			b.verify("ok-"+id("act"), id("act"))
			b.cretract("cr-"+id("act"), "ok-"+id("act"))
		}
	}
	if n := len(b.s.facts[btl]); n < 450 || n > 550 {
		tb.Fatalf("test bug: %s has %d facts, want about 500", btl, n)
	}
	return b
}

// BenchmarkScoreUnit measures what scoring one busy unit after one of its
// events costs, in the claimed and verified views: the whole sheet, as a
// reader asks for it (sheet), and the row and ranking key the projector
// keeps (rank), which reuses what it worked out of each rule's facts
// until one of them changes: rank-after-a-review has the unit's last fact
// change before each ranking, as a review of it does.
func BenchmarkScoreUnit(b *testing.B) {
	s := busyUnit(b).s
	m, _ := s.Member(btl)
	last := s.facts[btl][len(s.facts[btl])-1]
	for _, c := range []struct {
		name   string
		before func()
		score  func(View) (UnitScore, error)
	}{
		{"sheet", func() {}, func(v View) (UnitScore, error) { return s.ScoreUnit(m, v) }},
		{"rank", func() {}, func(v View) (UnitScore, error) { return s.RankUnit(m, v) }},
		{"rank-after-a-review", func() { s.factChanged(last) }, func(v View) (UnitScore, error) { return s.RankUnit(m, v) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				c.before()
				for _, v := range []View{Claimed, Verified} {
					if _, err := c.score(v); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
