package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
)

func TestSeasonListTimelineAndStreamErrors(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	type list struct {
		Seasons []struct {
			Season  string
			Cluster struct{ ID, Name string }
			Year    int
			Closed  bool
		}
	}
	cases := []struct {
		name, token string
		status      int
		seasons     int
	}{
		{"committee sees the season", committee, http.StatusOK, 1},
		{"a member unit sees it", units["cau-giay"], http.StatusOK, 1},
		{"no token", "", http.StatusUnauthorized, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var l list
			st, b := ts.do(http.MethodGet, "/api/v1/seasons", c.token, nil, &l)
			if st != c.status || len(l.Seasons) != c.seasons {
				t.Fatalf("got %d %s", st, b)
			}
			if c.seasons > 0 && (l.Seasons[0].Season != domain.DemoSeasonID || l.Seasons[0].Year != 2024 || l.Seasons[0].Cluster.ID != "hn-mttq-cum2" || l.Seasons[0].Closed) {
				t.Errorf("season line: %s", b)
			}
		})
	}
	streams := []struct {
		name, path, token string
		status            int
	}{
		{"final before close", "/rankings/stream?view=final", committee, http.StatusConflict},
		{"unknown view", "/rankings/stream?view=draft", committee, http.StatusBadRequest},
		{"no token", "/rankings/stream", "", http.StatusUnauthorized},
	}
	for _, c := range streams {
		t.Run("stream: "+c.name, func(t *testing.T) {
			st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+c.path, c.token, nil, nil)
			if st != c.status || !strings.Contains(string(b), `"error"`) {
				t.Fatalf("got %d %s, want %d with an error body", st, b, c.status)
			}
		})
	}
	t.Run("timeline by event date", func(t *testing.T) {
		for i, date := range []string{"2024-05-07", "2024-03-02"} {
			body := fmt.Sprintf(`{"type":"activity.held","unit":"cau-giay","date":%q,"data":{"kind":"citizen_dialogue","title":"Đối thoại %d"},"evidence":[{"kind":"document","title":"Biên bản"}]}`, date, i)
			if st, b, _ := ts.post(units["cau-giay"], body); st != http.StatusCreated {
				t.Fatalf("post: %d %s", st, b)
			}
		}
		var tl struct {
			View  string
			Seq   uint64
			Dates []string
			Units []struct {
				Unit   string
				Totals []json.Number
			}
		}
		st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/timeline?view=claimed&min_seq="+strconv.FormatUint(ts.logLength(), 10), committee, nil, &tl)
		if st != http.StatusOK || tl.View != "claimed" || strings.Join(tl.Dates, ",") != "2024-03-02,2024-05-07" || len(tl.Units) != 6 {
			t.Fatalf("timeline: %d %s", st, b)
		}
		for _, u := range tl.Units {
			want := "0,0"
			if u.Unit == "cau-giay" {
				want = "1,2" // one citizen dialogue point per date (I.3.4)
			}
			if got := fmt.Sprint(u.Totals[0], ",", u.Totals[1]); got != want {
				t.Errorf("%s totals %s, want %s", u.Unit, got, want)
			}
		}
		for _, c := range []struct {
			path   string
			status int
		}{{"/timeline?view=final", http.StatusConflict}, {"/timeline?view=x", http.StatusBadRequest}} {
			if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+c.path, committee, nil, nil); st != c.status {
				t.Errorf("%s: %d %s, want %d", c.path, st, b, c.status)
			}
		}
		if st, _ := ts.do(http.MethodGet, "/api/v1/seasons/no-such/timeline", committee, nil, nil); st != http.StatusNotFound {
			t.Errorf("unknown season: %d", st)
		}
	})
	t.Run("a unit's sheet: facts with status and evidence, decisions with reasons", func(t *testing.T) {
		th := units["tay-ho"]
		for _, body := range []string{
			`{"id":"th-model","type":"model.recognized","unit":"tay-ho","date":"2024-09-12","data":{"model":"khu-pho-xanh","name":"Khu phố xanh","level":"city","decision_no":"123/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định công nhận","doc_no":"123/QĐ-MTTQ","url":"https://example.org/123.pdf"}]}`,
			`{"id":"th-dup","type":"model.recognized","unit":"tay-ho","date":"2024-09-13","data":{"model":"khu-pho-xanh-2","name":"Khu phố xanh (nộp trùng)","level":"city","decision_no":"124/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định"}]}`,
			`{"type":"fact.retracted","unit":"tay-ho","data":{"target":"th-dup","reason":"nộp trùng"}}`,
		} {
			if st, b, _ := ts.post(th, body); st != http.StatusCreated {
				t.Fatalf("post: %d %s", st, b)
			}
		}
		for _, body := range []string{
			`{"id":"th-bonus","type":"bonus.awarded","unit":"tay-ho","date":"2024-11-01","data":{"points":1.5,"reason":"Đăng cai hội thi của Cụm"}}`,
			`{"id":"th-ded","type":"deduction.applied","unit":"tay-ho","date":"2024-11-02","data":{"points":0.5,"reason":"Báo cáo muộn"}}`,
			`{"type":"committee.retracted","unit":"tay-ho","data":{"target":"th-ded","reason":"Báo cáo đã nộp đúng hạn qua bưu điện"}}`,
		} {
			if st, b, _ := ts.post(committee, body); st != http.StatusCreated {
				t.Fatalf("post: %d %s", st, b)
			}
		}
		var sheet struct {
			Total json.Number
			Bonus []struct {
				Code   string
				Events []string
			}
			Facts []struct {
				ID, Status, Reason, By string
				Evidence               []struct {
					DocNo string `json:"doc_no"`
					URL   string `json:"url"`
				}
			}
			Decisions []struct {
				ID, Type, Status, Reason string
				RetractionReason         string `json:"retraction_reason"`
			}
		}
		path := "/api/v1/seasons/" + domain.DemoSeasonID + "/units/tay-ho/score?view=claimed&min_seq=" + strconv.FormatUint(ts.logLength(), 10)
		if st, b := ts.do(http.MethodGet, path, committee, nil, &sheet); st != http.StatusOK {
			t.Fatalf("score: %d %s", st, b)
		}
		// The city model: 1 (I.2.5) + 3 (B.1); the bonus 1.5; the deduction
		// retracted, the duplicate model retracted.
		if sheet.Total != "5.5" {
			t.Errorf("total %s, want 5.5", sheet.Total)
		}
		facts := map[string]string{}
		for _, f := range sheet.Facts {
			facts[f.ID] = f.Status + ": " + f.Reason
			if f.ID == "th-model" && (len(f.Evidence) != 1 || f.Evidence[0].DocNo != "123/QĐ-MTTQ" || f.Evidence[0].URL == "") {
				t.Errorf("th-model evidence: %+v", f.Evidence)
			}
		}
		if facts["th-model"] != "pending: " || facts["th-dup"] != "retracted: nộp trùng" {
			t.Errorf("facts: %v", facts)
		}
		decisions := map[string]string{}
		for _, d := range sheet.Decisions {
			decisions[d.ID] = d.Status + ": " + d.Reason + " / " + d.RetractionReason
		}
		if decisions["th-bonus"] != "counted: Đăng cai hội thi của Cụm / " || decisions["th-ded"] != "retracted: Báo cáo muộn / Báo cáo đã nộp đúng hạn qua bưu điện" {
			t.Errorf("decisions: %v", decisions)
		}
	})
	t.Run("stream: unknown season", func(t *testing.T) {
		if st, _ := ts.do(http.MethodGet, "/api/v1/seasons/no-such/rankings/stream", committee, nil, nil); st != http.StatusNotFound {
			t.Fatalf("got %d", st)
		}
	})
}
