package domain

import (
	"fmt"
	"strings"

	"github.com/thidua/thidua/events"
)

// How an award was decided (AwardBasis.Basis).
const (
	BasisRank    = "rank"
	BasisBallot  = "ballot"
	BasisRevoked = "revoked"
)

// AwardBasis says how one unit's award was decided: by rank, by the
// cluster's ballot (with the vote), or revoked later (with the decision).
// It is a sibling of the ranking's units in replies, never part of
// Standing, whose encoding is signed.
type AwardBasis struct {
	Unit  string `json:"unit"`
	Name  string `json:"name"`
	Award string `json:"award"`
	Basis string `json:"basis"`
	Rank  int    `json:"rank"`
	// Votes and Voters are the ballot's, for a flag decided by ballot (or
	// one so decided and later revoked); Ballot is its event id.
	Votes  int64  `json:"votes,omitempty"`
	Voters int64  `json:"voters,omitempty"`
	Ballot string `json:"ballot,omitempty"`
	// DecidedBy is how a revoked award had been given (rank or ballot).
	DecidedBy string `json:"decided_by,omitempty"`
	// DecisionNo, Reason and Revocation (its event id) say why an award
	// was revoked.
	DecisionNo    string `json:"decision_no,omitempty"`
	Reason        string `json:"reason,omitempty"`
	Revocation    string `json:"revocation,omitempty"`
	Explanation   string `json:"explanation"`
	ExplanationEn string `json:"explanation_en"`
}

// awardTitle is awardName as a sentence starts it.
func awardTitle(award string) bi {
	vi, en := awardName(award)
	return bi{vi, strings.ToUpper(en[:1]) + en[1:]}
}

// explainAwards writes how each award of st was decided; flag is the row
// given the flag (−1: none), ballot the latest live flag ballot (nil: none)
// and byBallot whether it decided the flag. Rows are in rank order, with
// revocations not yet applied.
func (s *Season) explainAwards(st *Standings, flag int, ballot *Entry, byBallot bool) []AwardBasis {
	a := s.Rubric.Awards
	out := []AwardBasis{}
	var bp *events.BallotRecorded
	if ballot != nil {
		bp = ballot.Payload.(*events.BallotRecorded)
	}
	byRank := -1 // who the flag would have gone to by rank alone
	for i, row := range st.Units {
		if row.Eligible && row.Total >= a.FlagMin {
			byRank = i
			break
		}
	}
	for i, row := range st.Units {
		if row.Award == nil {
			continue
		}
		b := AwardBasis{Unit: row.Unit, Name: row.Name, Award: *row.Award, Basis: BasisRank, Rank: row.Rank}
		an := awardTitle(b.Award)
		switch {
		case i == flag && byBallot:
			b.Basis, b.Votes, b.Voters, b.Ballot = BasisBallot, bp.Votes[row.Unit], bp.Voters, ballot.Event.ID
			b.Explanation = fmt.Sprintf("%s theo kết quả bỏ phiếu của cụm: %s/%s phiếu, quá nửa số người có quyền bỏ phiếu (xếp hạng %d, %s điểm).",
				an.vi, viInt(b.Votes), viInt(b.Voters), row.Rank, viPoints(row.Total))
			b.ExplanationEn = fmt.Sprintf("%s by the cluster's ballot: %s of %s votes, more than half of the eligible voters (ranked %d, %s points).",
				an.en, enInt(b.Votes), enInt(b.Voters), row.Rank, row.Total)
			if byRank >= 0 && byRank != i {
				b.Explanation += fmt.Sprintf(" Theo điểm, cờ thuộc về %s.", st.Units[byRank].Name)
				b.ExplanationEn += fmt.Sprintf(" By score alone the flag would go to %s.", st.Units[byRank].Name)
			}
		case i == flag:
			b.Explanation = fmt.Sprintf("%s theo thứ hạng: đơn vị đủ điều kiện có thứ hạng cao nhất (hạng %d, %s điểm, từ %s điểm trở lên).",
				an.vi, row.Rank, viPoints(row.Total), viPoints(a.FlagMin))
			b.ExplanationEn = fmt.Sprintf("%s by rank: the best-ranked eligible unit (rank %d, %s points, at least %s).",
				an.en, row.Rank, row.Total, a.FlagMin)
			if bp != nil {
				top := int64(0)
				for _, r := range st.Units {
					if r.Eligible {
						top = max(top, bp.Votes[r.Unit])
					}
				}
				b.Explanation += fmt.Sprintf(" Phiếu bầu không cho đơn vị đủ điều kiện nào quá nửa (nhiều nhất %s/%s phiếu).", viInt(top), viInt(bp.Voters))
				b.ExplanationEn += fmt.Sprintf(" The ballot gave no eligible unit more than half (at most %s of %s votes).", enInt(top), enInt(bp.Voters))
				// A majority for a unit that may not be nominated is said, or
				// the reader wonders why the vote did not count.
				for _, r := range st.Units {
					if !r.Eligible && bp.Votes[r.Unit]*2 > bp.Voters {
						b.Explanation += fmt.Sprintf(" %s được %s/%s phiếu nhưng không đủ điều kiện đề nghị khen thưởng.", r.Name, viInt(bp.Votes[r.Unit]), viInt(bp.Voters))
						b.ExplanationEn += fmt.Sprintf(" %s had %s of %s votes but may not be nominated.", r.Name, enInt(bp.Votes[r.Unit]), enInt(bp.Voters))
					}
				}
			}
		default:
			b.Explanation = fmt.Sprintf("%s theo thứ hạng: đơn vị đủ điều kiện tiếp theo (hạng %d, %s điểm, từ %s điểm trở lên).",
				an.vi, row.Rank, viPoints(row.Total), viPoints(a.CertificateMin))
			b.ExplanationEn = fmt.Sprintf("%s by rank: the next eligible unit (rank %d, %s points, at least %s).",
				an.en, row.Rank, row.Total, a.CertificateMin)
		}
		out = append(out, b)
	}
	return out
}

// revokeBasis turns an award's basis into its revocation.
func revokeBasis(b *AwardBasis, r *Revocation) {
	an := awardTitle(b.Award)
	how := bi{"theo thứ hạng", "by rank"}
	if b.Basis == BasisBallot {
		how = bi{fmt.Sprintf("theo bỏ phiếu, %s/%s phiếu", viInt(b.Votes), viInt(b.Voters)), fmt.Sprintf("by ballot, %s of %s votes", enInt(b.Votes), enInt(b.Voters))}
	}
	b.DecidedBy, b.Basis = b.Basis, BasisRevoked
	b.DecisionNo, b.Reason, b.Revocation = r.DecisionNo, r.Reason, r.Event
	b.Explanation = fmt.Sprintf("%s đã bị thu hồi theo quyết định số %s: %s (đã được trao %s).", an.vi, r.DecisionNo, r.Reason, how.vi)
	b.ExplanationEn = fmt.Sprintf("%s revoked by decision %s: %s (it had been given %s).", an.en, r.DecisionNo, r.Reason, how.en)
}
