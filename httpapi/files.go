package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
)

// DefaultMaxFileSize bounds an uploaded evidence file: a scanned dossier of
// a few dozen pages.
const DefaultMaxFileSize = 20 << 20

// maxFileName bounds an uploaded file's name, in characters.
const maxFileName = 200

// Files is what the API needs of the evidence store.
type Files interface {
	Put(ctx context.Context, season, name, contentType string, data []byte) (natsstore.File, bool, error)
	Open(ctx context.Context, season, sha string) (natsstore.File, io.ReadCloser, error)
}

// fileReply is the body of an upload's answer.
type fileReply struct {
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
}

// postFile stores an evidence file of a season: the body is its bytes. The
// scope and role come first, then the size (never read beyond the limit),
// then the type from the bytes; only then is anything stored.
// uploadReadTimeout bounds reading an evidence file's body.
const uploadReadTimeout = 10 * time.Minute

func (s *Server) postFile(w http.ResponseWriter, r *http.Request) {
	// A scan of 20 MiB from a phone takes longer than the server's read
	// timeout for other requests allows.
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(uploadReadTimeout))
	reply, created, err := s.storeFile(r)
	if err != nil {
		s.metrics.filesRefused.WithLabelValues(string(domain.ErrorOf(err).Code)).Inc()
		s.writeError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		s.metrics.filesStored.Inc()
		s.metrics.fileBytes.Add(float64(reply.Size))
	}
	writeJSON(w, status, reply)
}

func (s *Server) storeFile(r *http.Request) (fileReply, bool, error) {
	c, err := s.authenticate(r)
	if err != nil {
		return fileReply{}, false, err
	}
	if err := c.reach(s.proj.Snapshot().Seasons[r.PathValue("season")]); err != nil {
		return fileReply{}, false, err
	}
	// The unit's own dossier or the committee's; an auditor only reads.
	switch c.author.Role {
	case events.RoleUnit, events.RoleCommittee, events.RoleAdmin:
	default:
		return fileReply{}, false, domain.Errorf(domain.Forbidden, "", "only a unit or the committee of the season uploads evidence files")
	}
	_, ss, err := s.season(r)
	if err != nil {
		return fileReply{}, false, err
	}
	if err := c.reach(ss); err != nil {
		return fileReply{}, false, err
	}
	name, err := fileName(r.URL.Query().Get("name"))
	if err != nil {
		return fileReply{}, false, err
	}
	if s.files == nil {
		return fileReply{}, false, domain.Errorf(domain.Unavailable, "", "this server keeps no evidence files")
	}
	if r.ContentLength > s.maxFileSize {
		return fileReply{}, false, tooLarge(s.maxFileSize)
	}
	data, err := readFile(r.Body, s.maxFileSize)
	if err != nil {
		return fileReply{}, false, err
	}
	if len(data) == 0 {
		return fileReply{}, false, domain.Errorf(domain.Invalid, "", "the body is empty: send the file's bytes")
	}
	ctype, ok := sniffType(data)
	if !ok {
		return fileReply{}, false, domain.Errorf(domain.UnsupportedType, "", "Tệp không phải văn bản hay ảnh được nhận (PDF, JPEG, PNG, WebP, DOCX, XLSX, ODT, ODS, DOC, XLS) / the file is not a document or image thidua keeps")
	}
	f, created, err := s.files.Put(r.Context(), ss.ID, name, ctype, data)
	if err != nil {
		return fileReply{}, false, &domain.Error{Code: domain.Unavailable, Message: "store the file: " + err.Error()}
	}
	return fileReply{SHA256: f.SHA256, Size: f.Size, Name: f.Name, ContentType: f.ContentType}, created, nil
}

// readFile reads an uploaded body of at most limit bytes. It reads no
// further than one byte past the limit, which is how it knows the body is
// too large: a client sending gigabytes costs limit+1 bytes of memory.
func readFile(body io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, domain.Errorf(domain.Invalid, "", "the file could not be read: %v", err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

func tooLarge(limit int64) error {
	return domain.Errorf(domain.TooLarge, "", "Tệp lớn hơn %d MiB / the file is larger than %d bytes", limit>>20, limit)
}

// fileName cleans the name a client gives its file: NFC, the last path
// element only, no control characters, not too long.
func fileName(raw string) (string, error) {
	name := norm.NFC.String(strings.TrimSpace(raw))
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	switch {
	case raw == "":
		return "", domain.Errorf(domain.Invalid, "name", "give the file's name: ?name=bien-ban.pdf")
	case !utf8.ValidString(name) || name == "." || name == "/" || name == "..":
		return "", domain.Errorf(domain.Invalid, "name", "%q is not a file name", raw)
	case utf8.RuneCountInString(name) > maxFileName:
		return "", domain.Errorf(domain.Invalid, "name", "a file name has at most %d characters", maxFileName)
	case strings.IndexFunc(name, unicode.IsControl) >= 0 || events.HasBidiControl(name):
		return "", domain.Errorf(domain.Invalid, "name", "a file name has no control characters")
	}
	return name, nil
}

// getFile serves a season's file to anyone who may read the season, as an
// attachment unless it is an image or a PDF, and never as a page of this
// origin: the type is the one decided at upload, nosniff keeps the browser
// to it, and the CSP forbids scripts.
func (s *Server) getFile(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	sha := r.PathValue("sha256")
	if !events.IsFileHash(sha) {
		s.writeError(w, r, domain.Errorf(domain.Invalid, "sha256", "a file is named by the 64 lower-case hex digits of its SHA-256"))
		return
	}
	if s.files == nil {
		s.writeError(w, r, domain.Errorf(domain.NotFound, "sha256", "this server keeps no evidence files"))
		return
	}
	f, body, err := s.files.Open(r.Context(), ss.ID, sha)
	if errors.Is(err, natsstore.ErrFileNotFound) {
		err = domain.Errorf(domain.NotFound, "sha256", "no file %s in season %s", sha, ss.ID)
	} else if err != nil {
		err = &domain.Error{Code: domain.Unavailable, Message: "read the file: " + err.Error()}
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	defer body.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Length", strconv.FormatInt(f.Size, 10))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", contentDisposition(f.ContentType, f.Name))
	h.Set("Content-Security-Policy", fileCSP(f.ContentType))
	// The hash is the name: the bytes never change, but only this token may see them.
	h.Set("Cache-Control", "private, max-age=31536000, immutable")
	w.WriteHeader(http.StatusOK)
	if _, err := io.Copy(w, body); err != nil {
		// The store checks the digest at the end: bytes that do not match
		// their hash must not look like a whole file, so the reply is cut.
		s.logger.Error("file download failed", "season", ss.ID, "sha256", sha, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// fileCSP forbids scripts in whatever a download is shown as. A PDF keeps
// the browser's viewer (object-src); everything else is also sandboxed.
func fileCSP(contentType string) string {
	if contentType == typePDF {
		return "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'"
	}
	return "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
}

// contentDisposition names the file for a browser: inline for images and
// PDFs, attachment for the rest; an ASCII filename for old clients and the
// exact UTF-8 name in RFC 5987's filename*, so Vietnamese names survive.
func contentDisposition(contentType, name string) string {
	kind := "attachment"
	if inline(contentType) {
		kind = "inline"
	}
	if name == "" {
		return kind
	}
	return fmt.Sprintf(`%s; filename="%s"; filename*=UTF-8''%s`, kind, asciiName(name), rfc5987(name))
}

// asciiName folds Vietnamese letters to their bare forms ("Biên bản" →
// "Bien ban") and replaces what cannot appear in a quoted ASCII filename.
func asciiName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case r < 0x20 || r > 0x7E || r == '"' || r == '\\':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// rfc5987 percent-encodes every byte of name's UTF-8 that is not an
// attr-char of RFC 5987.
func rfc5987(name string) string {
	const attr = "!#$&+-.^_`|~"
	var b strings.Builder
	for _, c := range []byte(name) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(attr, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
