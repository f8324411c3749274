package ledger_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
)

// TestLedgerJudgesScope: the write path refuses a bound token outside its
// cluster on its own, whoever calls it, and appends nothing; within its
// cluster the same write is appended.
func TestLedgerJudgesScope(t *testing.T) {
	store, proj := setup(t)
	l := ledger.New(store, proj, time.Now)
	ctx := context.Background()
	season := domain.DemoSeason()
	admin := events.Author{Role: events.RoleAdmin}
	open, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", admin, &season, nil)
	if _, _, err := l.AppendEvent(ctx, open, &season); err != nil {
		t.Fatal(err)
	}
	committee := events.Author{Role: events.RoleCommittee, Token: "tok-c"}
	here, away := domain.Scope{Cluster: season.Cluster.ID}, domain.Scope{Cluster: "hn-mttq-cum3"}
	next := season
	next.Year = 2025
	nextData, err := json.Marshal(next)
	if err != nil {
		t.Fatal(err)
	}
	opening := `{"type":"season.opened","data":` + string(nextData) + `}`
	bonus := `{"type":"bonus.awarded","unit":"cau-giay","data":{"points":1,"reason":"r"}}`
	if _, _, err := l.Append(ctx, domain.DemoSeasonID, committee, here, []byte(`{"id":"b-1","type":"bonus.awarded","unit":"cau-giay","data":{"points":1,"reason":"r"}}`)); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name   string
		season string
		sc     domain.Scope
		body   string
		field  string // "" when appended
	}{
		{name: "a bonus by a committee of another cluster", season: domain.DemoSeasonID, sc: away, body: bonus, field: "season"},
		{name: "next year's season of another cluster", season: "hn-mttq-cum2-2025", sc: away, body: opening, field: "data.cluster.id"},
		{name: "a bonus by the season's own committee", season: domain.DemoSeasonID, sc: here, body: bonus},
		{name: "next year's season of its own cluster", season: "hn-mttq-cum2-2025", sc: here, body: opening},
		{name: "a re-post of its own cluster's event by another cluster", season: domain.DemoSeasonID, sc: away,
			body: `{"id":"b-1","type":"bonus.awarded","unit":"cau-giay","data":{"points":1,"reason":"r"}}`, field: "season"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, err := store.LastSeq(ctx)
			if err != nil {
				t.Fatal(err)
			}
			_, created, err := l.Append(ctx, c.season, committee, c.sc, []byte(c.body))
			after, lerr := store.LastSeq(ctx)
			if lerr != nil {
				t.Fatal(lerr)
			}
			if c.field == "" {
				if err != nil || !created || after == before {
					t.Fatalf("Append = %v (created %v), log %d → %d; want appended", err, created, before, after)
				}
				return
			}
			if de := domain.ErrorOf(err); de.Code != domain.Forbidden || de.Field != c.field {
				t.Errorf("Append = %v, want forbidden on %s", err, c.field)
			}
			if after != before {
				t.Errorf("log went from seq %d to %d on a refused write", before, after)
			}
		})
	}
}
