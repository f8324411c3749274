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
	t.Run("stream: unknown season", func(t *testing.T) {
		if st, _ := ts.do(http.MethodGet, "/api/v1/seasons/no-such/rankings/stream", committee, nil, nil); st != http.StatusNotFound {
			t.Fatalf("got %d", st)
		}
	})
}
