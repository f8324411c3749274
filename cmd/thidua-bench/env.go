package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/thidua/thidua/bench"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/server"
)

// The child modes: this executable run by the bench itself, so that a
// measured process holds nothing but what is measured.
const (
	childServe  = "child-serve"
	childReplay = "child-replay"
)

// serveConfig is serve as thidua serve runs it with only these flags given:
// the product's defaults, whatever THIDUA_* says. natsURL "" is the
// embedded log in dataDir.
func serveConfig(natsURL, dataDir, httpAddr, adminToken string) server.Config {
	c := server.DefaultConfig()
	c.Data, c.HTTPAddr, c.AdminToken = dataDir, httpAddr, adminToken
	if natsURL != "" {
		c.NATS = natsstore.DialConfig{URLs: natsURL, Name: "thidua"}
	}
	return c
}

// benchEnv is how the bench starts the product: serve in this process
// through package server, as thidua serve runs; serve and the replay as
// child processes of this executable (exe), in the child modes.
func benchEnv(exe string) bench.Env {
	return bench.Env{
		Serve: func(ctx context.Context, dataDir, adminToken string) (*bench.Served, error) {
			ctx, cancel := context.WithCancel(ctx)
			logs, url, tail := bench.ServeLog()
			done := make(chan error, 1)
			cfg := serveConfig("", dataDir, "127.0.0.1:0", adminToken)
			go func() { done <- server.Run(ctx, cfg, slog.New(slog.NewJSONHandler(logs, nil)), io.Discard) }()
			select {
			case u := <-url:
				var once sync.Once
				var stopErr error
				return &bench.Served{URL: u, Stop: func() error {
					once.Do(func() { cancel(); stopErr = <-done })
					return stopErr
				}}, nil
			case err := <-done:
				cancel()
				return nil, fmt.Errorf("serve stopped before listening (%v): %s", err, tail())
			}
		},
		OpenLog: func(dataDir string) (*natsstore.Conn, func(), error) {
			return server.LogConn(dataDir, natsstore.DialConfig{})
		},
		ServeProcess: func(ctx context.Context, natsURL, dataDir, httpAddr, adminToken string) *exec.Cmd {
			cmd := exec.CommandContext(ctx, exe, childServe, "--nats-url", natsURL, "--data", dataDir, "--http", httpAddr, "--admin-token", adminToken)
			cmd.Env = childEnv()
			return cmd
		},
		ReplayProcess: func(ctx context.Context, natsURL, dbPath, heapPath string) *exec.Cmd {
			args := []string{childReplay, "--nats-url", natsURL, "--db", dbPath}
			if heapPath != "" {
				args = append(args, "--heapprofile", heapPath)
			}
			cmd := exec.CommandContext(ctx, exe, args...)
			cmd.Env = childEnv()
			return cmd
		},
	}
}

// childEnv is this environment without THIDUA_* settings, so that a child
// runs with exactly the flags it is given.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "THIDUA_") {
			env = append(env, kv)
		}
	}
	return env
}

// noEnv: a child reads its flags only.
func noEnv(string) string { return "" }

// serveChild is `thidua-bench child-serve`: serve over the bench's NATS, in
// a process of its own, so that its peak RSS is serve's alone. It logs as
// thidua serve does, on stderr, where the bench finds its address.
func serveChild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("thidua-bench "+childServe, "thidua serve trên NATS của lần đo, chạy bởi chính thidua-bench / thidua serve over the bench's NATS, run by thidua-bench itself", noEnv, stderr)
	natsURL := fs.String("nats-url", "", "NATS giữ nhật ký / the NATS holding the log")
	data := fs.String("data", "", "thư mục dữ liệu / data directory")
	httpAddr := fs.String("http", "127.0.0.1:0", "địa chỉ HTTP để lắng nghe / HTTP listen address")
	admin := fs.String("admin-token", "", "mã có mọi quyền / a token with every right")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *natsURL == "" || *data == "" || *admin == "" || fs.NArg() > 0 {
		return cli.UsageError(childServe + " needs --nats-url, --data and --admin-token, and no arguments")
	}
	cfg := serveConfig(*natsURL, *data, *httpAddr, *admin)
	if err := cfg.NATS.Validate(); err != nil {
		return cli.UsageError(err.Error())
	}
	return server.Run(ctx, cfg, slog.New(slog.NewJSONHandler(stderr, nil)), stdout)
}

// replayChild is `thidua-bench child-replay`: it replays the log into a
// fresh read model in a process of its own, so that its peak RSS is the
// replay's alone, and prints a bench.ChildResult.
func replayChild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("thidua-bench "+childReplay, "dựng lại mô hình đọc từ nhật ký, chạy bởi chính thidua-bench / rebuilds a read model from the log, run by thidua-bench itself", noEnv, stderr)
	natsURL := fs.String("nats-url", "", "NATS giữ nhật ký / the NATS holding the log")
	db := fs.String("db", "", "mô hình đọc cần tạo / the read model to create")
	heap := fs.String("heapprofile", "", "ghi hồ sơ bộ nhớ heap vào tệp này khi xong / write a heap profile to this file at the end")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *natsURL == "" || *db == "" || fs.NArg() > 0 {
		return cli.UsageError(childReplay + " needs --nats-url and --db, and no arguments")
	}
	return bench.ChildReplay(ctx, *natsURL, *db, *heap, stdout)
}
