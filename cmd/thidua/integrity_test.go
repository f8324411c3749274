package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/server"
)

// playClosedSeason opens the demo season on ts, posts n facts, closes it
// and waits for the signed close; it returns every acknowledged id with
// its seq.
func playClosedSeason(t *testing.T, ts *testServer, n int) map[string]uint64 {
	t.Helper()
	committee, units := ts.openDemoSeason()
	acked := map[string]uint64{}
	doc := `"evidence":[{"kind":"document","title":"Báo cáo","doc_no":"12/BC"}]`
	unitIDs := []string{"cau-giay", "tay-ho", "ha-dong", "bac-tu-liem"}
	for i := range n {
		u := unitIDs[i%len(unitIDs)]
		body := fmt.Sprintf(`{"id":"fact-%d","type":"activity.held","unit":%q,"date":"2024-05-07","data":{"kind":"other","title":"Hoạt động số %d của đơn vị"},%s}`, i, u, i, doc)
		st, b, r := ts.post(units[u], body)
		if st != http.StatusCreated {
			t.Fatalf("post fact %d: %d %s", i, st, b)
		}
		acked[r.ID] = r.Seq
	}
	st, b, r := ts.post(committee, `{"id":"close","type":"season.closed","date":"2024-12-20"}`)
	if st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	acked[r.ID] = r.Seq
	ts.waitClosingCheckpoint(domain.DemoSeasonID)
	return acked
}

type readyReply struct {
	Ready      bool   `json:"ready"`
	Code       string `json:"code"`
	Reason     string `json:"reason"`
	Checkpoint uint64 `json:"checkpoint"`
	LogLastSeq uint64 `json:"log_last_seq"`
	LogLost    *struct {
		Lost []struct{ From, To uint64 } `json:"lost"`
	} `json:"log_lost"`
}

func (ts *testServer) ready() (int, readyReply) {
	ts.t.Helper()
	var r readyReply
	st, b := ts.do(http.MethodGet, "/readyz", "", nil, nil)
	if err := json.Unmarshal(b, &r); err != nil {
		ts.t.Fatalf("readyz: %s: %v", b, err)
	}
	return st, r
}

// errorCode is the code of an error reply.
func errorCode(t *testing.T, b []byte) string {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("error reply %s: %v", b, err)
	}
	return e.Error.Code
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// eventSeqs lists the season's events as the API serves them: id → seq.
func (ts *testServer) eventSeqs() map[string]uint64 {
	ts.t.Helper()
	var r struct {
		Events []struct {
			ID  string `json:"id"`
			Seq uint64 `json:"seq"`
		} `json:"events"`
	}
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/events?limit=1000", testAdmin, nil, &r); st != http.StatusOK {
		ts.t.Fatalf("events: %d %s", st, b)
	}
	out := map[string]uint64{}
	for _, e := range r.Events {
		out[e.ID] = e.Seq
	}
	return out
}

func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut syncBuffer
	err := run(context.Background(), append([]string{"thidua"}, args...), noEnv, strings.NewReader(""), &out, &errOut)
	return out.String() + errOut.String(), err
}

// TestDamagedLogIsRefusedThenRepaired: for a zeroed 4 KiB region, a
// truncated block and a flipped byte in the stream's block file of a
// stopped server, the restarted server refuses writes with
// log_lost_events naming the seqs, fails /readyz with the same reason,
// keeps serving its read model, re-appends no acknowledged id and gives no
// acknowledged seq away. thidua repair then puts every acknowledged event
// back at its seq, the server starts clean and the audit passes.
func TestDamagedLogIsRefusedThenRepaired(t *testing.T) {
	for _, d := range []natstest.Damage{natstest.Zero4K, natstest.Truncate, natstest.FlipByte} {
		t.Run(string(d), func(t *testing.T) {
			ts := startServer(t, "", "--checkpoint-every", "50ms")
			acked := playClosedSeason(t, ts, 40)
			before := ts.eventSeqs()
			logEnd := ts.logLength()
			_, _, rankings := ts.rankings(testAdmin, "final", 0)
			ts.stop()
			natstest.DamageBlock(t, filepath.Join(ts.data, "nats"), d)

			ts = startServerUntil(t, ts.data, http.StatusServiceUnavailable, "--checkpoint-every", "50ms")
			st, r := ts.ready()
			if st != http.StatusServiceUnavailable || r.Code != "log_lost_events" || r.LogLost == nil || len(r.LogLost.Lost) == 0 || !strings.Contains(r.Reason, "missing from the log") {
				t.Fatalf("/readyz: %d %+v, want 503 log_lost_events naming the lost seqs", st, r)
			}
			t.Logf("%s: /readyz: %s", d, r.Reason)
			if r.Checkpoint != logEnd {
				t.Errorf("read model at seq %d, want %d: it must keep everything it had", r.Checkpoint, logEnd)
			}
			// A new write, a re-post of an acknowledged id, a token:
			// each refused with the loss, and the log unchanged.
			lastBefore := ts.logLength()
			for name, try := range map[string]func() (int, []byte){
				"new fact": func() (int, []byte) {
					st, b, _ := ts.post(testAdmin, `{"id":"after-loss","type":"bonus.awarded","unit":"tay-ho","date":"2024-11-01","data":{"points":1,"reason":"x"}}`)
					return st, b
				},
				"re-post": func() (int, []byte) {
					st, b, _ := ts.post(testAdmin, `{"id":"close","type":"season.closed","date":"2024-12-20"}`)
					return st, b
				},
				"token": func() (int, []byte) {
					return ts.do(http.MethodPost, "/api/v1/tokens", testAdmin, []byte(`{"role":"auditor"}`), nil)
				},
			} {
				st, b := try()
				if st != http.StatusServiceUnavailable || errorCode(t, b) != "log_lost_events" || !strings.Contains(string(b), "missing from the log") {
					t.Errorf("%s: %d %s, want 503 log_lost_events naming the seqs", name, st, b)
				}
			}
			if got := ts.logLength(); got != lastBefore {
				t.Errorf("the log went from seq %d to %d while writes were refused", lastBefore, got)
			}
			// Reads still come from the read model, as acknowledged.
			if st, _, b := ts.rankings(testAdmin, "final", 0); st != http.StatusOK || !jsonEqualUnits(t, b, rankings) {
				t.Errorf("final rankings after the loss: %d, differ from before: %v", st, !jsonEqualUnits(t, b, rankings))
			}
			if _, err := runCmd(t, "repair", "--data", ts.data); !errors.Is(err, server.ErrDataInUse) {
				t.Errorf("repair under a running serve: %v, want it refused", err)
			}
			ts.stop()

			out, err := runCmd(t, "repair", "--data", ts.data)
			if err != nil {
				t.Fatalf("repair: %v\n%s", err, out)
			}
			t.Logf("repair:\n%s", out)
			if !strings.Contains(out, fmt.Sprintf("restored: seq 1–%d", logEnd)) {
				t.Errorf("repair output does not say it restored seq 1–%d:\n%s", logEnd, out)
			}
			if out, err := runCmd(t, "repair", "--data", ts.data); err != nil || !strings.Contains(out, "nothing to repair") {
				t.Errorf("a second repair: %v\n%s, want nothing to repair", err, out)
			}

			ts = startServer(t, ts.data, "--checkpoint-every", "50ms")
			if got := ts.logLength(); got != logEnd {
				t.Errorf("repaired log ends at %d, want %d", got, logEnd)
			}
			after := ts.eventSeqs()
			for id, seq := range before {
				if after[id] != seq {
					t.Errorf("event %s at seq %d after the repair, acknowledged at %d", id, after[id], seq)
				}
			}
			for id, seq := range acked {
				if before[id] != seq {
					t.Errorf("acknowledged %s at %d, listed at %d", id, seq, before[id])
				}
			}
			if st, b, _ := ts.post(testAdmin, `{"id":"close","type":"season.closed","date":"2024-12-20"}`); st != http.StatusOK {
				t.Errorf("re-post of the close after the repair: %d %s, want 200 with its seq", st, b)
			}
			ts.stop()
			if out, err := runCmd(t, "audit", "--season", domain.DemoSeasonID, "--data", ts.data); err != nil {
				t.Errorf("audit after the repair: %v\n%s", err, out)
			}
		})
	}
}

// jsonEqualUnits compares the units of two rankings replies.
func jsonEqualUnits(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y struct {
		Units json.RawMessage `json:"units"`
	}
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return string(x.Units) == string(y.Units)
}

// TestRepairRefusesACopyThatDoesNotVerify: a read model whose copy of a
// message was edited cannot vouch for the log; repair refuses and changes
// nothing.
func TestRepairRefusesACopyThatDoesNotVerify(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "50ms")
	ts.openDemoSeason()
	end := ts.logLength()
	ts.stop()
	natstest.DamageBlock(t, filepath.Join(ts.data, "nats"), natstest.Truncate)
	db, err := sql.Open("sqlite3", filepath.Join(ts.data, "thidua.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE log_copy SET data = CAST(REPLACE(CAST(data AS TEXT), 'cau-giay', 'cau-gixy') AS BLOB) WHERE seq = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, err := runCmd(t, "repair", "--data", ts.data)
	if err == nil || !strings.Contains(err.Error(), "does not verify at seq 1") {
		t.Fatalf("repair of an edited copy: %v\n%s, want refused at seq 1", err, out)
	}
	// Nothing was replaced: the damaged log still lacks its tail. The
	// server sets the unverifiable read model aside and, rebuilding from
	// the log, still finds the loss and refuses writes.
	ts = startServerUntil(t, ts.data, http.StatusServiceUnavailable)
	if _, r := ts.ready(); r.Code != "log_lost_events" || r.LogLost == nil || r.LogLost.Lost[len(r.LogLost.Lost)-1].To < end {
		t.Errorf("after a refused repair: %+v, want log_lost_events up to seq %d at least", r, end)
	}
	if aside, _ := filepath.Glob(filepath.Join(ts.data, "thidua.db.set-aside-*Z")); len(aside) != 1 {
		t.Errorf("set aside: %v, want the read model whose copy does not verify", aside)
	}
}

// TestEditedReadModelIsSetAsideAndRebuilt: a read model edited on disk
// (a bonus's points in one event body, as in issue 13; the same with the
// copy and both hashes recomputed, which only the signed checkpoint's root
// catches) or a SQLite file damaged in its middle is not served: the
// audit of the data directory fails on it, and serve renames it aside,
// rebuilds from the log and serves the rankings as they were.
func TestEditedReadModelIsSetAsideAndRebuilt(t *testing.T) {
	editBonus := func(t *testing.T, db *sql.DB, alsoCopy bool) {
		t.Helper()
		var seq uint64
		var body []byte
		if err := db.QueryRow(`SELECT seq, body FROM events WHERE id = 'th-bonus'`).Scan(&seq, &body); err != nil {
			t.Fatal(err)
		}
		edited := []byte(strings.Replace(string(body), `"points":1,`, `"points":9,`, 1))
		if bytes.Equal(edited, body) {
			t.Fatalf("no \"points\":1 in %s", body)
		}
		if _, err := db.Exec(`UPDATE events SET body = ? WHERE seq = ?`, edited, seq); err != nil {
			t.Fatal(err)
		}
		if !alsoCopy {
			return
		}
		ev, _, err := events.Decode(edited)
		if err != nil {
			t.Fatal(err)
		}
		var subject string
		var header []byte
		if err := db.QueryRow(`SELECT subject, header FROM log_copy WHERE seq = ?`, seq).Scan(&subject, &header); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE events SET hash = ? WHERE seq = ?`, events.ContentHash(ev), seq); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE log_copy SET data = ?, hash = ? WHERE seq = ?`, edited, projections.CopyHash(seq, subject, header, edited), seq); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, path string)
	}{
		{"one event body", func(t *testing.T, path string) { withDB(t, path, func(db *sql.DB) { editBonus(t, db, false) }) }},
		{"body, copy and hashes", func(t *testing.T, path string) { withDB(t, path, func(db *sql.DB) { editBonus(t, db, true) }) }},
		{"damaged file", func(t *testing.T, path string) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			page := 4096
			at := (len(b) / 2 / page) * page
			for i := at; i < at+page && i < len(b); i++ {
				b[i] = 0xA5
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := startServer(t, "", "--checkpoint-every", "50ms")
			committee, _ := ts.openDemoSeason()
			for _, body := range []string{
				`{"id":"th-bonus","type":"bonus.awarded","unit":"tay-ho","date":"2024-11-01","data":{"points":1,"reason":"Đăng cai hội thi của Cụm"}}`,
				`{"id":"close","type":"season.closed","date":"2024-12-20"}`,
			} {
				if st, b, _ := ts.post(committee, body); st != http.StatusCreated {
					t.Fatalf("post: %d %s", st, b)
				}
			}
			ts.waitClosingCheckpoint(domain.DemoSeasonID)
			_, _, final := ts.rankings(testAdmin, "final", 0)
			ts.stop()
			dbPath := filepath.Join(ts.data, "thidua.db")
			tc.tamper(t, dbPath)

			out, err := runCmd(t, "audit", "--season", domain.DemoSeasonID, "--data", ts.data)
			if err == nil {
				t.Fatalf("audit of the tampered read model passed:\n%s", out)
			}
			t.Logf("audit: %v", err)

			ts = startServer(t, ts.data, "--checkpoint-every", "50ms")
			if _, _, got := ts.rankings(testAdmin, "final", 0); !jsonEqualUnits(t, got, final) {
				t.Errorf("final rankings after the rebuild differ from before the tampering:\n%s\nwant\n%s", got, final)
			}
			aside, _ := filepath.Glob(dbPath + ".set-aside-*Z")
			if len(aside) == 0 {
				t.Error("no read model set aside")
			}
			ts.stop()
			if out, err := runCmd(t, "audit", "--season", domain.DemoSeasonID, "--data", ts.data); err != nil {
				t.Errorf("audit after the rebuild: %v\n%s", err, out)
			}
		})
	}
}

func withDB(t *testing.T, path string, fn func(*sql.DB)) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fn(db)
}
