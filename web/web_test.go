package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, target string, header http.Header) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func TestPage(t *testing.T) {
	h := Handler()
	res, body := get(t, h, http.MethodGet, "/", nil)
	checks := []struct {
		name string
		ok   bool
		got  string
	}{
		{"status 200", res.StatusCode == http.StatusOK, res.Status},
		{"html content type", res.Header.Get("Content-Type") == "text/html; charset=utf-8", res.Header.Get("Content-Type")},
		{"revalidated on every load", res.Header.Get("Cache-Control") == "no-cache", res.Header.Get("Cache-Control")},
		{"content security policy keeps the page to its origin", strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'self'"), res.Header.Get("Content-Security-Policy")},
		{"Vietnamese first", strings.Contains(body, `<html lang="vi">`), body[:min(len(body), 80)]},
		{"utf-8 declared", strings.Contains(body, `<meta charset="utf-8">`), ""},
		{"loads app.js as a module", strings.Contains(body, `<script type="module" src="/assets/app.js">`), ""},
		{"loads app.css", strings.Contains(body, `href="/assets/app.css"`), ""},
		{"phone viewport", strings.Contains(body, `name="viewport"`), ""},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok {
				t.Errorf("got %q", c.got)
			}
		})
	}
}

func TestAssets(t *testing.T) {
	h := Handler()
	cases := []struct {
		name, method, path string
		status             int
		ctype              string
	}{
		{"index page", "GET", "/", 200, "text/html; charset=utf-8"},
		{"HEAD of the page", "HEAD", "/", 200, "text/html; charset=utf-8"},
		{"main module", "GET", "/assets/app.js", 200, "text/javascript; charset=utf-8"},
		{"helpers module", "GET", "/assets/util.js", 200, "text/javascript; charset=utf-8"},
		{"languages module", "GET", "/assets/i18n.js", 200, "text/javascript; charset=utf-8"},
		{"stream module", "GET", "/assets/sse.js", 200, "text/javascript; charset=utf-8"},
		{"sheet module", "GET", "/assets/sheet.js", 200, "text/javascript; charset=utf-8"},
		{"chart module", "GET", "/assets/chart.js", 200, "text/javascript; charset=utf-8"},
		{"style sheet", "GET", "/assets/app.css", 200, "text/css; charset=utf-8"},
		{"icon", "GET", "/assets/favicon.svg", 200, "image/svg+xml"},
		{"unknown asset", "GET", "/assets/nope.js", 404, ""},
		{"no directory listing", "GET", "/assets/", 404, ""},
		{"no nested paths", "GET", "/assets/static/app.js", 404, ""},
		{"no path escape", "GET", "/assets/..%2fweb.go", 404, ""},
		{"page only at the root", "GET", "/index.htm", 404, ""},
		{"read only", "POST", "/assets/app.js", 405, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := get(t, h, c.method, c.path, nil)
			if res.StatusCode != c.status {
				t.Fatalf("%s %s: status %d, want %d", c.method, c.path, res.StatusCode, c.status)
			}
			if c.status != 200 {
				return
			}
			if got := res.Header.Get("Content-Type"); got != c.ctype {
				t.Errorf("Content-Type %q, want %q", got, c.ctype)
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("Cache-Control %q, want no-cache (assets change with the binary)", got)
			}
			if res.Header.Get("ETag") == "" {
				t.Error("no ETag: revalidation would download the asset again")
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if c.method == "GET" && len(body) == 0 {
				t.Error("empty body")
			}
		})
	}
}

// TestRevalidation: with no-cache the browser asks again on each load; the
// ETag makes the answer a 304 until the binary changes.
func TestRevalidation(t *testing.T) {
	h := Handler()
	for _, p := range []string{"/", "/assets/app.js", "/assets/app.css"} {
		t.Run(p, func(t *testing.T) {
			res, _ := get(t, h, "GET", p, nil)
			etag := res.Header.Get("ETag")
			res, body := get(t, h, "GET", p, http.Header{"If-None-Match": {etag}})
			if res.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("If-None-Match %s: %d with %d bytes, want 304", etag, res.StatusCode, len(body))
			}
			res, _ = get(t, h, "GET", p, http.Header{"If-None-Match": {`"stale"`}})
			if res.StatusCode != http.StatusOK {
				t.Errorf("stale ETag: %d, want 200", res.StatusCode)
			}
		})
	}
}

// files returns every embedded file's text by its name under static/.
func files(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(p)
		out[strings.TrimPrefix(p, "static/")] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dataURLs are the only absolute URLs allowed in the embedded files: XML
// namespace names, which identify a vocabulary and are never fetched.
var dataURLs = map[string]bool{
	"http://www.w3.org/2000/svg":   true,
	"http://www.w3.org/1999/xlink": true,
}

// TestNoExternalURL is the no-CDN rule: the meeting room may be offline, so
// no embedded file may load anything from another host — no absolute
// http(s) URL (in src, href, url(), import, fetch or anywhere else) and no
// protocol-relative "//host" reference.
func TestNoExternalURL(t *testing.T) {
	abs := regexp.MustCompile(`(?i)https?://[^\s"'<>()\x60]*`)
	protoRel := regexp.MustCompile(`(?i)(?:src|href|action)\s*=\s*["']?//|url\(\s*["']?//|(?:import|from)\s*\(?\s*["']//|fetch\(\s*["'\x60]//`)
	for name, text := range files(t) {
		t.Run(name, func(t *testing.T) {
			for _, u := range abs.FindAllString(text, -1) {
				if !dataURLs[u] {
					t.Errorf("external URL %q", u)
				}
			}
			for _, m := range protoRel.FindAllString(text, -1) {
				t.Errorf("protocol-relative reference %q", m)
			}
		})
	}
}

// TestReferencesResolve: every /assets/ reference in the page and every
// module import points at an embedded file.
func TestReferencesResolve(t *testing.T) {
	all := files(t)
	asset := regexp.MustCompile(`/assets/([A-Za-z0-9._-]+)`)
	imp := regexp.MustCompile(`(?m)^\s*import\s[^;]*?from\s+'\./([^']+)'`)
	for name, text := range all {
		var refs []string
		for _, m := range asset.FindAllStringSubmatch(text, -1) {
			refs = append(refs, m[1])
		}
		if path.Ext(name) == ".js" {
			for _, m := range imp.FindAllStringSubmatch(text, -1) {
				refs = append(refs, m[1])
			}
		}
		for _, r := range refs {
			if _, ok := all[r]; !ok {
				t.Errorf("%s refers to %s, which is not embedded", name, r)
			}
		}
	}
}

// TestHooks keeps the names the end-to-end test and other tools rely on.
func TestHooks(t *testing.T) {
	all := files(t)
	page, js := all["index.html"], all["app.js"]+all["sheet.js"]+all["chart.js"]
	cases := []struct{ name, where, want string }{
		{"ranking table", page, `<table id="rankings">`},
		{"seq of the last ranking", page, `id="seq"`},
		{"live status", page, `id="live-status" data-state=`},
		{"scoring sheet dialog", page, `<dialog id="sheet"`},
		{"timeline chart", page, `<svg id="timeline"`},
		{"language toggle", page, `id="lang"`},
		{"large type toggle", page, `id="big"`},
		{"claimed view button", page, `data-view="claimed"`},
		{"verified view button", page, `data-view="verified"`},
		{"final view button", page, `data-view="final"`},
		{"row per unit", js, `data: { unit: u.unit }`},
		{"raw total on the cell", js, `class: 'num total', data: { value: String(u.total) }`},
		{"seq on the body", js, `document.body.dataset.seq`},
		{"changed rows", js, `classList.add('changed')`},
		{"facts by id", js, `'data-event-id'`},
		{"events under items", js, `'data-event-ref'`},
		{"live states", js, `e.dataset.state = st === 'reconnecting' ? 'connecting' : st`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(c.where, c.want) {
				t.Errorf("missing %q", c.want)
			}
		})
	}
}

// TestNoMarkupFromData: data from the API reaches the page as text only.
func TestNoMarkupFromData(t *testing.T) {
	risky := regexp.MustCompile(`\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function`)
	for name, text := range files(t) {
		if path.Ext(name) != ".js" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			for _, m := range risky.FindAllString(text, -1) {
				t.Errorf("%s uses %s", name, m)
			}
		})
	}
}

// TestDocumentPages: the meeting's documents are pages of their own under
// /documents/, with the page's CSP; no other name is served there.
func TestDocumentPages(t *testing.T) {
	h := Handler()
	for _, c := range []struct {
		path   string
		status int
		title  string
	}{
		{"/documents/minutes.html", http.StatusOK, "Biên bản họp bình xét thi đua"},
		{"/documents/proposal.html", http.StatusOK, "Tờ trình đề nghị tặng Cờ thi đua và Bằng khen"},
		{"/documents/app.js", http.StatusNotFound, ""},
		{"/documents/index.html", http.StatusNotFound, ""},
	} {
		t.Run(c.path, func(t *testing.T) {
			res, body := get(t, h, http.MethodGet, c.path, nil)
			if res.StatusCode != c.status {
				t.Fatalf("%s: %d, want %d", c.path, res.StatusCode, c.status)
			}
			if c.status != http.StatusOK {
				return
			}
			if res.Header.Get("Content-Type") != "text/html; charset=utf-8" || res.Header.Get("Content-Security-Policy") != csp {
				t.Errorf("%s: type %q, CSP %q", c.path, res.Header.Get("Content-Type"), res.Header.Get("Content-Security-Policy"))
			}
			if !strings.Contains(body, "<title>"+c.title+"</title>") || !strings.Contains(body, `src="/assets/documents.js"`) {
				t.Errorf("%s: not the document page:\n%s", c.path, body)
			}
		})
	}
}
