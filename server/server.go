// Package server is thidua serve's start-up: the log, the evidence store,
// the read model, the notary, the live rankings and the HTTP server, put
// together and run until the context ends. The thidua command parses
// serve's flags into a Config; the bench runs the same Run in-process.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/httpapi"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/live"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
	"github.com/thidua/thidua/web"
)

// Config is how serve runs: its data directory, where it listens, its log
// and its limits. Start from DefaultConfig, which holds the flags' defaults.
type Config struct {
	Data, HTTPAddr, AdminToken string
	NATS                       natsstore.DialConfig // URLs "" = embedded
	SigningKey                 string               // "" = DATA/checkpoint.key, made at first start
	Demo                       bool
	Replicas                   int
	CheckpointEvery            time.Duration
	MaxFileSize                int64         // bytes of one uploaded evidence file
	ReadTimeout                time.Duration // a whole request but an upload's body
	MaxConns                   int           // open HTTP connections; 0: from the file limit
}

// DefaultConfig is serve's configuration when no flag says otherwise.
func DefaultConfig() Config {
	return Config{Data: "./data", HTTPAddr: "127.0.0.1:8080", CheckpointEvery: time.Minute,
		MaxFileSize: httpapi.DefaultMaxFileSize, ReadTimeout: 30 * time.Second}
}

// LogConn connects to the log: an embedded NATS server with JetStream whose
// file store syncs every write before acknowledging it (this node holds the
// only copy of the year's log), or an external NATS by URL.
func LogConn(dir string, ext natsstore.DialConfig) (*natsstore.Conn, func(), error) {
	nc, _, closeLog, err := dialLog(dir, ext)
	return nc, closeLog, err
}

// dialLog is LogConn that also returns the embedded server (nil for an
// external NATS), whose disk serve watches.
func dialLog(dir string, ext natsstore.DialConfig) (*natsstore.Conn, *natsstore.Embedded, func(), error) {
	if ext.URLs != "" {
		nc, err := natsstore.Dial(ext)
		if err != nil {
			return nil, nil, nil, err
		}
		return nc, nil, func() { nc.Drain() }, nil
	}
	srv, err := natsstore.StartEmbedded(natsstore.EmbeddedConfig{Dir: filepath.Join(dir, "nats"), SyncAlways: true})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("start embedded NATS: %w", err)
	}
	nc, err := natsstore.ConnectEmbedded(srv, "thidua")
	if err != nil {
		shutdown(srv)
		return nil, nil, nil, fmt.Errorf("connect to embedded NATS: %w", err)
	}
	return nc, srv, func() { nc.Close(); shutdown(srv) }, nil
}

// OpenLog opens the log for a command that reads it (audit, export): the
// embedded store of a stopped server in dir, or a live NATS.
func OpenLog(ctx context.Context, dir string, ext natsstore.DialConfig) (*natsstore.Store, func(), error) {
	nc, closeLog, err := LogConn(dir, ext)
	if err != nil {
		return nil, nil, err
	}
	store, err := natsstore.Open(ctx, nc, natsstore.Config{})
	if err != nil {
		closeLog()
		return nil, nil, fmt.Errorf("open the log: %w", err)
	}
	return store, closeLog, nil
}

func shutdown(srv *natsstore.Embedded) {
	srv.Shutdown()
	srv.WaitForShutdown()
}

// Run is thidua serve: it holds the data directory's lock, opens the log,
// the evidence store and the read model, and serves the API and the web
// page until ctx ends. It is a package of its own so that the bench runs
// serve in its process exactly as the thidua command does.
func Run(ctx context.Context, c Config, logger *slog.Logger, stdout io.Writer) error {
	if err := os.MkdirAll(c.Data, 0o750); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	unlock, err := LockData(c.Data)
	if err != nil {
		return err
	}
	defer unlock()
	nc, embedded, closeLog, err := dialLog(c.Data, c.NATS)
	if err != nil {
		return err
	}
	defer closeLog()
	var storage func() error
	if embedded != nil {
		// The embedded store's disk is this node's: a full one is named
		// and refused at once, and writes resume when room returns.
		storage = func() error { return embedded.StorageFull(natsstore.MinFree) }
		watchCtx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		go embedded.WatchStorage(watchCtx, time.Second, natsstore.MinFree, logger)
	}
	store, err := natsstore.Open(ctx, nc, natsstore.Config{Replicas: c.Replicas, Storage: storage})
	if err != nil {
		return fmt.Errorf("open the log: %w", err)
	}
	// The evidence files live beside the log, on its server or cluster,
	// with its replicas and its sync policy.
	files, err := natsstore.OpenFiles(ctx, nc, natsstore.FilesConfig{Replicas: c.Replicas})
	if err != nil {
		return fmt.Errorf("open the evidence store: %w", err)
	}
	proj, err := openReadModel(ctx, filepath.Join(c.Data, "thidua.db"), logger)
	if err != nil {
		return err
	}
	defer proj.Close()
	if err := proj.Reconcile(ctx, store); err != nil {
		return err
	}

	signer, err := loadSigner(c)
	if err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	projDone := make(chan error, 1)
	go func() { projDone <- proj.Run(ctx, store) }()
	notaryDone := make(chan error, 1)
	go func() { notaryDone <- seal.NewNotary(proj, store, signer, c.CheckpointEvery, logger).Run(ctx) }()
	// On every way out, the notary's last pass signs what is unsigned
	// before the read model and the log close (deferred above, so later).
	defer func() {
		cancel()
		<-notaryDone
	}()

	led := ledger.NewWithFiles(store, proj, files, time.Now)
	adminToken := c.AdminToken
	if c.Demo && adminToken == "" {
		if adminToken, err = randomToken(); err != nil {
			return err
		}
	}
	reg := prometheus.NewRegistry()
	hub, err := live.New(proj, live.Config{Registerer: reg, Logger: logger})
	if err != nil {
		return err
	}
	hubDone := make(chan error, 1)
	go func() { hubDone <- hub.Run(ctx) }()
	api := httpapi.New(httpapi.Deps{Ledger: led, Projector: proj, Log: store, Live: hub, Files: files, MaxFileSize: c.MaxFileSize, Registry: reg, AdminToken: adminToken, PublicKey: signer.PublicKey(), Logger: logger})
	go api.WatchFreshness(ctx)
	ln, err := net.Listen("tcp", c.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.HTTPAddr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", api.Handler())
	page := web.Handler()
	mux.Handle("GET /{$}", page)
	mux.Handle("GET /assets/", page)
	mux.Handle("GET /documents/", page)
	// Limits for hostile or broken clients: headers within 10 s, a whole
	// request (a body trickled a byte at a time included) within
	// --read-timeout (evidence uploads extend their own), idle keep-alive connections
	// closed after 2 minutes. Responses have no server-wide deadline: the
	// live stream is long-lived and bounds each of its writes itself.
	maxConns := c.MaxConns
	if maxConns == 0 {
		maxConns = connsFromFileLimit()
	}
	limit := httpapi.NewConnLimit(maxConns)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: c.ReadTimeout,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10, ConnState: limit.ConnState}
	httpDone := make(chan error, 1)
	go func() { httpDone <- srv.Serve(limit.Listener(ln)) }()
	logger.Info("serving", "http", "http://"+ln.Addr().String(), "max_conns", maxConns, "data", c.Data, "external_nats", c.NATS.URLs != "", "checkpoint_key", signer.PublicKey())

	if c.Demo {
		if err := openDemo(ctx, store, proj, led, adminToken, ln.Addr().String(), c.Data, stdout); err != nil {
			logger.Error("demo", "err", err)
		}
	}

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-projDone:
		if err != nil {
			runErr = fmt.Errorf("projector: %w", err)
		} else {
			// A halted projector keeps the API up (reads, /readyz says why).
			<-ctx.Done()
		}
	case err := <-httpDone:
		runErr = fmt.Errorf("http: %w", err)
	case err := <-hubDone:
		// nil: the hub saw ctx end first; a shutdown, not a failure.
		if err != nil {
			runErr = fmt.Errorf("live rankings: %w", err)
		}
	}
	shCtx, shCancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer shCancel()
	srv.Shutdown(shCtx)
	cancel()
	logger.Info("stopped")
	return runErr
}

// openReadModel opens the read model; one that does not verify or is not
// SQLite any more is renamed aside, kept for inspection, and a new one is
// rebuilt from the log, which is the truth.
func openReadModel(ctx context.Context, path string, logger *slog.Logger) (*projections.Projector, error) {
	proj, err := projections.Open(ctx, path, logger)
	var bad *projections.UntrustedError
	if !errors.As(err, &bad) {
		return proj, err
	}
	claimed := projections.CommittedSeq(ctx, path)
	aside, aerr := projections.SetAside(path, time.Now())
	if aerr != nil {
		return nil, errors.Join(err, aerr)
	}
	logger.Error("the read model does not verify: set aside and rebuilt from the log", "reason", err.Error(), "set_aside_as", aside, "it_had_committed", claimed)
	proj, err = projections.Open(ctx, path, logger)
	if err != nil {
		return nil, err
	}
	// The log must still reach what the set-aside model acknowledged.
	proj.ExpectAtLeast(claimed)
	return proj, nil
}

// loadSigner reads the checkpoint signing key: the shared file every serve
// of one log uses, or the data directory's own, made at first start.
func loadSigner(c Config) (*seal.Signer, error) {
	if c.SigningKey == "" {
		return seal.LoadOrCreateKey(c.Data)
	}
	s, err := seal.LoadKey(c.SigningKey)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w (make it once with: thidua key --signing-key %s --create)", err, c.SigningKey)
	}
	return s, err
}

func randomToken() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "thidua_admin_" + hex.EncodeToString(b), nil
}

// connsFromFileLimit leaves 256 descriptors of the process's open-file
// limit to NATS, SQLite and evidence files, and caps the rest at 10,000.
func connsFromFileLimit() int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil || rl.Cur > 1<<20 {
		return 10000
	}
	return min(max(int(rl.Cur)-256, 32), 10000)
}
