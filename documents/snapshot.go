package documents

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/projections"
)

// FromSnapshot makes the table of one view of a read model's season at
// seq: the same standings the rankings reply at that seq is encoded from,
// with every unit's sheet.
func FromSnapshot(ctx context.Context, ss *projections.SeasonSnap, view domain.View, seq uint64) (*Table, error) {
	vs, ok := ss.Views[view]
	if !ok {
		return nil, domain.Errorf(domain.Conflict, "view", "the final view exists once the season is closed")
	}
	var info projections.SeasonInfo
	if err := json.Unmarshal(ss.Info, &info); err != nil {
		return nil, fmt.Errorf("season %s: %w", ss.ID, err)
	}
	st := *vs.Standings
	st.Sheets = make(map[string]domain.Sheet, len(st.Units))
	for _, row := range st.Units {
		sh, err := vs.Sheets[row.Unit].Sheet(ctx)
		if err != nil {
			return nil, fmt.Errorf("season %s: %w", ss.ID, err)
		}
		st.Sheets[row.Unit] = sh
	}
	return &Table{Season: info.SeasonOpened, ID: ss.ID, Seq: seq, Standings: &st}, nil
}
