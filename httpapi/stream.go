package httpapi

import (
	"fmt"
	"net/http"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/projections"
)

// writeTimeout is how long one SSE message may take to reach a client; a
// slower client is dropped, never waited for.
const writeTimeout = 2 * time.Second

// streamRankings sends a "rankings" event with the rankings body each time
// the view changes. It is fed by the projector's commits only.
func (s *Server) streamRankings(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	view, err := domain.ParseView(r.URL.Query().Get("view"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	var last *projections.ViewSnap
	for {
		changed := s.proj.Changed()
		snap := s.proj.Snapshot()
		if cur := snap.Seasons[ss.ID]; cur != nil {
			if vs := cur.Views[view]; vs != nil && vs != last {
				last = vs
				body := projections.RankingsReply{Season: ss.ID, View: view, Seq: snap.Checkpoint, Units: vs.Units}.JSON()
				rc.SetWriteDeadline(time.Now().Add(writeTimeout))
				if _, err := fmt.Fprintf(w, "id: %d\nevent: rankings\ndata: %s\n\n", snap.Checkpoint, body); err != nil {
					return
				}
				if err := rc.Flush(); err != nil {
					return
				}
			}
		}
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		}
	}
}
