package domain

import (
	"slices"
	"strings"
	"testing"

	"github.com/thidua/thidua/events"
)

const (
	xuatSac = "Hoàn thành xuất sắc nhiệm vụ"
	tot     = "Hoàn thành tốt nhiệm vụ"
	htnv    = "Hoàn thành nhiệm vụ"
	khong   = "Không hoàn thành nhiệm vụ"
)

func TestClassification(t *testing.T) {
	cases := []struct {
		name  string
		total events.Points // built by scoreUnit: 64 rule points + manual + bonus − deduction
		want  string
	}{
		{"100", p(100, 0), xuatSac},       // 64 + 26 + 10
		{"exactly 90", p(90, 0), xuatSac}, // 64 + 26
		{"89.99", p(89, 99), tot},         // 64 + 25.99
		{"exactly 75", p(75, 0), tot},     // 64 + 11
		{"74.99", p(74, 99), htnv},        // 64 + 10.99
		{"exactly 60", p(60, 0), htnv},    // 64 − 4
		{"59.99", p(59, 99), khong},       // 64 − 4.01
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.scoreUnit(btl, tc.total)
			row := b.row(Claimed, btl)
			if row.Total != tc.total {
				t.Fatalf("total = %s, want %s", row.Total, tc.total)
			}
			if row.Classification != tc.want {
				t.Errorf("classification of %s = %q, want %q", row.Total, row.Classification, tc.want)
			}
		})
	}
	t.Run("nothing at all", func(t *testing.T) {
		b := newBuilder(t)
		if row := b.row(Claimed, btl); row.Total != 0 || row.Classification != khong || row.ClassEn != "Did not complete tasks" {
			t.Errorf("empty unit: %s %q %q", row.Total, row.Classification, row.ClassEn)
		}
	})
}

func TestRanking(t *testing.T) {
	cases := []struct {
		name  string
		setup func(b *builder)
		order []string
		ranks []int
	}{
		{name: "no events: everyone shares rank 1, listed by id",
			order: []string{btl, cg, hd, ntl, th, tx}, ranks: []int{1, 1, 1, 1, 1, 1}},
		{name: "total descending", setup: func(b *builder) {
			b.assess("s1", btl, "I.2.1", p(5, 0))
			b.assess("s2", btl, "III.4", p(5, 0)) // btl 10
			b.assess("s3", th, "I.2.1", p(5, 0))
			b.assess("s4", th, "III.4", p(5, 0))
			b.assess("s5", th, "II.1", p(2, 0)) // th 12
			b.assess("s6", hd, "IV.2", p(0, 1)) // hd 0.01
		}, order: []string{th, btl, hd, cg, ntl, tx}, ranks: []int{1, 2, 3, 4, 4, 4}},
		{name: "tie on total broken by content", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(5, 0))
			b.assess("s2", cg, "III.4", p(3, 0))
			b.bonus("b1", cg, p(2, 0)) // cg: content 8 + bonus 2 = 10
			b.assess("s3", th, "I.2.1", p(5, 0))
			b.assess("s4", th, "III.4", p(5, 0)) // th: content 10 = 10
		}, order: []string{th, cg, btl, hd, ntl, tx}, ranks: []int{1, 2, 3, 3, 3, 3}},
		{name: "tie on total broken by content with a deduction", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(5, 0))
			b.assess("s2", cg, "III.4", p(5, 0)) // cg: content 10
			b.assess("s3", th, "I.2.1", p(5, 0))
			b.assess("s4", th, "III.4", p(5, 0))
			b.assess("s5", th, "II.1", p(1, 0))
			b.deduct("d1", th, p(1, 0)) // th: content 11 − 1 = 10
		}, order: []string{th, cg, btl, hd, ntl, tx}, ranks: []int{1, 2, 3, 3, 3, 3}},
		{name: "tie on total and content broken by group III", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(5, 0))
			b.assess("s2", cg, "I.2.4", p(3, 0))
			b.assess("s3", cg, "III.4", p(2, 0)) // cg: content 10, III 2
			b.assess("s4", th, "I.2.1", p(5, 0))
			b.assess("s5", th, "III.4", p(5, 0)) // th: content 10, III 5
		}, order: []string{th, cg, btl, hd, ntl, tx}, ranks: []int{1, 2, 3, 3, 3, 3}},
		{name: "full tie shares a rank and is listed by id", setup: func(b *builder) {
			for _, u := range []string{th, cg} {
				b.assess(u+"-s1", u, "I.2.1", p(5, 0))
				b.assess(u+"-s2", u, "III.4", p(5, 0)) // content 10, III 5
			}
		}, order: []string{cg, th, btl, hd, ntl, tx}, ranks: []int{1, 1, 3, 3, 3, 3}},
		{name: "same total and content, different groups other than III", setup: func(b *builder) {
			b.assess("s1", cg, "I.2.1", p(5, 0))
			b.assess("s2", cg, "III.4", p(5, 0)) // I 5, III 5
			b.assess("s3", th, "II.1", p(3, 0))
			b.assess("s4", th, "IV.1", p(2, 0))
			b.assess("s5", th, "III.4", p(5, 0)) // II 3, IV 2, III 5
		}, order: []string{cg, th, btl, hd, ntl, tx}, ranks: []int{1, 1, 3, 3, 3, 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			if tc.setup != nil {
				tc.setup(b)
			}
			var order []string
			var ranks []int
			for _, r := range b.standings(Claimed).Units {
				order = append(order, r.Unit)
				ranks = append(ranks, r.Rank)
			}
			if !slices.Equal(order, tc.order) || !slices.Equal(ranks, tc.ranks) {
				t.Errorf("order %v ranks %v, want %v %v", order, ranks, tc.order, tc.ranks)
			}
		})
	}
}

func TestGates(t *testing.T) {
	cases := []struct {
		name     string
		view     View
		setup    func(b *builder)
		eligible bool
		g1, g2   bool
		total    events.Points
	}{
		{name: "passes both", setup: func(b *builder) {}, eligible: true, g1: true, g2: true, total: p(95, 0)},
		{name: "G1 violation recorded", setup: func(b *builder) {
			b.violation("g1", btl)
		}, eligible: false, g1: false, g2: true, total: p(95, 0)},
		{name: "G1 violation committee-retracted restores eligibility", setup: func(b *builder) {
			b.violation("g1", btl)
			b.cretract("x-g1", "g1")
		}, eligible: true, g1: true, g2: true, total: p(95, 0)},
		{name: "G1 one of two violations retracted", setup: func(b *builder) {
			b.violation("g1", btl)
			b.violation("g2", btl)
			b.cretract("x-g1", "g1")
		}, eligible: false, g1: false, g2: true, total: p(95, 0)},
		{name: "G1 another unit's violation", setup: func(b *builder) {
			b.violation("g1", cg)
		}, eligible: true, g1: true, g2: true, total: p(95, 0)},
		{name: "G2 III.3 = 0", setup: func(b *builder) {
			b.retract("x-d", btl, "bac-tu-liem-district-0")
		}, eligible: false, g1: true, g2: false, total: p(91, 0)}, // 95 − III.3 4
		{name: "G2 late district congress is above 0", setup: func(b *builder) {
			b.retract("x-d", btl, "bac-tu-liem-district-0")
			b.fact("late-d", btl, "2024-08-01", districtCongress())
		}, eligible: true, g1: true, g2: true, total: p(93, 0)}, // 95 − 4 + 2
		{name: "G2 in the verified view needs the congress verified", view: Verified, setup: func(b *builder) {
			b.verifyAll()
			b.reject("rj-d", "bac-tu-liem-district-0")
		}, eligible: false, g1: true, g2: false, total: p(91, 0)},
		{name: "G1 and G2 both fail", setup: func(b *builder) {
			b.violation("g1", btl)
			b.retract("x-d", btl, "bac-tu-liem-district-0")
		}, eligible: false, g1: false, g2: false, total: p(91, 0)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.scoreUnit(btl, p(95, 0)) // 64 + 26 + 5 bonus
			tc.setup(b)
			view := tc.view
			if view == "" {
				view = Claimed
			}
			row := b.row(view, btl)
			if row.Eligible != tc.eligible {
				t.Errorf("eligible = %v, want %v (gates %+v)", row.Eligible, tc.eligible, row.Gates)
			}
			if len(row.Gates) != 2 || row.Gates[0].Code != "G1" || row.Gates[1].Code != "G2" {
				t.Fatalf("gates = %+v, want G1 and G2", row.Gates)
			}
			if row.Gates[0].Passed != tc.g1 || row.Gates[1].Passed != tc.g2 {
				t.Errorf("G1 %v G2 %v, want %v %v", row.Gates[0].Passed, row.Gates[1].Passed, tc.g1, tc.g2)
			}
			for _, g := range row.Gates {
				if !g.Passed && g.Reason == "" {
					t.Errorf("gate %s failed without a reason", g.Code)
				}
			}
			// Gates never change the score.
			if row.Total != tc.total {
				t.Errorf("total = %s, want %s (gates never change the score)", row.Total, tc.total)
			}
			if row.Total >= p(90, 0) && row.Classification != xuatSac {
				t.Errorf("classification %q changed by a gate", row.Classification)
			}
		})
	}
}

// awardScores is the base of the award cases: every unit passes both gates.
// Rank: btl 95, cg 92, hd 85, ntl 80, th 78, tx 76.
var awardScores = map[string]events.Points{
	btl: p(95, 0), cg: p(92, 0), hd: p(85, 0), ntl: p(80, 0), th: p(78, 0), tx: p(76, 0),
}

// anyAward in an expectation means "not checked" (the spec leaves it open).
const anyAward = "*"

func awardsOf(st *Standings) map[string]string {
	out := map[string]string{}
	for _, r := range st.Units {
		out[r.Unit] = ""
		if r.Award != nil {
			out[r.Unit] = *r.Award
		}
	}
	return out
}

func checkAwards(t *testing.T, st *Standings, want map[string]string) {
	t.Helper()
	got := awardsOf(st)
	for u, w := range want {
		if w != anyAward && got[u] != w {
			t.Errorf("%s view: award of %s = %q, want %q (all: %v)", st.View, u, got[u], w, got)
		}
	}
	flags := 0
	for _, a := range got {
		if a == AwardFlag {
			flags++
		}
	}
	if flags > 1 {
		t.Errorf("%s view: %d flags given: %v", st.View, flags, got)
	}
}

func TestAwards(t *testing.T) {
	const F, C = AwardFlag, AwardCertificate
	cases := []struct {
		name   string
		scores map[string]events.Points // nil: awardScores
		setup  func(b *builder)
		want   map[string]string
		ballot string // the ballot that decided the flag, if one did
	}{
		{name: "flag to the best and three certificates",
			want: map[string]string{btl: F, cg: C, hd: C, ntl: C, th: "", tx: ""}},
		{name: "best ranked not eligible (G1)", setup: func(b *builder) {
			b.violation("g1", btl)
		}, want: map[string]string{btl: "", cg: F, hd: C, ntl: C, th: C, tx: ""}},
		{name: "a certificate-level unit not eligible (G2)", setup: func(b *builder) {
			b.retract("x-d", hd, "ha-dong-district-0") // hd 85 − 4 = 81, III.3 = 0
		}, want: map[string]string{btl: F, cg: C, hd: "", ntl: C, th: C, tx: ""}},
		{name: "exactly 90 earns the flag", scores: map[string]events.Points{btl: p(90, 0), cg: p(80, 0)},
			want: map[string]string{btl: F, cg: C, hd: "", ntl: "", th: "", tx: ""}},
		{name: "no unit at 90: no flag", scores: map[string]events.Points{btl: p(89, 99), cg: p(88, 0), hd: p(80, 0), ntl: p(77, 0)},
			want: map[string]string{btl: C, cg: C, hd: C, ntl: "", th: "", tx: ""}},
		{name: "certificates need 75", scores: map[string]events.Points{btl: p(95, 0), cg: p(75, 0), hd: p(74, 99)},
			want: map[string]string{btl: F, cg: C, hd: "", ntl: "", th: "", tx: ""}},
		{name: "only ineligible units at 90: no flag", scores: map[string]events.Points{btl: p(95, 0), cg: p(85, 0)}, setup: func(b *builder) {
			b.violation("g1", btl)
		}, want: map[string]string{btl: "", cg: C, hd: "", ntl: "", th: "", tx: ""}},
		{name: "ballot majority overrides", setup: func(b *builder) {
			b.ballot("ballot", 6, map[string]int64{hd: 4, btl: 2}) // 4 × 2 = 8 > 6
		}, want: map[string]string{hd: F, btl: anyAward, cg: anyAward, ntl: anyAward, th: anyAward, tx: anyAward}, ballot: "ballot"},
		{name: "ballot majority for a unit below 90", setup: func(b *builder) {
			b.ballot("ballot", 5, map[string]int64{tx: 3, btl: 2}) // 3 of 5 > half
		}, want: map[string]string{tx: F, btl: anyAward, cg: anyAward, hd: anyAward, ntl: anyAward, th: anyAward}, ballot: "ballot"},
		{name: "ballot with exactly half does not override", setup: func(b *builder) {
			b.ballot("ballot", 6, map[string]int64{hd: 3, btl: 3}) // 3 × 2 = 6, not > 6
		}, want: map[string]string{btl: F, cg: C, hd: C, ntl: C, th: "", tx: ""}},
		{name: "ballot for an ineligible unit does not override", setup: func(b *builder) {
			b.violation("g1", hd)
			b.ballot("ballot", 6, map[string]int64{hd: 5, btl: 1})
		}, want: map[string]string{btl: F, cg: C, hd: "", ntl: C, th: C, tx: ""}},
		{name: "retracted ballot does not override", setup: func(b *builder) {
			b.ballot("ballot", 6, map[string]int64{hd: 5, btl: 1})
			b.cretract("x-ballot", "ballot")
		}, want: map[string]string{btl: F, cg: C, hd: C, ntl: C, th: "", tx: ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			scores := tc.scores
			if scores == nil {
				scores = awardScores
			}
			for _, u := range []string{btl, cg, hd, ntl, th, tx} {
				if s, ok := scores[u]; ok {
					b.scoreUnit(u, s)
				}
			}
			if tc.setup != nil {
				tc.setup(b)
			}
			st := b.standings(Claimed)
			checkAwards(t, st, tc.want) // provisional
			if st.Ballot != tc.ballot {
				t.Errorf("decided by ballot %q, want %q", st.Ballot, tc.ballot)
			}
			b.verifyAll()
			b.close()
			checkAwards(t, b.standings(Final), tc.want)
		})
	}
}

func TestAwardRevoked(t *testing.T) {
	setup := func(t *testing.T) *builder {
		b := newBuilder(t)
		for _, u := range []string{btl, cg, hd, ntl, th, tx} {
			b.scoreUnit(u, awardScores[u])
		}
		b.verifyAll()
		b.close()
		return b
	}
	t.Run("revoked flag stays visible and does not pass", func(t *testing.T) {
		b := setup(t)
		b.revoke("rv1", btl, AwardFlag)
		st := b.standings(Final)
		checkAwards(t, st, map[string]string{btl: "", cg: AwardCertificate, hd: AwardCertificate, ntl: AwardCertificate, th: "", tx: ""})
		for _, r := range st.Units {
			if r.Unit == btl {
				want := Revocation{Award: AwardFlag, Reason: "sai phạm phát hiện sau", DecisionNo: "99/QĐ-MTTQ", Event: "rv1"}
				if r.Revoked == nil || *r.Revoked != want {
					t.Errorf("btl revoked = %+v, want %+v", r.Revoked, want)
				}
				if r.Rank != 1 || r.Total != p(95, 0) {
					t.Errorf("revocation changed rank or total: %d %s", r.Rank, r.Total)
				}
			} else if r.Revoked != nil {
				t.Errorf("%s shows a revocation", r.Unit)
			}
		}
	})
	t.Run("revoked certificate does not pass to the next unit", func(t *testing.T) {
		b := setup(t)
		b.revoke("rv1", hd, AwardCertificate)
		st := b.standings(Final)
		checkAwards(t, st, map[string]string{btl: AwardFlag, cg: AwardCertificate, hd: "", ntl: AwardCertificate, th: "", tx: ""})
		for _, r := range st.Units {
			if r.Unit == hd && (r.Revoked == nil || r.Revoked.Award != AwardCertificate) {
				t.Errorf("hd revoked = %+v, want the certificate", r.Revoked)
			}
		}
	})
}

func TestStandingFields(t *testing.T) {
	b := newBuilder(t)
	b.scoreUnit(btl, p(95, 0))
	st := b.standings(Claimed)
	if st.Season != DemoSeasonID || st.View != Claimed || len(st.Units) != 6 || len(st.Sheets) != 6 {
		t.Fatalf("standings header: %s %s %d units %d sheets", st.Season, st.View, len(st.Units), len(st.Sheets))
	}
	r := st.Units[0]
	if r.Unit != btl || r.Name != "Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm" || r.Rank != 1 {
		t.Errorf("first row %+v", r)
	}
	// 64 + 26 = 90 content; + 5 bonus = 95
	if r.Content != p(90, 0) || r.Bonus != p(5, 0) || r.Deductions != 0 || r.Total != p(95, 0) {
		t.Errorf("row %s/%s/%s/%s, want 90/5/0/95", r.Content, r.Bonus, r.Deductions, r.Total)
	}
	for g, w := range map[string]events.Points{"I": p(50, 0), "II": p(15, 0), "III": p(20, 0), "IV": p(5, 0)} {
		if r.Groups[g] != w {
			t.Errorf("group %s = %s, want %s", g, r.Groups[g], w)
		}
	}
	if len(r.Groups) != 4 {
		t.Errorf("groups %v, want exactly I–IV", r.Groups)
	}
	it := b.item(Claimed, btl, "III.1")
	if it.Max != p(6, 0) || !strings.Contains(it.NoteEn, "13/13") || len(it.Events) != 13 {
		t.Errorf("III.1 line: max %s note %q events %d", it.Max, it.NoteEn, len(it.Events))
	}
}
