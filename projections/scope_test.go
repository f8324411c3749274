package projections_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// TestTokenScopeIsFolded: the cluster a token is bound to is on the log,
// so the live read model and one rebuilt from seq 1 both know it, in memory
// and in the tokens table; a token issued without one is unbound.
func TestTokenScopeIsFolded(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	log := newLog(t, filepath.Join(dir, "nats"))
	live := running(t, filepath.Join(dir, "read.db"), log)
	led := ledger.New(log, live, time.Now)
	appendSome(t, led, 0) // opens the demo season, cluster hn-mttq-cum2
	cluster := domain.DemoSeason().Cluster.ID

	admin := events.Author{Role: events.RoleAdmin, Token: "admin"}
	issue := func(by events.Author, sc domain.Scope, req ledger.TokenRequest) ledger.Issued {
		t.Helper()
		iss, err := led.IssueToken(ctx, by, sc, req)
		if err != nil {
			t.Fatalf("issue %+v: %v", req, err)
		}
		return iss
	}
	bound := issue(admin, domain.Scope{}, ledger.TokenRequest{Role: events.RoleCommittee, Cluster: cluster})
	unbound := issue(admin, domain.Scope{}, ledger.TokenRequest{Role: events.RoleAuditor})
	unit := issue(admin, domain.Scope{}, ledger.TokenRequest{Role: events.RoleUnit, Unit: "cau-giay"})
	byBound := issue(events.Author{Role: events.RoleCommittee, Token: bound.ID}, domain.Scope{Cluster: cluster},
		ledger.TokenRequest{Role: events.RoleAuditor, Cluster: cluster})
	want := map[string]string{bound.ID: cluster, unbound.ID: "", unit.ID: "", byBound.ID: cluster}

	last, err := log.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rebuiltPath := filepath.Join(dir, "rebuilt.db")
	rebuilt := running(t, rebuiltPath, log)
	waitFor(t, rebuilt, last)
	for name, p := range map[string]*projections.Projector{"live": live, "rebuilt": rebuilt} {
		for id, cl := range want {
			tok, ok := p.Token(id)
			if !ok || tok.Cluster != cl {
				t.Errorf("%s: token %s = %+v (found %v), want cluster %q", name, id, tok, ok, cl)
			}
		}
	}
	db, err := sql.Open("sqlite3", "file:"+rebuiltPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for id, cl := range want {
		var got string
		if err := db.QueryRow(`SELECT cluster FROM tokens WHERE id = ?`, id).Scan(&got); err != nil || got != cl {
			t.Errorf("tokens table: %s cluster %q (%v), want %q", id, got, err, cl)
		}
	}
}

// TestOldTokensTableGainsCluster: a read model made before scopes opens
// without a rebuild; its tokens table gains the cluster column, empty
// (every cluster) for the tokens it already holds.
func TestOldTokensTableGainsCluster(t *testing.T) {
	path := filepath.Join(t.TempDir(), "read.db")
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE TABLE tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL, role TEXT NOT NULL, unit TEXT NOT NULL,
		issued_by TEXT NOT NULL, issued_at TEXT NOT NULL, issued_seq INTEGER NOT NULL,
		revoked_by TEXT NOT NULL DEFAULT '', revoked_at TEXT NOT NULL DEFAULT '');
		INSERT INTO tokens (id, hash, role, unit, issued_by, issued_at, issued_seq) VALUES ('tok-old', 'h', 'committee', '', 'admin', '2024-02-20T01:00:00Z', 1)`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // the second open finds the column there
		p, err := projections.Open(context.Background(), path, quiet)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		p.Close()
	}
	db, err = sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var cluster string
	if err := db.QueryRow(`SELECT cluster FROM tokens WHERE id = 'tok-old'`).Scan(&cluster); err != nil || cluster != "" {
		t.Errorf("old token's cluster %q (%v), want empty", cluster, err)
	}
}
