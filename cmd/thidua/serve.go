package main

import (
	"context"
	"io"
	"log/slog"
	"strings"

	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/seal"
	"github.com/thidua/thidua/server"
)

// serve is `thidua serve`: the flags are this command's, the start-up is
// the server package's, which the bench runs too.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := parseServe(args, getenv, stderr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(stderr, nil))
	return server.Run(ctx, c, logger, stdout)
}

// parseServe reads serve's command line and environment; the compose file's
// test checks its commands with it.
func parseServe(args []string, getenv func(string) string, stderr io.Writer) (server.Config, error) {
	fs := newFlags("serve", "chạy máy chủ: NATS JetStream nhúng (hoặc bên ngoài), mô hình đọc SQLite, API HTTP và trang web / runs the server: embedded (or external) NATS JetStream, the SQLite read model, the HTTP API and the web page", getenv, stderr)
	def := server.DefaultConfig()
	data := fs.EnvString("data", def.Data, "thư mục dữ liệu: kho NATS nhúng và mô hình đọc SQLite / data directory: the embedded NATS store and the SQLite read model")
	httpAddr := fs.EnvString("http", def.HTTPAddr, "địa chỉ HTTP để lắng nghe / HTTP listen address")
	nf := addNATSFlags(fs, "dùng NATS JetStream bên ngoài này (địa chỉ các máy chủ của cụm, cách nhau bằng dấu phẩy) thay cho bản nhúng / use this external NATS JetStream (comma-separated URLs of a cluster's servers) instead of the embedded one")
	admin := fs.EnvString("admin-token", "", "mã có mọi quyền, để khởi tạo; nên dùng biến môi trường vì cờ hiện ra trong ps / a token with every right, for bootstrapping; prefer the environment variable, since a flag shows in ps")
	demo := fs.EnvBool("demo", false, "với kho trống, mở các mùa thi đua mẫu (hn-mttq-cum2-2024, hn-mttq-cum2-2025) và in mỗi vai trò một mã / on an empty store, open the demo season hn-mttq-cum2-2024 and print a token per role")
	replicas := fs.EnvInt("replicas", 0, "số bản sao của luồng nhật ký trên cụm ngoài (3 cho cụm 3 nút); 0 giữ nguyên của luồng đã có và tạo mới với 1 / replicas of the log's stream on an external cluster (3 for a 3-node cluster); 0 keeps an existing stream's and creates it with 1")
	signingKey := fs.EnvString("signing-key", "", "khoá ký điểm kiểm tra của Ban Thường trực, cùng một tệp cho mọi serve của một nhật ký (tạo bằng thidua key --signing-key FILE --create); mặc định DATA/"+seal.PrivateKeyFile+", tạo ở lần chạy đầu / the committee's checkpoint signing key, the same file for every serve of one log (make it with thidua key --signing-key FILE --create); default DATA/"+seal.PrivateKeyFile+", made at first start")
	every := fs.EnvDuration("checkpoint-every", def.CheckpointEvery, "ký điểm kiểm tra của mùa có sự kiện mới nhiều nhất một lần mỗi khoảng này (mùa đã khoá sổ thì ký ngay) / sign a checkpoint of a season with new events at most this often (a closed season's at once)")
	maxFile := fs.EnvInt("max-file-size", int(def.MaxFileSize), "tệp minh chứng lớn nhất đơn vị được tải lên, tính bằng byte (lớn hơn: 413) / the largest evidence file a unit may upload, in bytes (larger: 413)")
	readTimeout := fs.EnvDuration("read-timeout", def.ReadTimeout, "thời gian máy khách có để gửi trọn một yêu cầu (thân gửi nhỏ giọt bị cắt); tải tệp minh chứng được 10 phút / the time a client has to send a whole request (a body trickled slowly is cut off); evidence uploads get 10 minutes")
	maxConns := fs.EnvInt("max-conns", 0, "số kết nối HTTP mở tối đa (kết nối rảnh bị đóng trước để nhường chỗ, vượt quá thì 503); 0: giới hạn tệp mở trừ 256 cho NATS và SQLite, tối đa 10000 / open HTTP connections at most (idle ones are closed first to make room, beyond it a 503); 0: the open-file limit less 256 for NATS and SQLite, at most 10000")
	if err := fs.Parse(args); err != nil {
		return server.Config{}, err
	}
	if fs.NArg() > 0 {
		return server.Config{}, cli.UsageError("serve takes no arguments, got " + strings.Join(fs.Args(), " "))
	}
	if *maxFile <= 0 {
		return server.Config{}, cli.UsageError("--max-file-size must be positive")
	}
	if *every <= 0 {
		return server.Config{}, cli.UsageError("--checkpoint-every must be positive")
	}
	if *readTimeout <= 0 {
		return server.Config{}, cli.UsageError("--read-timeout must be positive")
	}
	if *maxConns < 0 {
		return server.Config{}, cli.UsageError("--max-conns must be 0 (from the file limit) or positive")
	}
	if *replicas < 0 || *replicas > 5 {
		return server.Config{}, cli.UsageError("--replicas must be between 0 and 5")
	}
	nc, err := nf.config()
	if err != nil {
		return server.Config{}, err
	}
	if nc.URLs == "" && *replicas > 1 {
		return server.Config{}, cli.UsageError("--replicas above 1 needs a cluster: --nats-url")
	}
	return server.Config{Data: *data, HTTPAddr: *httpAddr, NATS: nc, SigningKey: *signingKey, AdminToken: *admin,
		Demo: *demo, Replicas: *replicas, CheckpointEvery: *every, MaxFileSize: int64(*maxFile), ReadTimeout: *readTimeout, MaxConns: *maxConns}, nil
}
