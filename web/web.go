// Package web is the committee's live rankings page: static assets embedded
// in the binary (no CDN: the meeting room may have no internet), reading the
// same HTTP API as every other client.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"time"
)

//go:embed static
var static embed.FS

// contentType is explicit rather than mime.TypeByExtension, which reads the
// host's mime tables (/etc/mime.types may map .js to application/javascript).
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}

// csp keeps the page to its own origin: scripts, styles, fetches and images
// come from this server only, which also enforces the no-CDN rule at run
// time. Evidence links are navigations in a new tab and are not affected.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

type asset struct {
	body  []byte
	ctype string
	etag  string
}

// load reads every embedded file once; the tree is fixed at build time.
func load() map[string]*asset {
	assets := map[string]*asset{}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		ctype := contentType(p)
		sum := sha256.Sum256(body)
		assets[p[len("static/"):]] = &asset{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return assets
}

// serve writes one asset. The assets change with the binary, not with their
// path, so browsers must revalidate every time (no-cache); the ETag (a hash
// of the content) lets that revalidation be a 304.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}

// Handler serves the page at /, the meeting's documents under /documents/
// and the assets under /assets/.
func Handler() http.Handler {
	assets := load()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Referrer-Policy", "no-referrer")
		assets["index.html"].serve(w, r)
	})
	// The meeting's documents: pages of their own, under the page's CSP.
	docs := map[string]string{"minutes.html": "doc-minutes.html", "proposal.html": "doc-proposal.html"}
	mux.HandleFunc("GET /documents/{file}", func(w http.ResponseWriter, r *http.Request) {
		name, ok := docs[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Referrer-Policy", "no-referrer")
		assets[name].serve(w, r)
	})
	mux.HandleFunc("GET /assets/{file}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := assets[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		a.serve(w, r)
	})
	return mux
}
