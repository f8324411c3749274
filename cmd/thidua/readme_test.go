package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
)

// TestREADMENewSeason posts the README's example of a new season, as
// written there, to a real server: the example a committee copies must work.
func TestREADMENewSeason(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "cat > open-2025.json <<'JSON'\n")
	body, _, ok2 := strings.Cut(rest, "\nJSON\n")
	if !ok || !ok2 {
		t.Fatal("the README has no open-2025.json example")
	}
	ts := startServer(t, "")
	st, reply := ts.do(http.MethodPost, "/api/v1/seasons/hn-mttq-cum5-2025/events", testAdmin, []byte(body), nil)
	if st != http.StatusCreated {
		t.Fatalf("the README's season: %d %s", st, reply)
	}
	// The season reply carries what was opened.
	var season map[string]any
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/hn-mttq-cum5-2025?min_seq=1", testAdmin, nil, &season); st != http.StatusOK {
		t.Fatalf("GET season: %d %s", st, b)
	}
	for _, k := range []string{"catalogue", "covenant", "members"} {
		if season[k] == nil {
			t.Errorf("the season reply has no %s", k)
		}
	}
	// Posted back as it is, the reply opens the next season.
	season["year"] = 2026
	data, err := json.Marshal(season)
	if err != nil {
		t.Fatal(err)
	}
	var opened appendReply
	if st, reply := ts.do(http.MethodPost, "/api/v1/seasons/hn-mttq-cum5-2026/events", testAdmin, []byte(`{"type":"season.opened","data":`+string(data)+`}`), &opened); st != http.StatusCreated {
		t.Fatalf("the season reply posted back as a new season: %d %s", st, reply)
	}
	var next map[string]any
	if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/hn-mttq-cum5-2026?min_seq=%d", opened.Seq), testAdmin, nil, &next); st != http.StatusOK || next["season"] != "hn-mttq-cum5-2026" || next["closed"] != false {
		t.Errorf("the next season: %d %s", st, b)
	}
}
