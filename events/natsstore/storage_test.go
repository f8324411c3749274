package natsstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/events"
)

// smallDisk mounts a tmpfs of size under a temp dir for the test (root
// only), and returns the dir and a resize function; it skips when the
// mount is refused.
func smallDisk(t *testing.T, size string) (string, func(size string)) {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (%v: %s): the disk-full path is covered by the fault-injecting tests", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir, func(size string) {
		t.Helper()
		if out, err := exec.Command("mount", "-o", "remount,size="+size, dir).CombinedOutput(); err != nil {
			t.Fatalf("resize the tmpfs: %v: %s", err, out)
		}
	}
}

// TestFullDiskIsNamedAndWritesResume: on a real 1 MiB disk, the embedded
// store fails a write with ENOSPC and then refuses every later one, even
// once there is room again (nats-server keeps the write error). Append
// names it ErrStorageFull; WatchStorage reloads JetStream once the disk
// has room, and appends resume without restarting the server.
func TestFullDiskIsNamedAndWritesResume(t *testing.T) {
	dir, resize := smallDisk(t, "1m")
	srv, err := StartEmbedded(EmbeddedConfig{Dir: dir, SyncAlways: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(srv) })
	nc := connect(t, srv)
	// minFree 0: only the store's own write error counts, so the disk
	// really fills.
	full := func() error { return srv.StorageFull(0) }
	store, err := Open(context.Background(), nc, Config{Storage: full})
	if err != nil {
		t.Fatal(err)
	}
	subject, pad := "thidua.ev.s.u.a", strings.Repeat("x", 2000)
	appendNext := func(i int) error {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		last, err := store.LastSubjectSeq(ctx, subject)
		if err != nil {
			return err
		}
		_, err = store.Append(ctx, subject, fmt.Sprint("m", i), []byte(pad), last)
		return err
	}
	var i int
	for i = 0; i < 10000; i++ {
		if err := appendNext(i); err != nil {
			break
		}
	}
	if i == 10000 {
		t.Fatal("1 MiB never filled")
	}
	if err := appendNext(i); !errors.Is(err, events.ErrStorageFull) {
		t.Fatalf("append to a full disk: %v, want events.ErrStorageFull", err)
	}
	resize("8m")
	if err := appendNext(i); !errors.Is(err, events.ErrStorageFull) {
		t.Fatalf("append before the store is reloaded: %v, want events.ErrStorageFull still", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.WatchStorage(ctx, 10*time.Millisecond, 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
	deadline := time.Now().Add(30 * time.Second)
	for full() != nil {
		if time.Now().After(deadline) {
			t.Fatal("the store was not reloaded after the disk had room again")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := appendNext(i); err != nil {
		t.Fatalf("append after the reload: %v", err)
	}
	if last, err := store.LastSeq(context.Background()); err != nil || last != uint64(i+1) {
		t.Errorf("log ends at %d (%v), want %d: every acknowledged write kept, one more", last, err, i+1)
	}
}
