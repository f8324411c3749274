package projections

import (
	"encoding/json"
	"fmt"

	"github.com/thidua/thidua/domain"
)

// TimelineReply is the body of a season's timeline: every unit's total by
// event date (domain.Timeline), with the seq of the season's last event it
// was computed from.
type TimelineReply struct {
	Season string                `json:"season"`
	View   domain.View           `json:"view"`
	Seq    uint64                `json:"seq"`
	Dates  []string              `json:"dates"`
	Units  []domain.TimelineUnit `json:"units"`
}

type timelineKey struct {
	season string
	view   domain.View
}

type timelineEntry struct {
	seq  uint64 // the season's LastSeq when it was computed
	body []byte
}

// Timeline returns the encoded timeline of a season in a view ("" is the
// verified view). It is computed from the live season and kept until the
// season changes, so repeated page loads cost a map lookup. The bytes are
// shared between callers: do not modify them.
func (p *Projector) Timeline(season string, view domain.View) ([]byte, error) {
	// Parsed again so that an arbitrary view never becomes a cache key.
	view, err := domain.ParseView(string(view))
	if err != nil {
		return nil, err
	}
	var body []byte
	err = p.WithSeason(season, func(s *domain.Season) error {
		if s == nil {
			return domain.Errorf(domain.NotFound, "season", "season %s is not opened", season)
		}
		key := timelineKey{season: season, view: view}
		p.tlMu.Lock()
		e, ok := p.timelines[key]
		p.tlMu.Unlock()
		if ok && e.seq == s.LastSeq {
			body = e.body
			return nil
		}
		tl, err := s.Timeline(view)
		if err != nil {
			return err
		}
		b, err := json.Marshal(TimelineReply{Season: tl.Season, View: tl.View, Seq: s.LastSeq, Dates: tl.Dates, Units: tl.Units})
		if err != nil {
			return fmt.Errorf("encode timeline of season %s: %w", season, err)
		}
		// Still under the season's read lock: no later state can have
		// stored its timeline yet, so this never replaces a newer one.
		p.tlMu.Lock()
		p.timelines[key] = timelineEntry{seq: s.LastSeq, body: b}
		p.tlMu.Unlock()
		body = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return body, nil
}
