package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/domain"
)

// poll waits until a JavaScript condition holds on the page.
func poll(js string, timeout time.Duration) chromedp.Action {
	return chromedp.Poll(js, nil, chromedp.WithPollingInterval(150*time.Millisecond), chromedp.WithPollingTimeout(timeout))
}

// TestReviewQueue is a committee member's review in a real Chromium with
// the committee's token: a unit reports four facts through the API and the
// queue shows them without a reload; two are verified in one go; a
// rejection without a reason is refused by the form, then sent with one;
// the unit is asked about the fourth, and its answer (through the API)
// brings the fact back to the queue marked as explained, where it is
// verified. Then a manual item is assessed through the decisions tab, its
// preview read before sending, and the verified score checked through the
// API.
func TestReviewQueue(t *testing.T) {
	ctx := browser(t, 3*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	cg := units["cau-giay"]
	queue := `#tab-queue`
	card := func(id string) string { return fmt.Sprintf(`%s li.q-card[data-event-id=%q]`, queue, id) }
	count := func(sel string) string { return fmt.Sprintf(`document.querySelectorAll(%q).length`, sel) }

	must(t, ctx, "open the queue",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"&tab=queue#token="+committee),
		chromedp.WaitVisible(queue+` .q-summary`, chromedp.ByQuery),
		poll(`document.querySelector('#tab-queue .notice') !== null`, 10*time.Second),
		chromedp.Evaluate(`window.thiduaNoReload = "still here"`, nil),
	)

	// Four facts of Cầu Giấy, each on its own rubric line.
	facts := []struct{ id, data string }{
		{"f1", `{"kind":"commemoration","occasion":"dbp70","title":"Mít tinh kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"}`}, // I.1.2: 2
		{"f2", `{"kind":"citizen_dialogue","title":"Đối thoại giữa Chủ tịch UBND quận với nhân dân"}`},                    // I.3.4: 1
		{"f3", `{"kind":"social_criticism","title":"Hội nghị phản biện dự thảo quy hoạch"}`},                              // I.3.2: 1
		{"f4", `{"kind":"cluster_joint","title":"Giao lưu văn nghệ của Cụm"}`},                                            // II.2: 1
	}
	for _, f := range facts {
		body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":%s,"evidence":[{"kind":"document","title":"Báo cáo số %s"}]}`, f.id, f.data, f.id)
		if st, b, _ := ts.post(cg, body); st != http.StatusCreated {
			t.Fatalf("report %s: %d %s", f.id, st, b)
		}
	}
	var gain, tabCount string
	must(t, ctx, "the four facts appear without a reload",
		poll(count(queue+` .q-open li.q-card`)+` === 4`, 20*time.Second),
		chromedp.Text(card("f1")+` .q-gain`, &gain, chromedp.ByQuery),
		poll(`document.querySelector('#tab-btn-queue .tab-count').textContent === '4'`, 5*time.Second),
		chromedp.Text(`#tab-btn-queue .tab-count`, &tabCount, chromedp.ByQuery),
	)
	if !strings.Contains(gain, "+2") {
		t.Errorf("f1 would bring %q, want +2", gain)
	}

	var status string
	must(t, ctx, "verify f1 and f2 in one go",
		chromedp.Click(`#q-sel-f1`, chromedp.ByQuery),
		chromedp.Click(`#q-sel-f2`, chromedp.ByQuery),
		chromedp.Click(`#q-verify-selected`, chromedp.ByQuery),
		poll(count(queue+` .q-open li.q-card`)+` === 2`, 10*time.Second),
		chromedp.Text(queue+` .q-head .form-status`, &status, chromedp.ByQuery),
	)
	if status != "Đã xác minh 2 việc." {
		t.Errorf("status after the batch: %q", status)
	}

	before := ts.logLength()
	var refusal, invalid string
	must(t, ctx, "a rejection without a reason is refused at the field",
		chromedp.Click(card("f3")+` .q-reject`, chromedp.ByQuery),
		chromedp.WaitVisible(card("f3")+` .q-reject-form textarea`, chromedp.ByQuery),
		chromedp.Click(card("f3")+` .q-reject-form button[type="submit"]`, chromedp.ByQuery),
		chromedp.WaitVisible(card("f3")+` .q-reject-form .ferr`, chromedp.ByQuery),
		chromedp.Text(card("f3")+` .q-reject-form .ferr`, &refusal, chromedp.ByQuery),
		chromedp.AttributeValue(card("f3")+` .q-reject-form textarea`, "aria-invalid", &invalid, nil, chromedp.ByQuery),
	)
	if refusal != "Cần ghi lý do không công nhận trước khi gửi." || invalid != "true" {
		t.Errorf("refusal %q (aria-invalid %q)", refusal, invalid)
	}
	if after := ts.logLength(); after != before {
		t.Errorf("a refused rejection moved the log from %d to %d", before, after)
	}
	must(t, ctx, "reject f3 with a reason",
		chromedp.SendKeys(card("f3")+` .q-reject-form textarea`, "Hội nghị do Ủy ban nhân dân chủ trì, không phải MTTQ", chromedp.ByQuery),
		chromedp.Click(card("f3")+` .q-reject-form button[type="submit"]`, chromedp.ByQuery),
		poll(count(card("f3"))+` === 0`, 10*time.Second),
	)

	must(t, ctx, "ask the unit about f4",
		chromedp.Click(card("f4")+` .q-query`, chromedp.ByQuery),
		chromedp.WaitVisible(card("f4")+` .q-query-form textarea`, chromedp.ByQuery),
		chromedp.SendKeys(card("f4")+` .q-query-form textarea`, "Đề nghị gửi danh sách đơn vị tham gia", chromedp.ByQuery),
		chromedp.Click(card("f4")+` .q-query-form button[type="submit"]`, chromedp.ByQuery),
		poll(count(queue+` .q-queried li.q-card[data-event-id="f4"]`)+` === 1`, 10*time.Second),
		poll(count(queue+` .q-open li.q-card`)+` === 0`, 5*time.Second),
	)

	// The unit answers through the API; no ranking moves, so the queue's
	// own refresh brings the fact back.
	if st, b, _ := ts.post(cg, `{"id":"e4","type":"fact.explained","unit":"cau-giay","data":{"target":"f4","text":"Danh sách 6 đơn vị tham gia gửi kèm"},"evidence":[{"kind":"document","title":"Danh sách đơn vị tham gia"}]}`); st != http.StatusCreated {
		t.Fatalf("explain: %d %s", st, b)
	}
	var mark string
	must(t, ctx, "the answer brings f4 back, marked",
		poll(count(queue+` .q-open li.q-card.qs-explained[data-event-id="f4"]`)+` === 1`, 30*time.Second),
		chromedp.Text(card("f4")+` .q-mark`, &mark, chromedp.ByQuery),
		chromedp.Click(card("f4")+` .q-verify`, chromedp.ByQuery),
		poll(count(queue+` .q-open li.q-card`)+` === 0`, 10*time.Second),
	)
	if mark == "" {
		t.Error("the explained fact is not marked")
	}

	// Verified: I.1.2 2 + I.3.4 1 + II.2 1 = 4; assessing I.1.6 at 1,5 makes 5,5.
	var preview string
	must(t, ctx, "assess a manual item with its preview",
		chromedp.Click(`#tab-btn-decisions`, chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-decisions form.d-assess`, chromedp.ByQuery),
		choose(`#tab-decisions form.d-assess select[id$="-unit"]`, "cau-giay"),
		choose(`#tab-decisions form.d-assess select[id$="-item"]`, "I.1.6"),
		chromedp.SendKeys(`#tab-decisions form.d-assess input[id$="-points"]`, "1,5", chromedp.ByQuery),
		chromedp.SendKeys(`#tab-decisions form.d-assess textarea`, "Báo cáo tình hình tư tưởng nhân dân đầy đủ, kịp thời", chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-decisions .d-preview .d-total`, chromedp.ByQuery),
		chromedp.Text(`#tab-decisions .d-preview`, &preview, chromedp.ByQuery),
	)
	if !strings.Contains(preview, "Tổng điểm của Q. Cầu Giấy: 4 → 5,5") || !strings.Contains(preview, "I.1.6 Nắm bắt tình hình tư tưởng nhân dân: 0 → 1,5") {
		t.Errorf("preview %q", preview)
	}
	var sent, kept string
	must(t, ctx, "send the assessment",
		chromedp.Click(`#tab-decisions form.d-assess button[type="submit"]`, chromedp.ByQuery),
		poll(`(document.querySelector('#tab-decisions .d-form .form-status')?.textContent || '') === 'Đã ghi nhận quyết định.'`, 10*time.Second),
		chromedp.Text(`#tab-decisions .d-form .form-status`, &sent, chromedp.ByQuery),
		chromedp.Evaluate(`window.thiduaNoReload`, &kept),
	)
	if kept != "still here" {
		t.Error("the page reloaded")
	}

	var sheet struct {
		Total float64 `json:"total"`
		Facts []struct {
			ID, Status string
		} `json:"facts"`
	}
	if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/units/cau-giay/score?view=verified&min_seq=%d", domain.DemoSeasonID, ts.logLength()), committee, nil, &sheet); st != http.StatusOK {
		t.Fatalf("score: %d %s", st, b)
	}
	got := map[string]string{}
	for _, f := range sheet.Facts {
		got[f.ID] = f.Status
	}
	if sheet.Total != 5.5 || got["f1"] != "verified" || got["f2"] != "verified" || got["f3"] != "rejected" || got["f4"] != "verified" {
		t.Errorf("verified total %v, statuses %v; want 5.5 and f1, f2, f4 verified, f3 rejected", sheet.Total, got)
	}
	st, r, b := ts.rankings(committee, "verified", ts.logLength())
	if st != http.StatusOK {
		t.Fatalf("rankings: %d %s", st, b)
	}
	for _, raw := range r.Units {
		var u struct {
			Unit  string
			Total float64
		}
		if err := json.Unmarshal(raw, &u); err != nil {
			t.Fatal(err)
		}
		if u.Unit == "cau-giay" && u.Total != 5.5 {
			t.Errorf("ranking total of cau-giay %v, want 5.5", u.Total)
		}
	}

	if shots := os.Getenv("THIDUA_SCREENSHOTS"); shots != "" {
		reviewScreenshots(t, ctx, ts, committee, units, shots)
	}
}

// reviewScreenshots fills the queue as a working week would (facts of
// several units, a scan attached, a question answered) and photographs the
// queue on a desktop and a phone, and the decisions tab with a preview.
func reviewScreenshots(t *testing.T, ctx context.Context, ts *testServer, committee string, units map[string]string, dir string) {
	t.Helper()
	st, file, b := ts.upload(domain.DemoSeasonID, units["tay-ho"], "bien-ban-ngay-hoi.pdf", samplePDF("ngày hội"))
	if st != http.StatusCreated {
		t.Fatalf("upload: %d %s", st, b)
	}
	posts := []struct{ unit, body string }{
		{"tay-ho", `{"id":"s1","type":"activity.held","unit":"tay-ho","date":"2024-11-15","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết khu dân cư số 3","areas":12},"evidence":[{"kind":"document","title":"Biên bản Ngày hội","doc_no":"12/BB-MTTQ","file":"` + file.SHA256 + `"}]}`},
		{"ha-dong", `{"id":"s2","type":"model.recognized","unit":"ha-dong","date":"2024-09-20","data":{"model":"tu-quan","name":"Tổ tự quản an ninh trật tự phường Văn Quán","level":"city","decision_no":"345/QĐ-UBND"},"evidence":[{"kind":"decision","title":"Quyết định công nhận","doc_no":"345/QĐ-UBND","date":"2024-09-20"}]}`},
		{"thanh-xuan", `{"id":"s3","type":"report.submitted","unit":"thanh-xuan","date":"2024-04-02","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-03-31"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền quý I","doc_no":"21/BC-MTTQ"}]}`},
		{"cau-giay", `{"id":"s4","type":"indicator.reported","unit":"cau-giay","date":"2024-10-17","data":{"indicator":"fund_for_the_poor","value":1250000000},"evidence":[{"kind":"document","title":"Báo cáo Quỹ Vì người nghèo năm 2024"}]}`},
	}
	for _, p := range posts {
		if st, b, _ := ts.post(units[p.unit], p.body); st != http.StatusCreated {
			t.Fatalf("post %s: %d %s", p.unit, st, b)
		}
	}
	if st, b, _ := ts.post(committee, `{"type":"fact.queried","data":{"target":"s3","question":"Báo cáo gửi sau hạn 31/03: đề nghị giải trình"}}`); st != http.StatusCreated {
		t.Fatalf("query: %d %s", st, b)
	}
	if st, b, _ := ts.post(units["thanh-xuan"], `{"type":"fact.explained","unit":"thanh-xuan","data":{"target":"s3","text":"Báo cáo gửi qua bưu điện ngày 29/03, có phiếu gửi kèm"}}`); st != http.StatusCreated {
		t.Fatalf("explain: %d %s", st, b)
	}
	ts.waitFolded(ts.logLength())
	shot := func(name string, w, h int64, mobile bool, actions ...chromedp.Action) {
		t.Helper()
		emulate := chromedp.EmulateViewport(w, h)
		if mobile {
			emulate = chromedp.EmulateViewport(w, h, chromedp.EmulateScale(2), chromedp.EmulateMobile)
		}
		var png []byte
		all := append([]chromedp.Action{emulate}, actions...)
		all = append(all, chromedp.Sleep(400*time.Millisecond), chromedp.CaptureScreenshot(&png))
		must(t, ctx, "screenshot "+name, all...)
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reload := []chromedp.Action{
		chromedp.Navigate(ts.url + "/?season=" + domain.DemoSeasonID + "&tab=queue"),
		poll(`document.querySelectorAll('#tab-queue .q-open li.q-card').length === 4`, 20*time.Second),
		chromedp.Evaluate(`document.querySelector('#q-sel-s2').click()`, nil),
	}
	shot("queue-desktop", 1280, 1100, false, append(reload, chromedp.Evaluate(`window.scrollTo(0, document.querySelector('#tabs').getBoundingClientRect().top + window.scrollY)`, nil))...)
	shot("queue-phone", 390, 844, true, append(reload, chromedp.Evaluate(`document.querySelector('#tab-queue .q-bulk').scrollIntoView()`, nil))...)
	if st, b, _ := ts.post(committee, `{"type":"target.assigned","unit":"cau-giay","data":{"indicator":"fund_for_the_poor","value":1000000000}}`); st != http.StatusCreated {
		t.Fatalf("target: %d %s", st, b)
	}
	shot("decisions-desktop", 1280, 1150, false,
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"&tab=decisions"),
		chromedp.WaitVisible(`#tab-decisions form.d-assess`, chromedp.ByQuery),
		chromedp.Click(`#tab-decisions .d-sec[data-sec="adjust"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-decisions form.d-adjust`, chromedp.ByQuery),
		choose(`#tab-decisions form.d-adjust select[id$="-unit"]`, "cau-giay"),
		chromedp.SendKeys(`#tab-decisions form.d-adjust input[id$="-points"]`, "2", chromedp.ByQuery),
		chromedp.SendKeys(`#tab-decisions form.d-adjust textarea`, "Đăng cai Hội nghị sơ kết Cụm thi đua 6 tháng đầu năm", chromedp.ByQuery),
		chromedp.SendKeys(`#tab-decisions form.d-adjust input[id$="-no"]`, "15/QĐ-MTTQ", chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-decisions .d-preview .d-total`, chromedp.ByQuery),
		chromedp.Evaluate(`document.activeElement.blur(); window.scrollTo(0, document.querySelector('#tabs').getBoundingClientRect().top + window.scrollY)`, nil),
	)
	shot("decisions-targets", 1280, 1250, false,
		chromedp.Click(`#tab-decisions .d-sec[data-sec="targets"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-decisions table.d-targets`, chromedp.ByQuery),
		chromedp.SendKeys(`#tab-decisions table.d-targets input[data-unit="tay-ho"][data-ind="fund_for_the_poor"]`, "1500000000", chromedp.ByQuery),
		poll(`document.querySelectorAll('#tab-decisions .d-preview li').length === 1`, 10*time.Second),
		chromedp.Evaluate(`document.activeElement.blur(); window.scrollTo(0, document.querySelector('#tabs').getBoundingClientRect().top + window.scrollY)`, nil),
	)
}
