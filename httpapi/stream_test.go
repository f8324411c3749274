package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/httpapi"
	"github.com/thidua/thidua/live/livetest"
)

const admin = "thidua_admin_stream-test"

// stack is the real API over a real log, projector and live hub, served by
// httptest on a listener whose accepted sockets have a small, fixed send
// buffer: loopback's autotuned buffers would otherwise absorb megabytes
// before a client that stops reading is noticed.
type stack struct {
	*livetest.Stack
	url string
}

type smallSendBuffers struct{ net.Listener }

func (l smallSendBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4096)
	}
	return c, err
}

func newStack(t *testing.T) *stack {
	t.Helper()
	ls := livetest.Start(t, 0)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	api := httpapi.New(httpapi.Deps{Ledger: ls.Ledger, Projector: ls.Projector, Log: ls.Store, Live: ls.Hub, Registry: ls.Registry, AdminToken: admin, Logger: quiet})
	srv := httptest.NewUnstartedServer(api.Handler())
	srv.Listener = smallSendBuffers{srv.Listener}
	srv.Start()
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
	})
	s := &stack{Stack: ls, url: srv.URL}
	season, _ := json.Marshal(domain.DemoSeason())
	_, _ = s.post(t, fmt.Sprintf(`{"type":"season.opened","data":%s}`, season))
	seq, _ := s.post(t, `{"type":"target.assigned","unit":"ha-dong","data":{"indicator":"media_articles","value":200}}`)
	// A write is answered once folded; the streams below start from the
	// published ranking, so wait for it (as min_seq would).
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.Projector.WaitFor(ctx, seq); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *stack) post(t *testing.T, body string) (uint64, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/events", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+admin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Seq uint64
		ID  string
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated || json.Unmarshal(b, &r) != nil {
		t.Fatalf("post: %d %s", resp.StatusCode, b)
	}
	return r.Seq, r.ID
}

// report adds one media article for Hà Đông: with a target of 200 each one
// raises its claimed total by a cent, so each changes the ranking.
func (s *stack) report(t *testing.T, n int) (uint64, string) {
	return s.post(t, fmt.Sprintf(`{"type":"indicator.reported","unit":"ha-dong","date":"2024-06-01","data":{"indicator":"media_articles","value":1},"evidence":[{"kind":"document","title":"Tin bài %d"}]}`, n))
}

func (s *stack) waitMetric(t *testing.T, name string, want float64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.Metric(t, name) != want {
		if time.Now().After(deadline) {
			t.Fatalf("%s = %v, want %v", name, s.Metric(t, name), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type sseEvent struct {
	id, seq uint64
	total   string // Hà Đông's claimed total
}

// stream reads a rankings stream and hands over each event.
func (s *stack) stream(t *testing.T, view string) <-chan sseEvent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/rankings/stream?view="+view, nil)
	req.Header.Set("Authorization", "Bearer "+admin)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	out := make(chan sseEvent, 4096)
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "id: "):
				ev.id, _ = strconv.ParseUint(line[4:], 10, 64)
			case strings.HasPrefix(line, "data: "):
				var r struct {
					Seq   uint64
					Units []struct {
						Unit  string
						Total json.Number
					}
				}
				if err := json.Unmarshal([]byte(line[6:]), &r); err != nil {
					t.Errorf("data %q: %v", line, err)
				}
				ev.seq = r.Seq
				for _, u := range r.Units {
					if u.Unit == "ha-dong" {
						ev.total = u.Total.String()
					}
				}
			case line == "" && ev.id != 0:
				out <- ev
				ev = sseEvent{}
			}
		}
	}()
	return out
}

// dialSlow asks for the stream on a connection with a tiny receive buffer
// and never reads from it: a hung phone on the meeting room's wifi.
func (s *stack) dialSlow(t *testing.T) net.Conn {
	t.Helper()
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 2048)
		}); err != nil {
			return err
		}
		return serr
	}}
	conn, err := d.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "GET /api/v1/seasons/%s/rankings/stream?view=claimed HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n\r\n", domain.DemoSeasonID, admin)
	return conn
}

// TestStreamDropsASlowClientOthersKeepReceiving: a client that stops
// reading is disconnected once it falls behind, while reading clients get
// every change in order up to the last commit, each tagged with its seq.
func TestStreamDropsASlowClientOthersKeepReceiving(t *testing.T) {
	s := newStack(t)
	fast := []<-chan sseEvent{s.stream(t, "claimed"), s.stream(t, "claimed")}
	firsts := []sseEvent{<-fast[0], <-fast[1]}
	for _, f := range firsts {
		if f.id == 0 || f.id != f.seq || f.total != "0" {
			t.Fatalf("first event %+v: want the current ranking, id = seq, Hà Đông at 0", f)
		}
	}
	slow := s.dialSlow(t)
	s.waitMetric(t, "thidua_live_clients", 3)

	var last uint64
	n := 0
	for ; n < 150 && s.Metric(t, "thidua_live_dropped_total") == 0; n++ {
		last, _ = s.report(t, n)
	}
	if s.Metric(t, "thidua_live_dropped_total") != 1 {
		t.Fatalf("the slow client was not dropped after %d changes", n)
	}
	for i := n; i < n+20; i++ { // the others keep receiving after the drop
		last, _ = s.report(t, i)
	}
	s.waitMetric(t, "thidua_live_clients", 2)

	want := fmt.Sprintf("%.2f", 2*float64(n+20)/200) // 2 points × reports/200
	for i, c := range fast {
		prev := firsts[i]
		for prev.seq < last {
			select {
			case ev, ok := <-c:
				if !ok {
					t.Fatalf("reader %d: stream ended at seq %d", i, prev.seq)
				}
				if ev.id != ev.seq || ev.seq <= prev.seq {
					t.Fatalf("reader %d: event id %d seq %d after seq %d", i, ev.id, ev.seq, prev.seq)
				}
				prev = ev
			case <-time.After(10 * time.Second):
				t.Fatalf("reader %d: stuck at seq %d, last commit %d", i, prev.seq, last)
			}
		}
		if strings.TrimRight(strings.TrimRight(want, "0"), ".") != prev.total {
			t.Errorf("reader %d: last event shows Hà Đông at %s, want %s", i, prev.total, want)
		}
	}

	// The server ended the slow client's stream: once it reads again, past
	// what the socket buffers held, the response ends.
	slow.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(slow), nil)
	if err != nil {
		t.Fatal(err)
	}
	n64, err := io.Copy(io.Discard, resp.Body)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the slow client's stream is still open after %d bytes", n64)
	}
}

// A fact that changes only the claimed view sends nothing on the verified
// stream: an event means the ranking changed.
func TestStreamSendsOnlyChanges(t *testing.T) {
	s := newStack(t)
	verified, claimed := s.stream(t, "verified"), s.stream(t, "claimed")
	<-verified
	<-claimed
	seq, id := s.report(t, 1)
	if ev := <-claimed; ev.seq < seq || ev.total != "0.01" {
		t.Fatalf("claimed: %+v after seq %d", ev, seq)
	}
	select {
	case ev := <-verified:
		t.Fatalf("verified stream got %+v though its ranking did not change", ev)
	case <-time.After(300 * time.Millisecond):
	}
	// Verifying the fact changes the verified view, and only then.
	seq, _ = s.post(t, fmt.Sprintf(`{"type":%q,"unit":"ha-dong","data":{"target":%q}}`, events.TypeFactVerified, id))
	select {
	case ev := <-verified:
		if ev.seq < seq || ev.total != "0.01" {
			t.Fatalf("verified: %+v after seq %d", ev, seq)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no verified event after the fact was verified")
	}
}
