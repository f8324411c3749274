package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/repair"
	"github.com/thidua/thidua/server"
)

// repairCmd restores a log that lost acknowledged events from the read
// model's copy in DATA/thidua.db (package repair), with the data
// directory locked so that no serve runs meanwhile.
func repairCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("repair", "đưa lại vào nhật ký những sự kiện nó đã mất, từ bản sao của mô hình đọc / puts back on the log what it lost, from the read model's copy", getenv, stderr)
	data := fs.EnvString("data", "", "thư mục dữ liệu của thidua serve đã dừng, có mô hình đọc giữ bản sao (và, khi không có --nats-url, nhật ký nhúng) / data directory of the stopped thidua serve whose read model holds the copy (and, without --nats-url, the embedded log)")
	nf := addNATSFlags(fs, "NATS JetStream bên ngoài giữ nhật ký cần sửa (mọi serve của nó đã dừng) / the external NATS JetStream holding the log to repair (every serve of it stopped)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ext, err := nf.config()
	if err != nil {
		return err
	}
	if *data == "" || fs.NArg() > 0 {
		return cli.UsageError("repair needs --data DIR (and --nats-url URL for an external log), and no arguments")
	}
	unlock, err := server.LockData(*data)
	if err != nil {
		return err
	}
	defer unlock()
	saved, err := projections.OpenCopy(ctx, filepath.Join(*data, "thidua.db"))
	if err != nil {
		return err
	}
	defer saved.Close()
	store, closeLog, err := server.OpenLog(ctx, *data, ext)
	if err != nil {
		return err
	}
	defer closeLog()

	file, err := os.CreateTemp(*data, "damaged-log-"+time.Now().UTC().Format("20060102T150405Z")+"-*.jsonl")
	if err != nil {
		return fmt.Errorf("repair: %w", err)
	}
	dumpPath := file.Name()
	res, err := repair.Run(ctx, saved, store, logfile.NewWriter(file))
	if cerr := errors.Join(file.Sync(), file.Close()); err == nil && cerr != nil {
		err = fmt.Errorf("repair: keep the damaged log: %w", cerr)
	}
	if res.Kept == 0 {
		os.Remove(dumpPath) // nothing was kept in it
	}
	if err != nil {
		var ce *projections.CopyError
		if errors.As(err, &ce) {
			return fmt.Errorf("repair refused: %w; the read model cannot vouch for the log (keep both for inspection)", err)
		}
		return fmt.Errorf("repair: %w", err)
	}
	if res.Loss == nil {
		fmt.Fprintf(stdout, "Nhật ký còn đủ mọi sự kiện đã xác nhận: không cần sửa. / The log holds every acknowledged event (seq 1–%d as in the read model's copy): nothing to repair.\n", saved.End())
		return nil
	}
	fmt.Fprintf(stdout, "Đã phát hiện / found: %s\n", res.Loss.Reason)
	fmt.Fprintf(stdout, "Đã giữ nhật ký hỏng / kept the damaged log: %d messages in %s\n", res.Kept, dumpPath)
	fmt.Fprintf(stdout, "Đã khôi phục / restored: seq 1–%d from the read model's copy", res.Restored)
	if res.Tail > 0 {
		fmt.Fprintf(stdout, ", and %d later messages from the damaged log (seq %d–%d)", res.Tail, res.Restored+1, res.Restored+uint64(res.Tail))
	}
	fmt.Fprintln(stdout)
	if len(res.Dropped) > 0 {
		fmt.Fprintf(stdout, "Không thể đặt lại / not put back (after a gap past the copy's end; in the kept file): %d messages, seqs %v\n", len(res.Dropped), res.Dropped)
	}
	fmt.Fprintln(stdout, "Nhật ký khớp với bản sao. / The log matches the copy again: start thidua serve, then run thidua audit.")
	return nil
}
