package domain

import (
	"errors"
	"slices"
	"testing"

	"github.com/thidua/thidua/events"
)

// queueSeason: six facts of two units in every review state.
//
//	seq 2 m1  cg  city model         pending   I.2.5 +1, B.1 +3
//	seq 3 r1  cg  late propaganda    verified  D.1 −0,5
//	seq 4 a1  hd  dbp70 activity     queried
//	seq 5 a2  cg  dbp70 activity     explained (queried, answered)
//	seq 6 x1  hd  exemplar           rejected
//	seq 7 z1  cg  exemplar           retracted: in no queue
func queueSeason(t *testing.T) *builder {
	b := newBuilder(t)
	b.fact("m1", cg, "2024-03-01", model("mo-hinh-1", "city"))
	b.fact("r1", cg, "2024-04-02", report("propaganda", "2024-03-31"))
	b.fact("a1", hd, "2024-05-07", activity("commemoration", "dbp70"))
	b.fact("a2", cg, "2024-05-07", activity("commemoration", "dbp70"))
	b.fact("x1", hd, "2024-05-10", exemplar("Nguyễn Văn A"))
	b.fact("z1", cg, "2024-05-11", exemplar("Trần Thị B"))
	b.verify("v-r1", "r1")
	b.query("q-a1", "a1", "Đề nghị bổ sung biên bản")
	b.query("q-a2", "a2", "Đề nghị bổ sung biên bản")
	b.explain("e-a2", cg, "a2", "Đã bổ sung biên bản")
	b.reject("rj-x1", "x1")
	b.retract("rt-z1", cg, "z1")
	return b
}

func TestQueue(t *testing.T) {
	b := queueSeason(t)
	cases := []struct {
		name   string
		filter QueueFilter
		ids    []string
		total  int
		next   uint64
	}{
		{name: "open by default: pending, queried, explained, oldest first", filter: QueueFilter{}, ids: []string{"m1", "a1", "a2"}, total: 3},
		{name: "pending", filter: QueueFilter{Status: FactPending}, ids: []string{"m1"}, total: 1},
		{name: "queried awaits the unit", filter: QueueFilter{Status: FactQueried}, ids: []string{"a1"}, total: 1},
		{name: "explained comes back", filter: QueueFilter{Status: FactExplained}, ids: []string{"a2"}, total: 1},
		{name: "verified", filter: QueueFilter{Status: FactVerified}, ids: []string{"r1"}, total: 1},
		{name: "rejected", filter: QueueFilter{Status: FactRejected}, ids: []string{"x1"}, total: 1},
		{name: "by unit", filter: QueueFilter{Unit: hd}, ids: []string{"a1"}, total: 1},
		{name: "by rubric line", filter: QueueFilter{Item: "I.1.2"}, ids: []string{"a1", "a2"}, total: 2},
		{name: "by a group: its lines", filter: QueueFilter{Item: "I.2"}, ids: []string{"m1"}, total: 1},
		{name: "by a bonus line", filter: QueueFilter{Item: "B.1"}, ids: []string{"m1"}, total: 1},
		{name: "a manual line counts no fact", filter: QueueFilter{Item: "I.1.6"}, ids: []string{}, total: 0},
		{name: "unit and line", filter: QueueFilter{Unit: cg, Item: "I.1.2"}, ids: []string{"a2"}, total: 1},
		{name: "first page", filter: QueueFilter{Limit: 2}, ids: []string{"m1", "a1"}, total: 3, next: 4},
		{name: "second page", filter: QueueFilter{Limit: 2, After: 4}, ids: []string{"a2"}, total: 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := b.s.Queue(c.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range q.Facts {
				got = append(got, f.ID)
			}
			if got == nil {
				got = []string{}
			}
			if !slices.Equal(got, c.ids) {
				t.Errorf("facts %v, want %v", got, c.ids)
			}
			if q.Total != c.total || q.Next != c.next {
				t.Errorf("total %d next %d, want %d %d", q.Total, q.Next, c.total, c.next)
			}
		})
	}
}

func TestQueueCounts(t *testing.T) {
	q, err := queueSeason(t).s.Queue(QueueFilter{Unit: cg})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{StatusOpen: 2, FactPending: 1, FactQueried: 0, FactExplained: 1, FactVerified: 1, FactRejected: 0}
	for k, v := range want {
		if q.Counts[k] != v {
			t.Errorf("counts[%s] = %d, want %d (all %v)", k, q.Counts[k], v, q.Counts)
		}
	}
}

// TestQueueFact: what the committee decides a fact by, and the points it
// would bring (or brings) in the verified view, worked out from the rubric.
func TestQueueFact(t *testing.T) {
	b := queueSeason(t)
	find := func(status, id string) QueueFact {
		t.Helper()
		q, err := b.s.Queue(QueueFilter{Status: status})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range q.Facts {
			if f.ID == id {
				return f
			}
		}
		t.Fatalf("no fact %s among %s", id, status)
		return QueueFact{}
	}
	cases := []struct {
		name, status, id string
		points           events.Points
		items            map[string]events.Points
	}{
		// I.2.5: 1 per model, max 4; B.1: 3 per city or central model, max 6.
		// Verified, r1 took 0,5 off a total that stays at 0 (a total is
		// never below 0): the model brings 1 + 3 − 0,5.
		{name: "a city model brings a content and a bonus line", status: FactPending, id: "m1", points: p(3, 50),
			items: map[string]events.Points{"I.2.5": p(1, 0), "B.1": p(3, 0)}},
		// D.1: 0,5 off per late report; I.1.1 counts only those on time.
		{name: "a verified late report: half a point off a total of 0", status: FactVerified, id: "r1", points: 0,
			items: map[string]events.Points{"D.1": p(0, 50)}},
		{name: "an activity for the occasion", status: FactQueried, id: "a1", points: p(2, 0),
			items: map[string]events.Points{"I.1.2": p(2, 0)}},
		{name: "a rejected exemplar would bring a point", status: FactRejected, id: "x1", points: p(1, 0),
			items: map[string]events.Points{"II.3": p(1, 0)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := find(c.status, c.id)
			if f.Points != c.points {
				t.Errorf("points %s, want %s", f.Points, c.points)
			}
			got := map[string]events.Points{}
			for _, it := range f.Items {
				got[it.Code] = it.Points
			}
			if len(got) != len(c.items) {
				t.Errorf("items %v, want %v", got, c.items)
			}
			for k, v := range c.items {
				if got[k] != v {
					t.Errorf("item %s: %s, want %s", k, got[k], v)
				}
			}
		})
	}
	a2 := find(FactExplained, "a2")
	if a2.UnitName == "" || a2.TypeName != "Hoạt động đã tổ chức" || a2.Summary == "" {
		t.Errorf("names: unit %q type %q summary %q", a2.UnitName, a2.TypeName, a2.Summary)
	}
	if len(a2.Exchanges) != 2 || a2.Exchanges[0].Type != events.TypeFactQueried || a2.Exchanges[1].Type != events.TypeFactExplained {
		t.Errorf("exchanges %+v: want the question then the answer", a2.Exchanges)
	}
	if a1 := find(FactQueried, "a1"); a1.Question != "Đề nghị bổ sung biên bản" {
		t.Errorf("open question %q", a1.Question)
	}
	// Once the model counts, the late report costs its half point; a second
	// activity for the same occasion brings nothing once the first is
	// verified: the line is full.
	b.verify("v-m1", "m1")
	if f := find(FactVerified, "r1"); f.Points != -p(0, 50) {
		t.Errorf("with m1 verified, r1 brings %s; want -0.5", f.Points)
	}
	b.verify("v-a2", "a2")
	b.fact("a3", cg, "2024-05-08", activity("commemoration", "dbp70"))
	if f := find(FactPending, "a3"); f.Points != 0 || len(f.Items) != 1 || f.Items[0].Code != "I.1.2" || f.Items[0].Points != 0 {
		t.Errorf("after a2 is verified, a3 brings %s on %+v; want 0 on I.1.2", f.Points, f.Items)
	}
}

func TestQueueRefusesBadFilters(t *testing.T) {
	cases := []struct {
		name                             string
		status, unit, item, after, limit string
		field                            string
		parse                            bool
	}{
		{name: "unknown status", status: "done", field: "status", parse: true},
		{name: "limit zero", limit: "0", field: "limit", parse: true},
		{name: "limit too large", limit: "501", field: "limit", parse: true},
		{name: "limit not a number", limit: "ten", field: "limit", parse: true},
		{name: "after not a seq", after: "-1", field: "after", parse: true},
		{name: "unknown unit", unit: "nowhere", field: "unit"},
		{name: "unknown item", item: "IX.9", field: "item"},
	}
	s := queueSeason(t).s
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := ParseQueueFilter(c.status, c.unit, c.item, c.after, c.limit)
			if c.parse == (err == nil) {
				t.Fatalf("ParseQueueFilter: %v", err)
			}
			if err == nil {
				_, err = s.Queue(f)
			}
			var de *Error
			if !errors.As(err, &de) || de.Code != Invalid || de.Field != c.field {
				t.Errorf("error %v, want Invalid on %s", err, c.field)
			}
		})
	}
}
