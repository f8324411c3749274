package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/internal/cli"
	"github.com/thidua/thidua/projections"
)

// msgSource reads a season's messages from the start, each time it is
// called: from a data dir's log or from an exported log file.
type msgSource func(ctx context.Context, fn func(events.Stored) error) error

// tableOptions are what export --xlsx and --csv write.
type tableOptions struct {
	season, view, asOf string
	xlsx, csv, table   string
}

// exportTables replays the season's log into a scratch read model, as the
// server and the audit do (seqs set aside by the committee skipped), and
// writes the scoring table of one view from it.
func exportTables(ctx context.Context, src msgSource, o tableOptions, stderr io.Writer) error {
	view, err := domain.ParseView(o.view)
	if err != nil {
		return cli.UsageError("--view: " + err.Error())
	}
	aside := map[uint64]string{}
	err = src(ctx, func(m events.Stored) error {
		if _, p, err := events.Decode(m.Data); err == nil {
			if sa, ok := p.(*events.SeqSetAside); ok {
				aside[sa.Seq] = sa.Reason
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the log: %w", err)
	}
	dir, err := os.MkdirTemp("", "thidua-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	p, err := projections.Open(ctx, filepath.Join(dir, "replay.db"), quiet)
	if err != nil {
		return err
	}
	defer p.Close()
	for seq, reason := range aside {
		p.SkipSeq(seq, reason)
	}
	var batch []events.Stored
	var last uint64 // the season's last message, its checkpoints too: the seq the server would report
	flush := func() error {
		if len(batch) == 0 || p.Halted() != nil {
			batch = batch[:0]
			return nil
		}
		err := p.Apply(ctx, batch)
		batch = batch[:0]
		return err
	}
	err = src(ctx, func(m events.Stored) error {
		s, kind, _, ok := events.ParseSubject(m.Subject)
		if !ok || s != o.season {
			return nil
		}
		last = max(last, m.Seq)
		if kind == events.KindCheckpoint {
			return nil
		}
		if batch = append(batch, m); len(batch) == 500 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("replay season %s: %w", o.season, err)
	}
	if h := p.Halted(); h != nil {
		return fmt.Errorf("replay season %s: halted at seq %d: %s (thidua audit says more)", o.season, h.Seq, h.Reason)
	}
	snap := p.Snapshot()
	ss, ok := snap.Seasons[o.season]
	if !ok || !ss.Opened {
		return fmt.Errorf("export: the log has no season %s", o.season)
	}
	seq := max(snap.Checkpoint, last)
	if o.asOf != "" {
		if seq, err = p.ResolveAsOf(ctx, o.asOf); err != nil {
			return cli.UsageError("--as-of: " + err.Error())
		}
		if ss, err = p.SeasonAsOf(ctx, o.season, seq); err != nil {
			return err
		}
		if !ss.Opened {
			return fmt.Errorf("export: season %s was not opened yet at seq %d", o.season, seq)
		}
	}
	t, err := documents.FromSnapshot(ctx, ss, view, seq)
	if err != nil {
		return err
	}
	if o.xlsx != "" {
		if err := writeAtomic(o.xlsx, t.WriteXLSX); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "Đã ghi / wrote %s: %s, %s, seq %d\n", o.xlsx, documents.Title, documents.ViewName(view), seq)
	}
	if o.csv != "" {
		if err := writeAtomic(o.csv, func(w io.Writer) error { return t.WriteCSV(w, o.table) }); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "Đã ghi / wrote %s: %s, seq %d\n", o.csv, o.table, seq)
	}
	return nil
}

// writeAtomic writes a file beside its target and renames it at the end,
// so that a failed export never leaves a file that looks whole.
func writeAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".thidua-export-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := write(f); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return os.Rename(f.Name(), path)
}
