package projections_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
)

// TestWritesDoNotWaitForTheCommit: while the read model's SQLite file is
// locked by another writer (a commit that cannot finish), writes are still
// validated and answered: the fold moves on its own, and only what is
// published waits for the commit. Once the lock goes, the commit publishes
// both writes.
func TestWritesDoNotWaitForTheCommit(t *testing.T) {
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	path := filepath.Join(dir, "read.db")
	p := running(t, path, log)
	led := ledger.New(log, p, time.Now)
	waitFor(t, p, appendSome(t, led, 2))
	published := p.Checkpoint()

	blocker, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer blocker.Close()
	blocker.SetMaxOpenConns(1)
	lock, err := blocker.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// BEGIN IMMEDIATE is what database/sql cannot say: a write takes the
	// file's one writer lock until the transaction ends.
	if _, err := lock.Exec(`INSERT INTO meta (key, value) VALUES ('test_lock', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`); err != nil {
		t.Fatal(err)
	}

	// The projector's busy timeout is 5 s: both writes must be answered
	// well within it, while the lock holds every commit back.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	unit := events.Author{Role: events.RoleUnit, Unit: "tay-ho", Token: "t"}
	fact := `{"id":"blocked-1","type":"activity.held","unit":"tay-ho","date":"2024-05-08","data":{"kind":"commemoration","occasion":"dbp70","title":"Trong lúc khoá"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
	r1, created, err := led.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(fact))
	if err != nil || !created {
		t.Fatalf("write while the commit is blocked: created %v, %v", created, err)
	}
	// Validated against the fold, which holds the fact the file does not.
	retract := `{"id":"blocked-2","type":"fact.retracted","unit":"tay-ho","data":{"target":"blocked-1","reason":"nhầm"}}`
	r2, created, err := led.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(retract))
	if err != nil || !created {
		t.Fatalf("retraction of the unpublished fact: created %v, %v", created, err)
	}
	if cp := p.Checkpoint(); cp != published {
		t.Fatalf("checkpoint moved to %d while the file was locked (published %d)", cp, published)
	}
	// The fact's id is known before its row is written: a re-post is
	// answered with the original seq, not appended again.
	if info, ok, err := p.LookupID(ctx, "blocked-1"); err != nil || !ok || info.Seq != r1.Seq {
		t.Fatalf("id of the uncommitted fact: %+v %v %v, want seq %d", info, ok, err, r1.Seq)
	}
	if again, created, err := led.Append(ctx, domain.DemoSeasonID, unit, domain.Scope{}, []byte(fact)); err != nil || created || again.Seq != r1.Seq {
		t.Fatalf("re-post while the commit is blocked: %+v created %v, %v; want seq %d", again, created, err, r1.Seq)
	}
	if err := p.WaitFolded(ctx, r2.Seq); err != nil {
		t.Fatalf("seq %d not folded while the commit is blocked: %v", r2.Seq, err)
	}

	if err := lock.Rollback(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, p, r2.Seq)
	if h := p.Halted(); h != nil {
		t.Fatalf("projector halted: %+v", h)
	}
	// Committed: now read from the events table.
	for _, r := range []ledger.Reply{r1, r2} {
		if info, ok, err := p.LookupID(ctx, r.ID); err != nil || !ok || info.Seq != r.Seq || info.Type != r.Type || info.Unit != "tay-ho" {
			t.Fatalf("id %s after the commit: %+v %v %v, want seq %d", r.ID, info, ok, err, r.Seq)
		}
	}
	if _, ok, err := p.LookupID(ctx, "never-written"); err != nil || ok {
		t.Fatalf("an unknown id: found %v, %v", ok, err)
	}
	sheet, err := p.Snapshot().Seasons[domain.DemoSeasonID].Views[domain.Claimed].Sheets["tay-ho"].Bytes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sheet), `"id":"blocked-1"`) || !strings.Contains(string(sheet), `"by":"blocked-2"`) {
		t.Errorf("published sheet lacks the fact %d or its retraction %d:\n%s", r1.Seq, r2.Seq, sheet)
	}
}
