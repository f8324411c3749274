package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
)

type awardBasisReply struct {
	Unit          string `json:"unit"`
	Award         string `json:"award"`
	Basis         string `json:"basis"`
	Votes         int64  `json:"votes"`
	Voters        int64  `json:"voters"`
	DecidedBy     string `json:"decided_by"`
	DecisionNo    string `json:"decision_no"`
	Reason        string `json:"reason"`
	Explanation   string `json:"explanation"`
	ExplanationEn string `json:"explanation_en"`
}

// awards reads the rankings' "awards" in a view after minSeq.
func (ts *testServer) awards(token, view string, minSeq uint64) []awardBasisReply {
	ts.t.Helper()
	var r struct {
		Awards []awardBasisReply `json:"awards"`
	}
	path := fmt.Sprintf("/api/v1/seasons/%s/rankings?view=%s&min_seq=%d", domain.DemoSeasonID, view, minSeq)
	if st, b := ts.do(http.MethodGet, path, token, nil, &r); st != http.StatusOK {
		ts.t.Fatalf("rankings: %d %s", st, b)
	}
	return r.Awards
}

// TestAwardBasisInAPIAndAudit plays the demo year to its meeting, records
// a ballot that moves the flag from cau-giay (ranked 2, the best eligible)
// to ha-dong (ranked 3), closes the season and revokes the flag. An award
// by rank, one by ballot and a revoked one each carry how they were decided
// in the rankings reply and in the audit report (HTML and JSON), and the
// audit names the person who recorded a fact with a named token.
func TestAwardBasisInAPIAndAudit(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "1h")
	committee, units := ts.openDemoSeason()
	playYearUntilClose(t, ts, committee, units)

	// A named token for cau-giay, and a fact it records.
	st, hoa, _, b := ts.issueAs(testAdmin, map[string]string{"role": "unit", "unit": "cau-giay", "holder": "Nguyễn Thị Hoa", "position": "Phó Chủ tịch Ủy ban MTTQ quận Cầu Giấy"})
	if st != http.StatusCreated {
		t.Fatalf("issue a named token: %d %s", st, b)
	}
	if st, b, _ := ts.post(hoa, `{"id":"hoa-dialogue","type":"activity.held","unit":"cau-giay","date":"2024-11-25","data":{"kind":"citizen_dialogue","title":"Đối thoại với nhân dân phường Dịch Vọng"},"evidence":[{"kind":"document","title":"Biên bản đối thoại"}]}`); st != http.StatusCreated {
		t.Fatalf("fact by the named token: %d %s", st, b)
	}

	find := func(list []awardBasisReply, unit, award string) awardBasisReply {
		t.Helper()
		for _, a := range list {
			if a.Unit == unit && a.Award == award {
				return a
			}
		}
		t.Fatalf("no %s for %s in %+v", award, unit, list)
		return awardBasisReply{}
	}
	byRank := find(ts.awards(committee, "verified", ts.logLength()), "cau-giay", "flag")
	if byRank.Basis != domain.BasisRank || !strings.Contains(byRank.Explanation, "Cờ thi đua theo thứ hạng") {
		t.Errorf("before the ballot, cau-giay's flag: %+v", byRank)
	}

	st, b, ballot := ts.post(committee, `{"id":"meeting-ballot","type":"ballot.recorded","date":"2024-11-28","data":{"question":"flag","voters":6,"votes":{"ha-dong":4,"cau-giay":2}}}`)
	if st != http.StatusCreated {
		t.Fatalf("ballot: %d %s", st, b)
	}
	after := ts.awards(committee, "verified", ballot.Seq)
	cases := []struct {
		name, unit, award, basis string
		want                     []string // in the explanation
	}{
		{"flag by ballot", "ha-dong", "flag", domain.BasisBallot, []string{"theo kết quả bỏ phiếu của cụm: 4/6 phiếu", "Theo điểm, cờ thuộc về Ủy ban MTTQ Việt Nam quận Cầu Giấy"}},
		{"certificate by rank", "cau-giay", "certificate", domain.BasisRank, []string{"Bằng khen theo thứ hạng", "hạng 2"}},
	}
	for _, c := range cases {
		t.Run("API: "+c.name, func(t *testing.T) {
			a := find(after, c.unit, c.award)
			if a.Basis != c.basis {
				t.Errorf("basis %q, want %q", a.Basis, c.basis)
			}
			for _, w := range c.want {
				if !strings.Contains(a.Explanation, w) {
					t.Errorf("explanation %q lacks %q", a.Explanation, w)
				}
			}
			if a.ExplanationEn == "" {
				t.Error("no English explanation")
			}
		})
	}
	if a := find(after, "ha-dong", "flag"); a.Votes != 4 || a.Voters != 6 {
		t.Errorf("ballot votes %d/%d, want 4/6", a.Votes, a.Voters)
	}

	if st, b, _ := ts.post(committee, `{"id":"close","type":"season.closed","date":"2024-12-20"}`); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	beforeRevoke := ts.logLength()
	st, b, rv := ts.post(committee, `{"id":"revoke-flag","type":"award.revoked","unit":"ha-dong","date":"2025-03-02","data":{"award":"flag","reason":"Phát hiện kê khai sai số liệu Quỹ Vì người nghèo","decision_no":"15/QĐ-MTTQ-BTT"}}`)
	if st != http.StatusCreated {
		t.Fatalf("revoke: %d %s", st, b)
	}
	t.Run("API: revoked", func(t *testing.T) {
		a := find(ts.awards(committee, "final", rv.Seq), "ha-dong", "flag")
		if a.Basis != domain.BasisRevoked || a.DecidedBy != domain.BasisBallot || a.DecisionNo != "15/QĐ-MTTQ-BTT" || a.Reason != "Phát hiện kê khai sai số liệu Quỹ Vì người nghèo" {
			t.Errorf("revoked flag: %+v", a)
		}
		for _, w := range []string{"đã bị thu hồi theo quyết định số 15/QĐ-MTTQ-BTT", "Phát hiện kê khai sai số liệu", "đã được trao theo bỏ phiếu, 4/6 phiếu"} {
			if !strings.Contains(a.Explanation, w) {
				t.Errorf("explanation %q lacks %q", a.Explanation, w)
			}
		}
	})

	// The audit, from the exported log, with the stopped server's read
	// model for the names of the tokens' holders.
	ts.stop()
	dir := t.TempDir()
	log := filepath.Join(dir, "season.jsonl")
	if err := run(context.Background(), []string{"thidua", "export", "--season", domain.DemoSeasonID, "--data", ts.data, "--out", log}, noEnv, nil, io.Discard, io.Discard); err != nil {
		t.Fatalf("export: %v", err)
	}
	var pub bytes.Buffer
	if err := run(context.Background(), []string{"thidua", "key", "--data", ts.data}, noEnv, nil, &pub, io.Discard); err != nil {
		t.Fatalf("key: %v", err)
	}
	key := filepath.Join(dir, "committee.pub")
	if err := os.WriteFile(key, pub.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(ts.data, "thidua.db")
	audits := []struct {
		name  string
		args  []string
		wants []string // in the HTML report
		basis map[string]string
	}{
		{name: "at the end: revoked, and the certificate by rank",
			args:  []string{"--db", db},
			wants: []string{`data-basis="revoked"`, "Cờ thi đua đã bị thu hồi theo quyết định số 15/QĐ-MTTQ-BTT: Phát hiện kê khai sai số liệu Quỹ Vì người nghèo", `data-basis="rank"`, "Bằng khen theo thứ hạng", `<span class="person">Nguyễn Thị Hoa — Phó Chủ tịch Ủy ban MTTQ quận Cầu Giấy</span>`},
			basis: map[string]string{"ha-dong": domain.BasisRevoked, "cau-giay": domain.BasisRank}},
		{name: "as of the close: the flag by ballot",
			args:  []string{"--as-of", fmt.Sprint(beforeRevoke), "--db", db},
			wants: []string{`data-basis="ballot"`, "Cờ thi đua theo kết quả bỏ phiếu của cụm: 4/6 phiếu, quá nửa số người có quyền bỏ phiếu"},
			basis: map[string]string{"ha-dong": domain.BasisBallot, "cau-giay": domain.BasisRank}},
	}
	for _, a := range audits {
		t.Run("audit "+a.name, func(t *testing.T) {
			html := filepath.Join(t.TempDir(), "report.html")
			rep, err := runAudit(t, log, key, append(a.args, "--html", html)...)
			if err != nil || !rep.OK {
				t.Fatalf("audit: %v %+v", err, rep.Problems)
			}
			page, err := os.ReadFile(html)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range a.wants {
				if !bytes.Contains(page, []byte(w)) {
					t.Errorf("the HTML report lacks %q", w)
				}
			}
			final := rep.Rankings[len(rep.Rankings)-1]
			got := map[string]string{}
			for _, b := range final.Awards {
				got[b.Unit] = b.Basis
			}
			for unit, basis := range a.basis {
				if got[unit] != basis {
					t.Errorf("%s ranking: %s decided %q, want %q (%+v)", final.View, unit, got[unit], basis, final.Awards)
				}
			}
		})
	}
	t.Run("audit JSON names the people", func(t *testing.T) {
		rep, _ := runAudit(t, log, key, "--db", db)
		var named bool
		for _, name := range rep.People {
			named = named || name == "Nguyễn Thị Hoa — Phó Chủ tịch Ủy ban MTTQ quận Cầu Giấy"
		}
		if !named {
			b, _ := json.Marshal(rep.People)
			t.Errorf("people %s", b)
		}
	})
}
