package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
	"github.com/thidua/thidua/server"
)

// auditCmd checks a season's log for tampering, replays it from the start
// into a scratch read model and reports whether it reproduces the signed
// final ranking (and a live read model's rankings and sheets) byte for byte.
func auditCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("audit", "kiểm toán cuối năm: kiểm tra nhật ký không bị sửa, phát lại và đối chiếu bảng xếp hạng đã ký / the year-end audit: checks the log for tampering, replays it and checks every signed ranking", getenv, stderr)
	season := fs.EnvString("season", "", "mã mùa thi đua / season id")
	data := fs.EnvString("data", "", "thư mục dữ liệu của một thidua serve đã dừng (kho nhúng) / data directory of a stopped thidua serve (embedded store)")
	nf := addNATSFlags(fs, "NATS JetStream đang chạy giữ nhật ký (địa chỉ các máy chủ của cụm, cách nhau bằng dấu phẩy) / a live NATS JetStream holding the log (comma-separated URLs of a cluster's servers)")
	logPath := fs.EnvString("log", "", "một nhật ký đã xuất (thidua export) / an exported log (thidua export)")
	keyPath := fs.EnvString("key", "", "khoá công khai của Ban Thường trực (mặc định DATA/"+seal.PublicKeyFile+" khi có --data) / the committee's public key (default DATA/"+seal.PublicKeyFile+" with --data)")
	dbPath := fs.EnvString("db", "", "một mô hình đọc đang dùng để so sánh (mặc định DATA/thidua.db khi có --data) / a live read model to compare with (default DATA/thidua.db with --data)")
	asOf := fs.EnvString("as-of", "", "báo cáo bảng xếp hạng tại số thứ tự sự kiện hoặc thời điểm RFC 3339 này / report the rankings as of this stream sequence or RFC 3339 instant")
	open := fs.EnvBool("open", false, "chấp nhận mùa có nhật ký chưa kết thúc bằng lần khoá sổ đã ký (khi đó kiểm toán chứng minh nhật ký đến nay, không phải kết quả cuối cùng) / accept a season whose log does not end with its signed close (the audit then proves the log so far, not a final result)")
	expectSize := fs.EnvInt("expect-size", 0, "số sự kiện mà kết quả công bố nêu: nhật ký của mùa phải có đúng chừng ấy / the number of events the published result names: the season's log must have exactly these")
	expectRoot := fs.EnvString("expect-root", "", "gốc mà kết quả công bố nêu: gốc Merkle của các sự kiện trong mùa phải đúng là gốc này / the root the published result names: the season's Merkle root over its events must be this")
	jsonOut := fs.EnvString("json", "", "ghi báo cáo dạng JSON vào tệp này (- là đầu ra chuẩn) / write the report as JSON to this file (- for standard output)")
	htmlOut := fs.EnvString("html", "", "ghi báo cáo dạng trang HTML vào tệp này / write the report as an HTML page to this file")
	filesDir := fs.EnvString("files", "", "các tệp minh chứng của mùa, mỗi tệp mang tên là SHA-256 của nó (thidua export --files): kiểm tra mọi tệp mà sự kiện nêu; thiếu cờ này thì không kiểm tra tệp / the season's evidence files, each named by its SHA-256 (thidua export --files): check every file the events name; without it the files are not checked")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ext, err := nf.config()
	if err != nil {
		return err
	}
	sources := 0
	for _, s := range []string{*data, ext.URLs, *logPath} {
		if s != "" {
			sources++
		}
	}
	if *season == "" || sources != 1 {
		return cli.UsageError("audit needs --season and exactly one of --data DIR, --nats-url URL or --log FILE")
	}
	if *keyPath == "" && *data != "" {
		*keyPath = filepath.Join(*data, seal.PublicKeyFile)
	}
	if *keyPath == "" {
		return cli.UsageError("audit needs --key FILE, the committee's public key")
	}
	keyText, err := os.ReadFile(*keyPath)
	if err != nil {
		return fmt.Errorf("public key: %w", err)
	}
	key, err := seal.NewVerifier(string(keyText))
	if err != nil {
		return cli.UsageError(err.Error())
	}
	if *dbPath == "" && *data != "" {
		*dbPath = filepath.Join(*data, "thidua.db")
	}

	if *expectSize < 0 {
		return cli.UsageError("--expect-size must not be negative")
	}
	opt := audit.Options{Season: *season, Key: key, AsOf: *asOf, Open: *open, ExpectSize: int64(*expectSize), ExpectRoot: *expectRoot, Progress: stderr}
	if *filesDir != "" {
		if st, err := os.Stat(*filesDir); err != nil || !st.IsDir() {
			return cli.UsageError(fmt.Sprintf("--files %s is not a directory", *filesDir))
		}
		opt.Files = os.DirFS(*filesDir)
	}
	var src audit.Source
	switch {
	case *logPath != "":
		f, err := os.Open(*logPath)
		if err != nil {
			return fmt.Errorf("log: %w", err)
		}
		defer f.Close()
		opt.Source = "log " + *logPath
		src = func(ctx context.Context, fn func(events.Stored) error) error {
			// Every line, whatever its subject: what does not belong
			// in the log is for the audit to find, not for the read to skip.
			return logfile.NewLog(f).ReadUntil(ctx, ">", 0, fn)
		}
	default:
		store, closeLog, err := server.OpenLog(ctx, *data, ext)
		if err != nil {
			return err
		}
		defer closeLog()
		opt.Source = "nats " + natsstore.RedactURLs(ext.URLs)
		if *data != "" {
			opt.Source = "data " + *data
		}
		src = func(ctx context.Context, fn func(events.Stored) error) error {
			return store.ReadUntil(ctx, events.SeasonFilter(*season), 1, fn)
		}
	}
	if *dbPath != "" {
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		live, err := projections.Open(ctx, *dbPath, quiet)
		if err != nil {
			return fmt.Errorf("live read model: %w", err)
		}
		defer live.Close()
		opt.Live = live
		opt.People = people(live.Tokens())
	}

	fmt.Fprintf(stdout, "Kiểm toán mùa %s / audit of season %s (%s, key %s)\n", *season, *season, opt.Source, key.Name())
	rep, err := audit.Run(ctx, src, opt)
	if err != nil {
		return err
	}
	if err := cli.WriteReport(*jsonOut, stdout, rep.WriteJSON); err != nil {
		return err
	}
	if err := cli.WriteReport(*htmlOut, stdout, rep.WriteHTML); err != nil {
		return err
	}
	printSummary(stdout, rep)
	if !rep.OK {
		p := rep.Problems[0]
		return auditFailed(fmt.Sprintf("FAIL: %d problem(s); the first at seq %d (%s): %s", len(rep.Problems)+rep.ProblemsMore, p.Seq, p.Check, p.What))
	}
	return nil
}

// printSummary writes the verdict for a person at a terminal.
func printSummary(w io.Writer, rep *audit.Report) {
	fmt.Fprintf(w, "  %d events, %d signed checkpoints, %d chain links, %d subjects (seq %d–%d)\n",
		rep.Log.Events, len(rep.Checkpoints), rep.Log.ChainLinks, rep.Log.Subjects, rep.Log.FirstSeq, rep.Log.LastSeq)
	for _, r := range rep.Rankings {
		fmt.Fprintf(w, "  rankings %s at seq %d: sha256 %s\n", r.View, rep.Seq, r.SHA256)
	}
	if rep.Files.Checked {
		fmt.Fprintf(w, "  %d of %d evidence files present and hashing to their names\n", rep.Files.Present, rep.Files.Named)
	} else {
		fmt.Fprintf(w, "  tệp minh chứng không được kiểm / evidence files were not checked (%d named; use --files DIR)\n", rep.Files.Named)
	}
	if rep.LiveCompared > 0 {
		fmt.Fprintf(w, "  %d rankings and score sheets compared with the live read model (stored and served)\n", rep.LiveCompared)
	}
	fmt.Fprintf(w, "  size %d, root %s\n", rep.Size, rep.Root)
	if rep.SignedClose {
		fmt.Fprintf(w, "  Nhật ký kết thúc bằng chốt mùa đã ký / %s\n", rep.Proves)
	} else {
		fmt.Fprintf(w, "  Mùa chưa chốt trong nhật ký này / %s\n", rep.Proves)
	}
	for _, p := range rep.Problems {
		id := ""
		if p.EventID != "" {
			id = " " + p.EventID
		}
		fmt.Fprintf(w, "  FAIL seq %d%s [%s]: %s\n", p.Seq, id, p.Check, p.What)
	}
	for _, sa := range rep.SetAside {
		fmt.Fprintf(w, "  seq %d đã được gác lại / set aside by the committee (record at seq %d, %s): %s\n", sa.Seq, sa.RecordSeq, sa.By, sa.Reason)
	}
	if rep.ProblemsMore > 0 {
		fmt.Fprintf(w, "  … và %d vấn đề khác / and %d more problems (the report lists the first %d)\n", rep.ProblemsMore, rep.ProblemsMore, audit.MaxProblems)
	}
	if rep.OK {
		fmt.Fprintln(w, "OK: nhật ký nguyên vẹn, xếp hạng tái lập đúng từng byte / the log is intact and the rankings are reproduced byte for byte")
	}
}

// keyCmd prints the committee's public key, the one an inspector passes to
// thidua audit --key. With --signing-key it works on a shared key file (the
// one every serve of a cluster is given) and --create makes that file.
func keyCmd(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("key", "in khoá công khai dùng để kiểm tra các điểm kiểm tra đã ký, hoặc tạo khoá ký dùng chung / prints the public key that verifies the signed checkpoints, or makes a shared signing key", getenv, stderr)
	data := fs.EnvString("data", "./data", "thư mục dữ liệu của thidua serve / data directory of thidua serve")
	signingKey := fs.EnvString("signing-key", "", "tệp khoá ký dùng chung: in khoá công khai của nó / a shared signing key file: print its public key")
	create := fs.EnvBool("create", false, "cùng --signing-key: tạo cặp khoá nếu tệp chưa có (FILE và FILE.pub) / with --signing-key: make the key pair if the file does not exist (FILE and FILE's .pub)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *signingKey == "" {
		if *create {
			return cli.UsageError("--create needs --signing-key FILE (serve makes DATA's own key at first start)")
		}
		b, err := os.ReadFile(filepath.Join(*data, seal.PublicKeyFile))
		if err != nil {
			return fmt.Errorf("public key (made at the first thidua serve): %w", err)
		}
		_, err = stdout.Write(b)
		return err
	}
	if *create {
		created, err := seal.CreateKey(*signingKey, publicKeyPath(*signingKey))
		if err != nil {
			return err
		}
		if created {
			fmt.Fprintf(stderr, "đã tạo khoá ký / signing key made: %s (public: %s)\n", *signingKey, publicKeyPath(*signingKey))
		}
	}
	s, err := seal.LoadKey(*signingKey)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, s.PublicKey())
	return err
}

// publicKeyPath puts a shared key's public half beside it:
// keys/checkpoint.key → keys/checkpoint.pub.
func publicKeyPath(priv string) string {
	return strings.TrimSuffix(priv, ".key") + ".pub"
}

// people names the holder of each token that was issued to one, by token
// id, for the report's "recorded by".
func people(tokens []projections.Token) map[string]string {
	out := map[string]string{}
	for _, t := range tokens {
		switch {
		case t.Holder != "" && t.Position != "":
			out[t.ID] = t.Holder + " — " + t.Position
		case t.Holder != "":
			out[t.ID] = t.Holder
		}
	}
	return out
}
