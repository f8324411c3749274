package ledger_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// TestFactNamingAFile: a fact may name a file only once the season's
// store holds it; the stored event then records the file's name, size and
// type, and a re-post of the same body is the same event.
func TestFactNamingAFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, files := natstest.StartWithFiles(t, filepath.Join(dir, "nats"))
	proj, err := projections.Open(ctx, filepath.Join(dir, "read.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- proj.Run(rctx, store) }()
	t.Cleanup(func() { cancel(); <-done; proj.Close() })

	l := ledger.NewWithFiles(store, proj, files, time.Now)
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	if _, _, err := l.AppendEvent(ctx, open, &season); err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.7 biên bản")
	sum := sha256.Sum256(pdf)
	stored := hex.EncodeToString(sum[:])
	if _, _, err := files.Put(ctx, domain.DemoSeasonID, "biên-bản.pdf", "application/pdf", pdf); err != nil {
		t.Fatal(err)
	}
	// The same bytes stored for another season do not count here.
	other := []byte("%PDF-1.7 another season")
	osum := sha256.Sum256(other)
	if _, _, err := files.Put(ctx, "another-season", "x.pdf", "application/pdf", other); err != nil {
		t.Fatal(err)
	}
	unit := events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}
	body := func(id, file string) []byte {
		return fmt.Appendf(nil, `{"id":%q,"type":"activity.held","unit":"tay-ho","date":"2024-04-01","data":{"kind":"other","title":"A"},"evidence":[{"kind":"document","title":"Báo cáo"},{"kind":"file","title":"Biên bản","file":%q}]}`, id, file)
	}

	tests := []struct {
		name, id, file string
		field          string // "" = accepted
	}{
		{"unstored hash", "f-1", hex.EncodeToString(make([]byte, 32)), "evidence[1].file"},
		{"another season's file", "f-2", hex.EncodeToString(osum[:]), "evidence[1].file"},
		{"stored file", "f-3", stored, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := store.LastSeq(ctx)
			r, created, err := l.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, body(tc.id, tc.file))
			if tc.field != "" {
				de := domain.ErrorOf(err)
				if de.Code != domain.Invalid || de.Field != tc.field {
					t.Errorf("Append = %v, want invalid on %s", err, tc.field)
				}
				if after, _ := store.LastSeq(ctx); after != before {
					t.Errorf("the log moved from %d to %d", before, after)
				}
				return
			}
			if err != nil || !created {
				t.Fatalf("Append = %v, %v", created, err)
			}
			m, err := store.Get(ctx, r.Seq)
			if err != nil {
				t.Fatal(err)
			}
			ev, _, err := events.Decode(m.Data)
			if err != nil {
				t.Fatal(err)
			}
			want := events.Evidence{Kind: "file", Title: "Biên bản", File: stored, FileName: "biên-bản.pdf", FileSize: int64(len(pdf)), FileType: "application/pdf"}
			if ev.Evidence[1] != want {
				t.Errorf("stored evidence = %+v, want %+v", ev.Evidence[1], want)
			}
			if _, created, err := l.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, body(tc.id, tc.file)); err != nil || created {
				t.Errorf("re-post = %v, %v; want the same event, not a new one", created, err)
			}
		})
	}
}
