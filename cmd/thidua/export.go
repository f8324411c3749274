package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/server"

	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/events/natsstore"
)

// export writes a season's log as JSON lines (events/logfile): every event
// and signed checkpoint as stored, with its stream sequence, subject and
// headers, for an inspector who gets the file and the public key and
// nothing else.
func export(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "xuất nhật ký của một mùa (và tệp minh chứng) để kiểm toán / exports a season's log (and its evidence files) for the audit", getenv, stderr)
	season := fs.EnvString("season", "", "mã mùa thi đua / season id")
	data := fs.EnvString("data", "", "thư mục dữ liệu của một thidua serve đã dừng (kho nhúng) / data directory of a stopped thidua serve (embedded store)")
	nf := addNATSFlags(fs, "NATS JetStream đang chạy giữ nhật ký (địa chỉ các máy chủ của cụm, cách nhau bằng dấu phẩy) / a live NATS JetStream holding the log (comma-separated URLs of a cluster's servers)")
	out := fs.EnvString("out", "-", "tệp để ghi (- là đầu ra chuẩn) / the file to write (- for standard output)")
	filesDir := fs.EnvString("files", "", "ghi thêm mọi tệp minh chứng mà sự kiện của mùa nêu vào thư mục này, mỗi tệp mang tên là SHA-256 của nó / also write every evidence file the season's events name into this directory, each named by its SHA-256")
	logPath := fs.EnvString("log", "", "một nhật ký đã xuất (thidua export --out) để làm --xlsx hoặc --csv / an exported log (thidua export --out) to make --xlsx or --csv from")
	xlsx := fs.EnvString("xlsx", "", "ghi Bảng tổng hợp kết quả chấm điểm thi đua dạng XLSX vào tệp này thay cho nhật ký / write the scoring table (Bảng tổng hợp kết quả chấm điểm thi đua) as XLSX to this file instead of the log")
	csvOut := fs.EnvString("csv", "", "ghi bảng --table dạng CSV (UTF-8 có BOM) vào tệp này thay cho nhật ký / write the --table as CSV (UTF-8 with BOM) to this file instead of the log")
	table := fs.EnvString("table", "summary", "bảng mà --csv ghi: summary (tổng hợp) hoặc items (theo mục) / the table --csv writes: summary or items")
	view := fs.EnvString("view", "verified", "chế độ xem của --xlsx và --csv: claimed, verified hoặc final / the view of --xlsx and --csv: claimed, verified or final")
	asOf := fs.EnvString("as-of", "", "--xlsx và --csv tại số thứ tự sự kiện hoặc thời điểm RFC 3339 này / --xlsx and --csv as of this stream sequence or RFC 3339 instant")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ext, err := nf.config()
	if err != nil {
		return err
	}
	if *xlsx != "" || *csvOut != "" {
		if *table != "summary" && *table != "items" {
			return cli.UsageError("--table must be summary or items")
		}
		o := tableOptions{season: *season, view: *view, asOf: *asOf, xlsx: *xlsx, csv: *csvOut, table: *table}
		return exportTableCmd(ctx, o, *data, *logPath, ext, stderr)
	}
	if *logPath != "" {
		return cli.UsageError("--log is read by --xlsx and --csv only")
	}
	if *season == "" || (*data == "") == (ext.URLs == "") {
		return cli.UsageError("export needs --season and exactly one of --data DIR or --nats-url URL")
	}
	nc, closeLog, err := server.LogConn(*data, ext)
	if err != nil {
		return err
	}
	defer closeLog()
	store, err := natsstore.Open(ctx, nc, natsstore.Config{})
	if err != nil {
		return fmt.Errorf("open the log: %w", err)
	}

	dst := stdout
	var file *os.File
	if *out != "-" {
		// Written beside the target and renamed at the end, so that a failed
		// export never leaves a file that looks whole.
		if file, err = os.CreateTemp(filepath.Dir(*out), ".thidua-export-*"); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer os.Remove(file.Name())
		defer file.Close()
		dst = file
	}
	w := logfile.NewWriter(dst)
	var n, checkpoints int
	var first, last uint64
	var named []string // files the events name, in log order, once each
	seen := map[string]bool{}
	err = store.ReadUntil(ctx, events.SeasonFilter(*season), 1, func(m events.Stored) error {
		if first == 0 {
			first = m.Seq
		}
		last = m.Seq
		if _, kind, _, _ := events.ParseSubject(m.Subject); kind == events.KindCheckpoint {
			checkpoints++
		} else {
			n++
			// An event that does not decode is the audit's to report.
			if ev, _, err := events.Decode(m.Data); err == nil {
				for _, e := range ev.Evidence {
					if e.File != "" && !seen[e.File] {
						seen[e.File] = true
						named = append(named, e.File)
					}
				}
			}
		}
		return w.Write(m)
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return fmt.Errorf("export season %s: %w", *season, err)
	}
	if n == 0 {
		return fmt.Errorf("export: the log has no events of season %s", *season)
	}
	if file != nil {
		if err := file.Sync(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := file.Close(); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.Rename(file.Name(), *out); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	fmt.Fprintf(stderr, "Đã xuất / exported %d events and %d signed checkpoints of season %s (seq %d–%d)\n", n, checkpoints, *season, first, last)
	if *filesDir == "" {
		return nil
	}
	if len(named) == 0 {
		fmt.Fprintf(stderr, "Không sự kiện nào nêu tệp minh chứng / no event names an evidence file\n")
		return os.MkdirAll(*filesDir, 0o750)
	}
	files, err := natsstore.OpenFiles(ctx, nc, natsstore.FilesConfig{Existing: true})
	if err != nil {
		return fmt.Errorf("export files: %w", err)
	}
	return exportFiles(ctx, files, *season, named, *filesDir, stderr)
}

// exportFiles writes each named file of a season into dir under its hash,
// checking on the way that the store's bytes hash to it. A file the store
// does not hold is reported and makes the export fail, after every other
// file is written: the audit names the events that need it.
func exportFiles(ctx context.Context, files *natsstore.Files, season string, named []string, dir string, stderr io.Writer) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return fmt.Errorf("export files: %w", err)
	}
	var missing []string
	var bytes int64
	for _, sha := range named {
		if !events.IsFileHash(sha) {
			missing = append(missing, sha)
			continue
		}
		n, err := exportFile(ctx, files, season, sha, dir)
		if errors.Is(err, natsstore.ErrFileNotFound) {
			missing = append(missing, sha)
			continue
		}
		if err != nil {
			return fmt.Errorf("export file %s: %w", sha, err)
		}
		bytes += n
	}
	fmt.Fprintf(stderr, "Đã xuất / exported %d evidence files (%d bytes) into %s\n", len(named)-len(missing), bytes, dir)
	if len(missing) > 0 {
		return fmt.Errorf("export: the evidence store of season %s lacks %d named file(s): %s", season, len(missing), strings.Join(missing, ", "))
	}
	return nil
}

func exportFile(ctx context.Context, files *natsstore.Files, season, sha, dir string) (int64, error) {
	_, r, err := files.Open(ctx, season, sha)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	tmp, err := os.CreateTemp(dir, ".thidua-file-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), r)
	if err != nil {
		return 0, err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sha {
		return 0, fmt.Errorf("the store's bytes hash to %s", got)
	}
	if err := tmp.Sync(); err != nil {
		return 0, err
	}
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	return n, os.Rename(tmp.Name(), filepath.Join(dir, sha))
}

// exportTableCmd writes the scoring table from exactly one of a data dir,
// a live NATS or an exported log file.
func exportTableCmd(ctx context.Context, o tableOptions, data, logPath string, ext natsstore.DialConfig, stderr io.Writer) error {
	sources := 0
	for _, s := range []string{data, ext.URLs, logPath} {
		if s != "" {
			sources++
		}
	}
	if o.season == "" || sources != 1 {
		return cli.UsageError("export --xlsx/--csv needs --season and exactly one of --data DIR, --nats-url URL or --log FILE")
	}
	if logPath != "" {
		f, err := os.Open(logPath)
		if err != nil {
			return fmt.Errorf("log: %w", err)
		}
		defer f.Close()
		return exportTables(ctx, func(ctx context.Context, fn func(events.Stored) error) error {
			// Every line, whatever its subject: what does not belong
			// in the log is for the audit to find, not for the read to skip.
			return logfile.NewLog(f).ReadUntil(ctx, ">", 0, fn)
		}, o, stderr)
	}
	store, closeLog, err := server.OpenLog(ctx, data, ext)
	if err != nil {
		return err
	}
	defer closeLog()
	return exportTables(ctx, func(ctx context.Context, fn func(events.Stored) error) error {
		return store.ReadUntil(ctx, events.SeasonFilter(o.season), 1, fn)
	}, o, stderr)
}
