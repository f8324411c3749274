package projections

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/thidua/thidua/events"
)

// eventBodies reads back from the read model the events a season has shed
// (domain.Season.Shed): the fold keeps what scoring needs, and the texts
// and evidence a sheet or the review queue shows are read when asked.
type eventBodies struct{ db *sql.DB }

// bodiesPerQuery keeps a query's parameters well under SQLite's limit.
const bodiesPerQuery = 500

func (b eventBodies) Records(season string, seqs []uint64) (map[uint64]events.Record, error) {
	out := make(map[uint64]events.Record, len(seqs))
	for len(seqs) > 0 {
		n := min(len(seqs), bodiesPerQuery)
		args := make([]any, 0, n+1)
		args = append(args, season)
		for _, s := range seqs[:n] {
			args = append(args, s)
		}
		q := `SELECT seq, subject, time_ns, hash, body FROM events WHERE season = ? AND seq IN (?` + strings.Repeat(",?", n-1) + `)`
		err := scanEvents(context.Background(), b.db, q, args, func(_ events.Stored, rec events.Record, _ string) error {
			out[rec.Seq] = rec
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read events of season %s: %w", season, err)
		}
		seqs = seqs[n:]
	}
	return out, nil
}
