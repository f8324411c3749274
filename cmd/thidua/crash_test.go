package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
)

// process is `thidua serve` as a child process, so that it can be killed
// with SIGKILL like a crash.
type process struct {
	cmd *exec.Cmd
	url string
	out bytes.Buffer
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "thidua")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startProcess(t *testing.T, bin, data string) *process {
	t.Helper()
	addr := freeAddr(t)
	p := &process{url: "http://" + addr}
	p.cmd = exec.Command(bin, "serve", "--data", data, "--http", addr, "--admin-token", testAdmin)
	p.cmd.Stdout, p.cmd.Stderr = &p.out, &p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(p.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.cmd.Process.Kill()
	t.Fatalf("thidua serve not ready:\n%s", p.out.String())
	return nil
}

// TestKill9KeepsAcknowledgedEvents: every event answered 201 survives a
// SIGKILL of `thidua serve` under concurrent writers; after the restart the
// log holds each at the sequence it was acknowledged with, re-posting is
// idempotent, and the audit reproduces the live rankings.
func TestKill9KeepsAcknowledgedEvents(t *testing.T) {
	bin := buildBinary(t)
	data := t.TempDir()
	p := startProcess(t, bin, data)
	ts := &testServer{t: t, url: p.url}
	_, units := ts.openDemoSeason()

	type acked struct {
		seq  uint64
		body string
	}
	var mu sync.Mutex
	ackedIDs := map[string]acked{}
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second}
	// Two writers per unit: they contend on the unit's subject, so the
	// optimistic concurrency retry path runs too.
	for unit, tok := range units {
		for w := 0; w < 2; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ctx.Err() == nil; i++ {
					id := fmt.Sprintf("%s-w%d-%d", unit, w, i)
					body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":%q,"date":"2024-06-01","data":{"kind":"citizen_dialogue","title":"Đối thoại số %d"},"evidence":[{"kind":"document","title":"Biên bản"}]}`, id, unit, i)
					req, _ := http.NewRequest(http.MethodPost, p.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/events", strings.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+tok)
					resp, err := client.Do(req)
					if err != nil {
						continue // the server is gone: this write was never acknowledged
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode == http.StatusCreated {
						var r appendReply
						if err := json.Unmarshal(b, &r); err != nil {
							t.Errorf("201 with a bad body: %s", b)
							continue
						}
						mu.Lock()
						ackedIDs[id] = acked{r.Seq, body}
						mu.Unlock()
					}
				}
			}()
		}
	}
	// Let the writers run, then crash the server in the middle of it.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if time.Now().After(deadline) {
			t.Fatalf("writers got fewer than 300 acknowledgements in 2 minutes:\n%s", p.out.String())
		}
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		n := len(ackedIDs)
		mu.Unlock()
		if n >= 300 {
			break
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.cmd.Wait()
	stop()
	wg.Wait()
	t.Logf("%d events acknowledged before kill -9", len(ackedIDs))

	p = startProcess(t, bin, data)
	ts = &testServer{t: t, url: p.url}
	var maxSeq uint64
	for _, a := range ackedIDs {
		maxSeq = max(maxSeq, a.seq)
	}
	stored := map[string]uint64{}
	for from := uint64(0); ; {
		var page struct {
			Events []struct {
				Seq uint64 `json:"seq"`
				ID  string `json:"id"`
			} `json:"events"`
		}
		st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/events?from_seq=%d&limit=10000&min_seq=%d", domain.DemoSeasonID, from, maxSeq), testAdmin, nil, &page)
		if st != http.StatusOK {
			t.Fatalf("list events: %d %s", st, b)
		}
		if len(page.Events) == 0 {
			break
		}
		for _, e := range page.Events {
			stored[e.ID] = e.Seq
			from = e.Seq + 1
		}
	}
	lost := 0
	for id, a := range ackedIDs {
		if seq, ok := stored[id]; !ok || seq != a.seq {
			lost++
			t.Errorf("acknowledged event %s at seq %d: stored at %d (present %v)", id, a.seq, seq, ok)
		}
	}
	if lost == 0 {
		t.Logf("all %d acknowledged events are in the log at their acknowledged seq", len(ackedIDs))
	}
	// Re-posting after the crash returns the original reply, never a new event.
	n := 0
	for id, a := range ackedIDs {
		if n++; n > 20 {
			break
		}
		unit := id[:strings.Index(id, "-w")]
		st, b, r := ts.post(units[unit], a.body)
		if st != http.StatusOK || r.Seq != a.seq {
			t.Errorf("re-post %s: %d %s, want 200 with seq %d", id, st, b, a.seq)
		}
	}
	if st, _, b := ts.rankings(testAdmin, "claimed", maxSeq); st != http.StatusOK {
		t.Fatalf("rankings after restart: %d %s", st, b)
	}

	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, p.out.String())
	}
	var out bytes.Buffer
	// The season is still open: --open (issue 13) audits the log so far.
	if err := run(context.Background(), []string{"thidua", "audit", "--season", domain.DemoSeasonID, "--data", data, "--open"}, func(string) string { return "" }, nil, &out, os.Stderr); err != nil {
		t.Fatalf("audit after the crash: %v\n%s", err, out.String())
	}
	t.Logf("audit:\n%s", out.String())
}
