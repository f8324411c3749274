// Command thidua-bench is thidua's benchmark harness (package bench) as a
// command of its own, so that the product binary and its image ship no
// benchmark. It runs serve in its own process through package server, as
// thidua serve does, and re-executes itself for the child processes whose
// memory it measures:
//
//	thidua-bench [--only replay,memory,ingest,freshness,rankings] [--runs 3] …
//	thidua-bench child-serve --nats-url URL --data DIR --http ADDR --admin-token T
//	thidua-bench child-replay --nats-url URL --db FILE
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/thidua/thidua/bench"
	"github.com/thidua/thidua/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "thidua-bench:", err)
		if _, ok := err.(cli.UsageError); ok {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run is the whole program; tests call it with their own environment.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var err error
	switch {
	case len(args) > 1 && args[1] == childServe:
		err = serveChild(ctx, args[2:], stdout, stderr)
	case len(args) > 1 && args[1] == childReplay:
		err = replayChild(ctx, args[2:], stdout, stderr)
	default:
		err = benchCmd(ctx, args[1:], getenv, stdout, stderr)
	}
	if errors.Is(err, cli.ErrHelp) {
		return nil // --help asked for the usage, which the flag set printed
	}
	return err
}

// benchCmd parses the bench's flags and runs it with this command's Env.
func benchCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	def := bench.DefaultConfig()
	fs := cli.NewFlags("thidua-bench", "đo hiệu năng, so với mức nền đo trong cùng lần chạy / the benchmark harness, against raw baselines measured in the same run", getenv, stderr)
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
	if fs.NArg() > 0 {
		return cli.UsageError("thidua-bench takes no arguments, got " + strings.Join(fs.Args(), " "))
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
	rep, err := bench.Run(ctx, cfg, benchEnv(exe), strings.TrimSpace("thidua-bench "+strings.Join(args, " ")), stdout)
	if rep != nil && *jsonOut != "" {
		if werr := cli.WriteReport(*jsonOut, stdout, rep.WriteJSON); werr != nil && err == nil {
			err = werr
		}
	}
	return err
}
