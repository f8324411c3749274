package documents

import (
	"encoding/json"
	"fmt"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/projections"
)

// FromSnapshot makes the table of one view of a read model's season at
// seq: the same standings the rankings reply at that seq is encoded from.
func FromSnapshot(ss *projections.SeasonSnap, view domain.View, seq uint64) (*Table, error) {
	vs, ok := ss.Views[view]
	if !ok {
		return nil, domain.Errorf(domain.Conflict, "view", "the final view exists once the season is closed")
	}
	var info projections.SeasonInfo
	if err := json.Unmarshal(ss.Info, &info); err != nil {
		return nil, fmt.Errorf("season %s: %w", ss.ID, err)
	}
	return &Table{Season: info.SeasonOpened, ID: ss.ID, Seq: seq, Standings: vs.Standings}, nil
}
