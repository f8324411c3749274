package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
)

func TestReadsTraceAndStream(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	cg := units["cau-giay"]
	fact := `{"id":"cg-dbp70","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ kỷ niệm"},"evidence":[{"kind":"document","title":"Kế hoạch","doc_no":"21/KH"}]}`
	st, b, r := ts.post(cg, fact)
	if st != http.StatusCreated {
		t.Fatalf("post: %d %s", st, b)
	}
	base := "/api/v1/seasons/" + domain.DemoSeasonID

	t.Run("min_seq reads your own write", func(t *testing.T) {
		var sheet struct {
			Total json.Number
			Items []struct {
				Code   string
				Items  []json.RawMessage
				Points json.Number
			}
		}
		st, b := ts.do(http.MethodGet, fmt.Sprintf("%s/units/cau-giay/score?view=claimed&min_seq=%d", base, r.Seq), cg, nil, &sheet)
		if st != http.StatusOK || sheet.Total != "2" {
			t.Fatalf("score: %d total %s: %s", st, sheet.Total, b)
		}
		// I.1.2 (dbp70, any → 2) is traced to the event that produced it.
		if !strings.Contains(string(b), `"code":"I.1.2"`) || !strings.Contains(string(b), `"events":["cg-dbp70"]`) {
			t.Errorf("I.1.2 not traced to cg-dbp70: %s", b)
		}
	})
	t.Run("verified view does not count an unreviewed fact", func(t *testing.T) {
		_, rr, _ := ts.rankings(cg, "verified", r.Seq)
		found := false
		for _, raw := range rr.Units {
			if strings.Contains(string(raw), `"unit":"cau-giay"`) {
				found = true
				if !strings.Contains(string(raw), `"total":0`) {
					t.Errorf("verified: %s", raw)
				}
			}
		}
		if !found {
			t.Error("cau-giay is not in the verified ranking")
		}
	})
	t.Run("min_seq beyond the log answers 503 after waiting", func(t *testing.T) {
		st, b := ts.do(http.MethodGet, fmt.Sprintf("%s/rankings?min_seq=%d", base, r.Seq+1000), cg, nil, nil)
		if st != http.StatusServiceUnavailable || !strings.Contains(string(b), `"unavailable"`) {
			t.Errorf("got %d %s", st, b)
		}
	})
	t.Run("as_of shows the ranking before the fact", func(t *testing.T) {
		var before, now rankingsReply
		ts.do(http.MethodGet, fmt.Sprintf("%s/rankings?view=claimed&as_of=%d", base, r.Seq-1), committee, nil, &before)
		ts.do(http.MethodGet, fmt.Sprintf("%s/rankings?view=claimed&as_of=%d", base, r.Seq), committee, nil, &now)
		if before.Seq != r.Seq-1 || now.Seq != r.Seq {
			t.Fatalf("as_of seqs %d, %d", before.Seq, now.Seq)
		}
		if !strings.Contains(string(now.Units[0]), `"unit":"cau-giay"`) || !strings.Contains(string(now.Units[0]), `"total":2`) {
			t.Errorf("as of %d, first row %s", r.Seq, now.Units[0])
		}
		for _, u := range before.Units {
			if !strings.Contains(string(u), `"total":0`) {
				t.Errorf("as of %d, a unit already has points: %s", r.Seq-1, u)
			}
		}
	})
	t.Run("as_of an instant resolves to the last event recorded by then", func(t *testing.T) {
		var long, past rankingsReply
		future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
		if st, b := ts.do(http.MethodGet, base+"/rankings?view=claimed&as_of="+future, committee, nil, &long); st != http.StatusOK || long.Seq < r.Seq {
			t.Errorf("as_of %s: %d seq %d %s", future, st, long.Seq, b)
		}
		if st, b := ts.do(http.MethodGet, base+"/rankings?as_of=2000-01-01T00:00:00Z", committee, nil, &past); st != http.StatusNotFound {
			t.Errorf("as_of before the season opened: %d %s, want 404", st, b)
		}
		if st, _ := ts.do(http.MethodGet, base+"/rankings?as_of=yesterday", committee, nil, nil); st != http.StatusBadRequest {
			t.Errorf("as_of=yesterday: %d, want 400", st)
		}
	})
	t.Run("final before close is a conflict", func(t *testing.T) {
		if st, _, b := ts.rankings(committee, "final", 0); st != http.StatusConflict {
			t.Errorf("got %d %s", st, b)
		}
	})
	t.Run("season as opened", func(t *testing.T) {
		var s struct {
			Season  string
			Year    int
			Members []struct{ ID string }
			Rubric  struct{ Items []struct{ Code string } }
			Closed  bool
		}
		if st, b := ts.do(http.MethodGet, base, cg, nil, &s); st != http.StatusOK {
			t.Fatalf("%d %s", st, b)
		}
		if s.Season != domain.DemoSeasonID || s.Year != 2024 || len(s.Members) != 6 || len(s.Rubric.Items) != 4 || s.Closed {
			t.Errorf("season: %+v", s)
		}
		if st, _ := ts.do(http.MethodGet, "/api/v1/seasons/no-such-season", cg, nil, nil); st != http.StatusNotFound {
			t.Errorf("unknown season: %d", st)
		}
	})
	t.Run("the stream pushes a new ranking after a commit", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, ts.url+base+"/rankings/stream?view=claimed", nil)
		req.Header.Set("Authorization", "Bearer "+committee)
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
			t.Fatalf("content type %q", ct)
		}
		events := make(chan rankingsReply, 4)
		go func() {
			sc := bufio.NewScanner(resp.Body)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
					var rr rankingsReply
					json.Unmarshal([]byte(data), &rr)
					events <- rr
				}
			}
			close(events)
		}()
		first := <-events
		if first.Seq < r.Seq {
			t.Fatalf("first stream event at seq %d, want ≥ %d", first.Seq, r.Seq)
		}
		st, b, r2 := ts.post(units["tay-ho"], strings.ReplaceAll(strings.ReplaceAll(fact, "cau-giay", "tay-ho"), "cg-dbp70", "th-dbp70"))
		if st != http.StatusCreated {
			t.Fatalf("post: %d %s", st, b)
		}
		select {
		case next := <-events:
			if next.Seq < r2.Seq || !slices.ContainsFunc(next.Units, func(u json.RawMessage) bool {
				return strings.Contains(string(u), `"unit":"tay-ho"`) && strings.Contains(string(u), `"total":2`)
			}) {
				t.Errorf("stream event at seq %d does not show tay-ho's fact (seq %d)", next.Seq, r2.Seq)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no stream event after a commit")
		}
	})
	t.Run("metrics", func(t *testing.T) {
		st, b := ts.do(http.MethodGet, "/metrics", "", nil, nil)
		if st != http.StatusOK {
			t.Fatalf("metrics: %d", st)
		}
		for _, name := range []string{"thidua_events_appended_total{type=\"activity.held\"}", "thidua_projector_checkpoint", "thidua_projector_lag", "thidua_projector_freshness_seconds", "thidua_conflicts_total"} {
			if !strings.Contains(string(b), name) {
				t.Errorf("/metrics has no %s", name)
			}
		}
	})
	t.Run("a revoked token stops working", func(t *testing.T) {
		body, _ := json.Marshal(map[string]string{"role": "auditor"})
		var issued struct{ Token, ID string }
		if st, b := ts.do(http.MethodPost, "/api/v1/tokens", committee, body, &issued); st != http.StatusCreated {
			t.Fatalf("issue: %d %s", st, b)
		}
		if st, _ := ts.do(http.MethodGet, base, issued.Token, nil, nil); st != http.StatusOK {
			t.Fatalf("new token refused: %d", st)
		}
		if st, b := ts.do(http.MethodDelete, "/api/v1/tokens/"+issued.ID, committee, nil, nil); st != http.StatusNoContent {
			t.Fatalf("revoke: %d %s", st, b)
		}
		if st, _ := ts.do(http.MethodGet, base, issued.Token, nil, nil); st != http.StatusUnauthorized {
			t.Errorf("revoked token: %d, want 401", st)
		}
		if st, _ := ts.do(http.MethodPost, "/api/v1/tokens", cg, []byte(`{"role":"committee"}`), nil); st != http.StatusForbidden {
			t.Errorf("a unit issuing a token: %d, want 403", st)
		}
	})
}
