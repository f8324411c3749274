package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/events/natsstore"
)

// export writes a season's log as JSON lines (events/logfile): every event
// and signed checkpoint as stored, with its stream sequence, subject and
// headers, for an inspector who gets the file and the public key and
// nothing else.
func export(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("export", getenv, stderr)
	season := fs.str("season", "", "season id")
	data := fs.str("data", "", "data directory of a stopped thidua serve (embedded store)")
	nf := addNATSFlags(fs, "a live NATS JetStream holding the log (comma-separated URLs of a cluster's servers)")
	out := fs.str("out", "-", "the file to write (- for standard output)")
	if err := fs.parse(args); err != nil {
		return err
	}
	ext, err := nf.config()
	if err != nil {
		return err
	}
	if *season == "" || (*data == "") == (ext.URLs == "") {
		return usageError("export needs --season and exactly one of --data DIR or --nats-url URL")
	}
	store, closeLog, err := openLog(ctx, *data, ext)
	if err != nil {
		return err
	}
	defer closeLog()

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
	err = store.ReadUntil(ctx, natsstore.SeasonFilter(*season), 1, func(m natsstore.Msg) error {
		if first == 0 {
			first = m.Seq
		}
		last = m.Seq
		if _, kind, _, _ := natsstore.ParseSubject(m.Subject); kind == natsstore.KindCheckpoint {
			checkpoints++
		} else {
			n++
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
	return nil
}
