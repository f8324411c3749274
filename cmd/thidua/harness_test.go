package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

const testAdmin = "thidua_admin_test-admin-token"

// testServer is a thidua serve run in-process through run(...), with an
// embedded NATS and a SQLite read model in a temp dir.
type testServer struct {
	t      *testing.T
	url    string
	data   string
	stdout *syncBuffer
	cancel context.CancelFunc
	done   chan error
	spec   *apiSpec // every request through do is checked against /openapi.yaml
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs `thidua serve` with args added to a temp data dir and a
// free port, and waits until it is ready.
func startServer(t *testing.T, dataDir string, args ...string) *testServer {
	t.Helper()
	return startServerUntil(t, dataDir, http.StatusOK, args...)
}

// startServerUntil is startServer that waits until /readyz answers
// status: 503 for a server that serves but refuses writes.
func startServerUntil(t *testing.T, dataDir string, status int, args ...string) *testServer {
	t.Helper()
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{t: t, url: "http://" + addr, data: dataDir, stdout: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	argv := append([]string{"thidua", "serve", "--data", dataDir, "--http", addr, "--admin-token", testAdmin}, args...)
	env := func(string) string { return "" }
	go func() { ts.done <- run(ctx, argv, env, strings.NewReader(""), ts.stdout, io.Discard) }()
	t.Cleanup(ts.stop)
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(ts.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == status {
				ts.spec = loadAPISpec(t, ts.url)
				return ts
			}
		}
		select {
		case err := <-ts.done:
			t.Fatalf("serve stopped early: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (ts *testServer) stop() {
	if ts.cancel == nil {
		return
	}
	ts.cancel()
	ts.cancel = nil
	select {
	case err := <-ts.done:
		if err != nil {
			ts.t.Errorf("serve returned %v", err)
		}
	case <-time.After(20 * time.Second):
		ts.t.Error("serve did not stop")
	}
}

// do sends a request and decodes a JSON reply into out (if non-nil).
func (ts *testServer) do(method, path, token string, body []byte, out any) (int, []byte) {
	ts.t.Helper()
	req, err := http.NewRequest(method, ts.url+path, bytes.NewReader(body))
	if err != nil {
		ts.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		// As a client that follows openapi.yaml sends them.
		ct := "application/json"
		if strings.Contains(path, "/files") {
			ct = "application/octet-stream"
		}
		req.Header.Set("Content-Type", ct)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	if ts.spec != nil {
		for _, p := range ts.spec.check(req, body, resp, b) {
			ts.t.Errorf("openapi.yaml: %s %s: %s", method, path, p)
		}
	}
	if out != nil && resp.StatusCode < 300 {
		if err := json.Unmarshal(b, out); err != nil {
			ts.t.Fatalf("%s %s: decode %s: %v", method, path, b, err)
		}
	}
	return resp.StatusCode, b
}

type appendReply struct {
	ID     string `json:"id"`
	Seq    uint64 `json:"seq"`
	Type   string `json:"type"`
	Season string `json:"season"`
	Unit   string `json:"unit"`
}

// post appends an event to the demo season.
func (ts *testServer) post(token, body string) (int, []byte, appendReply) {
	ts.t.Helper()
	var r appendReply
	st, b := ts.do(http.MethodPost, "/api/v1/seasons/"+domain.DemoSeasonID+"/events", token, []byte(body), &r)
	return st, b, r
}

func (ts *testServer) issue(role, unit string) string {
	ts.t.Helper()
	body, _ := json.Marshal(map[string]string{"role": role, "unit": unit})
	var out struct{ Token string }
	if st, b := ts.do(http.MethodPost, "/api/v1/tokens", testAdmin, body, &out); st != http.StatusCreated {
		ts.t.Fatalf("issue %s token: %d %s", role, st, b)
	}
	return out.Token
}

// openDemoSeason posts season.opened for the demo season with the default
// rubric and returns a committee token and one token per unit.
func (ts *testServer) openDemoSeason() (committee string, units map[string]string) {
	ts.t.Helper()
	data, err := json.Marshal(domain.DemoSeason())
	if err != nil {
		ts.t.Fatal(err)
	}
	body := fmt.Sprintf(`{"id":"season-opened","type":"season.opened","data":%s}`, data)
	if st, b, _ := ts.post(testAdmin, body); st != http.StatusCreated {
		ts.t.Fatalf("open season: %d %s", st, b)
	}
	units = map[string]string{}
	for _, m := range domain.DemoSeason().Members {
		units[m.ID] = ts.issue(events.RoleUnit, m.ID)
	}
	return ts.issue(events.RoleCommittee, ""), units
}

type rankingsReply struct {
	Season string            `json:"season"`
	View   string            `json:"view"`
	Seq    uint64            `json:"seq"`
	Units  []json.RawMessage `json:"units"`
}

func (ts *testServer) rankings(token, view string, minSeq uint64) (int, rankingsReply, []byte) {
	ts.t.Helper()
	var r rankingsReply
	st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/rankings?view=%s&min_seq=%d", domain.DemoSeasonID, view, minSeq), token, nil, &r)
	return st, r, b
}

// logLength is the stream's last sequence as /readyz reports it.
func (ts *testServer) logLength() uint64 {
	ts.t.Helper()
	var r struct {
		LogLastSeq uint64 `json:"log_last_seq"`
	}
	_, b := ts.do(http.MethodGet, "/readyz", "", nil, nil)
	if err := json.Unmarshal(b, &r); err != nil {
		ts.t.Fatalf("readyz: %s: %v", b, err)
	}
	return r.LogLastSeq
}

// waitClosingCheckpoint waits until a checkpoint that signs the season's
// final ranking is on the log (the notary signs it just after the close),
// and returns it.
func (ts *testServer) waitClosingCheckpoint(season string) checkpointReply {
	ts.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var r struct {
			PublicKey   string            `json:"public_key"`
			Checkpoints []checkpointReply `json:"checkpoints"`
		}
		if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+season+"/checkpoints", testAdmin, nil, &r); st != http.StatusOK {
			ts.t.Fatalf("checkpoints: %d %s", st, b)
		}
		if n := len(r.Checkpoints); n > 0 && r.Checkpoints[n-1].Closing {
			return r.Checkpoints[n-1]
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("no closing checkpoint for season %s after 10 s: %+v", season, r.Checkpoints)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type checkpointReply struct {
	Seq     uint64 `json:"seq"`
	Size    int64  `json:"size"`
	Closing bool   `json:"closing"`
	Note    string `json:"note"`
}
