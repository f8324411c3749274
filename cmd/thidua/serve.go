package main

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
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/httpapi"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/live"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
	"github.com/thidua/thidua/web"
)

type serveConfig struct {
	data, httpAddr, adminToken string
	nats                       natsstore.DialConfig // URLs "" = embedded
	signingKey                 string               // "" = DATA/checkpoint.key, made at first start
	demo                       bool
	replicas                   int
	checkpointEvery            time.Duration
	maxFileSize                int64         // bytes of one uploaded evidence file
	readTimeout                time.Duration // a whole request but an upload's body
	maxConns                   int           // open HTTP connections; 0: from the file limit
}

func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, err := parseServe(args, getenv, stderr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(stderr, nil))
	return runServer(ctx, c, logger, stdout)
}

// parseServe reads serve's command line and environment; the compose file's
// test checks its commands with it.
func parseServe(args []string, getenv func(string) string, stderr io.Writer) (serveConfig, error) {
	fs := newFlags("serve", "chạy máy chủ: NATS JetStream nhúng (hoặc bên ngoài), mô hình đọc SQLite, API HTTP và trang web / runs the server: embedded (or external) NATS JetStream, the SQLite read model, the HTTP API and the web page", getenv, stderr)
	data := fs.EnvString("data", "./data", "thư mục dữ liệu: kho NATS nhúng và mô hình đọc SQLite / data directory: the embedded NATS store and the SQLite read model")
	httpAddr := fs.EnvString("http", "127.0.0.1:8080", "địa chỉ HTTP để lắng nghe / HTTP listen address")
	nf := addNATSFlags(fs, "dùng NATS JetStream bên ngoài này (địa chỉ các máy chủ của cụm, cách nhau bằng dấu phẩy) thay cho bản nhúng / use this external NATS JetStream (comma-separated URLs of a cluster's servers) instead of the embedded one")
	admin := fs.EnvString("admin-token", "", "mã có mọi quyền, để khởi tạo; nên dùng biến môi trường vì cờ hiện ra trong ps / a token with every right, for bootstrapping; prefer the environment variable, since a flag shows in ps")
	demo := fs.EnvBool("demo", false, "với kho trống, mở các mùa thi đua mẫu (hn-mttq-cum2-2024, hn-mttq-cum2-2025) và in mỗi vai trò một mã / on an empty store, open the demo season hn-mttq-cum2-2024 and print a token per role")
	replicas := fs.EnvInt("replicas", 0, "số bản sao của luồng nhật ký trên cụm ngoài (3 cho cụm 3 nút); 0 giữ nguyên của luồng đã có và tạo mới với 1 / replicas of the log's stream on an external cluster (3 for a 3-node cluster); 0 keeps an existing stream's and creates it with 1")
	signingKey := fs.EnvString("signing-key", "", "khoá ký điểm kiểm tra của Ban Thường trực, cùng một tệp cho mọi serve của một nhật ký (tạo bằng thidua key --signing-key FILE --create); mặc định DATA/"+seal.PrivateKeyFile+", tạo ở lần chạy đầu / the committee's checkpoint signing key, the same file for every serve of one log (make it with thidua key --signing-key FILE --create); default DATA/"+seal.PrivateKeyFile+", made at first start")
	every := fs.EnvDuration("checkpoint-every", time.Minute, "ký điểm kiểm tra của mùa có sự kiện mới nhiều nhất một lần mỗi khoảng này (mùa đã khoá sổ thì ký ngay) / sign a checkpoint of a season with new events at most this often (a closed season's at once)")
	maxFile := fs.EnvInt("max-file-size", httpapi.DefaultMaxFileSize, "tệp minh chứng lớn nhất đơn vị được tải lên, tính bằng byte (lớn hơn: 413) / the largest evidence file a unit may upload, in bytes (larger: 413)")
	readTimeout := fs.EnvDuration("read-timeout", 30*time.Second, "thời gian máy khách có để gửi trọn một yêu cầu (thân gửi nhỏ giọt bị cắt); tải tệp minh chứng được 10 phút / the time a client has to send a whole request (a body trickled slowly is cut off); evidence uploads get 10 minutes")
	maxConns := fs.EnvInt("max-conns", 0, "số kết nối HTTP mở tối đa (kết nối rảnh bị đóng trước để nhường chỗ, vượt quá thì 503); 0: giới hạn tệp mở trừ 256 cho NATS và SQLite, tối đa 10000 / open HTTP connections at most (idle ones are closed first to make room, beyond it a 503); 0: the open-file limit less 256 for NATS and SQLite, at most 10000")
	if err := fs.Parse(args); err != nil {
		return serveConfig{}, err
	}
	if fs.NArg() > 0 {
		return serveConfig{}, cli.UsageError("serve takes no arguments, got " + strings.Join(fs.Args(), " "))
	}
	if *maxFile <= 0 {
		return serveConfig{}, cli.UsageError("--max-file-size must be positive")
	}
	if *every <= 0 {
		return serveConfig{}, cli.UsageError("--checkpoint-every must be positive")
	}
	if *readTimeout <= 0 {
		return serveConfig{}, cli.UsageError("--read-timeout must be positive")
	}
	if *maxConns < 0 {
		return serveConfig{}, cli.UsageError("--max-conns must be 0 (from the file limit) or positive")
	}
	if *replicas < 0 || *replicas > 5 {
		return serveConfig{}, cli.UsageError("--replicas must be between 0 and 5")
	}
	nc, err := nf.config()
	if err != nil {
		return serveConfig{}, err
	}
	if nc.URLs == "" && *replicas > 1 {
		return serveConfig{}, cli.UsageError("--replicas above 1 needs a cluster: --nats-url")
	}
	return serveConfig{data: *data, httpAddr: *httpAddr, nats: nc, signingKey: *signingKey, adminToken: *admin,
		demo: *demo, replicas: *replicas, checkpointEvery: *every, maxFileSize: int64(*maxFile), readTimeout: *readTimeout, maxConns: *maxConns}, nil
}

// logConn connects to the log: an embedded NATS server with JetStream whose
// file store syncs every write before acknowledging it (this node holds the
// only copy of the year's log), or an external NATS by URL.
func logConn(dir string, ext natsstore.DialConfig) (*natsstore.Conn, func(), error) {
	nc, _, closeLog, err := dialLog(dir, ext)
	return nc, closeLog, err
}

// dialLog is logConn that also returns the embedded server (nil for an
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

// openLog opens the log for a command that reads it (audit, export): the
// embedded store of a stopped server in dir, or a live NATS.
func openLog(ctx context.Context, dir string, ext natsstore.DialConfig) (*natsstore.Store, func(), error) {
	nc, closeLog, err := logConn(dir, ext)
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

func runServer(ctx context.Context, c serveConfig, logger *slog.Logger, stdout io.Writer) error {
	if err := os.MkdirAll(c.data, 0o750); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	unlock, err := lockData(c.data)
	if err != nil {
		return err
	}
	defer unlock()
	nc, embedded, closeLog, err := dialLog(c.data, c.nats)
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
	store, err := natsstore.Open(ctx, nc, natsstore.Config{Replicas: c.replicas, Storage: storage})
	if err != nil {
		return fmt.Errorf("open the log: %w", err)
	}
	// The evidence files live beside the log, on its server or cluster,
	// with its replicas and its sync policy.
	files, err := natsstore.OpenFiles(ctx, nc, natsstore.FilesConfig{Replicas: c.replicas})
	if err != nil {
		return fmt.Errorf("open the evidence store: %w", err)
	}
	proj, err := openReadModel(ctx, filepath.Join(c.data, "thidua.db"), logger)
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
	go func() { notaryDone <- seal.NewNotary(proj, store, signer, c.checkpointEvery, logger).Run(ctx) }()
	// On every way out, the notary's last pass signs what is unsigned
	// before the read model and the log close (deferred above, so later).
	defer func() {
		cancel()
		<-notaryDone
	}()

	led := ledger.NewWithFiles(store, proj, files, time.Now)
	adminToken := c.adminToken
	if c.demo && adminToken == "" {
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
	api := httpapi.New(httpapi.Deps{Ledger: led, Projector: proj, Log: store, Live: hub, Files: files, MaxFileSize: c.maxFileSize, Registry: reg, AdminToken: adminToken, PublicKey: signer.PublicKey(), Logger: logger})
	go api.WatchFreshness(ctx)
	ln, err := net.Listen("tcp", c.httpAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.httpAddr, err)
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
	maxConns := c.maxConns
	if maxConns == 0 {
		maxConns = connsFromFileLimit()
	}
	limit := httpapi.NewConnLimit(maxConns)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: c.readTimeout,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10, ConnState: limit.ConnState}
	httpDone := make(chan error, 1)
	go func() { httpDone <- srv.Serve(limit.Listener(ln)) }()
	logger.Info("serving", "http", "http://"+ln.Addr().String(), "max_conns", maxConns, "data", c.data, "external_nats", c.nats.URLs != "", "checkpoint_key", signer.PublicKey())

	if c.demo {
		if err := openDemo(ctx, store, proj, led, adminToken, ln.Addr().String(), c.data, stdout); err != nil {
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
func loadSigner(c serveConfig) (*seal.Signer, error) {
	if c.signingKey == "" {
		return seal.LoadOrCreateKey(c.data)
	}
	s, err := seal.LoadKey(c.signingKey)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w (make it once with: thidua key --signing-key %s --create)", err, c.signingKey)
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

// demoSeason is one season --demo opens, with a few sample facts.
type demoSeason struct {
	id, openedID string // event ids are unique across seasons
	opened       events.SeasonOpened
	facts        []demoFact
}

type demoFact struct {
	id, unit, typ, date string
	p                   events.Payload
}

func demoSeasons() []demoSeason {
	return []demoSeason{
		{domain.DemoSeasonID, "demo-season-opened", domain.DemoSeason(), []demoFact{
			{"demo-btl-dbp70", "bac-tu-liem", events.TypeActivityHeld, "2024-05-07", &events.ActivityHeld{Kind: "commemoration", Occasion: "dbp70", Title: "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"}},
			{"demo-cg-gptd70", "cau-giay", events.TypeActivityHeld, "2024-10-10", &events.ActivityHeld{Kind: "commemoration", Occasion: "gptd70", Title: "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô"}},
			{"demo-hd-district", "ha-dong", events.TypeCongressCompleted, "2024-06-20", &events.CongressCompleted{Level: "district", Delegates: 250}},
			{"demo-th-model", "tay-ho", events.TypeModelRecognized, "2024-09-12", &events.ModelRecognized{Model: "khu-pho-xanh", Name: "Khu phố xanh – sạch – đẹp", Level: "city", DecisionNo: "123/QĐ-MTTQ"}},
			{"demo-ntl-ward", "nam-tu-liem", events.TypeCongressCompleted, "2024-04-12", &events.CongressCompleted{Level: "ward", Ward: "my-dinh-1", Pilot: true, Delegates: 120}},
			{"demo-tx-fund", "thanh-xuan", events.TypeIndicatorReported, "2024-11-15", &events.IndicatorReported{Indicator: "fund_for_the_poor", Value: 2_500_000_000}},
		}},
		{domain.DemoSeason2025ID, "demo25-season-opened", domain.DemoSeason2025(), []demoFact{
			{"demo25-cg-gpmn50", "phuong-cau-giay", events.TypeActivityHeld, "2025-04-30", &events.ActivityHeld{Kind: "commemoration", Occasion: "gpmn50", Title: "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước"}},
			{"demo25-th-reorg", "phuong-tay-ho", events.TypeReportSubmitted, "2025-07-25", &events.ReportSubmitted{Topic: "reorganisation", Period: "Tháng 7/2025", Due: "2025-07-31"}},
			{"demo25-nd-hcm135", "phuong-nghia-do", events.TypeActivityHeld, "2025-05-19", &events.ActivityHeld{Kind: "commemoration", Occasion: "hcm135", Title: "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh"}},
			{"demo25-yh-model", "phuong-yen-hoa", events.TypeModelRecognized, "2025-10-02", &events.ModelRecognized{Model: "to-dan-pho-so", Name: "Tổ dân phố số", Level: "commune", DecisionNo: "45/QĐ-MTTQ"}},
		}},
	}
}

// openDemo opens the demo seasons on an empty store, issues one token per
// role and posts a few sample facts, then prints the tokens.
func openDemo(ctx context.Context, store *natsstore.Store, proj *projections.Projector, led *ledger.Ledger, adminToken, addr, dataDir string, stdout io.Writer) error {
	last, err := store.LastSeq(ctx)
	if err != nil {
		return err
	}
	if last > 0 {
		fmt.Fprintf(stdout, "Kho dữ liệu đã có sự kiện: không mở lại mùa demo. / The store is not empty: the demo season was not re-opened.\nAdmin token: %s\n", adminToken)
		return nil
	}
	admin := events.Author{Role: events.RoleAdmin, Token: "admin"}
	seasons := demoSeasons()
	for _, d := range seasons {
		ev, err := ledger.NewEvent(d.id, d.openedID, events.TypeSeasonOpened, "", "", admin, &d.opened, nil)
		if err != nil {
			return err
		}
		r, _, err := led.AppendEvent(ctx, ev, &d.opened)
		if err != nil {
			return fmt.Errorf("open the demo season %s: %w", d.id, err)
		}
		if err := proj.WaitFor(ctx, r.Seq); err != nil {
			return err
		}
	}
	type line struct{ who, token string }
	var lines []line
	var auditor string
	// The committee's and the auditor's tokens are bound to the demo's
	// cluster, as a cluster's secretary gets them on a shared server.
	for _, role := range []string{events.RoleCommittee, events.RoleAuditor} {
		t, err := led.IssueToken(ctx, admin, domain.Scope{}, ledger.TokenRequest{Role: role, Cluster: seasons[0].opened.Cluster.ID})
		if err != nil {
			return err
		}
		lines = append(lines, line{role, t.Token})
		if role == events.RoleAuditor {
			auditor = t.Token
		}
	}
	unitTokens := map[string]events.Author{}
	for _, d := range seasons {
		for _, m := range d.opened.Members {
			t, err := led.IssueToken(ctx, admin, domain.Scope{}, ledger.TokenRequest{Role: events.RoleUnit, Unit: m.ID})
			if err != nil {
				return err
			}
			unitTokens[m.ID] = events.Author{Role: events.RoleUnit, Unit: m.ID, Token: t.ID}
			lines = append(lines, line{"unit " + m.ID, t.Token})
		}
	}
	for _, d := range seasons {
		if err := demoFacts(ctx, led, d, unitTokens); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nthidua: mùa thi đua demo %s và %s đã mở / demo seasons opened — http://%s\n", domain.DemoSeasonID, domain.DemoSeason2025ID, addr)
	// The auditor's token is read-only: the link for the meeting's big screen.
	fmt.Fprintf(stdout, "Bảng xếp hạng trực tiếp / live rankings (auditor, read-only): http://%s/?season=%s#token=%s\n\n", addr, domain.DemoSeasonID, auditor)
	fmt.Fprintf(stdout, "Mã thường trực cụm và mã kiểm tra chỉ dùng cho cụm %s / committee and auditor tokens are bound to cluster %s\n", seasons[0].opened.Cluster.ID, seasons[0].opened.Cluster.ID)
	fmt.Fprintf(stdout, "  %-24s %s\n", "admin", adminToken)
	for _, l := range lines {
		fmt.Fprintf(stdout, "  %-24s %s\n", l.who, l.token)
	}
	// The same tokens as shell variables, for the README's first steps:
	// . ./data/demo-tokens.sh
	var sh strings.Builder
	fmt.Fprintf(&sh, "# thidua --demo: the demo's tokens (secrets: keep this file to yourself)\nADMIN_TOKEN=%s\n", adminToken)
	for _, l := range lines {
		name := strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(l.who)) + "_TOKEN"
		fmt.Fprintf(&sh, "%s=%s\n", name, l.token)
	}
	fmt.Fprintf(&sh, "UNIT_TOKEN=$UNIT_CAU_GIAY_TOKEN\nexport ADMIN_TOKEN COMMITTEE_TOKEN AUDITOR_TOKEN UNIT_TOKEN\n")
	file := filepath.Join(dataDir, "demo-tokens.sh")
	if err := os.WriteFile(file, []byte(sh.String()), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	fmt.Fprintf(stdout, "\nBiến môi trường / as shell variables: . %s\n\n", file)
	return nil
}

func demoFacts(ctx context.Context, led *ledger.Ledger, d demoSeason, units map[string]events.Author) error {
	ev := []events.Evidence{{Kind: "document", Title: "Báo cáo kết quả", DocNo: "demo"}}
	for _, f := range d.facts {
		e, err := ledger.NewEvent(d.id, f.id, f.typ, f.unit, f.date, units[f.unit], f.p, ev)
		if err != nil {
			return err
		}
		if _, _, err := led.AppendEvent(ctx, e, f.p); err != nil {
			return fmt.Errorf("demo fact %s: %w", f.id, err)
		}
	}
	return nil
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
