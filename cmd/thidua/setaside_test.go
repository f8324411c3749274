package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore/natstest"
)

// TestStrayMessageIsSetAside: a non-thidua body published straight onto a
// season's unit subject (an operator's mistake on the cluster) halts the
// projector and every write. The committee sets that seq aside with a
// reason; the projector resumes by itself, writes go through, a restart
// restores the same state, and the audit of the data directory and of the
// exported log skips the seq and lists it.
func TestStrayMessageIsSetAside(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "50ms")
	committee, units := ts.openDemoSeason()
	fact := func(id string) string {
		return fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"Hoạt động %s"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`, id, id)
	}
	if st, b, _ := ts.post(units["cau-giay"], fact("before")); st != http.StatusCreated {
		t.Fatalf("post: %d %s", st, b)
	}
	ts.stop()

	// The stray message, with raw NATS access to the stopped server's log.
	log, stop := natstest.Restartable(t, filepath.Join(ts.data, "nats"))
	ctx := context.Background()
	subject := events.UnitSubject(domain.DemoSeasonID, "cau-giay")
	last, err := log.LastSubjectSeq(ctx, subject)
	if err != nil {
		t.Fatal(err)
	}
	ack, err := log.Append(ctx, subject, "stray", []byte("hello from nats pub"), last)
	if err != nil {
		t.Fatal(err)
	}
	stray := ack.Seq
	stop()

	ts = startServerUntil(t, ts.data, http.StatusServiceUnavailable, "--checkpoint-every", "50ms")
	var ready struct {
		Halted *struct {
			Seq    uint64 `json:"seq"`
			Reason string `json:"reason"`
		} `json:"halted"`
	}
	for deadline := time.Now().Add(10 * time.Second); ready.Halted == nil; time.Sleep(10 * time.Millisecond) {
		_, b := ts.do(http.MethodGet, "/readyz", "", nil, nil)
		if err := json.Unmarshal(b, &ready); err != nil || time.Now().After(deadline) {
			t.Fatalf("/readyz: %s (%v), want halted at seq %d", b, err, stray)
		}
	}
	if ready.Halted.Seq != stray {
		t.Fatalf("halted at %+v, want seq %d", ready.Halted, stray)
	}
	if st, b, _ := ts.post(units["cau-giay"], fact("while-halted")); st != http.StatusServiceUnavailable {
		t.Errorf("a write while halted: %d %s, want 503", st, b)
	}
	setAside := func(token string, seq uint64) (int, []byte) {
		return ts.do(http.MethodPost, "/api/v1/set-aside", token, []byte(fmt.Sprintf(`{"seq":%d,"reason":"Tin nhắn lạc do thao tác nhầm (nats pub)"}`, seq)), nil)
	}
	if st, b := setAside(units["cau-giay"], stray); st != http.StatusForbidden {
		t.Errorf("set aside by a unit: %d %s, want 403", st, b)
	}
	if st, b := setAside(committee, stray-1); st != http.StatusConflict {
		t.Errorf("set aside a seq that did not halt the projector: %d %s, want 409", st, b)
	}
	st, b := setAside(committee, stray)
	if st != http.StatusCreated {
		t.Fatalf("set aside: %d %s", st, b)
	}
	waitReady(t, ts)
	st, _, r := ts.post(units["cau-giay"], fact("after"))
	if st != http.StatusCreated {
		t.Fatalf("a write after the set-aside: %d", st)
	}
	if _, rk, _ := ts.rankings(testAdmin, "claimed", r.Seq); len(rk.Units) == 0 {
		t.Error("no rankings after the set-aside")
	}
	if st, b, _ := ts.post(committee, `{"id":"close","type":"season.closed","date":"2024-12-20"}`); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	ts.waitClosingCheckpoint(domain.DemoSeasonID)
	ts.stop()

	// A restart restores the skipped seq in its chain and tree: the
	// read model verifies against the signed checkpoints and is ready.
	ts = startServer(t, ts.data)
	ts.stop()

	for _, args := range [][]string{
		{"audit", "--season", domain.DemoSeasonID, "--data", ts.data, "--json", "-"},
	} {
		out, err := runCmd(t, args...)
		if err != nil {
			t.Fatalf("audit: %v\n%s", err, out)
		}
		if !strings.Contains(out, fmt.Sprintf(`"seq": %d,`, stray)) || !strings.Contains(out, "Tin nhắn lạc") {
			t.Errorf("the audit does not list seq %d as set aside:\n%s", stray, out)
		}
	}
	exported := filepath.Join(t.TempDir(), "season.jsonl")
	if out, err := runCmd(t, "export", "--season", domain.DemoSeasonID, "--data", ts.data, "--out", exported); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	if out, err := runCmd(t, "audit", "--season", domain.DemoSeasonID, "--log", exported, "--key", filepath.Join(ts.data, "checkpoint.pub")); err != nil || !strings.Contains(out, "set aside") {
		t.Errorf("audit of the export: %v\n%s", err, out)
	}
}

func waitReady(t *testing.T, ts *testServer) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		code, r := ts.ready()
		if code == http.StatusOK {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready: %d %+v", code, r)
		}
	}
}
