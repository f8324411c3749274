package main

import (
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/thidua/thidua/events/natsstore"
)

// TestFullDiskRefusesWritesAndResumes: serve's data directory on a small
// tmpfs, filled by another file until less than natsstore.MinFree is left.
// Writes answer 507 storage_full at once, /readyz fails with it, the
// metric counts it; once the file is removed writes resume without a
// restart; filled again, the server stops at once when asked.
func TestFullDiskRefusesWritesAndResumes(t *testing.T) {
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (%v: %s); ledger and httpapi tests cover storage_full with an injected fault", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", data).Run() })
	ts := startServer(t, data)
	_, units := ts.openDemoSeason()
	fact := `{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"Hoạt động"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
	if st, b, _ := ts.post(units["cau-giay"], fact); st != http.StatusCreated {
		t.Fatalf("post with room: %d %s", st, b)
	}
	ballast := filepath.Join(data, "ballast")
	fill := func() {
		t.Helper()
		var st syscall.Statfs_t
		if err := syscall.Statfs(data, &st); err != nil {
			t.Fatal(err)
		}
		free := int64(st.Bavail) * int64(st.Bsize)
		if err := os.WriteFile(ballast, make([]byte, free-natsstore.MinFree/2), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fill()
	before := ts.logLength()
	st, b, _ := ts.post(units["cau-giay"], strings.Replace(fact, `"type"`, `"id":"while-full","type"`, 1))
	if st != http.StatusInsufficientStorage || errorCode(t, b) != "storage_full" {
		t.Fatalf("post on a full disk: %d %s, want 507 storage_full", st, b)
	}
	if code, r := ts.ready(); code != http.StatusServiceUnavailable || r.Code != "storage_full" {
		t.Errorf("/readyz on a full disk: %d %+v, want 503 storage_full", code, r)
	}
	if _, m := ts.do(http.MethodGet, "/metrics", "", nil, nil); !strings.Contains(string(m), "thidua_storage_full_total 1") {
		t.Errorf("metrics do not count the refused write:\n%s", grepLines(string(m), "storage"))
	}
	if after := ts.logLength(); after != before {
		t.Errorf("the log went from %d to %d on a refused write", before, after)
	}

	if err := os.Remove(ballast); err != nil {
		t.Fatal(err)
	}
	if st, b, _ := ts.post(units["cau-giay"], strings.Replace(fact, `"type"`, `"id":"while-full","type"`, 1)); st != http.StatusCreated {
		t.Fatalf("the same write once space is back, without a restart: %d %s", st, b)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		code, r := ts.ready()
		if code == http.StatusOK {
			break
		}
		if r.Code == "storage_full" || time.Now().After(deadline) {
			t.Fatalf("/readyz once space is back: %d %+v", code, r)
		}
	}

	fill()
	stopped := make(chan struct{})
	go func() { ts.stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(shutdownDeadline):
		t.Fatalf("serve on a full disk did not stop within the shutdown deadline (%s)", shutdownDeadline)
	}
}

func grepLines(s, word string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestFullReadModelDiskPausesAndResumes: with the log on an external NATS
// and the data directory (the SQLite read model) on a small tmpfs filled
// to the last byte, the projector cannot commit: writes answer 507
// storage_full and /readyz says so; once the file is removed the projector
// resumes by itself and the write that was acknowledged meanwhile is in
// the rankings.
func TestFullReadModelDiskPausesAndResumes(t *testing.T) {
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", data).Run() })
	logServer, err := natsstore.StartEmbedded(natsstore.EmbeddedConfig{Dir: t.TempDir(), Listen: "127.0.0.1:0", SyncAlways: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logServer.Shutdown(); logServer.WaitForShutdown() })
	ts := startServer(t, data, "--nats-url", logServer.ClientURL())
	_, units := ts.openDemoSeason()
	fact := func(id string) string {
		return `{"id":"` + id + `","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"Hoạt động"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
	}
	ballast := filepath.Join(data, "ballast")
	f, err := os.Create(ballast)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			break // the disk is full
		}
	}
	for len(chunk) > 1 { // and its last bytes
		chunk = chunk[:len(chunk)/2]
		for {
			if _, err := f.Write(chunk); err != nil {
				break
			}
		}
	}
	f.Close()

	// The log takes the first write; the read model cannot commit it.
	st, b, first := ts.post(units["cau-giay"], fact("on-a-full-disk"))
	if st != http.StatusCreated {
		t.Fatalf("first write (the log has room): %d %s", st, b)
	}
	var code int
	var r readyReply
	for deadline := time.Now().Add(10 * time.Second); r.Code != "storage_full"; time.Sleep(10 * time.Millisecond) {
		if code, r = ts.ready(); time.Now().After(deadline) {
			t.Fatalf("/readyz with the read model's disk full: %d %+v, want storage_full", code, r)
		}
	}
	if code != http.StatusServiceUnavailable {
		t.Errorf("/readyz: %d, want 503", code)
	}
	if st, b, _ := ts.post(units["cau-giay"], fact("refused")); st != http.StatusInsufficientStorage || errorCode(t, b) != "storage_full" {
		t.Errorf("a write while the read model cannot commit: %d %s, want 507 storage_full", st, b)
	}

	if err := os.Remove(ballast); err != nil {
		t.Fatal(err)
	}
	waitReady(t, ts)
	if st, b, _ := ts.post(units["cau-giay"], fact("refused")); st != http.StatusCreated {
		t.Fatalf("the refused write, retried once there is room: %d %s", st, b)
	}
	if st, rk, _ := ts.rankings(testAdmin, "claimed", first.Seq); st != http.StatusOK || rk.Seq < first.Seq {
		t.Errorf("rankings at seq %d after the pause: %d, at seq %d", first.Seq, st, rk.Seq)
	}
}
