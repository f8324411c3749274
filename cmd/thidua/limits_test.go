package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/access"
	"github.com/thidua/thidua/domain"
)

// TestHostileClients runs serve with a read timeout of 1 s: a body trickled
// a byte at a time is cut off while other requests are served, a live
// stream outlives the read timeout, and a revoked token's stream ends
// within seconds.
func TestHostileClients(t *testing.T) {
	ts := startServer(t, "", "--read-timeout", "1s")
	committee, _ := ts.openDemoSeason()
	addr := strings.TrimPrefix(ts.url, "http://")

	// A POST whose body comes one byte every 300 ms.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/seasons/%s/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Length: 1000\r\n\r\n", domain.DemoSeasonID, committee)
	cut := make(chan time.Duration, 1)
	start := time.Now()
	go func() {
		for i := 0; i < 40; i++ {
			if _, err := conn.Write([]byte("{")); err != nil {
				break
			}
			time.Sleep(300 * time.Millisecond)
		}
		cut <- time.Since(start)
	}()
	// Meanwhile the server answers others.
	if st, b := ts.do(http.MethodGet, "/healthz", "", nil, nil); st != http.StatusOK {
		t.Errorf("healthz while a body trickles: %d %s", st, b)
	}
	conn.SetReadDeadline(time.Now().Add(15 * time.Second))
	io.Copy(io.Discard, conn) // returns when the server closes the connection
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the trickled body was not cut off: the connection stayed open %s", d)
	}

	// A live stream, with a token that is revoked after the read timeout.
	auditor := ts.issue("auditor", "")
	id, _, err := access.Split(auditor)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/rankings/stream?view=claimed", nil)
	req.Header.Set("Authorization", "Bearer "+auditor)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	time.Sleep(2500 * time.Millisecond) // past the read timeout
	if st, b, _ := ts.post(committee, `{"type":"bonus.awarded","unit":"cau-giay","data":{"points":1,"reason":"Đăng cai hội thi"}}`); st != http.StatusCreated {
		t.Fatalf("bonus: %d %s", st, b)
	}
	frames := 0
	for frames < 2 {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the stream ended after the read timeout, with %d frames", frames)
			}
			if strings.HasPrefix(l, "event: rankings") {
				frames++
			}
		case <-ctx.Done():
			t.Fatalf("no frame for the bonus posted after the read timeout (%d frames)", frames)
		}
	}
	if st, b := ts.do(http.MethodDelete, "/api/v1/tokens/"+id, testAdmin, nil, nil); st != http.StatusNoContent {
		t.Fatalf("revoke: %d %s", st, b)
	}
	revoked := time.Now()
	for range lines {
	}
	if d := time.Since(revoked); d > 8*time.Second || ctx.Err() != nil {
		t.Errorf("the revoked token's stream stayed open %s", d)
	}
	<-cut
}

// TestMetricsFromTheStart: what an operator graphs is there before the
// first event: appended counters at 0 by type, the halted gauge, the
// build, the request-duration, append and freshness histograms; and the
// histograms count once events come.
func TestMetricsFromTheStart(t *testing.T) {
	ts := startServer(t, "")
	ts.do(http.MethodGet, "/healthz", "", nil, nil)
	st, b := ts.do(http.MethodGet, "/metrics", "", nil, nil)
	if st != http.StatusOK {
		t.Fatalf("metrics: %d", st)
	}
	for _, want := range []string{
		`thidua_append_duration_seconds_count{outcome="appended"} 0`,
		`thidua_append_duration_seconds_count{outcome="refused"} 0`,
		"thidua_projector_commit_freshness_seconds_count 0",
		`thidua_events_appended_total{type="activity.held"} 0`,
		`thidua_events_appended_total{type="fact.explained"} 0`,
		"thidua_projector_halted 0",
		"thidua_projector_halted_seq 0",
		"thidua_build_info{",
		`thidua_http_request_duration_seconds_bucket{route="GET /healthz"`,
		"thidua_conflicts_total 0",
		"thidua_storage_full_total 0",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}

	ts.openDemoSeason() // an append and the tokens, each folded before its reply
	_, b = ts.do(http.MethodGet, "/metrics", "", nil, nil)
	for _, want := range []string{
		`thidua_append_duration_seconds_count{outcome="appended"} 1`,
		`thidua_append_duration_seconds_bucket{outcome="appended",le="+Inf"} 1`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("after one append, /metrics lacks %s", want)
		}
	}
	// The freshness watcher runs beside the projector: wait for it to see
	// the commits that folded these events (no time is asserted).
	re := regexp.MustCompile(`(?m)^thidua_projector_commit_freshness_seconds_count (\d+)$`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, b = ts.do(http.MethodGet, "/metrics", "", nil, nil)
		m := re.FindSubmatch(b)
		if m == nil {
			t.Fatal("/metrics lacks thidua_projector_commit_freshness_seconds_count")
		}
		if string(m[1]) != "0" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("commits folded events and the freshness histogram counted none")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestConnectionCap runs serve with --max-conns 16. Sixteen clients that
// hold keep-alive connections open and idle cannot lock anyone out: a new
// client is served and an idle connection is closed to make room. When
// all sixteen are working (live streams), the next client gets a 503 in
// the error shape with Retry-After, not a reset; once they end, it is
// served again.
func TestConnectionCap(t *testing.T) {
	ts := startServer(t, "", "--max-conns", "16")
	committee, _ := ts.openDemoSeason()
	addr := strings.TrimPrefix(ts.url, "http://")

	// Sixteen idle keep-alive connections, each after one request.
	var idle []net.Conn
	for i := 0; i < 16; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("idle connection %d: %v", i, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		idle = append(idle, c)
	}
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	for i := 0; i < 3; i++ {
		resp, err := fresh.Get(ts.url + "/healthz")
		if err != nil {
			t.Fatalf("a new client while 16 idle connections are held: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("a new client while 16 idle connections are held: %s", resp.Status)
		}
	}
	closed := 0
	for _, c := range idle {
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		if _, err := c.Read(make([]byte, 1)); err == io.EOF {
			closed++
		}
	}
	if closed == 0 {
		t.Error("no idle connection was closed to make room")
	}
	for _, c := range idle {
		c.Close()
	}

	// Sixteen working connections: live streams.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	streams := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, DisableKeepAlives: true}}
	var bodies []io.Closer
	deadline := time.Now().Add(10 * time.Second)
	for len(bodies) < 16 && time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, ts.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/rankings/stream?view=claimed", nil)
		req.Header.Set("Authorization", "Bearer "+committee)
		resp, err := streams.Do(req)
		if err != nil {
			t.Fatalf("stream %d: %v", len(bodies), err)
		}
		if resp.StatusCode != http.StatusOK {
			// The idle connections above may still be closing.
			resp.Body.Close()
			time.Sleep(50 * time.Millisecond)
			continue
		}
		// The first frame: the stream is working.
		if _, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil {
			t.Fatalf("stream %d: %v", len(bodies), err)
		}
		bodies = append(bodies, resp.Body)
	}
	if len(bodies) < 16 {
		t.Fatalf("only %d streams opened", len(bodies))
	}
	resp, err := fresh.Get(ts.url + "/healthz")
	if err != nil {
		t.Fatalf("a client beyond the cap got no answer: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), `"code":"unavailable"`) {
		t.Errorf("beyond the cap: %s Retry-After %q %s", resp.Status, resp.Header.Get("Retry-After"), b)
	}
	for _, b := range bodies {
		b.Close()
	}
	cancel()
	served := false
	for i := 0; i < 100 && !served; i++ {
		if resp, err := fresh.Get(ts.url + "/healthz"); err == nil {
			resp.Body.Close()
			served = resp.StatusCode == http.StatusOK
		}
		if !served {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !served {
		t.Error("once the streams ended, new clients are still refused")
	}
}
