package domain

import (
	"strings"
	"testing"
)

// TestAwardBasis: every award says how it was decided, in words a person
// reads: by rank, by ballot with the vote, or revoked with the decision.
func TestAwardBasis(t *testing.T) {
	cases := []struct {
		name  string
		setup func(b *builder)
		unit  string
		want  AwardBasis // Explanation and ExplanationEn: substrings
	}{
		{name: "flag by rank", unit: btl,
			want: AwardBasis{Award: AwardFlag, Basis: BasisRank, Rank: 1,
				Explanation: "Cờ thi đua theo thứ hạng: đơn vị đủ điều kiện có thứ hạng cao nhất (hạng 1, 95 điểm, từ 90 điểm trở lên).", ExplanationEn: "Emulation flag by rank"}},
		{name: "certificate by rank", unit: cg,
			want: AwardBasis{Award: AwardCertificate, Basis: BasisRank, Rank: 2,
				Explanation: "Bằng khen theo thứ hạng: đơn vị đủ điều kiện tiếp theo (hạng 2", ExplanationEn: "Certificate of merit by rank: the next eligible unit (rank 2"}},
		{name: "flag by ballot", unit: hd, setup: func(b *builder) {
			b.ballot("ballot", 9, map[string]int64{hd: 5, btl: 4})
		}, want: AwardBasis{Award: AwardFlag, Basis: BasisBallot, Rank: 3, Votes: 5, Voters: 9, Ballot: "ballot",
			Explanation: "Cờ thi đua theo kết quả bỏ phiếu của cụm: 5/9 phiếu, quá nửa số người có quyền bỏ phiếu (xếp hạng 3", ExplanationEn: "5 of 9 votes"}},
		{name: "flag by rank, ballot without majority", unit: btl, setup: func(b *builder) {
			b.ballot("ballot", 9, map[string]int64{hd: 4, btl: 4})
		}, want: AwardBasis{Award: AwardFlag, Basis: BasisRank, Rank: 1,
			Explanation: "Phiếu bầu không cho đơn vị đủ điều kiện nào quá nửa (nhiều nhất 4/9 phiếu)", ExplanationEn: "at most 4 of 9 votes"}},
		{name: "flag by rank, the ballot's majority not eligible", unit: btl, setup: func(b *builder) {
			b.violation("g1", hd)
			b.ballot("ballot", 9, map[string]int64{hd: 6, btl: 3})
		}, want: AwardBasis{Award: AwardFlag, Basis: BasisRank, Rank: 1,
			Explanation: "được 6/9 phiếu nhưng không đủ điều kiện đề nghị khen thưởng", ExplanationEn: "had 6 of 9 votes but may not be nominated"}},
		{name: "flag revoked", unit: btl, setup: func(b *builder) {
			b.verifyAll()
			b.close()
			b.revoke("rv1", btl, AwardFlag)
		}, want: AwardBasis{Award: AwardFlag, Basis: BasisRevoked, Rank: 1, DecidedBy: BasisRank, DecisionNo: "99/QĐ-MTTQ", Reason: "sai phạm phát hiện sau", Revocation: "rv1",
			Explanation: "Cờ thi đua đã bị thu hồi theo quyết định số 99/QĐ-MTTQ: sai phạm phát hiện sau (đã được trao theo thứ hạng)", ExplanationEn: "revoked by decision 99/QĐ-MTTQ"}},
		{name: "flag by ballot, then revoked", unit: hd, setup: func(b *builder) {
			b.ballot("ballot", 9, map[string]int64{hd: 5})
			b.verifyAll()
			b.close()
			b.revoke("rv1", hd, AwardFlag)
		}, want: AwardBasis{Award: AwardFlag, Basis: BasisRevoked, Rank: 3, Votes: 5, Voters: 9, Ballot: "ballot", DecidedBy: BasisBallot, DecisionNo: "99/QĐ-MTTQ", Reason: "sai phạm phát hiện sau", Revocation: "rv1",
			Explanation: "(đã được trao theo bỏ phiếu, 5/9 phiếu)", ExplanationEn: "by ballot, 5 of 9 votes"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			for _, u := range []string{btl, cg, hd, ntl, th, tx} {
				b.scoreUnit(u, awardScores[u])
			}
			if tc.setup != nil {
				tc.setup(b)
			}
			view := Claimed
			if b.s.Closed != nil {
				view = Final
			}
			st := b.standings(view)
			var got *AwardBasis
			for i := range st.Awards {
				if st.Awards[i].Unit == tc.unit && st.Awards[i].Award == tc.want.Award {
					got = &st.Awards[i]
				}
			}
			if got == nil {
				t.Fatalf("no basis for %s's %s in %+v", tc.unit, tc.want.Award, st.Awards)
			}
			if !strings.Contains(got.Explanation, tc.want.Explanation) || !strings.Contains(got.ExplanationEn, tc.want.ExplanationEn) {
				t.Errorf("explanation:\n got  %q / %q\n want %q / %q", got.Explanation, got.ExplanationEn, tc.want.Explanation, tc.want.ExplanationEn)
			}
			g, w := *got, tc.want
			g.Explanation, g.ExplanationEn, g.Name, w.Explanation, w.ExplanationEn, w.Unit = "", "", "", "", "", ""
			g.Unit = ""
			if g != w {
				t.Errorf("basis = %+v\n want %+v", g, w)
			}
		})
	}
	t.Run("one basis per award, in rank order", func(t *testing.T) {
		b := newBuilder(t)
		for _, u := range []string{btl, cg, hd, ntl, th, tx} {
			b.scoreUnit(u, awardScores[u])
		}
		st := b.standings(Claimed)
		n := 0
		for _, r := range st.Units {
			if r.Award != nil {
				if n >= len(st.Awards) || st.Awards[n].Unit != r.Unit || st.Awards[n].Award != *r.Award {
					t.Fatalf("awards %+v do not follow the ranking's", st.Awards)
				}
				n++
			}
		}
		if n != len(st.Awards) || n != 4 {
			t.Errorf("%d awards explained for %d given", len(st.Awards), n)
		}
	})
}
