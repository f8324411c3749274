package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// pdfTool finds one of poppler-utils' programs (.ci/run installs them).
func pdfTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("no %s for the print test: run .ci/run (it installs Debian's poppler-utils) or apt-get install poppler-utils", name)
	}
	return p
}

// printed is a page printed by Chromium: its text and its first page's
// size in points.
type printed struct {
	path          string
	text          string
	width, height float64
	pages         int
}

// printPDF prints the page as Chromium's print does, on the paper the
// page's @page rules ask for, and reads the PDF back with poppler.
func printPDF(t *testing.T, ctx context.Context, name string) printed {
	t.Helper()
	var pdf []byte
	must(t, ctx, "print "+name, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).WithPrintBackground(true).Do(ctx)
		return err
	}))
	out := printed{path: filepath.Join(t.TempDir(), name)}
	if err := os.WriteFile(out.path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(pdfTool(t, "pdfinfo"), out.path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", name, err)
	}
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page size in\n%s", name, info)
	}
	out.width, _ = strconv.ParseFloat(string(m[1]), 64)
	out.height, _ = strconv.ParseFloat(string(m[2]), 64)
	if m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info); m != nil {
		out.pages, _ = strconv.Atoi(string(m[1]))
	}
	text, err := exec.Command(pdfTool(t, "pdftotext"), "-enc", "UTF-8", out.path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	out.text = string(text)
	if dir := os.Getenv("THIDUA_SCREENSHOTS"); dir != "" {
		png := filepath.Join(dir, strings.TrimSuffix(name, ".pdf"))
		if err := exec.Command(pdfTool(t, "pdftoppm"), "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", out.path, png).Run(); err != nil {
			t.Errorf("pdftoppm %s: %v", name, err)
		}
	}
	return out
}

// A4 in points, and the tolerance of Chromium's rounding to whole pixels.
const a4Long, a4Short, a4Slack = 841.89, 595.28, 2.0

func near(a, b float64) bool { return a > b-a4Slack && a < b+a4Slack }

// squash drops every space, so that a header wrapped on two lines in the
// PDF still reads as one.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// TestPrintA4 prints the ranking and a unit's sheet as Chromium prints
// them, and reads the PDFs back: the ranking on A4 landscape with every
// column's header, the season's header, the view and the seq; the sheet
// on A4 portrait, whole, without the dialog's buttons or the page behind.
func TestPrintA4(t *testing.T) {
	ctx := browser(t, 3*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	playYearUntilClose(t, ts, committee, units)
	seq := ts.logLength()

	var headers []string
	var cluster, title string
	must(t, ctx, "open the ranking",
		// A phone-sized window: the print must not take the phone layout.
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+auditor),
		chromedp.WaitVisible(fmt.Sprintf(`body[data-seq="%d"]`, seq), chromedp.ByQuery),
		chromedp.WaitVisible(`svg#timeline`, chromedp.ByQuery),
		// The test prints through Chromium's PDF printer, not the dialog.
		chromedp.Evaluate(`window.print = () => { window.thiduaPrinted = (window.thiduaPrinted || 0) + 1 }`, nil),
		chromedp.Click(`#print`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('#rankings thead th')].map(th => th.textContent)`, &headers),
		chromedp.Text(`#cluster`, &cluster, chromedp.ByQuery),
		chromedp.Text(`#title`, &title, chromedp.ByQuery),
	)
	var clicked int
	must(t, ctx, "the print button", chromedp.Evaluate(`window.thiduaPrinted || 0`, &clicked))
	if clicked != 1 {
		t.Errorf("the print button printed %d times", clicked)
	}
	ranking := printPDF(t, ctx, "print-ranking-a4.pdf")
	if !near(ranking.width, a4Long) || !near(ranking.height, a4Short) {
		t.Errorf("the ranking printed on %.1f x %.1f pt, want A4 landscape (%.1f x %.1f)", ranking.width, ranking.height, a4Long, a4Short)
	}
	text := squash(ranking.text)
	if len(headers) < 10 {
		t.Fatalf("the ranking has %d columns: %q", len(headers), headers)
	}
	for _, h := range append(headers, cluster, title, "Đếnsựkiệnsố"+strconv.FormatUint(seq, 10), "Chếđộxem:Đãxácminh") {
		if !strings.Contains(text, squash(h)) {
			t.Errorf("the printed ranking lacks %q:\n%s", h, ranking.text)
		}
	}
	for _, u := range domain.DemoSeason().Members {
		if !strings.Contains(text, squash(u.Name)) {
			t.Errorf("the printed ranking lacks the full name %q", u.Name)
		}
	}
	for _, no := range []string{"Đăngxuất", "Chữlớn"} {
		if strings.Contains(text, no) {
			t.Errorf("the printed ranking shows the page's button %q", no)
		}
	}

	// The unit's sheet, from the print button in its dialog.
	var headings []string
	var lastFact string
	must(t, ctx, "open a unit's sheet",
		chromedp.EmulateViewport(1440, 900),
		chromedp.Click(`table#rankings tr[data-unit="ha-dong"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`dialog#sheet[open] [data-event-id]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('#sheet-body details').open = false`, nil),
		chromedp.Click(`#sheet-print`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('#sheet-body h3, #sheet-body .item.d0 .ititle')].map(h => h.textContent)`, &headings),
		chromedp.Evaluate(`[...document.querySelectorAll('#sheet-body .fact .summary')].pop().textContent`, &lastFact),
	)
	sheet := printPDF(t, ctx, "print-sheet-a4.pdf")
	if !near(sheet.width, a4Short) || !near(sheet.height, a4Long) {
		t.Errorf("the sheet printed on %.1f x %.1f pt, want A4 portrait", sheet.width, sheet.height)
	}
	if sheet.pages < 2 {
		t.Errorf("the whole sheet printed on %d page(s)", sheet.pages)
	}
	stext := squash(sheet.text)
	for _, h := range append(headings, "ỦybanMTTQViệtNamquậnHàĐông", lastFact) {
		if !strings.Contains(stext, squash(h)) {
			t.Errorf("the printed sheet lacks %q", h)
		}
	}
	// Inside a folded group: printed because the button unfolds it.
	if !strings.Contains(stext, squash("Báo cáo tuyên truyền đúng hạn")) {
		t.Error("the printed sheet lacks the items of a folded group")
	}
	for _, no := range []string{"Đóng", "Diễnbiếntổngđiểm", squash(headers[len(headers)-1]) + squash(headers[0])} {
		if strings.Contains(stext, no) {
			t.Errorf("the printed sheet shows %q from outside the sheet", no)
		}
	}
}

// TestLayoutFits opens the closed 2024 year (the final view's button
// shown) at 1400 px, in normal and large type: every column is shown and
// fits without a scroll bar, the title is not squeezed by the controls,
// and the Vietnamese page writes numbers with a decimal comma and dates
// as dd/mm/yyyy.
func TestLayoutFits(t *testing.T) {
	ctx := browser(t, 2*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	playYearUntilClose(t, ts, committee, units)
	// A bonus with no business date, recorded today: years after 2024.
	if st, b, _ := ts.post(committee, `{"id":"late-bonus","type":"bonus.awarded","unit":"nam-tu-liem","data":{"points":0.5,"reason":"Bổ sung sau họp"}}`); st != http.StatusCreated {
		t.Fatalf("bonus: %d %s", st, b)
	}
	if st, b, _ := ts.post(committee, `{"id":"ctg-close","type":"season.closed","date":"2024-12-05","data":{}}`); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	ts.waitClosingCheckpoint(domain.DemoSeasonID)
	seq := ts.logLength()
	// The chart's time axis is the season's year: decisions recorded now,
	// years after 2024, take effect within it.
	var tl struct{ Dates []string }
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/timeline?view=final", auditor, nil, &tl); st != http.StatusOK || len(tl.Dates) == 0 {
		t.Fatalf("timeline: %d %s", st, b)
	}
	for _, d := range tl.Dates {
		if !strings.HasPrefix(d, "2024-") {
			t.Errorf("the 2024 timeline has the date %s", d)
		}
	}
	type layout struct {
		Columns, Shown     int
		Scroll, Client     float64
		TitleH, TitleLine  float64
		TitleW, TopW       float64
		DotDecimals, Dates []string
	}
	measure := `(() => {
		const wrap = document.querySelector('.table-wrap');
		const ths = [...document.querySelectorAll('#rankings thead th')];
		const h1 = document.querySelector('#title');
		const text = document.querySelector('main').innerText + '\n' + document.querySelector('#sheet-body').innerText;
		return {
			Columns: ths.length, Shown: ths.filter(th => th.offsetParent !== null && th.getBoundingClientRect().width > 0).length,
			Scroll: wrap.scrollWidth, Client: wrap.clientWidth,
			TitleH: h1.getBoundingClientRect().height, TitleLine: parseFloat(getComputedStyle(h1).lineHeight),
			TitleW: h1.getBoundingClientRect().width, TopW: document.querySelector('.top').getBoundingClientRect().width,
			DotDecimals: text.match(/(^|[^\d.])\d+\.\d{1,2}(?![\d.])/g) || [],
			Dates: text.match(/\d{4}-\d{2}-\d{2}/g) || [],
		};
	})()`
	for _, c := range []struct {
		width int64
		big   string
		table bool // every column fits
		lang  string
	}{
		{1400, "0", true, "vi"}, {1400, "1", true, "vi"}, {1024, "0", false, "vi"}, {1024, "0", false, "en"}, {1280, "1", false, "en"},
	} {
		big := c.big
		t.Run(fmt.Sprintf("%dpx big=%s %s", c.width, big, c.lang), func(t *testing.T) {
			var l layout
			var png []byte
			must(t, ctx, "open",
				chromedp.EmulateViewport(c.width, 900),
				chromedp.Navigate("about:blank"),
				chromedp.Navigate(fmt.Sprintf("%s/?season=%s&view=final&big=%s&lang=%s#token=%s", ts.url, domain.DemoSeasonID, big, c.lang, auditor)),
				chromedp.WaitVisible(fmt.Sprintf(`body[data-seq="%d"]`, seq), chromedp.ByQuery),
				chromedp.WaitVisible(`button[data-view="final"][aria-pressed="true"]`, chromedp.ByQuery),
				chromedp.Click(`table#rankings tr[data-unit="ha-dong"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`dialog#sheet[open] [data-event-id]`, chromedp.ByQuery),
				chromedp.Evaluate(measure, &l),
				chromedp.Evaluate(`document.querySelector('#sheet').close()`, nil),
				chromedp.CaptureScreenshot(&png),
			)
			if dir := os.Getenv("THIDUA_SCREENSHOTS"); dir != "" {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("layout-%d-big%s-%s.png", c.width, big, c.lang)), png, 0o644)
			}
			if c.table && (l.Columns < 10 || l.Shown != l.Columns) {
				t.Errorf("%d of %d columns shown at %d px", l.Shown, l.Columns, c.width)
			}
			if c.table && l.Scroll > l.Client+1 {
				t.Errorf("the ranking is %.0f px wide in a %.0f px box: it scrolls", l.Scroll, l.Client)
			}
			if l.TitleH > 1.5*l.TitleLine {
				t.Errorf("the title wraps: %.0f px high for %.0f px lines (%.0f of %.0f px wide)", l.TitleH, l.TitleLine, l.TitleW, l.TopW)
			}
			if c.lang != "vi" {
				return
			}
			if len(l.DotDecimals) > 0 {
				t.Errorf("the Vietnamese page writes decimal points: %q", l.DotDecimals)
			}
			if len(l.Dates) > 0 {
				t.Errorf("the Vietnamese page writes ISO dates: %q", l.Dates)
			}
		})
	}
}
