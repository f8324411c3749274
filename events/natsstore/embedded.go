package natsstore

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// readyTimeout bounds how long StartEmbedded waits for the server to accept
// connections; a healthy embedded server is ready in milliseconds.
const readyTimeout = 10 * time.Second

// EmbeddedConfig configures an embedded nats-server with JetStream.
type EmbeddedConfig struct {
	Dir        string // JetStream store directory (file storage)
	Listen     string // "" = no network listener (in-process only); "127.0.0.1:0"/"host:port" to listen
	SyncAlways bool   // fsync every write before acknowledging
}

// Embedded is an embedded nats-server with JetStream, and what its log
// says of its store's disk (see StorageFull).
type Embedded struct {
	*server.Server
	logs  *lastErrorLogger
	jscfg server.JetStreamConfig
	dir   string
}

// StartEmbedded starts an embedded nats-server with JetStream and waits until ready.
// Caller shuts it down with srv.Shutdown(); srv.WaitForShutdown().
//
// With SyncAlways false the server keeps its default: the file store is
// fsynced every 2 minutes, so acknowledged writes can be lost on an OS crash
// or power loss (see SYNC_POLICY.md).
func StartEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
	if cfg.Dir == "" {
		// Without a directory the server would pick a temp dir: the log would vanish.
		return nil, errors.New("natsstore: embedded server: Dir is required")
	}
	opts := &server.Options{
		JetStream:  true,
		StoreDir:   cfg.Dir,
		SyncAlways: cfg.SyncAlways,
		NoSigs:     true, // the host process owns signal handling
		NoLog:      true,
		DontListen: cfg.Listen == "",
		// The disk is the limit, not a reservation: by default JetStream
		// reserves 75% of the space free at start and then refuses
		// writes the disk still has room for. StorageFull names a disk
		// that is really full.
		JetStreamMaxStore: 1 << 50,
	}
	if cfg.Listen != "" {
		host, portStr, err := net.SplitHostPort(cfg.Listen)
		if err != nil {
			return nil, fmt.Errorf("natsstore: embedded server: listen %q: %w", cfg.Listen, err)
		}
		port, err := strconv.Atoi(portStr)
		if err != nil || port < 0 || port > 65535 {
			return nil, fmt.Errorf("natsstore: embedded server: listen %q: bad port", cfg.Listen)
		}
		if port == 0 {
			// nats-server reads Port 0 as "default 4222"; RANDOM_PORT asks for a free one.
			port = server.RANDOM_PORT
		}
		opts.Host, opts.Port = host, port
	}

	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("natsstore: embedded server: %w", err)
	}
	// Start reports fatal problems (e.g. an unusable store dir) only through its
	// logger and then stops starting; keep the last error so we can return it.
	logs := &lastErrorLogger{}
	srv.SetLogger(logs, false, false)
	go srv.Start()
	if !srv.ReadyForConnections(readyTimeout) {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, fmt.Errorf("natsstore: embedded server not ready after %s: %s", readyTimeout, logs.last())
	}
	if !srv.JetStreamEnabled() {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, fmt.Errorf("natsstore: embedded server: JetStream did not start (store dir %q): %s", cfg.Dir, logs.last())
	}
	jscfg := srv.JetStreamConfig()
	if jscfg == nil {
		srv.Shutdown()
		srv.WaitForShutdown()
		return nil, fmt.Errorf("natsstore: embedded server: JetStream has no configuration (store dir %q)", cfg.Dir)
	}
	js := *jscfg
	js.StoreDir = cfg.Dir // the server adds "jetstream" to it again when enabling
	return &Embedded{Server: srv, logs: logs, jscfg: js, dir: cfg.Dir}, nil
}

// lastErrorLogger is a server.Logger that drops everything but remembers the
// most recent error or fatal message, for StartEmbedded's error.
type lastErrorLogger struct {
	mu  sync.Mutex
	msg string
	// noSpace is set when the store reports a write that failed for lack
	// of space; the stream then refuses every write until reloaded.
	noSpace atomic.Bool
}

func (l *lastErrorLogger) last() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.msg == "" {
		return "no error logged"
	}
	return l.msg
}

func (l *lastErrorLogger) keep(format string, v []any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msg = fmt.Sprintf(format, v...)
	if strings.Contains(l.msg, syscall.ENOSPC.Error()) {
		l.noSpace.Store(true)
	}
}

func (l *lastErrorLogger) Noticef(string, ...any)         {}
func (l *lastErrorLogger) Warnf(string, ...any)           {}
func (l *lastErrorLogger) Debugf(string, ...any)          {}
func (l *lastErrorLogger) Tracef(string, ...any)          {}
func (l *lastErrorLogger) Errorf(format string, v ...any) { l.keep(format, v) }
func (l *lastErrorLogger) Fatalf(format string, v ...any) { l.keep(format, v) }

// ConnectEmbedded returns an in-process client connection to srv (nats.InProcessServer).
func ConnectEmbedded(srv *Embedded, name string) (*nats.Conn, error) {
	nc, err := nats.Connect("", nats.InProcessServer(srv.Server), nats.Name(name))
	if err != nil {
		return nil, fmt.Errorf("natsstore: connect in-process: %w", err)
	}
	return nc, nil
}
