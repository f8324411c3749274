package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// choose picks an option of a select as a person does, so the page hears
// the change.
func choose(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => {
		const s = document.querySelector(%q);
		s.value = %q;
		s.dispatchEvent(new Event('change', { bubbles: true }));
		return s.value;
	})()`, sel, value), nil)
}

// TestUnitWorkspace is a ward secretary's morning, in a real Chromium, with
// the unit's token and the form alone: report a pilot ward congress with
// its personnel structure, see it pending in the unit's facts, see it
// verified and the ranking change when the committee verifies it (no
// reload), and find the ward gone from "Việc cần làm". Then a second
// report with a date outside the year: the API's error shows on the date
// field and nothing reaches the log. Desktop and phone.
func TestUnitWorkspace(t *testing.T) {
	for _, size := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}} {
		t.Run(size.name, func(t *testing.T) {
			ctx := browser(t, 2*time.Minute)
			ts := startServer(t, "")
			committee, units := ts.openDemoSeason()
			tok := units["cau-giay"]
			shots := os.Getenv("THIDUA_SCREENSHOTS")
			emulate := chromedp.EmulateViewport(size.width, size.height)
			if size.mobile {
				emulate = chromedp.EmulateViewport(size.width, size.height, chromedp.EmulateScale(2), chromedp.EmulateMobile)
			}
			// A full-page screenshot resizes the viewport; the emulation is
			// set again after it, or later clicks land off their targets.
			shot := func(name string, full bool) {
				if shots == "" {
					return
				}
				var png []byte
				actions := []chromedp.Action{chromedp.Sleep(300 * time.Millisecond), chromedp.CaptureScreenshot(&png)}
				if full {
					actions = []chromedp.Action{chromedp.Sleep(300 * time.Millisecond), chromedp.FullScreenshot(&png, 100), emulate}
				}
				must(t, ctx, "screenshot "+name, actions...)
				if err := os.WriteFile(filepath.Join(shots, name+"-"+size.name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			form := `form.report[data-type="congress.completed"]`
			pdf := filepath.Join(t.TempDir(), "bien-ban-dai-hoi.pdf")
			pdfBytes := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			if err := os.WriteFile(pdf, pdfBytes, 0o644); err != nil {
				t.Fatal(err)
			}
			must(t, ctx, "open the report form",
				emulate,
				chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"&tab=report&date=2024-04-10#token="+tok),
				chromedp.WaitVisible(`#tab-report input[value="congress.completed"]`, chromedp.ByQuery),
				chromedp.Click(`#tab-report input[value="congress.completed"]`, chromedp.ByQuery),
				chromedp.WaitVisible(form, chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="date"]`, "28/03/2024", chromedp.ByQuery),
				choose(form+` [name="data.level"]`, "ward"),
				chromedp.WaitVisible(form+` [name="data.ward"]`, chromedp.ByQuery),
				choose(form+` [name="data.ward"]`, "nghia-tan"),
				chromedp.Click(form+` [name="data.pilot"]`, chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="data.delegates"]`, "120", chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="data.structure.women"]`, "42,5", chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="data.structure.non_party"]`, "31", chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="data.structure.youth"]`, "15", chromedp.ByQuery),
				// The scan of the minutes, picked from the phone's files: it is
				// uploaded at once and the item then names it.
				chromedp.SetUploadFiles(form+` .ev-item input[type="file"]`, []string{pdf}, chromedp.ByQuery),
				chromedp.WaitVisible(form+` .ev-item .upload-info.ok`, chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="evidence[0].title"]`, "Biên bản Đại hội điểm MTTQ phường Nghĩa Tân", chromedp.ByQuery),
				chromedp.SendKeys(form+` [name="evidence[0].doc_no"]`, "01/BB-ĐH", chromedp.ByQuery),
			)
			shot("report-form", true)
			before := ts.logLength()
			var status string
			must(t, ctx, "send it (twice, as a double click would)",
				// Two clicks in one task, as a double click lands.
				chromedp.Evaluate(`(() => { const b = document.querySelector('`+form+` button[type="submit"]'); b.click(); b.click(); })()`, nil),
				chromedp.WaitVisible(form+` .form-status.ok`, chromedp.ByQuery),
				chromedp.Text(form+` .form-status`, &status, chromedp.ByQuery),
			)
			if !strings.Contains(status, "Đã gửi") {
				t.Errorf("the form says %q", status)
			}
			if after := ts.logLength(); after != before+1 {
				t.Errorf("the log grew by %d events, want exactly one", after-before)
			}
			var evs struct {
				Events []struct {
					ID   string
					Type string
					Data struct {
						Ward      string
						Pilot     bool
						Structure map[string]float64
					}
					Evidence []struct {
						File     string
						FileName string `json:"file_name"`
					}
				}
			}
			if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/events?unit=cau-giay&min_seq=%d", domain.DemoSeasonID, ts.logLength()), committee, nil, &evs); st != 200 || len(evs.Events) != 1 {
				t.Fatalf("events: %d %s", st, b)
			}
			got := evs.Events[0]
			if got.Type != events.TypeCongressCompleted || got.Data.Ward != "nghia-tan" || !got.Data.Pilot || got.Data.Structure["women"] != 42.5 {
				t.Errorf("the form posted %+v", got)
			}
			sum := sha256.Sum256(pdfBytes)
			if len(got.Evidence) != 1 || got.Evidence[0].File != hex.EncodeToString(sum[:]) || got.Evidence[0].FileName != "bien-ban-dai-hoi.pdf" {
				t.Errorf("the evidence names %+v, want the uploaded PDF", got.Evidence)
			}

			dossier := `#tab-dossier .fact-card[data-event-id="` + got.ID + `"]`
			var badge string
			must(t, ctx, "the fact is pending in the unit's facts",
				chromedp.Click(`#tabs [data-tab="dossier"]`, chromedp.ByQuery),
				chromedp.WaitVisible(dossier, chromedp.ByQuery),
				chromedp.Text(dossier+` .badge`, &badge, chromedp.ByQuery),
			)
			if badge != "Chờ xác minh" {
				t.Errorf("status %q, want Chờ xác minh", badge)
			}
			var fileLink string
			must(t, ctx, "the dossier lists the file", chromedp.Text(dossier+` .ev-file`, &fileLink, chromedp.ByQuery))
			if !strings.Contains(fileLink, "bien-ban-dai-hoi.pdf") || !strings.Contains(fileLink, "PDF") {
				t.Errorf("the file in the dossier: %q", fileLink)
			}
			shot("dossier", true)
			var todo string
			must(t, ctx, "the todo list", chromedp.Click(`#tabs [data-tab="todo"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#tab-todo li[data-code="III.1"]`, chromedp.ByQuery),
				chromedp.Text(`#tab-todo li[data-code="III.1"]`, &todo, chromedp.ByQuery))
			if strings.Contains(todo, "Nghĩa Tân") || !strings.Contains(todo, "Phường Dịch Vọng") {
				t.Errorf("III.1 still names the reported ward, or not the others: %q", todo)
			}
			shot("todo", true)

			// The committee asks first ("yêu cầu giải trình"); the unit answers
			// on its page and the fact goes back to the committee.
			st, b, q := ts.post(committee, `{"type":"fact.queried","data":{"target":"`+got.ID+`","question":"Đề nghị bổ sung danh sách đại biểu"}}`)
			if st != http.StatusCreated {
				t.Fatalf("query: %d %s", st, b)
			}
			// A question moves no ranking, so no live message brings it: the
			// page reads it when the tab opens, once the read model has it.
			ts.waitFolded(q.Seq)
			var question string
			must(t, ctx, "the question stands out in the unit's facts",
				chromedp.Click(`#tabs [data-tab="dossier"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#tab-dossier .queried-h`, chromedp.ByQuery),
				chromedp.WaitVisible(dossier+`.st-queried .question`, chromedp.ByQuery),
				chromedp.Text(dossier+`.st-queried .question`, &question, chromedp.ByQuery),
			)
			if !strings.Contains(question, "Đề nghị bổ sung danh sách đại biểu") {
				t.Errorf("question shown as %q", question)
			}
			before = ts.logLength()
			must(t, ctx, "answer it",
				chromedp.Click(`#tab-dossier .queried-h + ul `+dossier[len("#tab-dossier "):]+` .actions button.secondary`, chromedp.ByQuery),
				chromedp.WaitVisible(`#tab-dossier .action-form textarea`, chromedp.ByQuery))
			must(t, ctx, "answer it",
				chromedp.SendKeys(`#tab-dossier .action-form textarea`, "Đã bổ sung danh sách 120 đại biểu", chromedp.ByQuery),
				chromedp.SendKeys(`#tab-dossier .action-form input`, "Danh sách đại biểu chính thức", chromedp.ByQuery),
				chromedp.Click(`#tab-dossier .action-form button[type="submit"]`, chromedp.ByQuery),
				chromedp.WaitVisible(dossier+`.st-explained`, chromedp.ByQuery),
			)
			if after := ts.logLength(); after != before+1 {
				t.Errorf("the answer appended %d events, want one", after-before)
			}

			// The committee verifies through the API; the unit's page follows.
			must(t, ctx, "back to the ranking", chromedp.Click(`#tabs [data-tab="ranking"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`table#rankings tr.mine[data-unit="cau-giay"]`, chromedp.ByQuery),
				chromedp.Evaluate(`window.thiduaNoReload = "still here"`, nil))
			if st, b, _ := ts.post(committee, `{"type":"fact.verified","data":{"target":"`+got.ID+`"}}`); st != http.StatusCreated {
				t.Fatalf("verify: %d %s", st, b)
			}
			var marker string
			// III.1 6 × 1/8 = 0.75 and III.2 pilot on time 2: 2.75.
			must(t, ctx, "the ranking row changes",
				chromedp.WaitVisible(`table#rankings tr.mine[data-unit="cau-giay"] td.total[data-value="2.75"]`, chromedp.ByQuery),
				chromedp.Click(`#tabs [data-tab="dossier"]`, chromedp.ByQuery),
				chromedp.WaitVisible(dossier+`.st-verified`, chromedp.ByQuery),
				chromedp.Evaluate(`window.thiduaNoReload`, &marker))
			if marker != "still here" {
				t.Error("the page reloaded")
			}

			// A date outside the season's year: the API's own error, on the
			// date field, and nothing appended.
			before = ts.logLength()
			var dateErr string
			var invalid string
			must(t, ctx, "a report with a bad date",
				chromedp.Click(`#tabs [data-tab="report"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`#tab-report input[value="report.submitted"]`, chromedp.ByQuery),
				chromedp.Click(`#tab-report input[value="report.submitted"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`form.report[data-type="report.submitted"]`, chromedp.ByQuery),
				chromedp.SendKeys(`form.report [name="date"]`, "05/01/2025", chromedp.ByQuery),
				choose(`form.report [name="data.topic"]`, "propaganda"),
				chromedp.SendKeys(`form.report [name="data.due"]`, "31/12/2024", chromedp.ByQuery),
				chromedp.SendKeys(`form.report [name="evidence[0].title"]`, "Báo cáo tuyên truyền quý IV", chromedp.ByQuery),
				chromedp.Click(`form.report button[type="submit"]`, chromedp.ByQuery),
				chromedp.WaitVisible(`form.report .field[data-path="date"] .ferr:not([hidden])`, chromedp.ByQuery),
				chromedp.Text(`form.report .field[data-path="date"] .ferr`, &dateErr, chromedp.ByQuery),
				chromedp.AttributeValue(`form.report [name="date"]`, "aria-invalid", &invalid, nil, chromedp.ByQuery),
			)
			if dateErr != "Ngày phải trong năm 2024." || invalid != "true" {
				t.Errorf("date error %q (aria-invalid %q)", dateErr, invalid)
			}
			if after := ts.logLength(); after != before {
				t.Errorf("a refused report changed the log: %d → %d", before, after)
			}
			shot("report-error", true)

			// Last, for the README: a question waiting for its answer. (A
			// screenshot in the middle of the flow stalls the next request
			// in headless Chromium, so it is taken at the end.)
			if shots != "" {
				if st, b, r := ts.post(tok, `{"type":"report.submitted","unit":"cau-giay","date":"2024-04-02","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-03-31"},"evidence":[{"kind":"document","title":"Báo cáo tuyên truyền quý I","doc_no":"15/BC-MTTQ"}]}`); st != http.StatusCreated {
					t.Fatalf("report: %d %s", st, b)
				} else if st, b, q := ts.post(committee, `{"type":"fact.queried","data":{"target":"`+r.ID+`","question":"Báo cáo nộp sau hạn 31/03: đề nghị giải trình lý do"}}`); st != http.StatusCreated {
					t.Fatalf("query: %d %s", st, b)
				} else {
					ts.waitFolded(q.Seq)
				}
				must(t, ctx, "a question to answer",
					chromedp.Click(`#tabs [data-tab="dossier"]`, chromedp.ByQuery),
					chromedp.WaitVisible(`#tab-dossier .queried-h + ul .fact-card .actions button.secondary`, chromedp.ByQuery),
					chromedp.Click(`#tab-dossier .queried-h + ul .fact-card .actions button.secondary`, chromedp.ByQuery),
					chromedp.WaitVisible(`#tab-dossier .action-form textarea`, chromedp.ByQuery),
					chromedp.SendKeys(`#tab-dossier .action-form textarea`, "Báo cáo gửi qua bưu điện ngày 29/03, kèm phiếu gửi", chromedp.ByQuery))
				shot("dossier-question", false)
			}
		})
	}
}

// waitFolded returns once the read model has folded seq in (a read with
// min_seq waits for it).
func (ts *testServer) waitFolded(seq uint64) {
	ts.t.Helper()
	if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s?min_seq=%d", domain.DemoSeasonID, seq), testAdmin, nil, nil); st != http.StatusOK {
		ts.t.Fatalf("wait for seq %d: %d %s", seq, st, b)
	}
}

// TestUnitWorkspaceInEnglish: the toggle turns the workspace's own words
// into English (the season's names stay as the catalogue gives them).
func TestUnitWorkspaceInEnglish(t *testing.T) {
	ctx := browser(t, time.Minute)
	ts := startServer(t, "")
	_, units := ts.openDemoSeason()
	var tabs, form string
	must(t, ctx, "the workspace in English",
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"&tab=report&lang=en#token="+units["tay-ho"]),
		chromedp.WaitVisible(`#tab-report input[value="indicator.reported"]`, chromedp.ByQuery),
		chromedp.Click(`#tab-report input[value="indicator.reported"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`form.report`, chromedp.ByQuery),
		chromedp.Text(`#tabs`, &tabs, chromedp.ByQuery),
		chromedp.Text(`#tab-report`, &form, chromedp.ByQuery),
	)
	for _, want := range []string{"Report a fact", "Our facts", "Still open", "Ranking"} {
		if !strings.Contains(tabs, want) {
			t.Errorf("tabs %q lack %q", tabs, want)
		}
	}
	for _, want := range []string{"What does the unit report?", "Indicator reported", "Evidence", "Send the report", "Fund for the poor"} {
		if !strings.Contains(form, want) {
			t.Errorf("the form lacks %q:\n%s", want, form)
		}
	}
	for _, vi := range []string{"Báo cáo kết quả", "Gửi báo cáo", "Hồ sơ minh chứng"} {
		if strings.Contains(tabs+form, vi) {
			t.Errorf("the English page still says %q", vi)
		}
	}
}
