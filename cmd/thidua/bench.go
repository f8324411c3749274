package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/thidua/thidua/bench"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/server"
)

// benchCmd runs the benchmark harness of the bench package. It only parses
// flags and says how serve is started, so that the bench drives the
// product exactly as it runs.
func benchCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && (args[0] == "--child" || strings.HasPrefix(args[0], "--child=")) {
		return benchChild(ctx, args, stdout, stderr)
	}
	def := bench.DefaultConfig()
	fs := newFlags("bench", "đo hiệu năng, so với mức nền đo trong cùng lần chạy / the benchmark harness, against raw baselines measured in the same run", getenv, stderr)
	only := fs.EnvString("only", "", "các pha cần chạy, cách nhau bằng dấu phẩy (mặc định tất cả) / phases to run, comma-separated: "+strings.Join(bench.Phases(), ",")+" (default all)")
	runs := fs.EnvInt("runs", def.Runs, "lặp mỗi phép đo chừng ấy lần; bảng ghi trung vị và độ dao động / repeat every measurement this many times; the table shows the median and the spread")
	events := fs.EnvInt("events", def.Events, "số sự kiện của tải toàn quốc được sinh ra / events in the generated national load")
	units := fs.EnvInt("units", def.Units, "số đơn vị trong tải được sinh ra / units in the generated load")
	seasons := fs.EnvInt("seasons", def.Seasons, "số mùa (cụm) trong tải được sinh ra / seasons (clusters) in the generated load")
	seed := fs.EnvInt("seed", int(def.Seed), "hạt giống của tải: cùng hạt giống cho cùng nhật ký / seed of the generated load: the same seed gives the same log")
	duration := fs.EnvDuration("duration", def.Duration, "thời gian của mỗi phép đo ghi, độ tươi và đọc bảng xếp hạng / length of each timed ingest, freshness and rankings measurement")
	rate := fs.EnvInt("rate", def.Rate, "số sự kiện/giây của các bên ghi theo nhịp (độ tươi, và bên ghi song song khi đọc bảng xếp hạng) / events/s of the paced writers (freshness, and the writer behind the rankings reads)")
	clients := fs.EnvInt("clients", def.Clients, "số máy khách HTTP đồng thời (ghi, đọc bảng xếp hạng, và bên ghi khi đo độ tươi) / concurrent HTTP clients (ingest, rankings, and the freshness writers)")
	rankUnits := fs.EnvInt("rank-units", def.RankUnits, "số đơn vị của mùa được đọc bảng xếp hạng / units of the season whose rankings are read")
	cpuDir := fs.EnvString("cpuprofile", "", "ghi hồ sơ CPU pprof của mỗi phép đo sản phẩm vào thư mục này / write a pprof CPU profile of each product measurement into this directory")
	jsonOut := fs.EnvString("json", "", "ghi thêm báo cáo dạng JSON vào tệp này / also write the report as JSON to this file")
	dir := fs.EnvString("dir", "", "tạo thư mục nháp ở đây (mặc định thư mục tạm của hệ thống); xoá khi xong / make the scratch directory here (default the system's temporary directory); it is removed at the end")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := bench.Config{Runs: *runs, Events: *events, Units: *units, Seasons: *seasons, Seed: uint64(*seed), Duration: *duration,
		Rate: *rate, Clients: *clients, RankUnits: *rankUnits, CPUProfileDir: *cpuDir, Dir: *dir, Progress: stderr}
	if *only != "" {
		cfg.Only = strings.Split(*only, ",")
	}
	if err := cfg.Validate(); err != nil {
		return cli.UsageError(err.Error())
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: find this executable for the child processes: %w", err)
	}
	rep, err := bench.Run(ctx, cfg, benchEnv(exe), "thidua bench "+strings.Join(args, " "), stdout)
	if rep != nil && *jsonOut != "" {
		if werr := cli.WriteReport(*jsonOut, stdout, rep.WriteJSON); werr != nil && err == nil {
			err = werr
		}
	}
	return err
}

// benchEnv is how the bench starts the product: serve in this process
// through run, as a user would start it; serve and the replay child as
// child processes of this executable.
func benchEnv(exe string) bench.Env {
	noEnv := func(string) string { return "" } // a serve with defaults, whatever THIDUA_* says
	return bench.Env{
		Serve: func(ctx context.Context, dataDir, adminToken string) (*bench.Served, error) {
			ctx, cancel := context.WithCancel(ctx)
			logs, url, tail := bench.ServeLog()
			done := make(chan error, 1)
			argv := []string{"thidua", "serve", "--data", dataDir, "--http", "127.0.0.1:0", "--admin-token", adminToken}
			go func() { done <- run(ctx, argv, noEnv, strings.NewReader(""), io.Discard, logs) }()
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
			cmd := exec.CommandContext(ctx, exe, "serve", "--nats-url", natsURL, "--data", dataDir, "--http", httpAddr, "--admin-token", adminToken)
			cmd.Env = childEnv()
			return cmd
		},
		ReplayProcess: func(ctx context.Context, natsURL, dbPath string) *exec.Cmd {
			cmd := exec.CommandContext(ctx, exe, "bench", "--child", "replay", "--nats-url", natsURL, "--db", dbPath)
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

// benchChild is the bench's hidden child mode: `thidua bench --child
// replay --nats-url URL --db FILE` replays the log into a fresh read model
// in a process of its own, so that its peak RSS is the replay's alone.
func benchChild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench --child", "internal", func(string) string { return "" }, stderr)
	child := fs.String("child", "", "child mode: replay")
	natsURL := fs.String("nats-url", "", "the NATS holding the log")
	db := fs.String("db", "", "the read model to create")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *child != "replay" || *natsURL == "" || *db == "" {
		return cli.UsageError("bench --child replay needs --nats-url and --db")
	}
	return bench.ChildReplay(ctx, *natsURL, *db, stdout)
}
