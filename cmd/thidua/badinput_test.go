package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/thidua/thidua/domain"
)

// TestBadInputs posts each bad input and checks the contract's status,
// error code and field, and that the log did not grow.
func TestBadInputs(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	cg, th := units["cau-giay"], units["tay-ho"]
	auditor := ts.issue("auditor", "")
	ev := `[{"kind":"document","title":"Biên bản"}]`
	fact := func(unit, date, data string) string {
		return `{"type":"activity.held","unit":"` + unit + `","date":"` + date + `","data":` + data + `,"evidence":` + ev + `}`
	}
	seasonData, _ := json.Marshal(domain.DemoSeason())
	openAgain := `{"type":"season.opened","data":` + string(seasonData) + `}`
	okData := `{"kind":"citizen_dialogue","title":"Đối thoại với nhân dân phường Dịch Vọng"}`
	// A fact to review, and the closed-season case at the end.
	if st, b, _ := ts.post(cg, `{"id":"cg-1","type":"activity.held","unit":"cau-giay","date":"2024-03-01","data":`+okData+`,"evidence":`+ev+`}`); st != http.StatusCreated {
		t.Fatalf("setup: %d %s", st, b)
	}

	eventsPath := "/api/v1/seasons/hn-mttq-cum2-2024/events"
	cases := []struct {
		name   string
		token  string
		body   string
		status int
		code   string
		field  string
	}{
		{"malformed JSON", cg, `{"type": "activity.held",`, 400, "invalid", ""},
		{"not an object", cg, `[1,2]`, 400, "invalid", ""},
		{"unknown type", cg, `{"type":"activity.invented","unit":"cau-giay"}`, 400, "invalid", "type"},
		{"system type", committee, `{"type":"token.issued","data":{}}`, 400, "invalid", "type"},
		{"wrong field type", cg, fact("cau-giay", "2024-05-07", `{"kind":"festival","title":"Ngày hội","areas":"ba"}`), 400, "invalid", "data.areas"},
		{"unknown field in data", cg, fact("cau-giay", "2024-05-07", `{"kind":"festival","title":"Ngày hội","colour":"đỏ"}`), 400, "invalid", "data.colour"},
		{"unknown top-level field", cg, `{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","season":"x","data":` + okData + `,"evidence":` + ev + `}`, 400, "invalid", "season"},
		{"date outside the season", cg, fact("cau-giay", "2023-12-31", okData), 400, "invalid", "date"},
		{"impossible date", cg, fact("cau-giay", "2024-02-30", okData), 400, "invalid", "date"},
		{"no evidence", cg, `{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":` + okData + `}`, 400, "invalid", "evidence"},
		{"unknown unit", committee, `{"type":"target.assigned","unit":"hoan-kiem","data":{"indicator":"media_articles","value":10}}`, 400, "invalid", "unit"},
		{"unit writing for another unit", th, fact("cau-giay", "2024-05-07", okData), 403, "forbidden", "unit"},
		{"unit writing a committee event", cg, `{"type":"bonus.awarded","unit":"cau-giay","data":{"points":2,"reason":"tự thưởng"}}`, 403, "forbidden", "type"},
		{"committee writing a unit's fact", committee, fact("cau-giay", "2024-05-07", okData), 403, "forbidden", "type"},
		{"auditor writing", auditor, fact("cau-giay", "2024-05-07", okData), 403, "forbidden", ""},
		{"no token", "", fact("cau-giay", "2024-05-07", okData), 401, "unauthorized", ""},
		{"bad token", "thidua_tok-nope_secret", fact("cau-giay", "2024-05-07", okData), 401, "unauthorized", ""},
		{"points over the item's max", committee, `{"type":"score.assessed","unit":"cau-giay","data":{"item":"I.1.6","points":2.5,"reason":"tốt"}}`, 400, "invalid", "data.points"},
		{"points with three decimals", committee, `{"type":"score.assessed","unit":"cau-giay","data":{"item":"I.1.6","points":1.255,"reason":"tốt"}}`, 400, "invalid", "data.points"},
		{"manual score on a rule-driven item", committee, `{"type":"score.assessed","unit":"cau-giay","data":{"item":"I.1.2","points":2,"reason":"tốt"}}`, 400, "invalid", "data.item"},
		{"unknown rubric item", committee, `{"type":"score.assessed","unit":"cau-giay","data":{"item":"IX.9","points":1,"reason":"tốt"}}`, 400, "invalid", "data.item"},
		{"review of an unknown event", committee, `{"type":"fact.verified","data":{"target":"no-such-event"}}`, 400, "invalid", "data.target"},
		{"review naming the wrong unit", committee, `{"type":"fact.verified","unit":"tay-ho","data":{"target":"cg-1"}}`, 400, "invalid", "unit"},
		{"ballot for a non-member", committee, `{"type":"ballot.recorded","data":{"question":"flag","voters":6,"votes":{"hoan-kiem":4}}}`, 400, "invalid", "data.votes.hoan-kiem"},
		{"award revoked before close", committee, `{"type":"award.revoked","unit":"cau-giay","data":{"award":"flag","reason":"x","decision_no":"1/QĐ"}}`, 409, "conflict", ""},
		{"unit on an event about no unit", committee, `{"type":"season.closed","unit":"cau-giay"}`, 400, "invalid", "unit"},
		{"season opened twice", committee, openAgain, 409, "conflict", ""},
		{"oversized body", cg, `{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"` + strings.Repeat("a", 300<<10) + `"},"evidence":` + ev + `}`, 413, "too_large", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := ts.logLength()
			st, b := ts.do(http.MethodPost, eventsPath, c.token, []byte(c.body), nil)
			var e struct {
				Error struct{ Code, Message, Field string } `json:"error"`
			}
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatalf("reply is not the error shape: %s", b)
			}
			if st != c.status || e.Error.Code != c.code || e.Error.Field != c.field {
				t.Errorf("got %d %s field %q (%s), want %d %s field %q", st, e.Error.Code, e.Error.Field, e.Error.Message, c.status, c.code, c.field)
			}
			if e.Error.Message == "" {
				t.Error("empty message")
			}
			if after := ts.logLength(); after != before {
				t.Errorf("the log grew from %d to %d", before, after)
			}
		})
	}

	t.Run("unknown season in path", func(t *testing.T) {
		before := ts.logLength()
		defer func() {
			if after := ts.logLength(); after != before {
				t.Errorf("the log grew from %d to %d", before, after)
			}
		}()
		st, b := ts.do(http.MethodPost, "/api/v1/seasons/no-such-season/events", cg, []byte(fact("cau-giay", "2024-05-07", okData)), nil)
		if st != http.StatusNotFound || !strings.Contains(string(b), `"code":"not_found","message"`) || !strings.Contains(string(b), `"field":"season"`) {
			t.Errorf("got %d %s, want 404 not_found on field season", st, b)
		}
	})

	t.Run("anything after season.closed", func(t *testing.T) {
		if st, b, _ := ts.post(committee, `{"type":"season.closed"}`); st != http.StatusCreated {
			t.Fatalf("close: %d %s", st, b)
		}
		ts.waitClosingCheckpoint(domain.DemoSeasonID)
		before := ts.logLength()
		for name, post := range map[string]struct{ token, body string }{
			"fact":  {cg, fact("cau-giay", "2024-12-01", okData)},
			"bonus": {committee, `{"type":"bonus.awarded","unit":"cau-giay","data":{"points":1,"reason":"muộn"}}`},
		} {
			st, b, _ := ts.post(post.token, post.body)
			if st != http.StatusConflict || !strings.Contains(string(b), `"conflict"`) {
				t.Errorf("%s after close: %d %s, want 409 conflict", name, st, b)
			}
		}
		if after := ts.logLength(); after != before {
			t.Errorf("the log grew from %d to %d", before, after)
		}
	})
}

// TestClientMistakesAre4xx: what a client gets wrong is a 400 with the
// error's shape, never a 500: a from_seq past 2^63, a body cut short.
func TestClientMistakesAre4xx(t *testing.T) {
	ts := startServer(t, "")
	committee, _ := ts.openDemoSeason()
	st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/events?from_seq=9223372036854775808", committee, nil, nil)
	if st != http.StatusBadRequest || !strings.Contains(string(b), `"field":"from_seq"`) {
		t.Errorf("from_seq 2^63: %d %s", st, b)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/seasons/%s/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\":", domain.DemoSeasonID, committee)
	conn.(*net.TCPConn).CloseWrite() // the client gives up half way through its body
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a body cut short: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a body cut short: %d, want 400", resp.StatusCode)
	}
}

// TestLongNamesWrap: a unit named by 2,000 characters without a space, and
// a file name with a right-to-left override, neither of which may mislead.
func TestLongNamesWrap(t *testing.T) {
	ctx := browser(t, time.Minute)
	ts := startServer(t, "")
	season := domain.DemoSeason()
	season.Members[0].Name = strings.Repeat("Ủ", 2000)
	data, err := json.Marshal(season)
	if err != nil {
		t.Fatal(err)
	}
	var opened appendReply
	if st, b := ts.do(http.MethodPost, "/api/v1/seasons/"+domain.DemoSeasonID+"/events", testAdmin, []byte(`{"type":"season.opened","data":`+string(data)+`}`), &opened); st != http.StatusCreated {
		t.Fatalf("open: %d %s", st, b)
	}
	ts.waitFolded(opened.Seq)
	st, b := ts.do(http.MethodPost, "/api/v1/seasons/"+domain.DemoSeasonID+"/files?name=%E2%80%AEgnp.exe", testAdmin, []byte("%PDF-1.4\n%%EOF\n"), nil)
	if st != http.StatusBadRequest || !strings.Contains(string(b), `"field":"name"`) {
		t.Errorf("a file name with a right-to-left override: %d %s", st, b)
	}
	auditor := ts.issue("auditor", "")
	var width, viewport float64
	must(t, ctx, "the ranking with a 2,000-character name",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+auditor),
		chromedp.WaitVisible(`table#rankings tr[data-unit="bac-tu-liem"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
		chromedp.Evaluate(`window.innerWidth`, &viewport),
	)
	if width > viewport+1 {
		t.Errorf("the page is %v px wide in a %v px window", width, viewport)
	}
}
