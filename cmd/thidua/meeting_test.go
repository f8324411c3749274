package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/thidua/thidua/domain"
)

// retype clears a field as a person would and types text into it, so that
// the page hears every keystroke.
func retype(sel, text string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		return chromedp.Run(ctx,
			chromedp.Evaluate(fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true })); })()`, sel), nil),
			chromedp.SendKeys(sel, text, chromedp.ByQuery))
	})
}

// textOf reads an element's text.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	// One script finds the element and reads it: the live stream may
	// replace a row between a lookup by node id and the read.
	sq, _ := json.Marshal(sel)
	var s string
	must(t, ctx, "read "+sel, chromedp.Poll(fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e && e.getClientRects().length > 0 ? e.innerText : null })()`, sq), &s))
	return s
}

func contains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q lacks %q", what, got, w)
		}
	}
}

// TestYearEndMeeting is the committee secretary's year end, in a real
// Chromium with the committee's token: the demo year played up to its
// meeting; a ballot typed into the meeting tab moves the flag from
// cau-giay (ranked 2, the best eligible) to ha-dong (ranked 3), the tab
// saying so before it is sent and the ranking giving the reason once it
// is; the season closed through a confirmation that says what closing
// does; the flag revoked with its decision; next year's season opened
// from this one through the form (a rubric total broken and mended, a
// unit id the server refuses shown at its field, members pasted from a
// spreadsheet); unit tokens issued to named people; and one printed
// sign-in link followed in the browser, which opens that unit's workspace.
func TestYearEndMeeting(t *testing.T) {
	ctx := browser(t, 3*time.Minute)
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	playYearUntilClose(t, ts, committee, units)

	shots := os.Getenv("THIDUA_SCREENSHOTS")
	desktop := chromedp.EmulateViewport(1280, 900)
	shot := func(name string, full bool) {
		t.Helper()
		if shots == "" {
			return
		}
		var png []byte
		actions := []chromedp.Action{chromedp.Sleep(300 * time.Millisecond), chromedp.CaptureScreenshot(&png)}
		if full {
			actions = []chromedp.Action{chromedp.Sleep(300 * time.Millisecond), chromedp.FullScreenshot(&png, 100), desktop}
		}
		must(t, ctx, "screenshot "+name, actions...)
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The ballot, with the preview as it is typed.
	must(t, ctx, "open the meeting tab",
		desktop,
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"&tab=meeting#token="+committee),
		chromedp.WaitVisible(`#tab-meeting[data-state="ready"] #ballot-form`, chromedp.ByQuery),
		chromedp.SendKeys(`#ballot-voters`, "6", chromedp.ByQuery),
		chromedp.SendKeys(`#ballot-form input[data-unit="ha-dong"]`, "4", chromedp.ByQuery),
		chromedp.SendKeys(`#ballot-form input[data-unit="cau-giay"]`, "3", chromedp.ByQuery),
	)
	var disabled bool
	must(t, ctx, "too many votes", chromedp.Evaluate(`document.querySelector('#ballot-send').disabled`, &disabled))
	if !disabled {
		t.Error("7 votes from 6 voters can be sent")
	}
	contains(t, "the sum refused at the voters", textOf(t, ctx, `#ferr-data-voters`), "Tổng số phiếu (7) lớn hơn số người có quyền bỏ phiếu (6)")
	must(t, ctx, "mend the votes", retype(`#ballot-form input[data-unit="cau-giay"]`, "2"),
		chromedp.WaitVisible(`#ballot-preview[data-flag="ha-dong"][data-by="ballot"]`, chromedp.ByQuery))
	contains(t, "the preview", textOf(t, ctx, `#ballot-preview`),
		"Cờ thi đua: Ủy ban MTTQ Việt Nam quận Hà Đông — theo kết quả bỏ phiếu, 4/6 phiếu", "Theo điểm, Cờ thuộc về Ủy ban MTTQ Việt Nam quận Cầu Giấy")
	shot("meeting-ballot-desktop", true)
	must(t, ctx, "the ballot on a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	shot("meeting-ballot-phone", false)
	must(t, ctx, "record the ballot", desktop,
		chromedp.Click(`#ballot-send`, chromedp.ByQuery),
		chromedp.WaitVisible(`#meeting-status`, chromedp.ByQuery))
	contains(t, "after the ballot", textOf(t, ctx, `.basis-item[data-unit="ha-dong"]`), "Cờ thi đua theo kết quả bỏ phiếu của cụm: 4/6 phiếu")

	// The ranking says why: by ballot for ha-dong, by rank for cau-giay.
	must(t, ctx, "the ranking",
		chromedp.Click(`#tab-btn-ranking`, chromedp.ByQuery),
		chromedp.WaitVisible(`tr[data-unit="ha-dong"] .award-basis[data-basis="ballot"]`, chromedp.ByQuery))
	contains(t, "ha-dong's award", textOf(t, ctx, `tr[data-unit="ha-dong"] td.award-cell`), "Cờ thi đua", "theo bỏ phiếu 4/6")
	contains(t, "cau-giay's award", textOf(t, ctx, `tr[data-unit="cau-giay"] td.award-cell`), "Bằng khen", "theo thứ hạng")
	must(t, ctx, "ha-dong's sheet", chromedp.Click(`tr[data-unit="ha-dong"] th.unit`, chromedp.ByQuery),
		chromedp.WaitVisible(`#sheet-body .basis-line`, chromedp.ByQuery))
	contains(t, "the sheet", textOf(t, ctx, `#sheet-body .basis-line`), "Căn cứ khen thưởng", "4/6 phiếu, quá nửa số người có quyền bỏ phiếu")
	shot("meeting-ranking-desktop", false)
	must(t, ctx, "close the sheet", chromedp.Click(`#sheet-close`, chromedp.ByQuery), chromedp.WaitNotVisible(`#sheet`, chromedp.ByQuery))

	// Closing, after a confirmation that says what it does.
	must(t, ctx, "ask to close",
		chromedp.Click(`#tab-btn-meeting`, chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-meeting[data-state="ready"] #close-open`, chromedp.ByQuery),
		chromedp.Click(`#close-open`, chromedp.ByQuery),
		chromedp.WaitVisible(`#close-dialog`, chromedp.ByQuery))
	contains(t, "the confirmation", textOf(t, ctx, `#close-dialog`),
		"Kết thúc mùa thi đua năm 2024?", "Không ghi nhận thêm gì cho mùa này", "Chỉ còn có thể thu hồi khen thưởng", "không mở lại được",
		"Cờ thi đua: Ủy ban MTTQ Việt Nam quận Hà Đông", "Bằng khen: Ủy ban MTTQ Việt Nam quận Cầu Giấy")
	shot("meeting-close-desktop", false)
	must(t, ctx, "close the season",
		chromedp.Click(`#close-confirm`, chromedp.ByQuery),
		chromedp.WaitVisible(`#meeting-closed`, chromedp.ByQuery),
		chromedp.WaitVisible(`#revoke-form`, chromedp.ByQuery))
	var closed struct{ Closed bool }
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID, committee, nil, &closed); st != http.StatusOK || !closed.Closed {
		t.Fatalf("the season after closing: %d %s", st, b)
	}

	// Revoking: the decision number is required, then confirmed.
	must(t, ctx, "revoke without a decision",
		choose(`#revoke-which`, "ha-dong|flag"),
		chromedp.Click(`#revoke-send`, chromedp.ByQuery),
		chromedp.WaitVisible(`#ferr-data-decision-no`, chromedp.ByQuery))
	must(t, ctx, "revoke",
		chromedp.SendKeys(`#revoke-no`, "15/QĐ-MTTQ-BTT", chromedp.ByQuery),
		chromedp.SendKeys(`#revoke-reason`, "Phát hiện kê khai sai số liệu Quỹ Vì người nghèo", chromedp.ByQuery),
		chromedp.Click(`#revoke-send`, chromedp.ByQuery),
		chromedp.WaitVisible(`#revoke-confirm`, chromedp.ByQuery))
	contains(t, "the revocation's question", textOf(t, ctx, `#revoke-q`), "Thu hồi Cờ thi đua của Ủy ban MTTQ Việt Nam quận Hà Đông theo quyết định số 15/QĐ-MTTQ-BTT?")
	must(t, ctx, "confirm the revocation", chromedp.Click(`#revoke-confirm`, chromedp.ByQuery),
		chromedp.WaitVisible(`.basis-item.basis-revoked[data-unit="ha-dong"]`, chromedp.ByQuery),
		chromedp.Click(`#tab-btn-ranking`, chromedp.ByQuery),
		chromedp.WaitVisible(`tr[data-unit="ha-dong"] .award-basis[data-basis="revoked"]`, chromedp.ByQuery))
	contains(t, "the revoked award on the ranking", textOf(t, ctx, `tr[data-unit="ha-dong"] td.award-cell`), "đã thu hồi", "thu hồi theo QĐ 15/QĐ-MTTQ-BTT")

	// Next season, from this one.
	must(t, ctx, "the next season's form",
		chromedp.Click(`#tab-btn-nextseason`, chromedp.ByQuery),
		chromedp.WaitVisible(`#ns-form`, chromedp.ByQuery))
	var id, year string
	must(t, ctx, "read the copy", chromedp.Value(`#ns-season`, &id, chromedp.ByQuery), chromedp.Value(`#ns-year`, &year, chromedp.ByQuery))
	if id != "hn-mttq-cum2-2025" || year != "2025" {
		t.Errorf("the copy is season %q, year %q; want hn-mttq-cum2-2025, 2025", id, year)
	}
	contains(t, "the rotation", textOf(t, ctx, `#ns-rotation`), "cụm trưởng Q. Cầu Giấy (cụm phó năm trước), cụm phó Q. Hà Đông")
	group := `#ns-rubric li[data-code="I.1"] > .r-row input[data-f="max"]`
	must(t, ctx, "break a group's total", retype(group, "14"),
		chromedp.WaitVisible(`#ns-rubric .sum.bad`, chromedp.ByQuery))
	contains(t, "the broken group", textOf(t, ctx, `#ns-rubric li[data-code="I.1"] > .sum.bad`), "Các mục con cộng lại 15, khác điểm tối đa 14")
	contains(t, "the group above it", textOf(t, ctx, `#ns-rubric li[data-code="I"] > .sum.bad`), "Các mục con cộng lại 49, khác điểm tối đa 50")
	must(t, ctx, "look at the rubric", chromedp.ScrollIntoView(`#ns-rubric li[data-code="I"]`, chromedp.ByQuery))
	shot("nextseason-rubric-desktop", false)
	must(t, ctx, "mend it", retype(group, "15"), chromedp.WaitNotPresent(`#ns-rubric .sum.bad`, chromedp.ByQuery))

	// Members pasted from a spreadsheet, one with a bad id for the server.
	rows := strings.Join([]string{
		"Bắc Từ Liêm!\tỦy ban MTTQ Việt Nam quận Bắc Từ Liêm\t13",
		"cau-giay\tỦy ban MTTQ Việt Nam quận Cầu Giấy\tNghĩa Đô; Nghĩa Tân; Mai Dịch; Dịch Vọng; Dịch Vọng Hậu; Quan Hoa; Yên Hòa; Trung Hòa",
		"ha-dong\tỦy ban MTTQ Việt Nam quận Hà Đông\t17",
		"nam-tu-liem\tỦy ban MTTQ Việt Nam quận Nam Từ Liêm\t10",
		"tay-ho\tỦy ban MTTQ Việt Nam quận Tây Hồ\t8",
		"thanh-xuan\tỦy ban MTTQ Việt Nam quận Thanh Xuân\t11",
	}, "\n")
	must(t, ctx, "paste the members",
		chromedp.Evaluate(`document.querySelector('details.paste').open = true`, nil),
		chromedp.SetValue(`#ns-paste`, rows, chromedp.ByQuery),
		chromedp.Click(`#ns-paste-add`, chromedp.ByQuery),
		chromedp.WaitVisible(`#ns-members li[data-i="5"]`, chromedp.ByQuery))
	var wards string
	must(t, ctx, "cau-giay's wards", chromedp.Value(`#ns-members li[data-i="1"] input[data-f="wards"]`, &wards, chromedp.ByQuery))
	if wards != "8" {
		t.Errorf("cau-giay pasted with its ward list has %q wards, want 8", wards)
	}
	// The slug of "Bắc Từ Liêm!" is a valid id; make it one the server refuses.
	must(t, ctx, "a unit id the server refuses",
		retype(`#ns-members li[data-i="0"] input[data-f="id"]`, "Bắc Từ Liêm"))
	before := ts.logLength()
	must(t, ctx, "open it", chromedp.Click(`#ns-open`, chromedp.ByQuery),
		chromedp.WaitVisible(`#ferr-data-members-0-id`, chromedp.ByQuery))
	var invalid string
	must(t, ctx, "the field", chromedp.AttributeValue(`#ns-members li[data-i="0"] input[data-f="id"]`, "aria-invalid", &invalid, nil, chromedp.ByQuery))
	if invalid != "true" {
		t.Errorf("the refused unit id is not marked: aria-invalid=%q", invalid)
	}
	contains(t, "the server's refusal, at the field", textOf(t, ctx, `#ferr-data-members-0-id`), "Mã chỉ gồm chữ thường không dấu")
	if after := ts.logLength(); after != before {
		t.Errorf("a refused season moved the log from %d to %d", before, after)
	}
	must(t, ctx, "look at the form", chromedp.ScrollIntoView(`#ns-form`, chromedp.ByQuery))
	shot("nextseason-form-desktop", false)
	must(t, ctx, "the form on a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.ScrollIntoView(`#ns-members`, chromedp.ByQuery))
	shot("nextseason-form-phone", false)
	must(t, ctx, "back to the desktop", desktop)
	must(t, ctx, "mend the id and open",
		retype(`#ns-members li[data-i="0"] input[data-f="id"]`, "bac-tu-liem"),
		chromedp.Click(`#ns-open`, chromedp.ByQuery),
		chromedp.WaitVisible(`#ns-tokens`, chromedp.ByQuery))
	var next struct {
		Year    int
		Head    string
		Deputy  string
		Members []struct {
			ID       string
			WardList []struct{ ID, Name string } `json:"ward_list"`
		}
	}
	if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/hn-mttq-cum2-2025?min_seq=%d", ts.logLength()), committee, nil, &next); st != http.StatusOK {
		t.Fatalf("the new season: %d %s", st, b)
	}
	if next.Year != 2025 || next.Head != "cau-giay" || next.Deputy != "ha-dong" || len(next.Members) != 6 || len(next.Members[1].WardList) != 8 || next.Members[1].WardList[0].ID != "nghia-do" {
		t.Errorf("the new season: %+v", next)
	}

	// Tokens to named people, then the sheet.
	holders := map[string][2]string{
		"bac-tu-liem": {"Trần Văn Minh", "Phó Chủ tịch Ủy ban MTTQ quận Bắc Từ Liêm"},
		"cau-giay":    {"Nguyễn Thị Hoa", "Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô"},
		"ha-dong":     {"Lê Quang Huy", "Ủy viên Thường trực Ủy ban MTTQ quận Hà Đông"},
		"nam-tu-liem": {"Phạm Thu Trang", "Chánh Văn phòng Ủy ban MTTQ quận Nam Từ Liêm"},
		"tay-ho":      {"Đỗ Minh Châu", "Phó Chủ tịch Ủy ban MTTQ quận Tây Hồ"},
		"thanh-xuan":  {"Hoàng Anh Tuấn", "Phó Chủ tịch Ủy ban MTTQ quận Thanh Xuân"},
	}
	var fill []chromedp.Action
	for unit, h := range holders {
		fill = append(fill,
			retype(fmt.Sprintf(`#ns-tokens input.holder[data-unit=%q]`, unit), h[0]),
			retype(fmt.Sprintf(`#ns-tokens input.position[data-unit=%q]`, unit), h[1]))
	}
	must(t, ctx, "name the holders", fill...)
	shot("nextseason-tokens-desktop", true)
	must(t, ctx, "issue the tokens", chromedp.Click(`#ns-issue`, chromedp.ByQuery),
		chromedp.WaitVisible(`#signin-sheet`, chromedp.ByQuery))
	contains(t, "cau-giay's card", textOf(t, ctx, `.signin-card[data-unit="cau-giay"]`),
		"Ủy ban MTTQ Việt Nam quận Cầu Giấy", "Nguyễn Thị Hoa — Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô", "#token=")
	shot("signin-sheet-desktop", true)
	// Printed, the sheet is all there is: no header, tabs or buttons.
	var printed map[string]bool // selector → laid out on the page
	must(t, ctx, "as printed",
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`Object.fromEntries(['header.top', '#tabs', '#ns-print', '#signin-sheet', '.signin-card'].map((s) => [s, document.querySelector(s).getClientRects().length > 0]))`, &printed),
		emulation.SetEmulatedMedia().WithMedia(""))
	for sel, shown := range printed {
		if want := !(sel == "header.top" || sel == "#tabs" || sel == "#ns-print"); shown != want {
			t.Errorf("printed, %s shown %v, want %v", sel, shown, want)
		}
	}
	var link string
	must(t, ctx, "read the link", chromedp.AttributeValue(`.signin-card[data-unit="cau-giay"] a`, "href", &link, nil, chromedp.ByQuery))

	var list struct {
		Tokens []struct{ ID, Role, Unit, Holder, Position, IssuedByName string }
	}
	if st, b := ts.do(http.MethodGet, "/api/v1/tokens", committee, nil, &list); st != http.StatusOK {
		t.Fatalf("tokens: %d %s", st, b)
	}
	named := 0
	for _, tk := range list.Tokens {
		if h, ok := holders[tk.Unit]; ok && tk.Holder == h[0] && tk.Position == h[1] {
			named++
		}
	}
	if named != len(holders) {
		t.Errorf("%d of %d units hold a named token: %+v", named, len(holders), list.Tokens)
	}

	// People: the list names them; one token is revoked from it.
	must(t, ctx, "the people tab", chromedp.Click(`#tab-btn-people`, chromedp.ByQuery),
		chromedp.WaitVisible(`#tab-people[data-state="ready"] #people-list`, chromedp.ByQuery))
	contains(t, "the list", textOf(t, ctx, `#people-list`), "Nguyễn Thị Hoa — Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô", "Hoàng Anh Tuấn")
	var txRow string
	must(t, ctx, "thanh-xuan's named token",
		chromedp.Evaluate(`[...document.querySelectorAll('#people-list tr[data-unit="thanh-xuan"]')].find((r) => r.textContent.includes('Hoàng Anh Tuấn')).dataset.token`, &txRow))
	row := fmt.Sprintf(`#people-list tr[data-token=%q]`, txRow)
	must(t, ctx, "revoke it",
		chromedp.Click(row+` button.revoke`, chromedp.ByQuery),
		chromedp.WaitVisible(row+` button.revoke-yes`, chromedp.ByQuery),
		chromedp.Click(row+` button.revoke-yes`, chromedp.ByQuery),
		chromedp.WaitVisible(`#pp-status`, chromedp.ByQuery),
		chromedp.WaitNotPresent(row, chromedp.ByQuery))
	shot("people-desktop", true)

	// The printed link, followed: cau-giay's workspace in the new season.
	must(t, ctx, "follow the link",
		chromedp.Navigate(link),
		chromedp.WaitVisible(`#tab-btn-report`, chromedp.ByQuery))
	contains(t, "the unit's workspace", textOf(t, ctx, `.ws-unit`), "Cầu Giấy")
	contains(t, "the season", textOf(t, ctx, `#title`), "2025")
	var href string
	must(t, ctx, "the address", chromedp.Location(&href))
	if strings.Contains(href, "token=") {
		t.Errorf("the token stays in the address: %s", href)
	}

	// What Hoa reports with it is signed with her name on the sheet.
	_, frag, _ := strings.Cut(link, "#token=")
	hoa, err := url.QueryUnescape(frag)
	if err != nil {
		t.Fatal(err)
	}
	fact := `{"id":"hoa-2025-dialogue","type":"activity.held","unit":"cau-giay","date":"2025-03-12","data":{"kind":"citizen_dialogue","title":"Đối thoại với nhân dân phường Nghĩa Đô"},"evidence":[{"kind":"document","title":"Biên bản đối thoại"}]}`
	if st, b := ts.do(http.MethodPost, "/api/v1/seasons/hn-mttq-cum2-2025/events", hoa, []byte(fact), nil); st != http.StatusCreated {
		t.Fatalf("a fact with the printed token: %d %s", st, b)
	}
	must(t, ctx, "cau-giay's sheet",
		chromedp.Click(`#tab-btn-ranking`, chromedp.ByQuery),
		chromedp.WaitVisible(`tr[data-unit="cau-giay"] th.unit`, chromedp.ByQuery),
		chromedp.Click(`tr[data-unit="cau-giay"] th.unit`, chromedp.ByQuery),
		chromedp.WaitVisible(`#sheet-body li.fact[data-event-id="hoa-2025-dialogue"] .by`, chromedp.ByQuery))
	contains(t, "the author", textOf(t, ctx, `#sheet-body li.fact[data-event-id="hoa-2025-dialogue"] .by`),
		"người ghi: Nguyễn Thị Hoa — Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô")
}
