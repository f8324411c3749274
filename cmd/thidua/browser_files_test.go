package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// TestEvidenceFilesInBrowser: the unit's sheet on the page lists each file
// with its name, size and type. The page fetches a file with its token and
// hands it over as a blob: URL: a PDF and an image open in a new tab, a
// Word file is saved under its name, with the bytes uploaded.
func TestEvidenceFilesInBrowser(t *testing.T) {
	ctx := browser(t, 90*time.Second)
	ts := startServer(t, "")
	_, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	season := domain.DemoSeasonID
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	files := []struct {
		name, ctype string
		data        []byte
		meta        string // what the sheet says of its type
	}{
		{"Biên bản đại hội.pdf", "application/pdf", samplePDF("browser"), "PDF"},
		{"Ảnh hội nghị.png", "image/png", img.Bytes(), "ảnh PNG"},
		{"Báo cáo tổng kết.docx", "", sampleDOCX(t), "Word (DOCX)"},
	}
	var evidence []string
	for _, f := range files {
		st, r, b := ts.upload(season, units["cau-giay"], f.name, f.data)
		if st != http.StatusCreated {
			t.Fatalf("upload %s: %d %s", f.name, st, b)
		}
		evidence = append(evidence, fmt.Sprintf(`{"kind":"file","title":"Hồ sơ","file":%q}`, r.SHA256))
	}
	fact := `{"id":"e2e-files","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"propaganda","title":"Tuyên truyền"},"evidence":[` + strings.Join(evidence, ",") + `]}`
	if st, b, _ := ts.post(units["cau-giay"], fact); st != http.StatusCreated {
		t.Fatalf("post the fact: %d %s", st, b)
	}

	downloads := t.TempDir()
	line := `dialog#sheet [data-event-id="e2e-files"]`
	var text string
	must(t, ctx, "open the sheet",
		cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(ts.url+"/?season="+season+"#token="+auditor),
		chromedp.WaitVisible(`#live-status[data-state="live"]`, chromedp.ByQuery),
		chromedp.Click(`table#rankings tr[data-unit="cau-giay"]`, chromedp.ByQuery),
		chromedp.WaitVisible(line+` .ev-file`, chromedp.ByQuery),
		chromedp.Text(line, &text, chromedp.ByQuery),
	)
	for _, f := range files {
		if !strings.Contains(text, f.name) || !strings.Contains(text, f.meta) {
			t.Errorf("the sheet's line lacks %q with %q: %q", f.name, f.meta, text)
		}
	}
	if !strings.Contains(text, "Mở tệp") || !strings.Contains(text, "Tải tệp") {
		t.Errorf("the sheet does not say which files open and which are saved: %q", text)
	}

	for _, f := range files[:2] {
		t.Run("open "+f.name, func(t *testing.T) {
			shown := blobPages(t, ctx, ts.url, nil) // the earlier files' tabs
			opened := chromedp.WaitNewTarget(ctx, func(info *target.Info) bool { return strings.HasPrefix(info.URL, "blob:"+ts.url+"/") })
			must(t, ctx, "click", chromedp.Click(line+` button[data-file="`+hashOf(f.data)+`"]`, chromedp.ByQuery))
			select {
			case id := <-opened:
				tab, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id))
				defer cancel()
				// The tab shows the file as what it is, from the uploaded
				// bytes: the PDF viewer, or the 8×8 image decoded.
				var ctype string
				if err := chromedp.Run(tab, chromedp.Evaluate(`document.contentType`, &ctype)); err != nil {
					// Chromium may hand the navigation to the blob to a
					// new target and close the one it reported: read the
					// tab that shows the blob now.
					if !strings.Contains(err.Error(), "No target with given id") {
						t.Fatalf("read the tab: %v", err)
					}
					pages := blobPages(t, ctx, ts.url, shown)
					if len(pages) != 1 {
						t.Fatalf("read the tab: %v; %d new pages show a blob", err, len(pages))
					}
					for id := range pages {
						tab, cancel = chromedp.NewContext(ctx, chromedp.WithTargetID(id))
						defer cancel()
					}
					must(t, tab, "read the tab", chromedp.Evaluate(`document.contentType`, &ctype))
				}
				if ctype != f.ctype {
					t.Errorf("the tab shows a %q document, want %q", ctype, f.ctype)
				}
				if f.ctype == "image/png" {
					var width int
					must(t, tab, "the image", chromedp.Evaluate(`document.images[0]?.naturalWidth ?? 0`, &width))
					if width != 8 {
						t.Errorf("the tab's image is %d pixels wide, want the uploaded 8", width)
					}
				}
			case <-ctx.Done():
				t.Fatal("no tab opened with the file")
			}
		})
	}

	t.Run("save the Word file", func(t *testing.T) {
		f := files[2]
		must(t, ctx, "click", chromedp.Click(line+` button[data-file="`+hashOf(f.data)+`"]`, chromedp.ByQuery))
		path := filepath.Join(downloads, f.name)
		deadline := time.Now().Add(20 * time.Second)
		for {
			got, err := os.ReadFile(path)
			if err == nil && bytes.Equal(got, f.data) {
				return
			}
			if time.Now().After(deadline) {
				entries, _ := os.ReadDir(downloads)
				t.Fatalf("no download %s with the uploaded bytes (%v); the directory holds %v", path, err, entries)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// blobPages lists the pages that show one of the server's blobs, but for
// those in skip.
func blobPages(t *testing.T, ctx context.Context, server string, skip map[target.ID]bool) map[target.ID]bool {
	t.Helper()
	infos, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatalf("list the browser's targets: %v", err)
	}
	out := map[target.ID]bool{}
	for _, info := range infos {
		if info.Type == "page" && strings.HasPrefix(info.URL, "blob:"+server+"/") && !skip[info.TargetID] {
			out[info.TargetID] = true
		}
	}
	return out
}
