package projections_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
)

// TestRestoreChecksEveryCheckpointRoot: the projector keeps each season's
// tree by its right edge, so a restore takes the root at every size a
// stored checkpoint signs while it folds. An honest read model with a
// checkpoint in the middle of its season's tree restores; one with an
// event changed before that checkpoint (its body, its copy and both
// hashes, so that only the signed root can tell) is refused at it. The
// restore also tells the notary how far the season is signed.
func TestRestoreChecksEveryCheckpointRoot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	dbPath := filepath.Join(dir, "read.db")
	signer, err := seal.LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, stop := started(t, dbPath, log)
	led := ledger.New(log, p, time.Now)

	sign := func() int64 {
		t.Helper()
		cp, err := p.NextCheckpoint(domain.DemoSeasonID)
		if err != nil {
			t.Fatal(err)
		}
		msg, err := signer.Sign(cp)
		if err != nil {
			t.Fatal(err)
		}
		subject := events.CheckpointSubject(domain.DemoSeasonID)
		expect, err := log.LastSubjectSeq(ctx, subject)
		if err != nil {
			t.Fatal(err)
		}
		ack, err := log.Append(ctx, subject, fmt.Sprintf("cp-%d", cp.Size), msg, expect)
		if err != nil {
			t.Fatal(err)
		}
		waitFor(t, p, ack.Seq)
		return cp.Size
	}
	post := func(unit string) uint64 {
		t.Helper()
		body := `{"type":"activity.held","unit":"` + unit + `","date":"2024-06-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Kỷ niệm"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
		r, _, err := led.Append(ctx, domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: unit, Token: "t"}, domain.Scope{}, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return r.Seq
	}

	waitFor(t, p, appendSome(t, led, 3)) // the opening, then units 0, 1 and 2
	members := domain.DemoSeason().Members
	first := sign()
	// Later events on other subjects: the changed fact is still the last
	// of its subject, and the first checkpoint is now inside the tree.
	for _, m := range members[3:5] {
		post(m.ID)
	}
	waitFor(t, p, post(members[5].ID))
	second := sign()
	waitFor(t, p, post(members[3].ID))
	stop()

	honest, err := projections.Open(ctx, dbPath, quiet)
	if err != nil {
		t.Fatalf("an honest read model with checkpoints inside its tree: %v", err)
	}
	// The restore also says how far the season is signed: the event after
	// the second checkpoint is all the notary has left to sign.
	unsigned, err := honest.Unsigned()
	if err != nil {
		t.Fatal(err)
	}
	if len(unsigned) != 1 || unsigned[0].Signed != second || unsigned[0].Size != second+1 {
		t.Errorf("unsigned after the restore: %+v, want the season signed up to %d of %d", unsigned, second, second+1)
	}
	honest.Close()

	changeFact(t, dbPath, members[0].ID)
	_, err = projections.Open(ctx, dbPath, quiet)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("signed root of season %s at size %d", domain.DemoSeasonID, first)) {
		t.Fatalf("a read model with a fact changed before the checkpoint at size %d: %v", first, err)
	}
}

// changeFact rewrites the title of unit's fact in the read model, its copy
// of the message and both their hashes.
func changeFact(t *testing.T, path, unit string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var seq uint64
	var body []byte
	if err := db.QueryRow(`SELECT seq, body FROM events WHERE unit = ? AND type = ?`, unit, events.TypeActivityHeld).Scan(&seq, &body); err != nil {
		t.Fatal(err)
	}
	changed := []byte(strings.Replace(string(body), "Kỷ niệm", "Kỷ niệm lớn", 1))
	ev, _, err := events.Decode(changed)
	if err != nil {
		t.Fatal(err)
	}
	var subject string
	var header []byte
	if err := db.QueryRow(`SELECT subject, header FROM log_copy WHERE seq = ?`, seq).Scan(&subject, &header); err != nil {
		t.Fatal(err)
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE events SET body = ?, hash = ? WHERE seq = ?`, []any{changed, events.ContentHash(ev), seq}},
		{`UPDATE log_copy SET data = ?, hash = ? WHERE seq = ?`, []any{changed, projections.CopyHash(seq, subject, header, changed), seq}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
}
