// Package projections is the SQLite read model: its schema, the projector
// that folds the log into it, and the queries the API serves.
package projections

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver, registered as "sqlite3"
)

// schemaVersion changes when the read model's tables or stored replies
// change; a read model of another version is rebuilt from the log.
// 2: score sheets list the unit's facts; 3: and the committee's decisions;
// 4: signed checkpoints; 5: the copy of every message (log_copy); 6: a
// scores row is the unit's ranked row, not its whole sheet.
const schemaVersion = "6"

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
	seq     INTEGER PRIMARY KEY,
	id      TEXT NOT NULL,
	season  TEXT NOT NULL,
	unit    TEXT NOT NULL,
	type    TEXT NOT NULL,
	subject TEXT NOT NULL,
	time_ns INTEGER NOT NULL,
	hash    TEXT NOT NULL,
	body    BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS events_season ON events (season, seq);
CREATE INDEX IF NOT EXISTS events_season_unit ON events (season, unit, seq);
CREATE INDEX IF NOT EXISTS events_time ON events (time_ns);
CREATE TABLE IF NOT EXISTS seasons (season TEXT PRIMARY KEY, seq INTEGER NOT NULL, closed INTEGER NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS rankings (season TEXT NOT NULL, view TEXT NOT NULL, seq INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (season, view));
-- scores: each unit's ranked row (total, parts, rank, award) per view.
CREATE TABLE IF NOT EXISTS scores (season TEXT NOT NULL, view TEXT NOT NULL, unit TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (season, view, unit));
CREATE TABLE IF NOT EXISTS checkpoints (
	seq     INTEGER PRIMARY KEY,
	season  TEXT NOT NULL,
	size    INTEGER NOT NULL,
	closing INTEGER NOT NULL,
	body    BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS checkpoints_season ON checkpoints (season, seq);
CREATE TABLE IF NOT EXISTS log_copy (
	seq     INTEGER PRIMARY KEY,
	subject TEXT NOT NULL,
	time_ns INTEGER NOT NULL,
	header  BLOB NOT NULL,
	data    BLOB NOT NULL,
	hash    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS set_aside (
	seq     INTEGER PRIMARY KEY,
	subject TEXT NOT NULL,
	reason  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
	id         TEXT PRIMARY KEY,
	hash       TEXT NOT NULL,
	role       TEXT NOT NULL,
	unit       TEXT NOT NULL,
	cluster    TEXT NOT NULL DEFAULT '',
	issued_by  TEXT NOT NULL,
	issued_at  TEXT NOT NULL,
	issued_seq INTEGER NOT NULL,
	revoked_by TEXT NOT NULL DEFAULT '',
	revoked_at TEXT NOT NULL DEFAULT ''
);
`

// openDB opens the read model file: WAL so readers never block the single
// writer, a busy timeout, and synchronous=NORMAL because the read model is
// derived: after a power loss it may lose its last commits and re-project
// them from the log, which is the truth.
func openDB(path string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open read model %s: %w", path, err)
	}
	// One connection: the projector is the only writer and reads are served
	// from memory; a single connection also keeps WAL checkpoints simple.
	db.SetMaxOpenConns(1)
	if err := db.PingContext(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open read model %s: %w", path, err)
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate read model %s: %w", path, err)
	}
	if err := addTokensCluster(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate read model %s: %w", path, err)
	}
	return db, nil
}

// addTokensCluster gives a tokens table made before scopes its cluster
// column. Every token it holds was issued without one, so the empty
// cluster (every cluster) is each row's true value: no rebuild is needed.
func addTokensCluster(db *sql.DB) error {
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_table_info('tokens') WHERE name = 'cluster'`).Scan(&n); err != nil {
		return fmt.Errorf("inspect tokens: %w", err)
	}
	if n > 0 {
		return nil
	}
	if _, err := db.Exec(`ALTER TABLE tokens ADD COLUMN cluster TEXT NOT NULL DEFAULT ''`); err != nil {
		return fmt.Errorf("add tokens.cluster: %w", err)
	}
	return nil
}

func getMeta(ctx context.Context, q querier, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

func setMeta(ctx context.Context, q querier, key, value string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
