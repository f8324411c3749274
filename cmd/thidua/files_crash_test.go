package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
)

// TestKill9KeepsAcknowledgedFiles: every evidence file answered 201 survives
// a SIGKILL of `thidua serve` in the middle of concurrent uploads, and is
// downloadable, byte for byte, after the restart.
func TestKill9KeepsAcknowledgedFiles(t *testing.T) {
	bin := buildBinary(t)
	data := t.TempDir()
	p := startProcess(t, bin, data)
	ts := &testServer{t: t, url: p.url}
	_, units := ts.openDemoSeason()

	var mu sync.Mutex
	acked := map[string][]byte{} // sha256 → the bytes uploaded
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second}
	for _, unit := range []string{"cau-giay", "tay-ho", "ha-dong"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				// Several chunks of the Object Store (128 KiB each).
				body := append(samplePDF(fmt.Sprintf("%s %d", unit, i)), bytes.Repeat([]byte(unit), 100_000)...)
				req, _ := http.NewRequest(http.MethodPost, p.url+"/api/v1/seasons/"+domain.DemoSeasonID+"/files?name=scan.pdf", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+units[unit])
				resp, err := client.Do(req)
				if err != nil {
					continue // the server is gone: never acknowledged
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					continue
				}
				var f fileReply
				if err := json.Unmarshal(b, &f); err != nil || f.SHA256 != hashOf(body) {
					t.Errorf("201 with body %s (%v), want the hash %s", b, err, hashOf(body))
					continue
				}
				mu.Lock()
				acked[f.SHA256] = body
				mu.Unlock()
			}
		}()
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if time.Now().After(deadline) {
			t.Fatalf("uploaders got fewer than 30 acknowledgements in 2 minutes:\n%s", p.out.String())
		}
		time.Sleep(50 * time.Millisecond)
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 30 {
			break
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.cmd.Wait()
	stop()
	wg.Wait()
	t.Logf("%d files acknowledged before kill -9", len(acked))

	p = startProcess(t, bin, data)
	ts = &testServer{t: t, url: p.url}
	for sha, want := range acked {
		st, _, got := ts.download(domain.DemoSeasonID, testAdmin, sha)
		if st != http.StatusOK || !bytes.Equal(got, want) {
			t.Errorf("acknowledged file %s: %d, %d bytes; want 200 and its %d bytes", sha, st, len(got), len(want))
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, p.out.String())
	}
}
