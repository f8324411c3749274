package domain

import (
	"slices"
	"testing"

	"github.com/thidua/thidua/events"
)

func todoItem(t *testing.T, td *Todo, code string) TodoItem {
	t.Helper()
	for _, it := range td.Items {
		if it.Code == code {
			return it
		}
	}
	t.Fatalf("no todo item %s", code)
	return TodoItem{}
}

// TestTodo: what is still open, for each rule kind of the 2024 rubric,
// before and after its deadline. The demo season's Cầu Giấy has 8 wards by
// name; every expectation is worked out from domain.md §3.
func TestTodo(t *testing.T) {
	cases := []struct {
		name      string
		setup     func(b *builder)
		date      string
		code      string
		state     string
		points    events.Points
		reachable events.Points
		what      string
		due       string
	}{
		// each: I.1.1, 0.75 per propaganda report on time, max 3.
		{name: "each, none yet", date: "2024-06-01", code: "I.1.1", state: TodoOpen, points: 0, reachable: p(3, 0),
			what: "còn 4 báo cáo về Công tác tuyên truyền đúng hạn nữa (mỗi lần 0,75 điểm)"}, // 3 / 0.75 = 4
		{name: "each, one on time", date: "2024-06-01", code: "I.1.1", state: TodoOpen, points: p(0, 75), reachable: p(2, 25),
			setup: func(b *builder) { b.fact("r1", cg, "2024-03-30", report("propaganda", "2024-03-31")) },
			what:  "còn 3 báo cáo về Công tác tuyên truyền đúng hạn nữa (mỗi lần 0,75 điểm)"}, // 2.25 / 0.75 = 3
		{name: "each, a late one does not count", date: "2024-06-01", code: "I.1.1", state: TodoOpen, points: 0, reachable: p(3, 0),
			setup: func(b *builder) { b.fact("r1", cg, "2024-04-02", report("propaganda", "2024-03-31")) },
			what:  "còn 4 báo cáo về Công tác tuyên truyền đúng hạn nữa (mỗi lần 0,75 điểm)"},
		{name: "each, full", date: "2024-06-01", code: "II.4", state: TodoDone, points: p(3, 0), reachable: 0, // 2 × 1.5 = 3
			setup: func(b *builder) {
				b.fact("r1", cg, "2024-03-30", report("emulation", "2024-03-31"))
				b.fact("r2", cg, "2024-06-30", report("emulation", "2024-06-30"))
			}, what: "đã đủ điểm"},
		// any: I.1.2, an activity for dbp70 (7 May), max 2.
		{name: "any, none yet, with the occasion's day", date: "2024-04-01", code: "I.1.2", state: TodoOpen, reachable: p(2, 0),
			what: "cần ít nhất một hoạt động dịp Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},
		{name: "any, done", date: "2024-06-01", code: "I.1.2", state: TodoDone, points: p(2, 0),
			setup: func(b *builder) { b.fact("a1", cg, "2024-05-07", activity("commemoration", "dbp70")) }, what: "đã đủ điểm"},
		// deadline: III.3, district congress by 30/06/2024, max 4.
		{name: "deadline ahead", date: "2024-05-01", code: "III.3", state: TodoOpen, reachable: p(4, 0), due: "2024-06-30",
			what: "cần đại hội cấp quận trước hạn 30/06/2024"},
		{name: "deadline passed, nothing reported", date: "2024-07-01", code: "III.3", state: TodoOverdue, reachable: p(2, 0), due: "2024-06-30",
			what: "đã quá hạn 30/06/2024: báo cáo bây giờ chỉ được một nửa số điểm (2)"}, // 4 / 2
		{name: "deadline passed, reported late", date: "2024-08-01", code: "III.3", state: TodoOverdue, points: p(2, 0), reachable: 0, due: "2024-06-30",
			setup: func(b *builder) { b.fact("c1", cg, "2024-07-05", districtCongress()) },
			what:  "đã báo cáo sau hạn 30/06/2024: được một nửa số điểm"},
		// share: III.1, ward congresses by 30/04/2024, max 6, Cầu Giấy's 8 wards.
		{name: "share, two of eight", date: "2024-04-01", code: "III.1", state: TodoOpen, points: p(1, 50), reachable: p(4, 50), due: "2024-04-30",
			setup: func(b *builder) {
				b.fact("c1", cg, "2024-03-20", wardCongress("dich-vong"))
				b.fact("c2", cg, "2024-03-25", wardCongress("mai-dich"))
			}, // 6 × 2/8 = 1.5; 6 − 1.5 = 4.5
			what: "còn 6 phường chưa báo cáo đại hội, hạn 30/04/2024: Phường Dịch Vọng Hậu, Phường Nghĩa Đô, Phường Nghĩa Tân, Phường Quan Hoa, Phường Trung Hòa, Phường Yên Hòa"},
		{name: "share, past the deadline", date: "2024-05-02", code: "III.1", state: TodoOverdue, points: p(1, 50), reachable: 0, due: "2024-04-30",
			setup: func(b *builder) {
				b.fact("c1", cg, "2024-03-20", wardCongress("dich-vong"))
				b.fact("c2", cg, "2024-03-25", wardCongress("mai-dich"))
			}, what: "đã quá hạn 30/04/2024: 6 phường không còn được tính điểm"},
		// target: I.2.2, fund for the poor, max 5.
		{name: "target not assigned", date: "2024-06-01", code: "I.2.2", state: TodoWaiting, reachable: p(5, 0),
			what: "chưa được giao chỉ tiêu Quỹ Vì người nghèo"},
		{name: "target partly reached", date: "2024-06-01", code: "I.2.2", state: TodoOpen, points: p(4, 16), reachable: p(0, 84),
			setup: func(b *builder) {
				b.target("t1", cg, "fund_for_the_poor", 3_000_000_000)
				b.fact("i1", cg, "2024-05-20", indicator("fund_for_the_poor", 2_500_000_000))
			}, // 5 × 2.5/3 = 4.1666 → 4.16; 5 − 4.16 = 0.84
			what: "còn thiếu 500.000.000 đồng để đạt chỉ tiêu Quỹ Vì người nghèo"},
		// manual: I.1.6, max 2.
		{name: "manual, not scored yet", date: "2024-06-01", code: "I.1.6", state: TodoWaiting, reachable: p(2, 0),
			what: "Ban Thường trực sẽ chấm mục này"},
		{name: "manual, scored", date: "2024-06-01", code: "I.1.6", state: TodoDone, points: p(1, 50), reachable: 0,
			setup: func(b *builder) { b.assess("s1", cg, "I.1.6", p(1, 50)) }, what: "Ban Thường trực đã chấm"},
		// bonus lines a unit earns: B.1, 3 per city or central model, max 6.
		{name: "bonus each", date: "2024-06-01", code: "B.1", state: TodoOpen, points: p(3, 0), reachable: p(3, 0),
			setup: func(b *builder) { b.fact("m1", cg, "2024-05-01", model("m1", "city")) },
			what:  "còn 1 mô hình được công nhận Cấp thành phố hoặc Cấp Trung ương nữa (mỗi lần 3 điểm)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := newBuilderWith(t, DemoSeason())
			if c.setup != nil {
				c.setup(b)
			}
			td, err := b.s.Todo(cg, c.date)
			if err != nil {
				t.Fatal(err)
			}
			it := todoItem(t, td, c.code)
			if it.State != c.state || it.Points != c.points || it.Reachable != c.reachable || it.What != c.what || it.Due != c.due {
				t.Errorf("got  %s %s/%s reach %s due %q %q\nwant %s %s reach %s due %q %q",
					it.State, it.Points, it.Max, it.Reachable, it.Due, it.What, c.state, c.points, c.reachable, c.due, c.what)
			}
		})
	}
}

func TestTodoOrder(t *testing.T) {
	b := newBuilderWith(t, DemoSeason())
	td, err := b.s.Todo(cg, "2024-03-15")
	if err != nil {
		t.Fatal(err)
	}
	// Deadlines ahead first, soonest first: III.2 (31/03), III.1 (30/04), III.3 (30/06).
	var dues []string
	for _, it := range td.Items[:3] {
		dues = append(dues, it.Code+" "+it.Due)
	}
	if want := []string{"III.2 2024-03-31", "III.1 2024-04-30", "III.3 2024-06-30"}; !slices.Equal(dues, want) {
		t.Errorf("first items %v, want %v", dues, want)
	}
	// Nothing done yet: 90 content + the bonus lines a unit earns itself,
	// B.1 6 + B.2 2 = 8 (under the cap of 10; B.3 is the committee's).
	if td.Reachable != p(98, 0) {
		t.Errorf("reachable %s, want 98", td.Reachable)
	}
	last := td.Items[len(td.Items)-1]
	if last.State != TodoWaiting {
		t.Errorf("last item %+v, want one waiting on the committee", last)
	}
	b.close()
	if td, _ := b.s.Todo(cg, "2024-12-31"); !td.Closed || len(td.Items) != 0 {
		t.Errorf("a closed season has nothing to do: %+v", td)
	}
	if _, err := b.s.Todo("hoan-kiem", "2024-03-15"); err == nil {
		t.Error("a unit outside the season has a todo list")
	}
}
