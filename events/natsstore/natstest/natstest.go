// Package natstest starts a real embedded JetStream log for tests of the
// packages built on natsstore.
package natstest

import (
	"context"
	"testing"

	"github.com/thidua/thidua/events/natsstore"
)

// Start runs an embedded NATS server with JetStream storing under dir,
// opens the stream, and stops the server when the test ends.
func Start(t testing.TB, dir string) *natsstore.Store {
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
	return store
}

// StartWithFiles is Start with the evidence store on the same server.
func StartWithFiles(t testing.TB, dir string) (*natsstore.Store, *natsstore.Files) {
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
	files, err := natsstore.OpenFiles(context.Background(), nc, natsstore.FilesConfig{})
	if err != nil {
		t.Fatal(err)
	}
	return store, files
}
