package httpapi

import (
	"net/http"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/live"
)

// Live is what the stream needs of the live hub.
type Live interface {
	Subscribe(season string, view domain.View) *live.Subscription
	Unsubscribe(*live.Subscription)
}

const (
	// writeTimeout is how long one SSE message may take to reach a client;
	// a slower client is dropped, never waited for.
	writeTimeout = 2 * time.Second
	// keepAlive is how often an idle stream sends a comment, so that a
	// proxy keeps it open and a vanished client is noticed.
	keepAlive = 15 * time.Second
)

// streamRankings sends a "rankings" event with the rankings body each time
// the view changes; the first one at once. It is fed by the live hub, which
// reads committed snapshots only.
func (s *Server) streamRankings(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	view, err := domain.ParseView(r.URL.Query().Get("view"))
	if err == nil && view == domain.Final && !ss.Closed {
		err = domain.Errorf(domain.Conflict, "view", "the final view exists once the season is closed")
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	sub := s.live.Subscribe(ss.ID, view)
	defer s.live.Unsubscribe(sub)

	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	w.WriteHeader(http.StatusOK)
	write := func(b []byte) bool {
		rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !write([]byte("retry: 2000\n\n")) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case f := <-sub.C():
			if !write(f.Data) {
				return
			}
		case <-tick.C:
			if !write([]byte(": keep-alive\n\n")) {
				return
			}
		case <-sub.Dropped():
			return
		case <-r.Context().Done():
			return
		}
	}
}
