package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/thidua/thidua/domain"
)

// statusOf is the one table from domain codes to HTTP statuses.
func statusOf(c domain.Code) int {
	switch c {
	case domain.Invalid:
		return http.StatusBadRequest
	case domain.Unauthorized:
		return http.StatusUnauthorized
	case domain.Forbidden:
		return http.StatusForbidden
	case domain.NotFound:
		return http.StatusNotFound
	case domain.Conflict:
		return http.StatusConflict
	case domain.TooLarge:
		return http.StatusRequestEntityTooLarge
	case domain.UnsupportedType:
		return http.StatusUnsupportedMediaType
	case domain.Unavailable, domain.LogLostEvents:
		return http.StatusServiceUnavailable
	case domain.StorageFull:
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

type errorBody struct {
	Error struct {
		Code    domain.Code `json:"code"`
		Message string      `json:"message"`
		Field   string      `json:"field,omitempty"`
	} `json:"error"`
}

// writeError translates an error once, at the edge: users see a code, a
// message and a field; internal details go to the log only.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		err = domain.Errorf(domain.TooLarge, "", "the body is larger than %d bytes", mbe.Limit)
	case errors.Is(err, io.ErrUnexpectedEOF):
		// The client cut its body short: its mistake, not a server fault.
		err = domain.Errorf(domain.Invalid, "", "the body ended before its declared length")
	}
	de := domain.ErrorOf(err)
	if de.Code == domain.Internal || de.Code == domain.Unavailable || de.Code == domain.LogLostEvents || de.Code == domain.StorageFull {
		s.logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "code", de.Code, "err", err)
	}
	switch de.Code {
	case domain.Conflict:
		s.metrics.conflicts.Inc()
	case domain.StorageFull:
		s.metrics.storageFull.Inc()
	}
	var body errorBody
	body.Error.Code, body.Error.Message, body.Error.Field = de.Code, de.Message, de.Field
	writeJSON(w, statusOf(de.Code), body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"internal error"}}`, http.StatusInternalServerError)
		return
	}
	writeRaw(w, status, b)
}

func writeRaw(w http.ResponseWriter, status int, b []byte) {
	writeBody(w, status, bytesBody(b))
}

// body is a JSON reply that can say its length and write itself; the
// rankings of a large season are written in parts, never assembled.
type body interface {
	io.WriterTo
	Len() int
}

type bytesBody []byte

func (b bytesBody) Len() int { return len(b) }

func (b bytesBody) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(b)
	return int64(n), err
}

// writeBody writes a JSON reply and the newline after it.
func writeBody(w http.ResponseWriter, status int, b body) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()+1))
	w.WriteHeader(status)
	b.WriteTo(w)
	w.Write([]byte("\n"))
}
