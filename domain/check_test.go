package domain

import (
	"testing"

	"github.com/thidua/thidua/events"
)

// checkSeason: bac-tu-liem has facts m1 and m3 (m3 retracted by x3) and an
// assessment s1; cau-giay has fact m2; assessment s2 was committee-retracted
// by cx2.
func checkSeason(t *testing.T) *builder {
	b := newBuilder(t)
	b.fact("m1", btl, "2024-06-01", model("m1", "district"))
	b.fact("m2", cg, "2024-06-01", model("m2", "district"))
	b.fact("m3", btl, "2024-06-01", model("m3", "district"))
	b.retract("x3", btl, "m3")
	b.assess("s1", btl, "I.1.6", p(1, 0))
	b.assess("s2", btl, "I.2.1", p(1, 0))
	b.cretract("cx2", "s2")
	return b
}

// closedSeason: awardScores verified and closed; btl holds the flag, cg, hd
// and ntl certificates, th and tx nothing.
func closedSeason(t *testing.T) *builder {
	b := newBuilder(t)
	for _, u := range []string{btl, cg, hd, ntl, th, tx} {
		b.scoreUnit(u, awardScores[u])
	}
	b.verifyAll()
	b.close()
	return b
}

func asRole(ev events.Event, role, unit string) events.Event {
	ev.Author = events.Author{Role: role, Unit: unit}
	return ev
}

func unitEvent(id, typ, unit string) events.Event {
	return events.Event{Schema: events.Schema, ID: id, Type: typ, Season: DemoSeasonID, Unit: unit,
		Author: events.Author{Role: events.RoleUnit, Unit: unit}}
}

func TestCheck(t *testing.T) {
	mdl := model("m9", "district")
	assessP := func(item string, pts events.Points) events.Payload {
		return &events.ScoreAssessed{Item: item, Points: pts, Reason: "họp Cụm"}
	}
	retr := func(target string) events.Payload { return &events.Retraction{Target: target, Reason: "nhầm"} }
	review := func(target string) events.Payload { return &events.Review{Target: target} }
	adj := &events.Adjustment{Points: p(1, 0), Reason: "r"}
	revokeP := func(award string) events.Payload {
		return &events.AwardRevoked{Award: award, Reason: "r", DecisionNo: "1/QĐ"}
	}
	opened := func() events.Payload { o := DemoSeason(); return &o }
	const noField = "-" // the field is not checked

	cases := []struct {
		name   string
		season func(t *testing.T) *Season // nil: checkSeason
		ev     events.Event
		p      events.Payload
		code   Code // "" means accepted
		field  string
	}{
		// Accepted events, so that the refusals below are meaningful.
		{name: "own fact", ev: factEv("m9", btl, "2024-06-01", mdl), p: mdl},
		{name: "first day of the year", ev: factEv("m9", btl, "2024-01-01", mdl), p: mdl},
		{name: "last day of the year", ev: factEv("m9", btl, "2024-12-31", mdl), p: mdl},
		{name: "admin may write a fact", ev: asRole(factEv("m9", btl, "2024-06-01", mdl), events.RoleAdmin, ""), p: mdl},
		{name: "own retraction", ev: unitEvent("x1", events.TypeFactRetracted, btl), p: retr("m1")},
		{name: "assessment at its max", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("I.1.6", p(2, 0))},
		{name: "assessment of 0", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("I.1.6", 0)},
		{name: "review without unit", ev: committeeEv("v9", events.TypeFactVerified, ""), p: review("m1")},
		{name: "review with the fact's unit", ev: committeeEv("v9", events.TypeFactRejected, btl), p: review("m1")},
		{name: "committee retracts its assessment", ev: committeeEv("cx9", events.TypeCommitteeRetracted, ""), p: retr("s1")},
		{name: "ballot of members", ev: committeeEv("ba", events.TypeBallotRecorded, ""),
			p: &events.BallotRecorded{Question: "flag", Voters: 6, Votes: map[string]int64{btl: 3, cg: 2}}},
		{name: "season.opened on an empty season", season: func(*testing.T) *Season { return nil },
			ev: committeeEv("open", events.TypeSeasonOpened, ""), p: opened()},
		{name: "season.opened on a season with no events", season: func(*testing.T) *Season { return NewSeason(DemoSeasonID) },
			ev: committeeEv("open", events.TypeSeasonOpened, ""), p: opened()},

		// Roles.
		{name: "unit writing for another unit", ev: asRole(factEv("m9", btl, "2024-06-01", mdl), events.RoleUnit, cg), p: mdl,
			code: Forbidden, field: "unit"},
		{name: "unit retracting for another unit", ev: asRole(unitEvent("x1", events.TypeFactRetracted, btl), events.RoleUnit, cg), p: retr("m1"),
			code: Forbidden, field: "unit"},
		{name: "unit writing a score", ev: asRole(committeeEv("s9", events.TypeScoreAssessed, btl), events.RoleUnit, btl), p: assessP("I.1.6", p(1, 0)),
			code: Forbidden, field: noField},
		{name: "unit awarding itself a bonus", ev: asRole(committeeEv("b9", events.TypeBonusAwarded, btl), events.RoleUnit, btl), p: adj,
			code: Forbidden, field: noField},
		{name: "unit verifying its own fact", ev: asRole(committeeEv("v9", events.TypeFactVerified, btl), events.RoleUnit, btl), p: review("m1"),
			code: Forbidden, field: noField},
		{name: "committee writing a unit fact", ev: asRole(factEv("m9", btl, "2024-06-01", mdl), events.RoleCommittee, ""), p: mdl,
			code: Forbidden, field: noField},
		{name: "committee retracting a unit's fact as the unit", ev: asRole(unitEvent("x1", events.TypeFactRetracted, btl), events.RoleCommittee, ""), p: retr("m1"),
			code: Forbidden, field: noField},
		{name: "auditor writing a fact", ev: asRole(factEv("m9", btl, "2024-06-01", mdl), events.RoleAuditor, ""), p: mdl,
			code: Forbidden, field: noField},
		{name: "auditor writing a committee event", ev: asRole(committeeEv("s9", events.TypeScoreAssessed, btl), events.RoleAuditor, ""), p: assessP("I.1.6", p(1, 0)),
			code: Forbidden, field: noField},
		{name: "no role", ev: asRole(factEv("m9", btl, "2024-06-01", mdl), "", ""), p: mdl,
			code: Forbidden, field: noField},

		// Dates and units.
		{name: "fact dated the year before", ev: factEv("m9", btl, "2023-12-31", mdl), p: mdl, code: Invalid, field: "date"},
		{name: "fact dated the year after", ev: factEv("m9", btl, "2025-01-01", mdl), p: mdl, code: Invalid, field: "date"},
		{name: "fact without a date", ev: factEv("m9", btl, "", mdl), p: mdl, code: Invalid, field: "date"},
		{name: "unknown unit writing its own fact", ev: factEv("m9", "hoan-kiem", "2024-06-01", mdl), p: mdl, code: Invalid, field: "unit"},
		{name: "committee event for an unknown unit", ev: committeeEv("b9", events.TypeBonusAwarded, "hoan-kiem"), p: adj, code: Invalid, field: "unit"},

		// score.assessed.
		{name: "assessment of a rule-driven item", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("I.1.2", p(1, 0)),
			code: Invalid, field: "data.item"},
		{name: "assessment of a group", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("I.1", p(1, 0)),
			code: Invalid, field: "data.item"},
		{name: "assessment of an unknown item", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("V.1", p(1, 0)),
			code: Invalid, field: "data.item"},
		{name: "assessment of a bonus line", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("B.3", p(1, 0)),
			code: Invalid, field: "data.item"},
		{name: "assessment over the max", ev: committeeEv("s9", events.TypeScoreAssessed, btl), p: assessP("I.1.6", p(2, 1)),
			code: Invalid, field: "data.points"}, // 2.01 > 2

		// Reviews.
		{name: "review of an unknown event", ev: committeeEv("v9", events.TypeFactVerified, ""), p: review("nope"),
			code: Invalid, field: "data.target"},
		{name: "review of a committee event", ev: committeeEv("v9", events.TypeFactVerified, ""), p: review("s1"),
			code: Invalid, field: "data.target"},
		{name: "review naming another unit than the fact's", ev: committeeEv("v9", events.TypeFactRejected, cg), p: review("m1"),
			code: Invalid, field: "unit"},

		// Retractions.
		{name: "fact.retracted of another unit's fact", ev: unitEvent("x1", events.TypeFactRetracted, cg), p: retr("m1"),
			code: Invalid, field: noField},
		{name: "fact.retracted of an unknown event", ev: unitEvent("x1", events.TypeFactRetracted, btl), p: retr("nope"),
			code: Invalid, field: "data.target"},
		{name: "fact.retracted of a committee event", ev: unitEvent("x1", events.TypeFactRetracted, btl), p: retr("s1"),
			code: Invalid, field: "data.target"},
		{name: "fact retracted twice", ev: unitEvent("x1", events.TypeFactRetracted, btl), p: retr("m3"),
			code: Conflict, field: noField},
		{name: "committee event retracted twice", ev: committeeEv("cx9", events.TypeCommitteeRetracted, ""), p: retr("s2"),
			code: Conflict, field: noField},
		{name: "committee retracting a unit's fact", ev: committeeEv("cx9", events.TypeCommitteeRetracted, ""), p: retr("m1"),
			code: Invalid, field: "data.target"},
		{name: "committee retracting the opening", ev: committeeEv("cx9", events.TypeCommitteeRetracted, ""), p: retr("open"),
			code: Invalid, field: "data.target"},

		// Season life.
		{name: "season.opened twice", ev: committeeEv("open2", events.TypeSeasonOpened, ""), p: opened(), code: Conflict, field: noField},
		{name: "fact on an empty season", season: func(*testing.T) *Season { return nil },
			ev: factEv("m9", btl, "2024-06-01", mdl), p: mdl, code: NotFound, field: noField},
		{name: "committee event on an unopened season", season: func(*testing.T) *Season { return NewSeason(DemoSeasonID) },
			ev: committeeEv("b9", events.TypeBonusAwarded, btl), p: adj, code: NotFound, field: noField},
		{name: "award.revoked before close", ev: committeeEv("rv", events.TypeAwardRevoked, btl), p: revokeP(AwardFlag),
			code: Conflict, field: noField},

		// award.revoked after close.
		{name: "revoke the flag holder's flag", season: func(t *testing.T) *Season { return closedSeason(t).s },
			ev: committeeEv("rv", events.TypeAwardRevoked, btl), p: revokeP(AwardFlag)},
		{name: "revoke a certificate holder's certificate", season: func(t *testing.T) *Season { return closedSeason(t).s },
			ev: committeeEv("rv", events.TypeAwardRevoked, cg), p: revokeP(AwardCertificate)},
		{name: "revoke a flag from a certificate holder", season: func(t *testing.T) *Season { return closedSeason(t).s },
			ev: committeeEv("rv", events.TypeAwardRevoked, cg), p: revokeP(AwardFlag), code: Conflict, field: noField},
		{name: "revoke a certificate from the flag holder", season: func(t *testing.T) *Season { return closedSeason(t).s },
			ev: committeeEv("rv", events.TypeAwardRevoked, btl), p: revokeP(AwardCertificate), code: Conflict, field: noField},
		{name: "revoke from a unit with no award", season: func(t *testing.T) *Season { return closedSeason(t).s },
			ev: committeeEv("rv", events.TypeAwardRevoked, tx), p: revokeP(AwardCertificate), code: Conflict, field: noField},
		{name: "revoke the same award twice", season: func(t *testing.T) *Season {
			b := closedSeason(t)
			b.revoke("rv1", btl, AwardFlag)
			return b.s
		}, ev: committeeEv("rv2", events.TypeAwardRevoked, btl), p: revokeP(AwardFlag), code: Conflict, field: noField},

		// Ballots and types.
		{name: "ballot naming a non-member", ev: committeeEv("ba", events.TypeBallotRecorded, ""),
			p:    &events.BallotRecorded{Question: "flag", Voters: 6, Votes: map[string]int64{btl: 2, "hoan-kiem": 3}},
			code: Invalid, field: "data.votes.hoan-kiem"},
		{name: "unknown type", ev: committeeEv("z", "season.reopened", ""), p: &events.SeasonClosed{}, code: Invalid, field: "type"},
		{name: "system type", ev: committeeEv("z", events.TypeTokenRevoked, ""), p: &events.TokenRevoked{ID: "tok"}, code: Invalid, field: "type"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var s *Season
			if tc.season != nil {
				s = tc.season(t)
			} else {
				s = checkSeason(t).s
			}
			err := Check(s, tc.ev, tc.p)
			code, field := errCode(t, err)
			if code != tc.code {
				t.Fatalf("Check = %v, want code %q", err, tc.code)
			}
			if tc.code != "" && tc.field != noField && field != tc.field {
				t.Errorf("Check = %v, want field %q", err, tc.field)
			}
		})
	}
}
