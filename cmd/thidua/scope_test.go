package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// cluster is one side of a server holding two clusters: its 2024 season, a
// member unit, and tokens bound to it.
type cluster struct {
	id, season, unit string
	committee        string // a committee token bound to the cluster
	auditor          string // an auditor token bound to the cluster
	unitToken        string // a unit token of unit
}

// openSecondCluster opens, as the admin, a 2024 season of another cluster:
// two communes, the default rubric.
func (ts *testServer) openSecondCluster() cluster {
	ts.t.Helper()
	c := cluster{id: "hn-mttq-cum3", season: "hn-mttq-cum3-2024", unit: "xa-b"}
	season := domain.DemoSeason()
	season.Cluster = events.Cluster{ID: c.id, Name: "Cụm thi đua số 3"}
	season.Members = []events.Member{{ID: "xa-a", Name: "Ủy ban MTTQ xã A", Wards: 9}, {ID: "xa-b", Name: "Ủy ban MTTQ xã B", Wards: 12}}
	season.Head, season.Deputy = "xa-a", "xa-b"
	ts.openSeason(c.season, season)
	return c
}

func (ts *testServer) openSeason(id string, season events.SeasonOpened) {
	ts.t.Helper()
	data, err := json.Marshal(season)
	if err != nil {
		ts.t.Fatal(err)
	}
	body := fmt.Sprintf(`{"type":"season.opened","data":%s}`, data)
	var r appendReply
	if st, b := ts.do(http.MethodPost, "/api/v1/seasons/"+id+"/events", testAdmin, []byte(body), &r); st != http.StatusCreated {
		ts.t.Fatalf("open season %s: %d %s", id, st, b)
	}
	// Reads are served from the read model: wait until it holds the season.
	if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s?min_seq=%d", id, r.Seq), testAdmin, nil, nil); st != http.StatusOK {
		ts.t.Fatalf("season %s after opening: %d %s", id, st, b)
	}
}

// issueAs issues a token through the API and returns it with its id.
func (ts *testServer) issueAs(by string, req map[string]string) (status int, token, id string, body []byte) {
	ts.t.Helper()
	b, _ := json.Marshal(req)
	var out struct{ Token, ID string }
	st, reply := ts.do(http.MethodPost, "/api/v1/tokens", by, b, &out)
	return st, out.Token, out.ID, reply
}

func (ts *testServer) mustIssue(req map[string]string) (token, id string) {
	ts.t.Helper()
	st, tok, id, b := ts.issueAs(testAdmin, req)
	if st != http.StatusCreated {
		ts.t.Fatalf("issue %v: %d %s", req, st, b)
	}
	return tok, id
}

// bind issues the committee, auditor and unit tokens of a cluster.
func (ts *testServer) bind(c cluster) cluster {
	c.committee, _ = ts.mustIssue(map[string]string{"role": events.RoleCommittee, "cluster": c.id})
	c.auditor, _ = ts.mustIssue(map[string]string{"role": events.RoleAuditor, "cluster": c.id})
	c.unitToken, _ = ts.mustIssue(map[string]string{"role": events.RoleUnit, "unit": c.unit})
	return c
}

// Callers, named from the season a request is about.
const (
	boundHere   = "committee bound to this cluster"
	boundAway   = "committee bound to another cluster"
	unbound     = "unbound committee"
	unitHere    = "unit of this cluster"
	unitAway    = "unit of another cluster"
	auditorHere = "auditor bound to this cluster"
	auditorAway = "auditor bound to another cluster"
)

const streamHeader = "text/event-stream"

var callerOrder = []string{boundHere, boundAway, unbound, unitHere, unitAway, auditorHere, auditorAway}

// reads is what every read of a season answers: the season's own cluster
// and unit read it, and so does an unbound token; any other is refused.
var reads = map[string]int{boundHere: 200, boundAway: 403, unbound: 200, unitHere: 200, unitAway: 403, auditorHere: 200, auditorAway: 403}

// TestScope runs every route for each caller against a server holding two
// clusters' seasons, both ways round (each cluster is "this" once). A
// refused request answers 403 in the API's error shape, and a refused write
// leaves the log as it was.
func TestScope(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "1h") // no checkpoint lands on the log mid-test
	_, _ = ts.openDemoSeason()
	cum2 := ts.bind(cluster{id: domain.DemoSeason().Cluster.ID, season: domain.DemoSeasonID, unit: "cau-giay"})
	cum3 := ts.bind(ts.openSecondCluster())
	unboundTok := ts.issue(events.RoleCommittee, "")
	// A stored file in each season, for the downloads.
	stored := map[string]string{}
	for _, c := range []cluster{cum2, cum3} {
		st, f, b := ts.upload(c.season, testAdmin, "biên-bản.pdf", samplePDF("scope "+c.season))
		if st != http.StatusCreated {
			t.Fatalf("upload to %s: %d %s", c.season, st, b)
		}
		stored[c.season] = f.SHA256
	}
	opened := ts.logLength() // both seasons are opened as of this seq

	n := 0 // makes ids and season ids unique across requests
	next := func() int { n++; return n }

	type request struct {
		method, path string
		body         []byte
	}
	type route struct {
		name  string
		write bool
		want  map[string]int
		// req builds the request of a caller whose own unit (if a unit)
		// is unit, about the season of cluster here.
		req func(t *testing.T, here cluster, role, unit string) request
	}
	seasonGet := func(suffix string) func(*testing.T, cluster, string, string) request {
		return func(_ *testing.T, here cluster, _, _ string) request {
			return request{method: http.MethodGet, path: "/api/v1/seasons/" + here.season + suffix}
		}
	}
	token := func(req func(here cluster) map[string]string) func(*testing.T, cluster, string, string) request {
		return func(_ *testing.T, here cluster, _, _ string) request {
			b, _ := json.Marshal(req(here))
			return request{method: http.MethodPost, path: "/api/v1/tokens", body: b}
		}
	}
	revoke := func(req func(here cluster) map[string]string) func(*testing.T, cluster, string, string) request {
		return func(_ *testing.T, here cluster, _, _ string) request {
			_, id := ts.mustIssue(req(here)) // a fresh token to revoke for every request
			return request{method: http.MethodDelete, path: "/api/v1/tokens/" + id}
		}
	}
	committeeOnly := func(ok int) map[string]int {
		return map[string]int{boundHere: ok, boundAway: 403, unbound: ok, unitHere: 403, unitAway: 403, auditorHere: 403, auditorAway: 403}
	}
	routes := []route{
		{name: "POST events", write: true,
			want: map[string]int{boundHere: 201, boundAway: 403, unbound: 201, unitHere: 201, unitAway: 403, auditorHere: 403, auditorAway: 403},
			req: func(_ *testing.T, here cluster, role, unit string) request {
				// Each posts what its role may post: a unit a fact about
				// itself, the others a bonus for this season's unit.
				body := fmt.Sprintf(`{"id":"scope-%d","type":"bonus.awarded","unit":%q,"data":{"points":1,"reason":"thưởng"}}`, next(), here.unit)
				if role == events.RoleUnit {
					body = fmt.Sprintf(`{"id":"scope-%d","type":"activity.held","unit":%q,"date":"2024-05-07","data":{"kind":"other","title":"Hội nghị"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`, next(), unit)
				}
				return request{method: http.MethodPost, path: "/api/v1/seasons/" + here.season + "/events", body: []byte(body)}
			}},
		{name: "POST events season.opened of this cluster", write: true, want: committeeOnly(201),
			req: func(t *testing.T, here cluster, _, _ string) request {
				season := domain.DemoSeason()
				season.Cluster.ID, season.Year = here.id, 2025
				data, err := json.Marshal(season)
				if err != nil {
					t.Fatal(err)
				}
				return request{method: http.MethodPost, path: fmt.Sprintf("/api/v1/seasons/%s-2025-%d/events", here.id, next()),
					body: []byte(`{"type":"season.opened","data":` + string(data) + `}`)}
			}},
		{name: "GET events", want: reads, req: seasonGet("/events")},
		{name: "GET season", want: reads, req: seasonGet("")},
		{name: "GET schema", want: reads, req: seasonGet("/schema")},
		{name: "GET rankings", want: reads, req: seasonGet("/rankings")},
		{name: "GET rankings as_of", want: reads, req: seasonGet(fmt.Sprintf("/rankings?view=claimed&as_of=%d", opened))},
		{name: "GET export.xlsx", want: reads, req: seasonGet("/export.xlsx")},
		{name: "GET export.xlsx as_of", want: reads, req: seasonGet(fmt.Sprintf("/export.xlsx?view=claimed&as_of=%d", opened))},
		{name: "GET export.csv", want: reads, req: seasonGet("/export.csv?table=items")},
		{name: "GET score", want: reads, req: func(_ *testing.T, here cluster, _, _ string) request {
			return request{method: http.MethodGet, path: "/api/v1/seasons/" + here.season + "/units/" + here.unit + "/score"}
		}},
		{name: "GET todo", want: reads, req: func(_ *testing.T, here cluster, _, _ string) request {
			return request{method: http.MethodGet, path: "/api/v1/seasons/" + here.season + "/units/" + here.unit + "/todo"}
		}},
		{name: "GET timeline", want: reads, req: seasonGet("/timeline")},
		// A unit reads its own facts (the queue filtered to it).
		{name: "GET facts", want: reads, req: seasonGet("/facts?status=open")},
		// A preview writes nothing; only who may post the decision gets one.
		{name: "POST preview", want: committeeOnly(200), req: func(_ *testing.T, here cluster, _, _ string) request {
			body := fmt.Sprintf(`{"type":"bonus.awarded","unit":%q,"data":{"points":1,"reason":"thưởng"}}`, here.unit)
			return request{method: http.MethodPost, path: "/api/v1/seasons/" + here.season + "/preview", body: []byte(body)}
		}},
		// An upload writes to the evidence store, not to the log: for
		// every caller the log stays where it was.
		{name: "POST files",
			want: map[string]int{boundHere: 201, boundAway: 403, unbound: 201, unitHere: 201, unitAway: 403, auditorHere: 403, auditorAway: 403},
			req: func(_ *testing.T, here cluster, _, _ string) request {
				return request{method: http.MethodPost, path: "/api/v1/seasons/" + here.season + "/files?name=scan.pdf", body: samplePDF(fmt.Sprintf("scope %d", next()))}
			}},
		{name: "GET files", want: reads, req: func(_ *testing.T, here cluster, _, _ string) request {
			return request{method: http.MethodGet, path: "/api/v1/seasons/" + here.season + "/files/" + stored[here.season]}
		}},
		{name: "GET checkpoints", want: reads, req: seasonGet("/checkpoints")},
		{name: "GET people", want: reads, req: seasonGet("/people")},
		// Every committee lists tokens, each those of its own reach (see
		// "GET tokens lists only the tokens in reach").
		{name: "GET tokens", want: map[string]int{boundHere: 200, boundAway: 200, unbound: 200, unitHere: 403, unitAway: 403, auditorHere: 403, auditorAway: 403},
			req: func(*testing.T, cluster, string, string) request {
				return request{method: http.MethodGet, path: "/api/v1/tokens"}
			}},
		{name: "POST tokens: a unit token of this cluster", write: true, want: committeeOnly(201),
			req: token(func(here cluster) map[string]string { return map[string]string{"role": "unit", "unit": here.unit} })},
		{name: "POST tokens: a committee token of this cluster", write: true, want: committeeOnly(201),
			req: token(func(here cluster) map[string]string {
				return map[string]string{"role": "committee", "cluster": here.id}
			})},
		{name: "POST tokens: an auditor token of this cluster", write: true, want: committeeOnly(201),
			req: token(func(here cluster) map[string]string { return map[string]string{"role": "auditor", "cluster": here.id} })},
		{name: "DELETE tokens: a unit token of this cluster", write: true, want: committeeOnly(204),
			req: revoke(func(here cluster) map[string]string { return map[string]string{"role": "unit", "unit": here.unit} })},
		{name: "DELETE tokens: a committee token of this cluster", write: true, want: committeeOnly(204),
			req: revoke(func(here cluster) map[string]string {
				return map[string]string{"role": "committee", "cluster": here.id}
			})},
		{name: "DELETE tokens: an auditor token of this cluster", write: true, want: committeeOnly(204),
			req: revoke(func(here cluster) map[string]string { return map[string]string{"role": "auditor", "cluster": here.id} })},
	}

	for _, sides := range [][2]cluster{{cum2, cum3}, {cum3, cum2}} {
		here, away := sides[0], sides[1]
		callers := map[string]struct{ token, role, unit string }{
			boundHere:   {here.committee, events.RoleCommittee, ""},
			boundAway:   {away.committee, events.RoleCommittee, ""},
			unbound:     {unboundTok, events.RoleCommittee, ""},
			unitHere:    {here.unitToken, events.RoleUnit, here.unit},
			unitAway:    {away.unitToken, events.RoleUnit, away.unit},
			auditorHere: {here.auditor, events.RoleAuditor, ""},
			auditorAway: {away.auditor, events.RoleAuditor, ""},
		}
		t.Run(here.season, func(t *testing.T) {
			for _, r := range routes {
				for _, name := range callerOrder {
					c := callers[name]
					t.Run(r.name+"/"+name, func(t *testing.T) {
						req := r.req(t, here, c.role, c.unit)
						before := ts.logLength()
						st, body := ts.do(req.method, req.path, c.token, req.body, nil)
						want := r.want[name]
						if st != want {
							t.Fatalf("%s %s: %d %s, want %d", req.method, req.path, st, body, want)
						}
						after := ts.logLength()
						switch {
						case st == http.StatusForbidden:
							assertForbidden(t, body)
							if after != before {
								t.Errorf("a refused request moved the log from seq %d to %d", before, after)
							}
						case r.write && after == before:
							t.Errorf("an accepted write left the log at seq %d", before)
						case !r.write && after != before:
							t.Errorf("a read moved the log from seq %d to %d", before, after)
						}
					})
				}
			}
			t.Run("GET seasons lists only the seasons in reach", func(t *testing.T) {
				for _, name := range callerOrder {
					var list struct{ Seasons []struct{ Season string } }
					if st, b := ts.do(http.MethodGet, "/api/v1/seasons", callers[name].token, nil, &list); st != http.StatusOK {
						t.Fatalf("%s: %d %s", name, st, b)
					}
					listed := false
					for _, s := range list.Seasons {
						listed = listed || s.Season == here.season
						if name == boundHere && !strings.HasPrefix(s.Season, here.id+"-") {
							t.Errorf("%s lists %s, a season of another cluster", name, s.Season)
						}
					}
					if want := reads[name] == http.StatusOK; listed != want {
						t.Errorf("%s: %s listed %v, want %v", name, here.season, listed, want)
					}
				}
			})
			t.Run("GET tokens lists only the tokens in reach", func(t *testing.T) {
				for _, name := range []string{boundHere, boundAway, unbound} {
					var list struct {
						Tokens []struct{ Role, Unit, Cluster string }
					}
					if st, b := ts.do(http.MethodGet, "/api/v1/tokens", callers[name].token, nil, &list); st != http.StatusOK {
						t.Fatalf("%s: %d %s", name, st, b)
					}
					listed := false
					for _, tk := range list.Tokens {
						listed = listed || tk.Cluster == here.id || tk.Role == events.RoleUnit && tk.Unit == here.unit
					}
					if want := name != boundAway; listed != want {
						t.Errorf("%s: lists %s's tokens %v, want %v", name, here.id, listed, want)
					}
				}
			})
			t.Run("GET rankings/stream", func(t *testing.T) {
				for _, name := range callerOrder {
					st, ctype, body := ts.stream(here.season, callers[name].token)
					if st != reads[name] {
						t.Errorf("%s: %d %s, want %d", name, st, body, reads[name])
						continue
					}
					switch st {
					case http.StatusOK:
						if ctype != streamHeader || !strings.Contains(body, "event: rankings") {
							t.Errorf("%s: %s %q, want the first rankings event", name, ctype, body)
						}
					case http.StatusForbidden:
						assertForbidden(t, []byte(body))
					}
				}
			})
		})
	}
}

// TestScopeComesFirst: for a token bound to another cluster, the scope is
// decided before anything else a request could be refused for.
func TestScopeComesFirst(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "1h")
	ts.openDemoSeason()
	cum3 := ts.bind(ts.openSecondCluster())
	base := "/api/v1/seasons/" + domain.DemoSeasonID
	cases := []struct {
		name, method, path, body string
	}{
		{name: "a read waiting for a seq the log will not reach", method: http.MethodGet, path: base + "/rankings?min_seq=999999"},
		{name: "a read with a malformed min_seq", method: http.MethodGet, path: base + "/rankings?min_seq=x"},
		{name: "a read of an unknown view", method: http.MethodGet, path: base + "/rankings?view=nonsense"},
		{name: "a score of an unknown unit", method: http.MethodGet, path: base + "/units/nobody/score"},
		{name: "a list with a bad limit", method: http.MethodGet, path: base + "/events?limit=0"},
		{name: "a queue of an unknown status", method: http.MethodGet, path: base + "/facts?status=done"},
		{name: "a preview of a malformed body", method: http.MethodPost, path: base + "/preview", body: `{"type":`},
		{name: "a malformed body", method: http.MethodPost, path: base + "/events", body: `{"type":`},
		{name: "a body too large", method: http.MethodPost, path: base + "/events", body: `{"type":"x","data":"` + strings.Repeat("a", 300<<10) + `"}`},
		{name: "an event of a type nobody may post", method: http.MethodPost, path: base + "/events", body: `{"type":"token.issued","data":{}}`},
		{name: "a unit's fact about a unit of this season", method: http.MethodPost, path: base + "/events",
			body: `{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"x"},"evidence":[{"kind":"document","title":"y"}]}`},
		{name: "an upload without a name", method: http.MethodPost, path: base + "/files", body: "%PDF-1.7"},
		{name: "an upload of a refused type", method: http.MethodPost, path: base + "/files?name=a.html", body: "<html><script>alert(1)</script>"},
		{name: "an upload too large", method: http.MethodPost, path: base + "/files?name=a.pdf", body: "%PDF-" + strings.Repeat("a", 21<<20)},
		{name: "a download of a file that is not stored", method: http.MethodGet, path: base + "/files/" + strings.Repeat("0", 64)},
		{name: "a download by a malformed hash", method: http.MethodGet, path: base + "/files/x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, tok := range []string{cum3.committee, cum3.auditor, cum3.unitToken} {
				before := ts.logLength()
				st, b := ts.do(c.method, c.path, tok, []byte(c.body), nil)
				if st != http.StatusForbidden {
					t.Fatalf("%d %s, want 403", st, b)
				}
				assertForbidden(t, b)
				if after := ts.logLength(); after != before {
					t.Errorf("log moved from %d to %d", before, after)
				}
			}
		})
	}
}

// TestScopedTokenIssuing: what a committee bound to a cluster may issue and
// revoke beyond its own cluster's tokens, and what it may not.
func TestScopedTokenIssuing(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "1h")
	ts.openDemoSeason()
	cum2 := ts.bind(cluster{id: domain.DemoSeason().Cluster.ID, season: domain.DemoSeasonID, unit: "cau-giay"})
	cum3 := ts.bind(ts.openSecondCluster())
	_, unboundID := ts.mustIssue(map[string]string{"role": "auditor"})
	_, cum3UnitID := ts.mustIssue(map[string]string{"role": "unit", "unit": "xa-a"})

	issues := []struct {
		name   string
		by     string
		req    map[string]string
		status int
		field  string
	}{
		{name: "an unbound committee token", by: cum2.committee, req: map[string]string{"role": "committee"}, status: 403, field: "cluster"},
		{name: "an unbound auditor token", by: cum2.committee, req: map[string]string{"role": "auditor"}, status: 403, field: "cluster"},
		{name: "another cluster's committee token", by: cum2.committee, req: map[string]string{"role": "committee", "cluster": cum3.id}, status: 403, field: "cluster"},
		{name: "a unit token for another cluster's member", by: cum2.committee, req: map[string]string{"role": "unit", "unit": "xa-a"}, status: 403, field: "unit"},
		{name: "a unit token for a unit of no season", by: cum2.committee, req: map[string]string{"role": "unit", "unit": "hoan-kiem"}, status: 403, field: "unit"},
		{name: "a unit token bound to a cluster", by: testAdmin, req: map[string]string{"role": "unit", "unit": "cau-giay", "cluster": cum2.id}, status: 400, field: "cluster"},
		{name: "a cluster that is not an id", by: testAdmin, req: map[string]string{"role": "committee", "cluster": "Cụm 2"}, status: 400, field: "cluster"},
		{name: "the admin binds to a cluster with no season yet", by: testAdmin, req: map[string]string{"role": "committee", "cluster": "hn-mttq-cum9"}, status: 201},
		{name: "an unbound committee binds to any cluster", by: ts.issue(events.RoleCommittee, ""), req: map[string]string{"role": "auditor", "cluster": cum3.id}, status: 201},
		{name: "a bound auditor issues nothing", by: cum2.auditor, req: map[string]string{"role": "auditor", "cluster": cum2.id}, status: 403},
	}
	for _, c := range issues {
		t.Run("issue "+c.name, func(t *testing.T) {
			before := ts.logLength()
			st, _, _, b := ts.issueAs(c.by, c.req)
			if st != c.status {
				t.Fatalf("%d %s, want %d", st, b, c.status)
			}
			if st >= 400 {
				assertError(t, b, c.field)
				if after := ts.logLength(); after != before {
					t.Errorf("log moved from %d to %d", before, after)
				}
			}
		})
	}
	revokes := []struct {
		name, id string
	}{
		{name: "an unbound token", id: unboundID},
		{name: "another cluster's unit token", id: cum3UnitID},
	}
	for _, c := range revokes {
		t.Run("revoke "+c.name, func(t *testing.T) {
			before := ts.logLength()
			st, b := ts.do(http.MethodDelete, "/api/v1/tokens/"+c.id, cum2.committee, nil, nil)
			if st != http.StatusForbidden {
				t.Fatalf("%d %s, want 403", st, b)
			}
			assertError(t, b, "id")
			if after := ts.logLength(); after != before {
				t.Errorf("log moved from %d to %d", before, after)
			}
		})
	}
	t.Run("a token issued by a bound committee is bound and works", func(t *testing.T) {
		st, tok, _, b := ts.issueAs(cum2.committee, map[string]string{"role": "auditor", "cluster": cum2.id})
		if st != http.StatusCreated || !strings.Contains(string(b), `"cluster":"`+cum2.id+`"`) {
			t.Fatalf("%d %s", st, b)
		}
		if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+cum2.season, tok, nil, nil); st != http.StatusOK {
			t.Errorf("own season: %d %s", st, b)
		}
		if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+cum3.season, tok, nil, nil); st != http.StatusForbidden {
			t.Errorf("other season: %d %s", st, b)
		}
	})
	t.Run("a bound committee revokes itself", func(t *testing.T) {
		tok, id := ts.mustIssue(map[string]string{"role": "committee", "cluster": cum2.id})
		st, b := ts.do(http.MethodDelete, "/api/v1/tokens/"+id, tok, nil, nil)
		if st != http.StatusNoContent {
			t.Fatalf("%d %s", st, b)
		}
		if st, _ := ts.do(http.MethodGet, "/api/v1/seasons", tok, nil, nil); st != http.StatusUnauthorized {
			t.Errorf("a revoked token still reads: %d", st)
		}
	})
}

// stream opens the live rankings of a season and returns the status, the
// content type and the first event (or the error body).
func (ts *testServer) stream(season, token string) (int, string, string) {
	ts.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ts.url+"/api/v1/seasons/"+season+"/rankings/stream", nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		b.WriteString(sc.Text() + "\n")
		if resp.StatusCode == http.StatusOK && strings.HasPrefix(sc.Text(), "data: ") {
			break // the first rankings event is whole; the stream goes on
		}
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), b.String()
}

// assertForbidden checks a 403 body is the API's error shape.
func assertForbidden(t *testing.T, body []byte) {
	t.Helper()
	var e struct {
		Error *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Field   string `json:"field"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error == nil || e.Error.Code != "forbidden" || e.Error.Message == "" {
		t.Errorf("403 body %s (%v), want {\"error\":{\"code\":\"forbidden\",\"message\":…}}", body, err)
	}
}

// assertError checks an error body names the field to blame.
func assertError(t *testing.T, body []byte, field string) {
	t.Helper()
	var e struct {
		Error struct{ Code, Message, Field string } `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Message == "" || e.Error.Field != field {
		t.Errorf("error body %s (%v), want the field %q", body, err, field)
	}
}
