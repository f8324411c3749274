package audit

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strconv"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

const evilName = `<script>alert(1)</script>`

// htmlTestSheets are two units' sheets: every kind of fact status and
// decision status, evidence with a web URL and a hostile one, and a unit
// whose name is markup.
func htmlTestSheets() []domain.Sheet {
	pts := func(p events.Points) *events.Points { return &p }
	return []domain.Sheet{
		{
			Unit: "p-ben-nghe", Name: "Phường Bến Nghé", Total: 9325, Content: 9125, BonusSum: 300, DeductSum: 100,
			Items: []domain.ItemScore{{
				Code: "I", Title: "Công tác tuyên truyền", TitleEn: "Outreach", Points: 2500, Max: 3000,
				Items: []domain.ItemScore{{
					Code: "I.1", Title: "Tổ chức Ngày hội Đại đoàn kết", Points: 1250, Max: 1500,
					Rule: "5 điểm mỗi khu dân cư / 5 points per area", Events: []string{"ev-fact-1"},
					Note: "đạt 5/6 khu dân cư", NoteEn: "5 of 6 areas",
				}},
			}},
			Bonus:      []domain.ItemScore{{Code: "B", Title: "Điểm thưởng", Points: 300, Max: 500, Events: []string{"ev-dec-1"}}},
			Deductions: []domain.ItemScore{{Code: "D", Title: "Điểm trừ", Points: 100, Max: 1000, Events: []string{"ev-dec-2"}}},
			Facts: []domain.FactLine{
				{ID: "ev-fact-1", Seq: 11, Type: events.TypeActivityHeld, Date: "2025-03-08", Summary: "Ngày hội Đại đoàn kết khu phố 3",
					Status: domain.FactVerified, Counted: true, Reason: "Đủ biên bản", By: "ev-review-1",
					Author:   events.Author{Role: events.RoleUnit, Unit: "cau-giay", Token: "tok-unit-cg"},
					ByAuthor: &events.Author{Role: events.RoleCommittee, Token: "tok-committee-1"},
					Evidence: []events.Evidence{
						{Kind: "document", Title: "Biên bản ngày hội", DocNo: "12/BB-MTTQ", Date: "2025-03-09", URL: "https://vanban.example.vn/bb?id=12&y=2025"},
						{Kind: "link", Title: "Liên kết lạ", URL: "javascript:alert(1)"},
						{Kind: "photo", Title: "Ảnh", URL: "http://anh.example.vn/1.jpg", SHA256: strings.Repeat("ab", 32)},
					}},
				{ID: "ev-fact-2", Seq: 15, Type: events.TypeReportSubmitted, Date: "2025-04-01", Summary: "Báo cáo Công tác tuyên truyền (hạn 05/04/2025)",
					SummaryEn: "Report: quý I (due 2025-04-05)", Status: domain.FactRetracted, Reason: "Nộp nhầm tệp", By: "ev-retract-1", Evidence: []events.Evidence{}},
				{ID: "ev-fact-3", Seq: 18, Type: events.TypeModelRecognized, Date: "2025-05-02", Summary: "Mô hình “Tổ dân phố xanh”",
					Status: domain.FactRejected, Reason: "Quyết định công nhận không hợp lệ", By: "ev-review-2", Evidence: []events.Evidence{}},
				{ID: "ev-fact-4", Seq: 21, Type: events.TypeIndicatorReported, Date: "2025-06-30", Summary: "Tin bài cho báo chí của MTTQ: 14 tin bài",
					SummaryEn: "media_articles: 14", Status: domain.FactPending, Evidence: []events.Evidence{}},
			},
			Decisions: []domain.DecisionLine{
				{ID: "ev-dec-1", Seq: 30, Type: events.TypeBonusAwarded, Date: "2025-07-01", Summary: "Cộng điểm / bonus +3", Points: pts(300),
					Reason: "Sáng kiến vận động Quỹ Vì người nghèo", DecisionNo: "45/QĐ-MTTQ", Status: domain.DecisionCounted},
				{ID: "ev-dec-2", Seq: 31, Type: events.TypeDeductionApplied, Date: "2025-07-02", Summary: "Trừ điểm / deduction -1", Points: pts(100),
					Reason: "Nộp báo cáo trễ hạn", Status: domain.DecisionCounted},
				{ID: "ev-dec-3", Seq: 32, Type: events.TypeDeductionApplied, Date: "2025-07-03", Summary: "Trừ điểm / deduction -2", Points: pts(200),
					Reason: "Trùng lặp với quyết định 45", Status: domain.DecisionRetracted, By: "ev-retract-2", RetractionReason: "Ghi nhầm đơn vị",
					Author: events.Author{Role: events.RoleCommittee, Token: "tok-committee-2"}, ByAuthor: &events.Author{Role: events.RoleCommittee, Token: "tok-committee-3"}},
				{ID: "ev-dec-4", Seq: 33, Type: events.TypeScoreAssessed, Summary: "Chấm mục I.1: 10 điểm / item I.1 assessed: 10 points", Item: "I.1", Points: pts(1000),
					Reason: "Chấm lần đầu", Status: domain.DecisionSuperseded, By: "ev-dec-5"},
				{ID: "ev-dec-5", Seq: 34, Type: events.TypeTargetAssigned, Summary: "Giao chỉ tiêu Tin bài cho báo chí của MTTQ: 12 tin bài / target for Articles for MTTQ media: 12 articles",
					Indicator: "media_articles", Value: 12, Reason: "Theo kế hoạch năm", Status: domain.DecisionCounted},
			},
		},
		{
			Unit: "p-evil", Name: evilName, Total: 5050, Content: 5050,
			Items: []domain.ItemScore{{Code: "I", Title: "Công tác tuyên truyền", Points: 5050, Max: 3000}},
			Facts: []domain.FactLine{{ID: "ev-fact-9", Seq: 40, Type: events.TypeActivityHeld, Date: "2025-08-01", Summary: `"><img src=x onerror=alert(2)>`,
				Status: domain.FactIgnored, Reason: "Sự kiện sau hạn chót của mùa", Evidence: []events.Evidence{}}},
			Decisions: []domain.DecisionLine{{ID: "ev-dec-9", Seq: 41, Type: events.TypeViolationRecorded, Summary: "Vi phạm (kỷ luật) theo 7/QĐ",
				DecisionNo: "7/QĐ-KL", Reason: "Vi phạm kỷ luật tài chính", Status: domain.DecisionCounted}},
		},
	}
}

// htmlTestRankings ranks the two units in the verified and final views.
func htmlTestRankings(t *testing.T) []Ranking {
	flag, cert := domain.AwardFlag, domain.AwardCertificate
	rows := []domain.Standing{
		{Rank: 1, Unit: "p-ben-nghe", Name: "Phường Bến Nghé", Total: 9325, Content: 9125, Bonus: 300, Deductions: 100,
			Classification: "Xuất sắc", ClassEn: "Excellent", Eligible: true, Award: &flag,
			Gates: []domain.GateResult{{Code: "G1", Passed: true}}, Groups: map[string]events.Points{"I": 2500}},
		{Rank: 2, Unit: "p-evil", Name: evilName, Total: 5050, Content: 5050, Classification: "Khá", ClassEn: "Good",
			Gates:   []domain.GateResult{{Code: "G1", Passed: false, Reason: "Có vi phạm kỷ luật / a disciplinary finding"}},
			Revoked: &domain.Revocation{Award: cert, Reason: "Phát hiện sai phạm sau tổng kết", DecisionNo: "9/QĐ-TH", Event: "ev-revoke-1"},
			Groups:  map[string]events.Points{"I": 5050}},
	}
	units, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	return []Ranking{
		{View: domain.Verified, SHA256: strings.Repeat("1", 64), Units: units, Standings: rows},
		{View: domain.Final, SHA256: strings.Repeat("2", 64), Units: units, Standings: rows},
	}
}

func htmlPassingReport(t *testing.T) *Report {
	yes := true
	return &Report{
		Season: "2025", Source: "/var/lib/thidua/2025.log", Key: "ban-thuong-truc-2025", OK: true, Problems: []Problem{},
		Log:         LogStats{Messages: 120, Events: 110, Checkpoints: 3, Subjects: 4, ChainLinks: 110, FirstSeq: 1, LastSeq: 120, Closed: 118},
		Checkpoints: []CheckpointResult{{Seq: 50, Size: 48, LastSeq: 49, Root: strings.Repeat("c", 64), RootMatches: true}, {Seq: 120, Size: 110, LastSeq: 119, Root: strings.Repeat("d", 64), RootMatches: true, FinalRanking: strings.Repeat("2", 64), RankingMatches: &yes}},
		Replayed:    110, Seq: 120, Rankings: htmlTestRankings(t), SheetsView: domain.Final, Sheets: htmlTestSheets(), LiveCompared: 5,
	}
}

func htmlFailingReport(t *testing.T) *Report {
	no := false
	r := htmlPassingReport(t)
	r.OK, r.AsOf, r.Seq = false, "2025-06-30T23:59:59+07:00", 97
	r.Problems = []Problem{
		{Seq: 4242, EventID: "01JEVENTFIRST", Subject: "thidua.2025.unit.p-ben-nghe", Check: CheckChain, What: "prev does not match its predecessor's hash"},
		{Seq: 5757, Check: CheckFinalRanking, What: "the checkpoint signs the final ranking 2222, but replaying gives 3333"},
	}
	r.Checkpoints[1].RootMatches, r.Checkpoints[1].RankingMatches = false, &no
	r.SheetsView = domain.Verified
	return r
}

func TestWriteHTML(t *testing.T) {
	// What a page with the test sheets says, whatever the verdict.
	sheets := []string{"Quyết định của Ban Thường trực", "Tất cả sự kiện", "Phường Bến Nghé", "Lý do rút", "Ghi nhầm đơn vị",
		"Ghi chú xác minh", "Thay bằng quyết định sau", "tin bài", "đã thu hồi", "12/BB-MTTQ", strings.Repeat("ab", 32),
		"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;", "javascript:alert(1)",
		`<a href="https://vanban.example.vn/bb?id=12&amp;y=2025" rel="noreferrer">`}
	tests := []struct {
		name     string
		report   func(t *testing.T) *Report
		ok       bool
		problems []uint64 // the problems' seqs, the first highlighted
		want     []string
	}{
		{
			name: "passing", report: htmlPassingReport, ok: true,
			want: append([]string{"ĐẠT — nhật ký nguyên vẹn, xếp hạng tái lập đúng từng byte", "PASSED — the log is intact and the ranking is reproduced byte for byte",
				"Chính thức", "Cờ thi đua", "Xuất sắc", "93,25", "50,5", "Được tính", "Đã rút", "Bị từ chối", "Chờ xác minh", "Đã được thay thế"}, sheets...),
		},
		{
			name: "failing with two problems", report: htmlFailingReport, ok: false, problems: []uint64{4242, 5757},
			want: append([]string{"KHÔNG ĐẠT", "FAILED", "Chỗ hỏng đầu tiên", "01JEVENTFIRST", "Chuỗi băm", "Đã xác minh", "2025-06-30T23:59:59&#43;07:00",
				"✗ không khớp", "Tính đến sự kiện số <strong>97</strong>"}, sheets...),
		},
		{
			name: "replay halted: no ranking, no sheet", ok: false, problems: []uint64{7},
			report: func(t *testing.T) *Report {
				return &Report{Season: "2025", Source: "-", Key: "k", Problems: []Problem{{Seq: 7, EventID: "ev-7", Check: CheckReplay, What: "the event cannot be replayed"}},
					Log: LogStats{Messages: 7, Events: 7, FirstSeq: 1, LastSeq: 7}, Replayed: 7}
			},
			want: []string{"KHÔNG ĐẠT", "Tái lập", "Không có bảng xếp hạng", "Không có bảng chấm điểm", "Không có điểm kiểm nào", "chưa kết thúc"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.report(t)
			var b bytes.Buffer
			if err := r.WriteHTML(&b); err != nil {
				t.Fatalf("WriteHTML: %v", err)
			}
			out := b.String()
			var again bytes.Buffer
			if err := r.WriteHTML(&again); err != nil || again.String() != out {
				t.Errorf("a second rendering differs (%v)", err)
			}

			// A whole page, well enough formed.
			for _, s := range []string{"<!DOCTYPE html>", `<html lang="vi">`, `<meta charset="utf-8">`, "<style>", "</body>\n</html>"} {
				if !strings.Contains(out, s) {
					t.Errorf("the page has no %q", s)
				}
			}
			for _, tag := range []string{"html", "head", "body", "section", "table", "thead", "tbody", "tr", "td", "th", "details", "summary", "dl", "ul", "li", "p", "div", "small", "code", "a"} {
				if open, closed := strings.Count(out, "<"+tag+">")+strings.Count(out, "<"+tag+" "), strings.Count(out, "</"+tag+">"); open != closed {
					t.Errorf("<%s>: %d opened, %d closed", tag, open, closed)
				}
			}
			if strings.Count(out, "<style>") != 1 {
				t.Errorf("want one inline <style>")
			}

			// No script, no markup from the data.
			lower := strings.ToLower(out)
			for _, bad := range []string{"<script", "<img", `href="javascript`, "<link", "@import", "url("} {
				if strings.Contains(lower, bad) {
					t.Errorf("the page contains %q", bad)
				}
			}

			// The verdict.
			verdict := htmlSection(t, out, `id="verdict"`)
			if want := `data-ok="` + strconv.FormatBool(tc.ok) + `"`; !strings.Contains(verdict, want) {
				t.Errorf("the verdict has no %s: %s", want, verdict)
			}
			if len(tc.problems) > 0 {
				first := strconv.FormatUint(tc.problems[0], 10)
				if !strings.Contains(verdict, `data-seq="`+first+`"`) || !strings.Contains(verdict, "<strong>"+first+"</strong>") {
					t.Errorf("the verdict does not highlight the first problem's seq %s: %s", first, verdict)
				}
				for _, later := range tc.problems[1:] {
					if strings.Contains(verdict, strconv.FormatUint(later, 10)) {
						t.Errorf("the verdict highlights seq %d, which is not the first problem", later)
					}
				}
			} else if strings.Contains(out, `class="problems"`) {
				t.Errorf("a passing report has a problems table")
			}
			for _, seq := range tc.problems {
				if !strings.Contains(out, `<tr data-seq="`+strconv.FormatUint(seq, 10)+`"`) {
					t.Errorf("no problem row with data-seq %d", seq)
				}
			}

			// Vietnamese first, with its diacritics, and English.
			for _, s := range append([]string{"Báo cáo kiểm toán mùa thi đua 2025", "Audit report", "Tính toàn vẹn của nhật ký",
				"Số mắt xích chuỗi băm đã kiểm", "Bảng xếp hạng", "Bảng chấm điểm từng đơn vị", r.Key, r.Source}, tc.want...) {
				if !strings.Contains(out, s) {
					t.Errorf("the page has no %q", s)
				}
			}

			// Every unit, every fact id and every decision's reasons.
			for _, sh := range r.Sheets {
				if !strings.Contains(out, `id="unit-`+sh.Unit+`"`) {
					t.Errorf("no <details> for unit %s", sh.Unit)
				}
				for _, f := range sh.Facts {
					if !strings.Contains(out, `id="ev-`+f.ID+`"`) {
						t.Errorf("unit %s: fact %s is missing", sh.Unit, f.ID)
					}
					who := []string{f.Author.Token}
					if f.ByAuthor != nil {
						who = append(who, f.ByAuthor.Token)
					}
					for _, s := range append(who, f.Reason, f.By, f.SummaryEn) {
						if s != "" && !strings.Contains(out, template.HTMLEscapeString(s)) {
							t.Errorf("unit %s: fact %s: %q is missing", sh.Unit, f.ID, s)
						}
					}
					for _, e := range f.Evidence {
						for _, s := range []string{e.Title, e.DocNo, e.URL} {
							if s != "" && !strings.Contains(out, template.HTMLEscapeString(s)) {
								t.Errorf("unit %s: fact %s: evidence %q is missing", sh.Unit, f.ID, s)
							}
						}
					}
				}
				for _, d := range sh.Decisions {
					who := []string{d.Author.Token}
					if d.ByAuthor != nil {
						who = append(who, d.ByAuthor.Token)
					}
					for _, s := range append(who, d.ID, d.Reason, d.DecisionNo, d.RetractionReason, d.By) {
						if s != "" && !strings.Contains(out, template.HTMLEscapeString(s)) {
							t.Errorf("unit %s: decision %s: %q is missing", sh.Unit, d.ID, s)
						}
					}
				}
			}

			// No address but the evidence's own.
			rest := out
			for _, sh := range r.Sheets {
				for _, f := range sh.Facts {
					for _, e := range f.Evidence {
						if e.URL != "" {
							rest = strings.ReplaceAll(rest, template.HTMLEscapeString(e.URL), "")
						}
					}
				}
			}
			for _, s := range []string{"http://", "https://"} {
				if i := strings.Index(rest, s); i >= 0 {
					t.Errorf("the page has an address that is not evidence: %q", rest[max(0, i-40):min(len(rest), i+60)])
				}
			}
		})
	}
}

// htmlSection returns the element that opens with attr, up to its </section>.
func htmlSection(t *testing.T, out, attr string) string {
	t.Helper()
	i := strings.Index(out, attr)
	if i < 0 {
		t.Fatalf("no element with %s", attr)
	}
	j := strings.Index(out[i:], "</section>")
	if j < 0 {
		t.Fatalf("the element with %s is not closed", attr)
	}
	return out[i : i+j]
}
