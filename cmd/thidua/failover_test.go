package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// The long variant: go test ./cmd/thidua -run TestClusterFailover -failover.rounds 10 -v
var failoverRounds = flag.Int("failover.rounds", 1, "TestClusterFailover: how many times to stop the stream leader (each round restarts the node stopped before); above 1, the quorum is lost once too")

// resumeWithin bounds how long writes may stall after the leader is lost
// before the test calls it an outage; JetStream elects a new leader in a
// few seconds.
const resumeWithin = 30 * time.Second

// quorumLost is how long the long variant keeps two of three nodes down.
const quorumLost = 15 * time.Second

// TestClusterFailover runs two thidua serve processes against a real
// three-node JetStream cluster (R3), writes through both continuously,
// stops the node leading the stream and checks that writes resume, that
// no acknowledged event is lost, that both read models converge to the same
// rankings and that the audit verifies the log.
func TestClusterFailover(t *testing.T) {
	c := startNATSCluster(t)
	keyFile := filepath.Join(t.TempDir(), "keys", "checkpoint.key")
	pub := runOK(t, "key", "--signing-key", keyFile, "--create")
	common := []string{"--nats-url", c.urls(), "--nats-user", "thidua", "--nats-password", natsPassword,
		"--replicas", "3", "--signing-key", keyFile, "--checkpoint-every", "500ms"}
	a := startServer(t, "", common...)
	b := startServer(t, "", common...)
	if _, info := c.streamLeader(context.Background()); info.Config.Replicas != 3 || len(info.Cluster.Replicas) != 2 {
		t.Fatalf("stream: %d replicas configured, %d followers", info.Config.Replicas, len(info.Cluster.Replicas))
	}

	committee, units := a.openDemoSeason()
	b.waitSeq(a.logLength())
	c.checkOperatorReadsOnly()
	w := newWriters(t, []*testServer{a, b}, units)
	w.waitAcks(20)
	up := newUploaders(t, []*testServer{a, b}, units)
	up.waitAcks(4)
	var lostAt time.Time

	for round := 1; round <= *failoverRounds; round++ {
		leader, _ := c.streamLeader(context.Background())
		// The files' leader goes down with the log's: uploads live through
		// the same election.
		c.colocate(context.Background(), filesStream, leader)
		before := w.count()
		lost := time.Now()
		if lostAt.IsZero() {
			lostAt = lost
		}
		c.stop(leader)
		resumed := w.waitResumed(lost)
		t.Logf("round %d: stopped stream leader nats-%d after %d acknowledged writes; both servers writing again after %s",
			round, leader+1, before, resumed.Round(time.Millisecond))
		w.waitAcks(w.count() + 20)
		if round < *failoverRounds {
			c.start(leader) // the node back, caught up, before the next round
			c.nodes[leader].ReadyForConnections(20 * time.Second)
			c.waitCurrent(context.Background())
		}
	}
	if *failoverRounds > 1 {
		// The long variant also loses the quorum: with the last round's
		// node still down, a second one goes. Writes stop (503) and the
		// read models keep serving; both nodes come back and writes resume.
		down, _ := c.streamLeader(context.Background())
		c.stop(down)
		time.Sleep(quorumLost)
		for i := range c.nodes {
			if c.nodes[i] == nil {
				c.start(i)
			}
		}
		back := time.Now()
		resumed := w.waitResumedWithin(back, 2*resumeWithin)
		t.Logf("quorum lost for %s (two of three nodes down); both servers writing again %s after the nodes came back",
			quorumLost, resumed.Round(time.Millisecond))
		w.waitAcks(w.count() + 20)
	}
	// An upload takes longer than a write (two chunks, and the files'
	// stream has an election of its own): wait for one begun after the
	// first leader was lost before stopping them, rather than hope one fit
	// in the time the writes took.
	up.waitSentAfter(lostAt)
	acks := w.stop()
	for why, n := range w.retries {
		t.Logf("retried %d× on: %s", n, why)
	}
	t.Logf("%d acknowledged writes through 2 servers", len(acks))
	files := up.stop()
	after := 0
	for _, f := range files {
		if f.sent.After(lostAt) {
			after++
		}
	}
	t.Logf("%d acknowledged uploads through 2 servers, %d of them sent after the first leader was stopped", len(files), after)
	if after == 0 {
		t.Errorf("no upload sent after the leader was lost was acknowledged")
	}
	// Every acknowledged file is on both servers, byte for byte.
	for _, f := range files {
		for _, ts := range []*testServer{a, b} {
			if st, _, got := ts.download(domain.DemoSeasonID, committee, f.sha); st != http.StatusOK || !bytes.Equal(got, f.data) {
				t.Errorf("file %s (acknowledged through %s) from %s: %d, %d bytes; want its %d bytes", f.sha, f.via, ts.url, st, len(got), len(f.data))
			}
		}
	}
	// A fact names one, so that export --files has a file to fetch.
	named := files[len(files)-1]
	factBody := fmt.Sprintf(`{"id":"with-file","type":"activity.held","unit":"cau-giay","date":"2024-06-01","data":{"kind":"other","title":"Hồ sơ"},"evidence":[{"kind":"file","title":"Biên bản","file":%q}]}`, named.sha)
	if st, body := postRetry(t, a, units["cau-giay"], factBody); st != http.StatusCreated {
		t.Fatalf("a fact naming a file: %d %s", st, body)
	}

	// Close the season so that the notary signs the final ranking.
	closeBody := `{"id":"close","type":"season.closed","date":"2024-12-20"}`
	if st, body := postRetry(t, a, committee, closeBody); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, body)
	}
	a.waitClosingCheckpoint(domain.DemoSeasonID)
	last := a.logLength()

	// Both read models converge on the same rankings, byte for byte.
	for _, view := range []string{"claimed", "verified", "final"} {
		b.waitSeq(last)
		_, ra, bytesA := a.rankings(committee, view, last)
		_, rb, bytesB := b.rankings(committee, view, last)
		if !bytes.Equal(bytesA, bytesB) {
			t.Errorf("%s rankings differ:\n a: %s\n b: %s", view, bytesA, bytesB)
		}
		if ra.Seq != rb.Seq {
			t.Errorf("%s rankings at seq %d and %d", view, ra.Seq, rb.Seq)
		}
	}

	// No acknowledged event is lost: each is in the log at the seq its
	// writer was told.
	logFile := filepath.Join(t.TempDir(), "season.jsonl")
	// As the inspector: the read-only user of deploy/nats/accounts.conf.
	natsArgs := []string{"--nats-url", c.urls(), "--nats-user", "auditor", "--nats-password", auditorPassword}
	filesDir := filepath.Join(t.TempDir(), "files")
	runOK(t, append([]string{"export", "--season", domain.DemoSeasonID, "--out", logFile, "--files", filesDir}, natsArgs...)...)
	if got, err := os.ReadFile(filepath.Join(filesDir, named.sha)); err != nil || !bytes.Equal(got, named.data) {
		t.Errorf("export --files as the auditor: %v, %d bytes; want the named file's %d", err, len(got), len(named.data))
	}
	stored := map[string]uint64{}
	for _, l := range readLines(t, logFile) {
		ev, _, err := events.Decode(l.Data)
		if err == nil {
			stored[ev.ID] = l.Seq
		}
	}
	for _, ack := range acks {
		if seq, ok := stored[ack.id]; !ok || seq != ack.seq {
			t.Errorf("acknowledged %s at seq %d (through %s); the log has it at %d (present %v)", ack.id, ack.seq, ack.via, seq, ok)
		}
	}

	// Reading left the stream as serve made it.
	if _, info := c.streamLeader(context.Background()); info.Config.Replicas != 3 {
		t.Errorf("after export and audit the stream has %d replicas", info.Config.Replicas)
	}

	// The audit verifies the log from the cluster, and each read model.
	keyPub := filepath.Join(t.TempDir(), "committee.pub")
	if err := os.WriteFile(keyPub, []byte(pub), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ts := range []*testServer{a, b} {
		out := runOK(t, append([]string{"audit", "--season", domain.DemoSeasonID, "--key", keyPub,
			"--db", filepath.Join(ts.data, "thidua.db"), "--files", filesDir}, natsArgs...)...)
		if !strings.Contains(out, "OK") {
			t.Errorf("audit with %s: %s", ts.data, out)
		}
	}
}

// runOK runs a thidua command that must succeed and returns its stdout.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), append([]string{"thidua"}, args...), noEnv, nil, &out, &errOut); err != nil {
		t.Fatalf("thidua %s: %v\n%s%s", args[0], err, out.String(), errOut.String())
	}
	return out.String()
}

// waitSeq waits until the server's read model has applied seq.
func (ts *testServer) waitSeq(seq uint64) {
	ts.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var r struct {
			Checkpoint uint64 `json:"checkpoint"`
		}
		_, body := ts.do(http.MethodGet, "/readyz", "", nil, nil)
		if json.Unmarshal(body, &r) == nil && r.Checkpoint >= seq {
			return
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("read model at %s stuck below seq %d: %s", ts.url, seq, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// postRetry posts an event until the log takes it: a 503 while the
// cluster elects a leader is the answer to retry, with the same id.
func postRetry(t *testing.T, ts *testServer, token, body string) (int, []byte) {
	t.Helper()
	deadline := time.Now().Add(resumeWithin)
	for {
		st, b, err := tryPost(ts, token, body)
		if err == nil && st != http.StatusServiceUnavailable {
			return st, b
		}
		if time.Now().After(deadline) {
			t.Fatalf("post to %s failed for %s: %d %s %v", ts.url, resumeWithin, st, b, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var postClient = &http.Client{Timeout: 15 * time.Second}

func tryPost(ts *testServer, token, body string) (int, []byte, error) {
	req, err := http.NewRequest(http.MethodPost, ts.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/events", strings.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := postClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// writers post facts continuously, two goroutines per server over every
// unit (so the servers contend for the same subjects), each retrying an
// unanswered write with the same id until the log takes it.
type writers struct {
	t    *testing.T
	done chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	acks []writeAck
	// retries counts the answers that made a writer retry, by answer.
	retries map[string]int
}

var (
	subjectInMessage = regexp.MustCompile(`thidua\.ev\.[^ :"]*`)
	idInMessage      = regexp.MustCompile(`append \S+ to`)
)

func (w *writers) retried(status int, err error, body []byte, took time.Duration) {
	why := fmt.Sprint(err)
	if err == nil {
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		json.Unmarshal(body, &e)
		msg := subjectInMessage.ReplaceAllString(e.Error.Message, "SUBJECT")
		why = fmt.Sprintf("%d %s", status, idInMessage.ReplaceAllString(msg, "append ID to"))
	}
	// Fast refusals and slow timeouts are different stories.
	slow := "fast"
	if took > time.Second {
		slow = "after >1 s"
	}
	w.mu.Lock()
	w.retries[why+" ("+slow+")"]++
	w.mu.Unlock()
}

type writeAck struct {
	id, via string
	seq     uint64
	// sent is when the attempt that succeeded began; at, its answer.
	sent, at time.Time
}

func newWriters(t *testing.T, servers []*testServer, units map[string]string) *writers {
	w := &writers{t: t, done: make(chan struct{}), retries: map[string]int{}}
	ids := make([]string, 0, len(units))
	for u := range units {
		ids = append(ids, u)
	}
	slices.Sort(ids)
	for si, ts := range servers {
		for k := range 2 {
			name := fmt.Sprintf("s%d-w%d", si, k)
			w.wg.Add(1)
			go func() {
				defer w.wg.Done()
				w.write(ts, name, ids, units)
			}()
		}
	}
	return w
}

func (w *writers) write(ts *testServer, name string, ids []string, tokens map[string]string) {
	doc := `"evidence":[{"kind":"document","title":"Biên bản","doc_no":"1/BB"}]`
	for n := 0; ; n++ {
		unit := ids[n%len(ids)]
		id := fmt.Sprintf("%s-%d", name, n)
		body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":%q,"date":"2024-%02d-%02d","data":{"kind":"citizen_dialogue","title":"Đối thoại với nhân dân lần %d"},%s}`,
			id, unit, 3+n%9, 1+n%28, n, doc)
		for {
			select {
			case <-w.done:
				return
			default:
			}
			start := time.Now()
			st, b, err := tryPost(ts, tokens[unit], body)
			if err != nil || st == http.StatusServiceUnavailable {
				w.retried(st, err, b, time.Since(start))
				time.Sleep(50 * time.Millisecond)
				continue // same id: idempotent
			}
			var r appendReply
			if (st != http.StatusCreated && st != http.StatusOK) || json.Unmarshal(b, &r) != nil {
				w.t.Errorf("%s: %s through %s: %d %s", name, id, ts.url, st, b)
				return
			}
			w.mu.Lock()
			w.acks = append(w.acks, writeAck{id: id, via: ts.url, seq: r.Seq, sent: start, at: time.Now()})
			w.mu.Unlock()
			break
		}
	}
}

func (w *writers) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.acks)
}

func (w *writers) waitAcks(n int) {
	w.t.Helper()
	deadline := time.Now().Add(resumeWithin)
	for w.count() < n {
		if time.Now().After(deadline) {
			w.t.Fatalf("only %d of %d writes acknowledged after %s", w.count(), n, resumeWithin)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitResumed waits until every server has acknowledged a write sent
// after lost (not one in flight across it), and returns how long the
// slower one took.
func (w *writers) waitResumed(lost time.Time) time.Duration {
	w.t.Helper()
	return w.waitResumedWithin(lost, resumeWithin)
}

func (w *writers) waitResumedWithin(lost time.Time, within time.Duration) time.Duration {
	w.t.Helper()
	deadline := lost.Add(within)
	for {
		first := map[string]time.Time{}
		w.mu.Lock()
		for _, a := range w.acks {
			if a.sent.After(lost) {
				if _, ok := first[a.via]; !ok {
					first[a.via] = a.at
				}
			}
		}
		w.mu.Unlock()
		if len(first) == 2 {
			var slowest time.Duration
			for _, at := range first {
				slowest = max(slowest, at.Sub(lost))
			}
			return slowest
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("writes did not resume on every server within %s (resumed on %d)", within, len(first))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (w *writers) stop() []writeAck {
	close(w.done)
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.acks)
}

// uploaders post evidence files continuously, one goroutine per server,
// each retrying an unanswered upload with the same bytes until the store
// takes it (201, or 200 when an earlier attempt was stored after all).
type uploaders struct {
	t    *testing.T
	done chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	acks []uploadAck
}

type uploadAck struct {
	sha, via string
	data     []byte
	sent     time.Time // when the attempt that succeeded began
}

func newUploaders(t *testing.T, servers []*testServer, units map[string]string) *uploaders {
	u := &uploaders{t: t, done: make(chan struct{})}
	for si, ts := range servers {
		u.wg.Add(1)
		go func() {
			defer u.wg.Done()
			u.upload(ts, fmt.Sprintf("s%d", si), units["tay-ho"])
		}()
	}
	return u
}

func (u *uploaders) upload(ts *testServer, name, token string) {
	client := &http.Client{Timeout: 15 * time.Second}
	for n := 0; ; n++ {
		// Two chunks of the Object Store each.
		data := append(samplePDF(fmt.Sprintf("%s-%d", name, n)), bytes.Repeat([]byte{byte(n)}, 200_000)...)
		for {
			select {
			case <-u.done:
				return
			default:
			}
			start := time.Now()
			req, _ := http.NewRequest(http.MethodPost, ts.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/files?name=scan.pdf", bytes.NewReader(data))
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := client.Do(req)
			if err != nil {
				time.Sleep(50 * time.Millisecond)
				continue
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusServiceUnavailable {
				time.Sleep(50 * time.Millisecond)
				continue // the same bytes: stored once whatever happened before
			}
			var f fileReply
			if (resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK) || json.Unmarshal(b, &f) != nil || f.SHA256 != hashOf(data) {
				u.t.Errorf("upload %s-%d through %s: %d %s", name, n, ts.url, resp.StatusCode, b)
				return
			}
			u.mu.Lock()
			u.acks = append(u.acks, uploadAck{sha: f.SHA256, via: ts.url, data: data, sent: start})
			u.mu.Unlock()
			break
		}
	}
}

// waitSentAfter waits until an upload begun after at is acknowledged.
func (u *uploaders) waitSentAfter(at time.Time) {
	u.t.Helper()
	deadline := time.Now().Add(resumeWithin)
	for {
		u.mu.Lock()
		ok := slices.ContainsFunc(u.acks, func(a uploadAck) bool { return a.sent.After(at) })
		u.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			u.t.Fatalf("no upload begun after %s acknowledged within %s", at.Format(time.TimeOnly), resumeWithin)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (u *uploaders) waitAcks(n int) {
	u.t.Helper()
	deadline := time.Now().Add(resumeWithin)
	for {
		u.mu.Lock()
		got := len(u.acks)
		u.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			u.t.Fatalf("only %d of %d uploads acknowledged after %s", got, n, resumeWithin)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (u *uploaders) stop() []uploadAck {
	close(u.done)
	u.wg.Wait()
	u.mu.Lock()
	defer u.mu.Unlock()
	return slices.Clone(u.acks)
}
