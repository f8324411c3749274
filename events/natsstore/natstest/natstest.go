// Package natstest starts a real embedded JetStream log for tests of the
// packages built on natsstore.
package natstest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/nats-io/nats.go"

	"github.com/thidua/thidua/events/natsstore"
)

// Start runs an embedded NATS server with JetStream storing under dir,
// opens the stream, and stops the server when the test ends.
func Start(t testing.TB, dir string) *natsstore.Store {
	t.Helper()
	store, _ := start(t, dir)
	return store
}

// start is Start that also hands over the server's connection.
func start(t testing.TB, dir string) (*natsstore.Store, *nats.Conn) {
	t.Helper()
	srv, err := natsstore.StartEmbedded(natsstore.EmbeddedConfig{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := natsstore.ConnectEmbedded(srv, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close(); srv.Shutdown(); srv.WaitForShutdown() })
	store, err := natsstore.Open(context.Background(), nc, natsstore.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return store, nc
}

// Restartable runs an embedded NATS server with JetStream under dir, as
// serve does (fsync on every write), and returns the opened stream and a
// stop that shuts the server down, so that a test can damage its files
// and start it again. Stop is also called when the test ends.
func Restartable(t testing.TB, dir string) (*natsstore.Store, func()) {
	t.Helper()
	srv, err := natsstore.StartEmbedded(natsstore.EmbeddedConfig{Dir: dir, SyncAlways: true})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := natsstore.ConnectEmbedded(srv, "test")
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop := func() { once.Do(func() { nc.Close(); srv.Shutdown(); srv.WaitForShutdown() }) }
	t.Cleanup(stop)
	store, err := natsstore.Open(context.Background(), nc, natsstore.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return store, stop
}

// Damage is what a bad disk does to a stream's block file.
type Damage string

const (
	// Zero4K zeroes 4 KiB in the middle of the block, like a bad sector.
	Zero4K Damage = "zeroed 4 KiB"
	// Truncate cuts the block in half, like a lost write-back.
	Truncate Damage = "truncated block"
	// FlipByte flips one bit of one byte in the middle of the block.
	FlipByte Damage = "flipped byte"
)

// DamageBlock damages the first block file of the log's stream in the
// store directory dir of a stopped server.
func DamageBlock(t testing.TB, dir string, d Damage) {
	t.Helper()
	blk := filepath.Join(dir, "jetstream", "$G", "streams", natsstore.DefaultStream, "msgs", "1.blk")
	b, err := os.ReadFile(blk)
	if err != nil {
		t.Fatal(err)
	}
	mid := len(b) / 2
	switch d {
	case Zero4K:
		if len(b) < 3*4096 {
			t.Fatalf("block of %d bytes: too small to zero 4 KiB in its middle", len(b))
		}
		clear(b[mid : mid+4096])
	case Truncate:
		b = b[:mid]
	case FlipByte:
		b[mid] ^= 0x20
	default:
		t.Fatalf("unknown damage %q", d)
	}
	if err := os.WriteFile(blk, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// StartWithFiles is Start with the evidence store on the same server.
func StartWithFiles(t testing.TB, dir string) (*natsstore.Store, *natsstore.Files) {
	t.Helper()
	store, nc := start(t, dir)
	files, err := natsstore.OpenFiles(context.Background(), nc, natsstore.FilesConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return store, files
}
