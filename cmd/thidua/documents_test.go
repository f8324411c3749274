package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// TestMeetingDocuments opens the minutes and the proposal of the closed
// 2024 year as the committee would, types what the program cannot know,
// prints both with Chromium and reads them back: A4 portrait, the Decree
// 30 layout's parts, the season's ranking, ballot and awards, the typed
// fields; nothing typed reaches the log.
func TestMeetingDocuments(t *testing.T) {
	ctx := browser(t, 3*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")
	playYearUntilClose(t, ts, committee, units)
	if st, b, _ := ts.post(committee, `{"id":"ctg-close","type":"season.closed","date":"2024-12-05","data":{}}`); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	ts.waitClosingCheckpoint(domain.DemoSeasonID) // the last message the log gets
	seq := ts.logLength()
	st, rk, b := ts.rankings(auditor, "final", seq)
	if st != http.StatusOK {
		t.Fatalf("rankings: %d %s", st, b)
	}
	var flag, certs []string
	for _, raw := range rk.Units {
		var u domain.Standing
		if err := json.Unmarshal(raw, &u); err != nil {
			t.Fatal(err)
		}
		switch {
		case u.Award != nil && *u.Award == domain.AwardFlag:
			flag = append(flag, u.Name)
		case u.Award != nil:
			certs = append(certs, u.Name)
		}
	}
	if len(flag) != 1 || len(certs) == 0 {
		t.Fatalf("the 2024 year's awards: flag %q, certificates %q", flag, certs)
	}

	// The ranking page offers the documents to the committee and the
	// auditors, not to a unit.
	var minutesHref string
	must(t, ctx, "the ranking page's links",
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+committee),
		chromedp.WaitVisible(`#doc-links a#doc-minutes`, chromedp.ByQuery),
		chromedp.AttributeValue(`#doc-minutes`, "href", &minutesHref, nil, chromedp.ByQuery),
	)
	if want := "/documents/minutes.html?season=" + domain.DemoSeasonID; minutesHref != want {
		t.Errorf("minutes link %q, want %q", minutesHref, want)
	}
	var unitSees bool
	must(t, ctx, "a unit's page",
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+units["cau-giay"]),
		chromedp.WaitVisible(`table#rankings tr[data-unit="cau-giay"]`, chromedp.ByQuery),
		chromedp.Evaluate(`!document.querySelector('#doc-links').hidden`, &unitSees),
	)
	if unitSees {
		t.Error("a unit's token is offered the committee's documents")
	}

	docs := []struct {
		file  string
		typed map[string]string
		want  []string
	}{
		{"minutes", map[string]string{
			"Số văn bản":         "07",
			"Thành phần tham dự": "Nguyễn Văn An – Cụm trưởng\nTrần Thị Bình – Cụm phó",
			"Người chủ trì":      "Nguyễn Văn An",
		}, append([]string{"BIÊN BẢN", "Họp bình xét thi đua năm 2024", "I. Kết quả chấm điểm thi đua", "II. Kết quả bỏ phiếu",
			"Số phiếu", "66,67", "III. Đề nghị khen thưởng", "THƯ KÝ", "CHỦ TRÌ", "Nơi nhận:", "Số: 07", "/BB-CTĐ",
			"Nguyễn Văn An – Cụm trưởng", "Trần Thị Bình – Cụm phó", "90,25", "Chưa đủ điều kiện: vi phạm (kỷ luật)"}, flag...)},
		{"proposal", map[string]string{"Số văn bản": "12", "Họ tên người ký": "Nguyễn Văn An"},
			append(append([]string{"TỜ TRÌNH", "Về việc đề nghị tặng Cờ thi đua và Bằng khen năm 2024", "Kính gửi:",
				"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;", "1. Cờ thi đua: 1 đơn vị", fmt.Sprintf("2. Bằng khen: %d đơn vị", len(certs)),
				"TM. CỤM THI ĐUA SỐ 2", "CỤM TRƯỞNG", "Nơi nhận:", "Số: 12", "/TTr-CTĐ", "Nguyễn Văn An"}, flag...), certs...)},
	}
	for _, d := range docs {
		t.Run(d.file, func(t *testing.T) {
			actions := []chromedp.Action{
				chromedp.EmulateViewport(1280, 900),
				chromedp.Navigate(ts.url + "/documents/" + d.file + ".html?season=" + domain.DemoSeasonID),
				chromedp.WaitVisible(fmt.Sprintf(`body[data-seq="%d"]`, seq), chromedp.ByQuery),
			}
			for label, text := range d.typed {
				sel := fmt.Sprintf(`[aria-label=%q]`, label)
				actions = append(actions, chromedp.Click(sel, chromedp.ByQuery))
				for i, line := range strings.Split(text, "\n") {
					if i > 0 {
						actions = append(actions, chromedp.KeyEvent("\r"))
					}
					actions = append(actions, chromedp.SendKeys(sel, line, chromedp.ByQuery))
				}
			}
			must(t, ctx, "fill in "+d.file, actions...)
			doc := printPDF(t, ctx, d.file+"-a4.pdf")
			if !near(doc.width, a4Short) || !near(doc.height, a4Long) {
				t.Errorf("%s printed on %.1f x %.1f pt, want A4 portrait", d.file, doc.width, doc.height)
			}
			text := squash(doc.text)
			common := []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "CỤM THI ĐUA SỐ 2",
				"ỦY BAN MTTQ VIỆT NAM", "THÀNH PHỐ HÀ NỘI", "Hà Nội, ngày 05 tháng 12 năm 2024", fmt.Sprintf("đến sự kiện số %d", seq)}
			for _, w := range append(common, d.want...) {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("%s lacks %q:\n%s", d.file, w, doc.text)
				}
			}
			// On a phone the page is one column that fits the screen.
			var width, viewport float64
			must(t, ctx, d.file+" on a phone",
				chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
				chromedp.Reload(),
				chromedp.WaitVisible(fmt.Sprintf(`body[data-seq="%d"]`, seq), chromedp.ByQuery),
				chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
				chromedp.Evaluate(`window.innerWidth`, &viewport),
			)
			if width > viewport+1 {
				t.Errorf("%s is %v px wide on a %v px phone", d.file, width, viewport)
			}
			for _, no := range []string{"Bảngxếphạng/Ranking", "DỰTHẢO"} {
				if strings.Contains(text, no) {
					t.Errorf("%s prints %q", d.file, no)
				}
			}
		})
	}
	if after := ts.logLength(); after != seq {
		t.Errorf("the documents moved the log from seq %d to %d", seq, after)
	}
}
