// Package httpapi is the HTTP API of the contract: events in, rankings,
// scores and the log out, tokens, health and metrics.
package httpapi

import (
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/thidua/thidua/access"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// MaxBody bounds a posted body; a season.opened with a large rubric is a
// few tens of kilobytes.
const MaxBody = 256 << 10

// minSeqWait is how long a read waits for min_seq before answering 503.
const minSeqWait = 5 * time.Second

// Log is what the API needs of the log directly.
type Log interface {
	LastSeq(ctx context.Context) (uint64, error)
	// StorageFull is nil unless the log's disk is full.
	StorageFull() error
}

// Pinger checks that the read model's database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Server serves the API.
type Server struct {
	ledger *ledger.Ledger
	proj   *projections.Projector
	log    Log
	live   Live
	files  Files // nil: no evidence store
	// maxFileSize bounds an uploaded evidence file.
	maxFileSize int64
	adminHash   [32]byte
	hasAdmin    bool
	publicKey   string
	logger      *slog.Logger
	metrics     *metrics
	now         func() time.Time
}

// Deps are what the API is built from.
type Deps struct {
	Ledger    *ledger.Ledger
	Projector *projections.Projector
	Log       Log
	Live      Live
	// Files is the evidence store; MaxFileSize bounds an upload (0 is
	// DefaultMaxFileSize).
	Files       Files
	MaxFileSize int64
	// Registry collects the API's metrics and is served at /metrics; other
	// parts of the process (the live hub) register theirs in it too.
	Registry   *prometheus.Registry
	AdminToken string // may be empty: no admin access
	// PublicKey verifies the checkpoints this process signs.
	PublicKey string
	Logger    *slog.Logger
	// Now is the clock that says what "today" is for a todo list (nil:
	// time.Now); the days are Vietnam's.
	Now func() time.Time
}

// New wires the API.
func New(d Deps) *Server {
	l, proj, log := d.Ledger, d.Projector, d.Log
	s := &Server{ledger: l, proj: proj, log: log, live: d.Live, files: d.Files, maxFileSize: cmp.Or(d.MaxFileSize, DefaultMaxFileSize),
		publicKey: d.PublicKey, logger: d.Logger, now: d.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if d.AdminToken != "" {
		s.adminHash, s.hasAdmin = sha256.Sum256([]byte(d.AdminToken)), true
	}
	s.metrics = newMetrics(d.Registry, gauges{
		checkpoint: func() float64 { return float64(proj.Checkpoint()) },
		lag: func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			last, err := log.LastSeq(ctx)
			if err != nil {
				return -1
			}
			return float64(last) - float64(proj.Checkpoint())
		},
		freshness: func() float64 { return proj.LastDelay().Seconds() },
		halted: func() float64 {
			if proj.Halted() != nil {
				return 1
			}
			return 0
		},
		haltedSeq: func() float64 {
			if h := proj.Halted(); h != nil {
				return float64(h.Seq)
			}
			return 0
		},
	})
	return s
}

//go:embed openapi.yaml
var openapiYAML []byte

// routes is the one list of endpoints; openapi.yaml is tested against it.
func (s *Server) routes() map[string]http.Handler {
	h := func(f func(http.ResponseWriter, *http.Request)) http.Handler { return http.HandlerFunc(f) }
	return map[string]http.Handler{
		"POST /api/v1/seasons/{season}/events":            h(s.postEvent),
		"GET /api/v1/seasons/{season}/events":             h(s.listEvents),
		"GET /api/v1/seasons":                             h(s.listSeasons),
		"GET /api/v1/seasons/{season}":                    h(s.getSeason),
		"GET /api/v1/seasons/{season}/schema":             h(s.getSchema),
		"GET /api/v1/seasons/{season}/rankings":           h(s.getRankings),
		"GET /api/v1/seasons/{season}/rankings/stream":    h(s.streamRankings),
		"GET /api/v1/seasons/{season}/export.xlsx":        h(s.getExportXLSX),
		"GET /api/v1/seasons/{season}/export.csv":         h(s.getExportCSV),
		"GET /api/v1/seasons/{season}/units/{unit}/score": h(s.getScore),
		"GET /api/v1/seasons/{season}/units/{unit}/todo":  h(s.getTodo),
		"GET /api/v1/me":                                  h(s.getMe),
		"GET /api/v1/seasons/{season}/facts":              h(s.listFacts),
		"POST /api/v1/seasons/{season}/preview":           h(s.postPreview),
		"GET /api/v1/seasons/{season}/timeline":           h(s.getTimeline),
		"GET /api/v1/seasons/{season}/checkpoints":        h(s.listCheckpoints),
		"POST /api/v1/seasons/{season}/files":             h(s.postFile),
		"GET /api/v1/seasons/{season}/files/{sha256}":     h(s.getFile),
		"POST /api/v1/tokens":                             h(s.postToken),
		"DELETE /api/v1/tokens/{id}":                      h(s.deleteToken),
		"GET /api/v1/tokens":                              h(s.listTokens),
		"GET /api/v1/seasons/{season}/people":             h(s.getPeople),
		"POST /api/v1/set-aside":                          h(s.postSetAside),
		"GET /healthz":                                    h(s.healthz),
		"GET /readyz":                                     h(s.readyz),
		"GET /metrics":                                    promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}),
		"GET /openapi.yaml":                               h(serveOpenAPI),
	}
}

func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Write(openapiYAML)
}

// Handler returns the routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for pattern, h := range s.routes() {
		mux.Handle(pattern, s.count(pattern, h))
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, domain.Errorf(domain.NotFound, "", "no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	return mux
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) { r.status = code; r.ResponseWriter.WriteHeader(code) }

// Unwrap lets http.ResponseController reach the writer's Flush (SSE).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (s *Server) count(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		h.ServeHTTP(rec, r)
		s.metrics.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
		s.metrics.requests.WithLabelValues(route, strconv.Itoa(rec.status)).Inc()
	})
}

// caller is who sent a request: the author its writes are recorded under,
// and the scope of its token.
type caller struct {
	author events.Author
	scope  domain.Scope
}

// reach decides whether the caller may read or act on a season at all: a
// unit token its unit's seasons, a token bound to a cluster that cluster's.
// A season not opened (yet) is left to the handler's own 404.
func (c caller) reach(ss *projections.SeasonSnap) error {
	if ss == nil || !ss.Opened {
		return nil
	}
	return domain.CheckAccess(c.author, c.scope, ss.ID, ss.Cluster.ID, ss.Units[c.author.Unit])
}

// authenticate resolves the bearer token to a caller.
func (s *Server) authenticate(r *http.Request) (caller, error) {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return caller{}, domain.Errorf(domain.Unauthorized, "", "an Authorization: Bearer token is required")
	}
	if s.hasAdmin {
		sum := sha256.Sum256([]byte(tok))
		if subtle.ConstantTimeCompare(sum[:], s.adminHash[:]) == 1 {
			return caller{author: events.Author{Role: events.RoleAdmin, Token: "admin"}}, nil
		}
	}
	id, secret, err := access.Split(tok)
	if err != nil {
		return caller{}, domain.Errorf(domain.Unauthorized, "", "the token is not valid")
	}
	t, ok := s.proj.Token(id)
	if !ok || !access.Matches(secret, t.Hash) {
		return caller{}, domain.Errorf(domain.Unauthorized, "", "the token is not valid")
	}
	if t.RevokedAt != "" {
		return caller{}, domain.Errorf(domain.Unauthorized, "", "the token was revoked")
	}
	return caller{author: events.Author{Role: t.Role, Unit: t.Unit, Token: t.ID}, scope: domain.Scope{Cluster: t.Cluster}}, nil
}

// readable authenticates a read of a season and returns its snapshot after
// min_seq: a unit reads the seasons it belongs to, a token bound to a
// cluster that cluster's seasons, any other token every season.
func (s *Server) readable(r *http.Request) (*projections.Snapshot, *projections.SeasonSnap, error) {
	_, snap, ss, err := s.readableBy(r)
	return snap, ss, err
}

// readableBy is readable that also says who asked.
func (s *Server) readableBy(r *http.Request) (caller, *projections.Snapshot, *projections.SeasonSnap, error) {
	c, err := s.authenticate(r)
	if err != nil {
		return caller{}, nil, nil, err
	}
	// The scope comes first: a season out of reach is refused before
	// min_seq is waited for or any parameter is read.
	if err := c.reach(s.proj.Snapshot().Seasons[r.PathValue("season")]); err != nil {
		return caller{}, nil, nil, err
	}
	snap, ss, err := s.season(r)
	if err != nil {
		return caller{}, nil, nil, err
	}
	// Again on the snapshot served: the season may have been opened while
	// min_seq was waited for.
	if err := c.reach(ss); err != nil {
		return caller{}, nil, nil, err
	}
	return c, snap, ss, nil
}

// season returns the current snapshot of an opened season after min_seq.
func (s *Server) season(r *http.Request) (*projections.Snapshot, *projections.SeasonSnap, error) {
	if v := r.URL.Query().Get("min_seq"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return nil, nil, domain.Errorf(domain.Invalid, "min_seq", "%q is not a stream sequence", v)
		}
		ctx, cancel := context.WithTimeout(r.Context(), minSeqWait)
		defer cancel()
		if err := s.proj.WaitFor(ctx, n); err != nil {
			return nil, nil, domain.Errorf(domain.Unavailable, "min_seq", "the view has not reached seq %d yet (at %d)", n, s.proj.Checkpoint())
		}
	}
	snap := s.proj.Snapshot()
	id := r.PathValue("season")
	ss, ok := snap.Seasons[id]
	if !ok || !ss.Opened {
		return snap, nil, domain.Errorf(domain.NotFound, "season", "no season %s", id)
	}
	return snap, ss, nil
}

func (s *Server) postEvent(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err == nil {
		// The scope before the body: another cluster's season is 403
		// whatever is posted. The ledger judges it again on the state it
		// validates against.
		err = c.reach(s.proj.Snapshot().Seasons[r.PathValue("season")])
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	start := time.Now()
	reply, created, err := s.ledger.Append(r.Context(), r.PathValue("season"), c.author, c.scope, body)
	s.metrics.appendTime.WithLabelValues(appendOutcome(created, err)).Observe(time.Since(start).Seconds())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		s.metrics.appended.WithLabelValues(reply.Type).Inc()
	}
	writeJSON(w, status, reply)
}

// seasonItem is one line of GET /seasons.
type seasonItem struct {
	Season  string         `json:"season"`
	Cluster events.Cluster `json:"cluster"`
	Year    int            `json:"year"`
	Closed  bool           `json:"closed"`
	Seq     uint64         `json:"seq"`
}

// listSeasons lists the opened seasons the token may read (a bound
// token its cluster's only), newest year first, so that a page can pick
// the one to show.
func (s *Server) listSeasons(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := []seasonItem{}
	for _, ss := range s.proj.Snapshot().Seasons {
		if !ss.Opened || c.reach(ss) != nil {
			continue
		}
		out = append(out, seasonItem{Season: ss.ID, Cluster: ss.Cluster, Year: ss.Year, Closed: ss.Closed, Seq: ss.Seq})
	}
	slices.SortFunc(out, func(x, y seasonItem) int {
		return cmp.Or(cmp.Compare(y.Year, x.Year), strings.Compare(x.Season, y.Season))
	})
	writeJSON(w, http.StatusOK, struct {
		Seasons []seasonItem `json:"seasons"`
	}{out})
}

func (s *Server) getSeason(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeRaw(w, http.StatusOK, ss.Info)
}

// getSchema describes the bodies the season accepts now, for forms and
// integrators: its members, catalogue and manual items as named choices.
// It is made when asked, from the fold, not on every commit.
func (s *Server) getSchema(w http.ResponseWriter, r *http.Request) {
	_, _, ss, err := s.readableBy(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	answerFromFold(s, w, r, ss.ID, func(season *domain.Season) (domain.SeasonSchema, error) {
		return season.Schema(), nil
	})
}

// withFold runs fn on the live folded season, at or past the snapshot the
// request was checked against.
func (s *Server) withFold(id string, fn func(*domain.Season) error) error {
	return s.proj.WithSeason(id, func(season *domain.Season) error {
		if season == nil {
			return domain.Errorf(domain.NotFound, "season", "no season %s", id)
		}
		return fn(season)
	})
}

// answerFromFold answers the JSON of what fn makes of the season's fold.
func answerFromFold[T any](s *Server, w http.ResponseWriter, r *http.Request, id string, fn func(*domain.Season) (T, error)) {
	var out T
	err := s.withFold(id, func(season *domain.Season) (err error) {
		out, err = fn(season)
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// view resolves the view and as_of of a read to a season snapshot.
func (s *Server) view(r *http.Request) (uint64, *projections.SeasonSnap, *projections.ViewSnap, error) {
	snap, ss, err := s.readable(r)
	if err != nil {
		return 0, nil, nil, err
	}
	view, err := domain.ParseView(r.URL.Query().Get("view"))
	if err != nil {
		return 0, nil, nil, err
	}
	seq := snap.Checkpoint
	if asOf := r.URL.Query().Get("as_of"); asOf != "" {
		if seq, err = s.proj.ResolveAsOf(r.Context(), asOf); err != nil {
			return 0, nil, nil, err
		}
		if seq > snap.Checkpoint {
			return 0, nil, nil, domain.Errorf(domain.Invalid, "as_of", "seq %d is beyond the read model (at %d)", seq, snap.Checkpoint)
		}
		if ss, err = s.proj.SeasonAsOf(r.Context(), ss.ID, seq); err != nil {
			return 0, nil, nil, err
		}
		if !ss.Opened {
			return 0, nil, nil, domain.Errorf(domain.NotFound, "as_of", "season %s was not opened yet at seq %d", ss.ID, seq)
		}
	}
	vs, ok := ss.Views[view]
	if !ok {
		return 0, nil, nil, domain.Errorf(domain.Conflict, "view", "the final view exists once the season is closed")
	}
	return seq, ss, vs, nil
}

func (s *Server) getRankings(w http.ResponseWriter, r *http.Request) {
	seq, ss, vs, err := s.view(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeBody(w, http.StatusOK, projections.RankingsReply{Season: ss.ID, View: vs.Standings.View, Seq: seq, Units: vs.Units, Awards: vs.Awards})
}

func (s *Server) getScore(w http.ResponseWriter, r *http.Request) {
	_, _, vs, err := s.view(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	sheet, ok := vs.Sheets[r.PathValue("unit")]
	if !ok {
		s.writeError(w, r, domain.Errorf(domain.NotFound, "unit", "no unit %s in this season", r.PathValue("unit")))
		return
	}
	b, err := sheet.Bytes(r.Context())
	if err != nil {
		s.writeError(w, r, fmt.Errorf("encode the score of %s: %w", r.PathValue("unit"), err))
		return
	}
	writeRaw(w, http.StatusOK, b)
}

// vietnam is the time zone of the days a todo list counts in.
var vietnam = time.FixedZone("ICT", 7*60*60)

// getTodo answers what a unit can still do, on ?date= (default: today in
// Vietnam). A unit token reads its own list only.
func (s *Server) getTodo(w http.ResponseWriter, r *http.Request) {
	c, _, ss, err := s.readableBy(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	unit := r.PathValue("unit")
	if c.author.Role == events.RoleUnit && c.author.Unit != unit {
		s.writeError(w, r, domain.Errorf(domain.Forbidden, "unit", "this token reads unit %s's list only", c.author.Unit))
		return
	}
	date := r.URL.Query().Get("date")
	if date == "" {
		date = s.now().In(vietnam).Format(time.DateOnly)
	}
	answerFromFold(s, w, r, ss.ID, func(season *domain.Season) (*domain.Todo, error) {
		return season.Todo(unit, date)
	})
}

// getMe says who the token is: its role, unit and cluster, so that a page
// shows a unit its workspace and the committee its own.
func (s *Server) getMe(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Role    string `json:"role"`
		Unit    string `json:"unit,omitempty"`
		Cluster string `json:"cluster,omitempty"`
		Token   string `json:"token"`
	}{c.author.Role, c.author.Unit, c.scope.Cluster, c.author.Token})
}

// getTimeline answers every unit's total by event date, for the page's
// chart of who rose when.
func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	// Timeline parses the view itself (an unknown one is 400 on "view").
	body, err := s.proj.Timeline(ss.ID, domain.View(r.URL.Query().Get("view")))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeRaw(w, http.StatusOK, body)
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := r.URL.Query()
	unit := q.Get("unit")
	if unit != "" && !ss.Units[unit] {
		s.writeError(w, r, domain.Errorf(domain.Invalid, "unit", "no unit %s in this season", unit))
		return
	}
	from, limit := uint64(0), 1000
	if v := q.Get("from_seq"); v != "" {
		// A stream sequence is below 2^63 (the log's reader takes a signed
		// start); a larger one is the client's mistake, not ours.
		if from, err = strconv.ParseUint(v, 10, 63); err != nil {
			s.writeError(w, r, domain.Errorf(domain.Invalid, "from_seq", "%q is not a stream sequence", v))
			return
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > 10000 {
			s.writeError(w, r, domain.Errorf(domain.Invalid, "limit", "limit is a number from 1 to 10000"))
			return
		}
	}
	evs, err := s.proj.Events(r.Context(), ss.ID, unit, from, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Season string                    `json:"season"`
		Events []projections.StoredEvent `json:"events"`
	}{ss.ID, evs})
}

// listCheckpoints lists a season's signed checkpoints as they are on the
// log, with the public key of this process's signer. The key an auditor
// trusts comes from the committee, not from the server being audited.
func (s *Server) listCheckpoints(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	cps, err := s.proj.Checkpoints(r.Context(), ss.ID)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Season      string                         `json:"season"`
		PublicKey   string                         `json:"public_key"`
		Checkpoints []projections.SignedCheckpoint `json:"checkpoints"`
	}{ss.ID, s.publicKey, cps})
}

// decodeSmall reads a small JSON request body (a token request, a
// set-aside) with no unknown fields; a body too large stays a 413.
func decodeSmall(w http.ResponseWriter, r *http.Request, dst any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		var mbe *http.MaxBytesError
		if !errors.As(err, &mbe) {
			err = domain.Errorf(domain.Invalid, "", "malformed JSON: %v", err)
		}
		return err
	}
	return nil
}

func (s *Server) postToken(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req ledger.TokenRequest
	if err := decodeSmall(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	issued, err := s.ledger.IssueToken(r.Context(), c.author, c.scope, req)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, issued)
}

// postSetAside records that the seq where the projector halted is set
// aside, with a reason (committee or admin). The log is every cluster's,
// so a committee token bound to one cluster may not.
func (s *Server) postSetAside(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err == nil && c.scope.Bound() {
		err = domain.Errorf(domain.Forbidden, "", "the log is every cluster's: a token bound to cluster %s cannot set a message aside", c.scope.Cluster)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req struct {
		Seq    uint64 `json:"seq"`
		Reason string `json:"reason"`
	}
	if err := decodeSmall(w, r, &req); err != nil {
		s.writeError(w, r, err)
		return
	}
	reply, err := s.ledger.SetAside(r.Context(), c.author, req.Seq, req.Reason)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, reply)
}

func (s *Server) deleteToken(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err == nil {
		err = s.ledger.RevokeToken(r.Context(), c.author, c.scope, r.PathValue("id"))
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	type ready struct {
		Ready      bool              `json:"ready"`
		Checkpoint uint64            `json:"checkpoint"`
		LogLastSeq uint64            `json:"log_last_seq"`
		Halted     *projections.Halt `json:"halted,omitempty"`
		LogLost    *projections.Loss `json:"log_lost,omitempty"`
		Code       domain.Code       `json:"code,omitempty"`
		Reason     string            `json:"reason,omitempty"`
	}
	out := ready{Checkpoint: s.proj.Checkpoint(), Halted: s.proj.Halted(), LogLost: s.proj.Lost()}
	last, err := s.log.LastSeq(ctx)
	full := s.log.StorageFull()
	switch {
	case out.LogLost != nil:
		out.Code, out.Reason = domain.LogLostEvents, out.LogLost.Reason
	case full != nil:
		out.Code, out.Reason = domain.StorageFull, "the log's disk is full: "+full.Error()+"; writes are refused with 507 until space is freed, then resume by themselves"
	case out.Halted != nil && out.Halted.Storage:
		out.Code, out.Reason = domain.StorageFull, fmt.Sprintf("the read model's disk is full (projector paused at seq %d: %s); it resumes by itself once space is freed", out.Halted.Seq, out.Halted.Reason)
	case err != nil:
		out.Reason = "NATS JetStream is not reachable"
	case s.proj.Ping(ctx) != nil:
		out.Reason = "the SQLite read model is not reachable"
	case last < out.Checkpoint:
		// Not yet found by the projector (it compares at start and when
		// a write is given an acknowledged seq): say it all the same.
		out.Code = domain.LogLostEvents
		out.Reason = fmt.Sprintf("the log lost acknowledged events: it ends at seq %d, the read model holds %d", last, out.Checkpoint)
	case out.Halted != nil:
		out.Reason = fmt.Sprintf("projector halted at seq %d: %s", out.Halted.Seq, out.Halted.Reason)
	case out.Checkpoint < last:
		out.Reason = fmt.Sprintf("projector catching up: %d of %d", out.Checkpoint, last)
	default:
		out.Ready = true
	}
	out.LogLastSeq = last
	status := http.StatusOK
	if !out.Ready {
		status = http.StatusServiceUnavailable
	}
	writeJSON(w, status, out)
}
