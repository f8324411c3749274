package live_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/live"
	"github.com/thidua/thidua/live/livetest"
)

// world is the real stack with the demo season open.
type world struct {
	*livetest.Stack
}

func start(t *testing.T, buffer int) *world {
	t.Helper()
	w := &world{livetest.Start(t, buffer)}
	season := domain.DemoSeason()
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", events.Author{Role: events.RoleAdmin}, &season, nil)
	if _, _, err := w.Ledger.AppendEvent(context.Background(), ev, &season); err != nil {
		t.Fatal(err)
	}
	return w
}

// congress records one more ward congress of Hà Đông (17 wards), which
// raises its claimed total every time: a change on every append.
func (w *world) congress(t *testing.T, ward int) uint64 {
	t.Helper()
	m := domain.DemoSeason().Members[2] // ha-dong
	body := fmt.Sprintf(`{"type":"congress.completed","unit":"ha-dong","date":"2024-04-01","data":{"level":"ward","ward":"%s","delegates":120},"evidence":[{"kind":"document","title":"Nghị quyết đại hội"}]}`, m.WardList[ward-1].ID)
	r, _, err := w.Ledger.Append(context.Background(), domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: "ha-dong", Token: "t"}, domain.Scope{}, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return r.Seq
}

type rankings struct {
	Season string `json:"season"`
	View   string `json:"view"`
	Seq    uint64 `json:"seq"`
	Units  []struct {
		Unit  string  `json:"unit"`
		Total float64 `json:"total"`
	} `json:"units"`
}

// parse checks a frame's SSE framing and returns its body.
func parse(t *testing.T, f live.Frame) rankings {
	t.Helper()
	s := string(f.Data)
	head := fmt.Sprintf("id: %d\nevent: rankings\ndata: ", f.Seq)
	if !strings.HasPrefix(s, head) || !strings.HasSuffix(s, "\n\n") || strings.Count(s, "\n") != 4 {
		t.Fatalf("frame is not one SSE message with id %d: %q", f.Seq, s)
	}
	var r rankings
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, head), "\n\n")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Seq != f.Seq {
		t.Fatalf("frame id %d, body seq %d", f.Seq, r.Seq)
	}
	return r
}

func total(r rankings, unit string) float64 {
	for _, u := range r.Units {
		if u.Unit == unit {
			return u.Total
		}
	}
	return -1
}

func next(t *testing.T, s *live.Subscription) live.Frame {
	t.Helper()
	select {
	case f := <-s.C():
		return f
	case <-s.Dropped():
		t.Fatal("subscription dropped")
	case <-time.After(10 * time.Second):
		t.Fatal("no frame within 10 s")
	}
	return live.Frame{}
}

func TestSubscriberSeesTheCurrentRankingThenEachChange(t *testing.T) {
	w := start(t, 8)
	sub := w.Hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	defer w.Hub.Unsubscribe(sub)
	first := parse(t, next(t, sub))
	if first.Season != domain.DemoSeasonID || first.View != "claimed" || total(first, "ha-dong") != 0 {
		t.Fatalf("first frame: %+v", first)
	}
	prev := first
	for ward := 1; ward <= 3; ward++ {
		seq := w.congress(t, ward)
		r := parse(t, next(t, sub))
		if r.Seq < seq {
			t.Fatalf("ward %d at seq %d: frame reflects seq %d", ward, seq, r.Seq)
		}
		if total(r, "ha-dong") <= total(prev, "ha-dong") {
			t.Fatalf("ward %d: total %v did not rise from %v", ward, total(r, "ha-dong"), total(prev, "ha-dong"))
		}
		prev = r
	}
}

// A subscriber that stops reading is dropped once its buffer is full, while
// one that reads keeps receiving every change to the end.
func TestSlowSubscriberIsDroppedOthersKeepReceiving(t *testing.T) {
	w := start(t, 2)
	slow := w.Hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	fast := w.Hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	defer w.Hub.Unsubscribe(slow)
	defer w.Hub.Unsubscribe(fast)

	got := make(chan rankings, 64)
	go func() {
		for {
			select {
			case f := <-fast.C():
				got <- parse(t, f)
			case <-fast.Dropped():
				close(got)
				return
			}
		}
	}()
	var last uint64
	for ward := 1; ward <= 10; ward++ {
		last = w.congress(t, ward)
	}
	select {
	case <-slow.Dropped():
	case <-time.After(10 * time.Second):
		t.Fatal("the slow subscriber was not dropped")
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case r, ok := <-got:
			if !ok {
				t.Fatal("the reading subscriber was dropped")
			}
			if r.Seq >= last {
				if total(r, "ha-dong") != 3.52 { // 6 × 10/17, floored to the cent
					t.Fatalf("last frame: ha-dong %v, want 3.52", total(r, "ha-dong"))
				}
				if n := w.Metric(t, "thidua_live_dropped_total"); n != 1 {
					t.Fatalf("thidua_live_dropped_total = %v, want 1", n)
				}
				return
			}
		case <-deadline:
			t.Fatalf("the reading subscriber never saw seq %d", last)
		}
	}
}
