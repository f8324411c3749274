package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

type queueReply struct {
	Status string         `json:"status"`
	Counts map[string]int `json:"counts"`
	Total  int            `json:"total"`
	Next   uint64         `json:"next"`
	Facts  []struct {
		ID       string  `json:"id"`
		Unit     string  `json:"unit"`
		UnitName string  `json:"unit_name"`
		TypeName string  `json:"type_name"`
		Summary  string  `json:"summary"`
		Status   string  `json:"status"`
		Question string  `json:"question"`
		Points   float64 `json:"points"`
		Items    []struct {
			Code   string  `json:"code"`
			Points float64 `json:"points"`
		} `json:"items"`
		Evidence []events.Evidence `json:"evidence"`
	} `json:"facts"`
}

func (q queueReply) ids() []string {
	out := []string{}
	for _, f := range q.Facts {
		out = append(out, f.ID)
	}
	return out
}

// TestFactsEndpoint: the review queue through the API, with its filters,
// paging, who may read what, and the 4xx of a bad parameter; and a
// decision's preview, which writes nothing.
func TestFactsEndpoint(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	cg, th := units["cau-giay"], units["tay-ho"]
	report := func(tok, id, unit, data string) uint64 {
		t.Helper()
		body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":%q,"date":"2024-05-07","data":%s,"evidence":[{"kind":"document","title":"Báo cáo %s"}]}`, id, unit, data, id)
		st, b, r := ts.post(tok, body)
		if st != http.StatusCreated {
			t.Fatalf("report %s: %d %s", id, st, b)
		}
		return r.Seq
	}
	s1 := report(cg, "f1", "cau-giay", `{"kind":"commemoration","occasion":"dbp70","title":"Mít tinh kỷ niệm"}`)
	s2 := report(th, "f2", "tay-ho", `{"kind":"citizen_dialogue","title":"Đối thoại với nhân dân"}`)
	report(cg, "f3", "cau-giay", `{"kind":"citizen_dialogue","title":"Đối thoại lần 1"}`)
	st, b, q := ts.post(committee, `{"type":"fact.queried","data":{"target":"f3","question":"Đề nghị gửi biên bản"}}`)
	if st != http.StatusCreated {
		t.Fatalf("query: %d %s", st, b)
	}
	base := fmt.Sprintf("/api/v1/seasons/%s/facts?min_seq=%d", domain.DemoSeasonID, q.Seq)
	get := func(tok, params string) (int, queueReply, []byte) {
		t.Helper()
		var r queueReply
		st, b := ts.do(http.MethodGet, base+params, tok, nil, &r)
		return st, r, b
	}

	cases := []struct {
		name   string
		token  string
		params string
		ids    []string
		total  int
		next   uint64
	}{
		{name: "open, oldest first", token: committee, ids: []string{"f1", "f2", "f3"}, total: 3},
		{name: "pending", token: committee, params: "&status=pending", ids: []string{"f1", "f2"}, total: 2},
		{name: "queried", token: committee, params: "&status=queried", ids: []string{"f3"}, total: 1},
		{name: "by unit", token: committee, params: "&unit=tay-ho", ids: []string{"f2"}, total: 1},
		{name: "by rubric line (I.3.4: citizen dialogues)", token: committee, params: "&item=I.3.4", ids: []string{"f2", "f3"}, total: 2},
		{name: "first page", token: committee, params: "&limit=1", ids: []string{"f1"}, total: 3, next: s1},
		{name: "next page", token: committee, params: fmt.Sprintf("&limit=1&after=%d", s1), ids: []string{"f2"}, total: 3, next: s2},
		{name: "the auditor reads the queue", token: auditor, ids: []string{"f1", "f2", "f3"}, total: 3},
		{name: "a unit reads its own facts only", token: cg, ids: []string{"f1", "f3"}, total: 2},
		{name: "a unit may name itself", token: th, params: "&unit=tay-ho", ids: []string{"f2"}, total: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, r, b := get(c.token, c.params)
			if st != http.StatusOK {
				t.Fatalf("%d %s", st, b)
			}
			if !slices.Equal(r.ids(), c.ids) || r.Total != c.total || r.Next != c.next {
				t.Errorf("facts %v total %d next %d, want %v %d %d", r.ids(), r.Total, r.Next, c.ids, c.total, c.next)
			}
		})
	}

	t.Run("what a fact carries", func(t *testing.T) {
		_, r, _ := get(committee, "&unit=cau-giay")
		f1, f3 := r.Facts[0], r.Facts[1]
		if f1.UnitName != "Ủy ban MTTQ Việt Nam quận Cầu Giấy" || f1.TypeName != "Hoạt động đã tổ chức" || f1.Summary != "Mít tinh kỷ niệm" {
			t.Errorf("names: %+v", f1)
		}
		// I.1.2: any activity for dbp70, 2 points.
		if f1.Points != 2 || len(f1.Items) != 1 || f1.Items[0].Code != "I.1.2" || f1.Items[0].Points != 2 {
			t.Errorf("f1 brings %v on %+v, want 2 on I.1.2", f1.Points, f1.Items)
		}
		if len(f1.Evidence) != 1 || f1.Evidence[0].Title != "Báo cáo f1" {
			t.Errorf("evidence %+v", f1.Evidence)
		}
		if f3.Status != domain.FactQueried || f3.Question != "Đề nghị gửi biên bản" {
			t.Errorf("f3: %s %q", f3.Status, f3.Question)
		}
		if r.Counts["open"] != 2 || r.Counts["pending"] != 1 || r.Counts["queried"] != 1 {
			t.Errorf("counts %v", r.Counts)
		}
	})

	refusals := []struct {
		name   string
		token  string
		params string
		status int
		field  string
	}{
		{name: "unknown status", token: committee, params: "&status=done", status: 400, field: "status"},
		{name: "limit 0", token: committee, params: "&limit=0", status: 400, field: "limit"},
		{name: "limit above 500", token: committee, params: "&limit=501", status: 400, field: "limit"},
		{name: "after not a seq", token: committee, params: "&after=x", status: 400, field: "after"},
		{name: "unknown unit", token: committee, params: "&unit=nowhere", status: 400, field: "unit"},
		{name: "unknown rubric line", token: committee, params: "&item=IX", status: 400, field: "item"},
		{name: "another unit's facts", token: cg, params: "&unit=tay-ho", status: 403, field: "unit"},
	}
	for _, c := range refusals {
		t.Run(c.name, func(t *testing.T) {
			st, _, b := get(c.token, c.params)
			var e struct {
				Error struct{ Code, Message, Field string }
			}
			if err := json.Unmarshal(b, &e); err != nil || st != c.status || e.Error.Field != c.field || e.Error.Message == "" {
				t.Errorf("%d %s, want %d on %s", st, b, c.status, c.field)
			}
		})
	}

	t.Run("preview", func(t *testing.T) {
		before := ts.logLength()
		path := "/api/v1/seasons/" + domain.DemoSeasonID + "/preview"
		var pv domain.Preview
		st, b := ts.do(http.MethodPost, path, committee, []byte(`{"type":"score.assessed","unit":"cau-giay","data":{"item":"I.1.6","points":1.5,"reason":"Nắm tình hình tốt"}}`), &pv)
		if st != http.StatusOK {
			t.Fatalf("%d %s", st, b)
		}
		v := pv.Views[0]
		if pv.UnitName != "Ủy ban MTTQ Việt Nam quận Cầu Giấy" || v.View != domain.Verified || v.Before.Total != 0 || v.After.Total != 150 {
			t.Errorf("preview %s", b)
		}
		st, b = ts.do(http.MethodPost, path, committee, []byte(`{"type":"score.assessed","unit":"cau-giay","data":{"item":"I.1.6","points":3,"reason":"x"}}`), nil)
		if st != http.StatusBadRequest || !json.Valid(b) {
			t.Errorf("points above the line's maximum: %d %s, want 400", st, b)
		}
		st, b = ts.do(http.MethodPost, path, cg, []byte(`{"type":"bonus.awarded","unit":"cau-giay","data":{"points":1,"reason":"x"}}`), nil)
		if st != http.StatusForbidden {
			t.Errorf("a unit's preview of a bonus: %d %s, want 403", st, b)
		}
		if after := ts.logLength(); after != before {
			t.Errorf("previews moved the log from %d to %d", before, after)
		}
	})
}
