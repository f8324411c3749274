package httpapi

import (
	"io"
	"net/http"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// listFacts answers the review queue: the season's facts by review status,
// oldest first, with filters and paging (domain.Season.Queue). The
// committee (in its scope) and the auditor read every unit's; a unit token
// reads its own unit's only: without ?unit= it gets its own, with another
// unit it is refused.
func (s *Server) listFacts(w http.ResponseWriter, r *http.Request) {
	c, _, ss, err := s.readableBy(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := r.URL.Query()
	unit := q.Get("unit")
	if c.author.Role == events.RoleUnit {
		if unit != "" && unit != c.author.Unit {
			s.writeError(w, r, domain.Errorf(domain.Forbidden, "unit", "this token reads unit %s's facts only", c.author.Unit))
			return
		}
		unit = c.author.Unit
	}
	f, err := domain.ParseQueueFilter(q.Get("status"), unit, q.Get("item"), q.Get("after"), q.Get("limit"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	answerFromFold(s, w, r, ss.ID, func(season *domain.Season) (*domain.Queue, error) {
		return season.Queue(f)
	})
}

// postPreview says what a committee decision about one unit would change,
// without appending it: the body is the one POST …/events would take, and
// it is judged the same way (scope, who may write it, the season's rules),
// so a body refused here is refused there with the same error.
func (s *Server) postPreview(w http.ResponseWriter, r *http.Request) {
	c, _, ss, err := s.readableBy(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ev, payload, err := events.ParseInput(body)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ev.Season, ev.Author = ss.ID, c.author
	answerFromFold(s, w, r, ss.ID, func(season *domain.Season) (*domain.Preview, error) {
		if err := domain.CheckScope(season, ev, payload, c.scope); err != nil {
			return nil, err
		}
		if err := domain.Check(season, ev, payload); err != nil {
			return nil, err
		}
		return season.Preview(ev, payload)
	})
}
