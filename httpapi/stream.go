package httpapi

import (
	"net/http"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
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
	// recheck is how often an open stream asks whether its token still
	// works: a revoked token's stream ends within it.
	recheck = 2 * time.Second
)

// streamRankings sends a "rankings" event with the rankings body each time
// the view changes; the first one at once. It is fed by the live hub, which
// reads committed snapshots only.
func (s *Server) streamRankings(w http.ResponseWriter, r *http.Request) {
	c, _, ss, err := s.readableBy(r)
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
	// The server's read timeout is for requests; a stream that outlives it
	// would otherwise be cut by the connection's read deadline.
	rc.SetReadDeadline(time.Time{})
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
	check := time.NewTicker(recheck)
	defer check.Stop()
	for {
		select {
		case <-check.C:
			if !s.stillValid(c) {
				return
			}
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

// stillValid says whether the token behind an open stream still works: not
// revoked since the stream opened. The admin token lasts as long as the
// process that was given it.
func (s *Server) stillValid(c caller) bool {
	if c.author.Role == events.RoleAdmin {
		return true
	}
	t, ok := s.proj.Token(c.author.Token)
	return ok && t.RevokedAt == ""
}
