package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// findChromium returns the browser the end-to-end tests drive: $THIDUA_CHROMIUM,
// else Debian's chromium on the PATH. `.ci/run` installs it; without one
// the test fails rather than pass unseen (-short skips it).
func findChromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser test")
	}
	if p := os.Getenv("THIDUA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium for the browser test: run .ci/run (it installs Debian's chromium), or apt-get install chromium, or set THIDUA_CHROMIUM")
	return ""
}

// browser starts a headless Chromium for one test and fails the test on
// any uncaught JavaScript exception in the page.
func browser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	// Not t.TempDir: Chromium's helper processes may still write into the
	// profile while the test's cleanup removes it.
	profile, err := os.MkdirTemp("", "thidua-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findChromium(t)),
		chromedp.NoSandbox, // the CI runs as root
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1440, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// chromedp logs CDP events newer than it knows as errors; they are
	// noise here, so its errors go to the test log (-v) only.
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			t.Errorf("JavaScript exception in the page: %s", e.ExceptionDetails.Error())
		}
	})
	if err := chromedp.Run(ctx); err != nil { // starts the browser
		t.Fatalf("start %s: %v", findChromium(t), err)
	}
	return ctx
}

func must(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// TestPageInBrowser opens the rankings page in a real headless Chromium with
// a read-only auditor token, posts a fact and its verification through the
// API, sees the ranking change on the page without a reload, then opens the
// unit's sheet and finds the fact with its evidence.
func TestPageInBrowser(t *testing.T) {
	ctx := browser(t, 90*time.Second)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")

	row := `table#rankings tr[data-unit="cau-giay"]`
	var lang string
	must(t, ctx, "open the page",
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+auditor),
		chromedp.WaitVisible(row+` td.total[data-value="0"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#live-status[data-state="live"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.lang`, &lang),
		// A marker that a reload would wipe.
		chromedp.Evaluate(`window.thiduaNoReload = "still here"`, nil),
	)
	if lang != "vi" {
		t.Errorf("page language %q, want vi first", lang)
	}
	var href string
	must(t, ctx, "read the address", chromedp.Location(&href))
	if strings.Contains(href, auditor) {
		t.Errorf("the token stays in the address bar: %s", href)
	}

	fact := `{"id":"e2e-cg-dbp70","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},"evidence":[{"kind":"document","title":"Báo cáo kết quả","doc_no":"21/BC-MTTQ","url":"https://example.org/21-bc.pdf"}]}`
	if st, b, _ := ts.post(units["cau-giay"], fact); st != http.StatusCreated {
		t.Fatalf("post the fact: %d %s", st, b)
	}
	st, b, verified := ts.post(committee, `{"type":"fact.verified","unit":"cau-giay","data":{"target":"e2e-cg-dbp70"}}`)
	if st != http.StatusCreated {
		t.Fatalf("verify: %d %s", st, b)
	}

	var marker string
	var seq int
	must(t, ctx, "see the verified fact on the page",
		chromedp.WaitVisible(row+`.changed td.total[data-value="2"]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.thiduaNoReload`, &marker),
		chromedp.Evaluate(`Number(document.body.dataset.seq)`, &seq),
	)
	if marker != "still here" {
		t.Error("the page reloaded to show the change")
	}
	if uint64(seq) < verified.Seq {
		t.Errorf("page shows seq %d, the verification is seq %d", seq, verified.Seq)
	}

	var sheet string
	must(t, ctx, "open the unit's sheet",
		chromedp.Click(row, chromedp.ByQuery),
		chromedp.WaitVisible(`dialog#sheet[open] [data-event-id="e2e-cg-dbp70"]`, chromedp.ByQuery),
		chromedp.Text(`dialog#sheet [data-event-id="e2e-cg-dbp70"]`, &sheet, chromedp.ByQuery),
	)
	for _, want := range []string{"21/BC-MTTQ", "2024"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the sheet's line for the fact lacks %q: %q", want, sheet)
		}
	}

	must(t, ctx, "close the sheet and switch to English",
		chromedp.KeyEvent(kb.Escape),
		chromedp.WaitNotPresent(`dialog#sheet[open]`, chromedp.ByQuery),
		chromedp.Click(`#lang`, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.lang`, &lang),
	)
	if lang != "en" {
		t.Errorf("after the language toggle, lang %q", lang)
	}
}

// TestScreenshots renders the page after most of the 2024 scenario, on a
// desktop and a phone, into $THIDUA_SCREENSHOTS (docs/ in the repository):
//
//	THIDUA_SCREENSHOTS=$PWD/docs go test -run TestScreenshots ./cmd/thidua
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("THIDUA_SCREENSHOTS")
	if dir == "" {
		t.Skip("set THIDUA_SCREENSHOTS to a directory to write the screenshots")
	}
	ctx := browser(t, 3*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	playYearUntilClose(t, ts, committee, units) // the meeting watches the verified view before the close
	open2025(t, ts)
	shots := []struct {
		file          string
		season        string
		width, height int64
		mobile, full  bool
		then          []chromedp.Action
	}{
		{"rankings-desktop.png", domain.DemoSeasonID, 1440, 900, false, true, []chromedp.Action{
			chromedp.Click(`#season-info summary`, chromedp.ByQuery),
		}},
		{"rankings-phone.png", domain.DemoSeasonID, 390, 844, true, false, nil},
		{"sheet-desktop.png", domain.DemoSeasonID, 1440, 900, false, false, []chromedp.Action{
			chromedp.Click(`table#rankings tbody tr`, chromedp.ByQuery),
			chromedp.WaitVisible(`dialog#sheet[open] [data-event-id]`, chromedp.ByQuery),
		}},
		{"rankings-2025-desktop.png", domain.DemoSeason2025ID, 1440, 900, false, false, nil},
		{"sheet-2025-desktop.png", domain.DemoSeason2025ID, 1440, 900, false, false, []chromedp.Action{
			chromedp.Click(`table#rankings tr[data-unit="phuong-tay-ho"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`dialog#sheet[open] [data-event-id]`, chromedp.ByQuery),
		}},
	}
	for _, s := range shots {
		var png []byte
		emulate := chromedp.EmulateViewport(s.width, s.height)
		if s.mobile {
			emulate = chromedp.EmulateViewport(s.width, s.height, chromedp.EmulateScale(2), chromedp.EmulateMobile)
		}
		actions := []chromedp.Action{
			emulate,
			chromedp.Navigate(ts.url + "/?season=" + s.season + "#token=" + auditor),
			chromedp.WaitVisible(`#live-status[data-state="live"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`svg#timeline`, chromedp.ByQuery),
		}
		actions = append(actions, s.then...)
		shot := chromedp.CaptureScreenshot(&png)
		if s.full {
			shot = chromedp.FullScreenshot(&png, 100) // 100: PNG
		}
		actions = append(actions, chromedp.Sleep(500*time.Millisecond), shot)
		must(t, ctx, s.file, actions...)
		if err := os.WriteFile(filepath.Join(dir, s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "wrote %s\n", filepath.Join(dir, s.file))
	}
}

// catalogueCodes are the codes of the default catalogue and the program's
// own vocabularies, as a pattern: none may show in the Vietnamese page.
func catalogueCodes() *regexp.Regexp {
	codes := events.DefaultCatalogue().Codes()
	codes = append(codes, "discipline", "corruption", "ward")
	return regexp.MustCompile(`\b(` + strings.Join(codes, "|") + `)\b`)
}

// TestPageShowsNamesNotCodes plays most of the 2024 year, then reads the
// Vietnamese page and every unit's sheet as a secretary would: names of
// occasions, topics, indicators and wards, the covenant, the head and the
// deputy, and no catalogue code anywhere in the text.
func TestPageShowsNamesNotCodes(t *testing.T) {
	ctx := browser(t, 3*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	playYearUntilClose(t, ts, committee, units)
	code := catalogueCodes()
	var page string
	must(t, ctx, "open the page",
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+auditor),
		chromedp.WaitVisible(`#live-status[data-state="live"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#season-info .roles strong`, chromedp.ByQuery),
		chromedp.Click(`#season-info summary`, chromedp.ByQuery),
		chromedp.Evaluate(`document.body.innerText`, &page),
	)
	for _, want := range []string{"Cụm trưởng", "Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm", "Cụm phó", "Nội dung giao ước thi đua (3)", "Tổ chức tốt Đại hội MTTQ các cấp"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	if m := code.FindString(page); m != "" {
		t.Errorf("the ranking page shows the code %q", m)
	}
	seen := map[string]bool{}
	for _, m := range domain.DemoSeason().Members {
		var sheet string
		// By the address, as a shared link opens it: a click can land on a
		// row that a live update is replacing, when the machine is loaded.
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Run(sctx,
			chromedp.Evaluate(`location.hash = "unit=`+m.ID+`"`, nil),
			chromedp.WaitVisible(`dialog#sheet[open] .facts.all`, chromedp.ByQuery))
		cancel()
		if err != nil {
			// Say what the page shows instead, for the next person.
			var shown string
			chromedp.Run(ctx, chromedp.Evaluate(`location.href + " | dialog open: " + document.querySelector('dialog#sheet').open + " | " + document.querySelector('dialog#sheet').innerText.slice(0, 2000)`, &shown))
			t.Fatalf("the sheet of %s: %v; the page shows: %s", m.ID, err, shown)
		}
		must(t, ctx, "read and close the sheet of "+m.ID,
			chromedp.Text(`dialog#sheet`, &sheet, chromedp.ByQuery),
			chromedp.Click(`#sheet-close`, chromedp.ByQuery),
			chromedp.WaitNotPresent(`dialog#sheet[open]`, chromedp.ByQuery),
		)
		for _, loc := range code.FindAllStringIndex(sheet, -1) {
			t.Errorf("the sheet of %s shows the code %q in %q", m.ID, sheet[loc[0]:loc[1]], sheet[max(0, loc[0]-60):min(len(sheet), loc[1]+30)])
		}
		for _, name := range []string{"Quỹ Vì người nghèo", "Công tác tuyên truyền", "Đại hội cấp phường: Phường ", "Khu dân cư tổ chức Ngày hội", " đồng", "Nội dung giao ước thi đua"} {
			if strings.Contains(sheet, name) {
				seen[name] = true
			}
		}
	}
	for _, name := range []string{"Quỹ Vì người nghèo", "Công tác tuyên truyền", "Đại hội cấp phường: Phường ", "Khu dân cư tổ chức Ngày hội", " đồng", "Nội dung giao ước thi đua"} {
		if !seen[name] {
			t.Errorf("no sheet shows %q", name)
		}
	}
}

// open2025 opens the 2025 demo season through the API and posts a few of a
// ward's facts in its vocabulary, verified by the committee.
func open2025(t *testing.T, ts *testServer) {
	t.Helper()
	data, err := json.Marshal(domain.DemoSeason2025())
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/seasons/" + domain.DemoSeason2025ID + "/events"
	if st, b := ts.do(http.MethodPost, path, testAdmin, []byte(`{"id":"open-2025","type":"season.opened","data":`+string(data)+`}`), nil); st != http.StatusCreated {
		t.Fatalf("open 2025: %d %s", st, b)
	}
	doc := `"evidence":[{"kind":"document","title":"Báo cáo kết quả","doc_no":"12/BC-MTTQ"}]`
	posts := []struct{ unit, body string }{
		{"phuong-tay-ho", `{"id":"th25-gpmn50","type":"activity.held","unit":"phuong-tay-ho","date":"2025-04-30","data":{"kind":"commemoration","occasion":"gpmn50","title":"Lễ kỷ niệm 50 năm Ngày Giải phóng miền Nam"},` + doc + `}`},
		{"phuong-tay-ho", `{"id":"th25-reorg","type":"report.submitted","unit":"phuong-tay-ho","date":"2025-07-25","data":{"topic":"reorganisation","period":"Tháng 7/2025","due":"2025-07-31"},` + doc + `}`},
		{"phuong-tay-ho", `{"id":"th25-fund","type":"indicator.reported","unit":"phuong-tay-ho","date":"2025-11-15","data":{"indicator":"fund_for_the_poor","value":1850000000},` + doc + `}`},
		{"phuong-tay-ho", `{"id":"th25-model","type":"model.recognized","unit":"phuong-tay-ho","date":"2025-10-02","data":{"model":"to-dan-pho-xanh","name":"Tổ dân phố xanh","level":"commune","decision_no":"45/QĐ-MTTQ"},` + doc + `}`},
		{"phuong-cau-giay", `{"id":"cg25-hcm135","type":"activity.held","unit":"phuong-cau-giay","date":"2025-05-19","data":{"kind":"commemoration","occasion":"hcm135","title":"Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh"},` + doc + `}`},
		{"phuong-cau-giay", `{"id":"cg25-qk80","type":"activity.held","unit":"phuong-cau-giay","date":"2025-09-02","data":{"kind":"commemoration","occasion":"qk80","title":"Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9"},` + doc + `}`},
		{"committee", `{"type":"target.assigned","unit":"phuong-tay-ho","data":{"indicator":"fund_for_the_poor","value":2000000000}}`},
		{"committee", `{"type":"fact.verified","data":{"target":"th25-gpmn50"}}`},
		{"committee", `{"type":"fact.verified","data":{"target":"th25-reorg"}}`},
		{"committee", `{"type":"fact.verified","data":{"target":"th25-fund"}}`},
		{"committee", `{"type":"score.assessed","unit":"phuong-tay-ho","data":{"item":"III.1","points":7.5,"reason":"Hoàn thành hợp nhất đúng tiến độ"}}`},
	}
	tokens := map[string]string{"committee": ts.issue(events.RoleCommittee, "")}
	for _, p := range posts {
		if tokens[p.unit] == "" {
			tokens[p.unit] = ts.issue(events.RoleUnit, p.unit)
		}
		if st, b := ts.do(http.MethodPost, path, tokens[p.unit], []byte(p.body), nil); st != http.StatusCreated {
			t.Fatalf("2025 %s: %d %s", p.body, st, b)
		}
	}
}

// playYearUntilClose posts the 2024 year's accepted events, up to the close.
func playYearUntilClose(t *testing.T, ts *testServer, committee string, units map[string]string) {
	t.Helper()
	for i, step := range year2024 {
		if step.Check != nil || step.Status != 0 {
			continue
		}
		if strings.Contains(step.Body, `"season.closed"`) {
			return
		}
		tok := committee
		if step.As != "committee" {
			tok = units[step.As]
		}
		if st, b, _ := ts.post(tok, step.Body); st != http.StatusCreated {
			t.Fatalf("step %d: %d %s", i, st, b)
		}
	}
}
