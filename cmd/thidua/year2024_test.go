package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
)

// TestYear2024 plays a realistic year of Hanoi MTTQ cluster No. 2 through
// the HTTP API of a real `thidua serve` (embedded NATS, SQLite): 375 posts
// by six units and the committee, with rankings checked in every view
// against values worked out by hand from domain.md alone (the arithmetic is
// in year2024_data_test.go, written without reading the scoring code).
func TestYear2024(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	var lastSeq uint64
	checks := 0
	for i, step := range year2024 {
		if step.Check != nil {
			checks++
			checkRankings(t, ts, i, committee, lastSeq, *step.Check)
			continue
		}
		tok := committee
		if step.As != "committee" {
			tok = units[step.As]
		}
		want := step.Status
		if want == 0 {
			want = 201
		}
		st, body, r := ts.post(tok, step.Body)
		if st != want {
			t.Fatalf("step %d (%s): got %d %s, want %d\nbody: %s", i, step.As, st, body, want, step.Body)
		}
		if st == 201 {
			lastSeq = r.Seq
		}
	}
	if checks != 6 {
		t.Errorf("%d checks ran, want 6", checks)
	}
	// The revoked flag stays visible as revoked on the unit that held it.
	_, final, _ := ts.rankings(committee, "final", lastSeq)
	revoked := 0
	for _, raw := range final.Units {
		var u struct {
			Unit    string
			Revoked *struct{ Award string } `json:"revoked_award"`
		}
		json.Unmarshal(raw, &u)
		if u.Revoked != nil {
			revoked++
			if u.Unit != "cau-giay" || u.Revoked.Award != "flag" {
				t.Errorf("revoked award on %s (%s), want the flag on cau-giay", u.Unit, u.Revoked.Award)
			}
		}
	}
	if revoked != 1 {
		t.Errorf("%d revoked awards shown, want 1", revoked)
	}

	// The audit replays the year into a scratch read model and must
	// reproduce every ranking and score sheet byte for byte.
	data := ts.data
	ts.stop()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"thidua", "audit", "--season", domain.DemoSeasonID, "--data", data}, func(string) string { return "" }, nil, &out, os.Stderr); err != nil {
		t.Fatalf("audit: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "OK:") {
		t.Errorf("audit report without OK:\n%s", out.String())
	}
}

type gotUnit struct {
	Rank           int                    `json:"rank"`
	Unit           string                 `json:"unit"`
	Total          json.Number            `json:"total"`
	Content        json.Number            `json:"content"`
	Bonus          json.Number            `json:"bonus"`
	Deductions     json.Number            `json:"deductions"`
	Classification string                 `json:"classification"`
	Eligible       bool                   `json:"eligible"`
	Award          *string                `json:"award"`
	Groups         map[string]json.Number `json:"groups"`
}

func checkRankings(t *testing.T, ts *testServer, step int, token string, minSeq uint64, want yearCheck) {
	t.Helper()
	st, r, body := ts.rankings(token, want.View, minSeq)
	if st != 200 {
		t.Fatalf("step %d: rankings %s: %d %s", step, want.View, st, body)
	}
	if len(r.Units) != len(want.Units) {
		t.Fatalf("step %d: %d units, want %d", step, len(r.Units), len(want.Units))
	}
	for i, raw := range r.Units {
		var g gotUnit
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&g); err != nil {
			t.Fatal(err)
		}
		w := want.Units[i]
		award := ""
		if g.Award != nil {
			award = *g.Award
		}
		got := fmt.Sprintf("rank %d %s total %s content %s bonus %s deductions %s groups [%s %s %s %s] %q eligible %v award %q",
			g.Rank, g.Unit, g.Total, g.Content, g.Bonus, g.Deductions, g.Groups["I"], g.Groups["II"], g.Groups["III"], g.Groups["IV"], g.Classification, g.Eligible, award)
		exp := fmt.Sprintf("rank %d %s total %s content %s bonus %s deductions %s groups [%s %s %s %s] %q eligible %v award %q",
			w.Rank, w.Unit, w.Total, w.Content, w.Bonus, w.Deductions, w.Groups[0], w.Groups[1], w.Groups[2], w.Groups[3], w.Classification, w.Eligible, w.Award)
		if got != exp {
			t.Errorf("step %d, view %s, row %d:\n got  %s\n want %s", step, want.View, i+1, got, exp)
		}
	}
}
