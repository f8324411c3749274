package audit

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// The report for a person: one self-contained HTML page (inline style, no
// script, no external resource), Vietnamese first and English second, with
// the verdict, the log's integrity, the rankings and every unit's points
// and corrections with their reasons. html/template escapes every value.

//go:embed report.html.tmpl
var htmlReportSource string

var htmlReportTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"pts":        htmlPoints,
	"vidate":     domain.DateVi,
	"ptsp":       htmlPointsPtr,
	"view":       htmlLabel(htmlViews),
	"award":      htmlLabel(htmlAwards),
	"fstatus":    htmlLabel(htmlStatuses),
	"etype":      htmlLabel(htmlTypes),
	"kind":       htmlLabel(htmlKinds),
	"check":      htmlLabel(htmlChecks),
	"gatereason": domain.GateReasonNamed,
	"why":        htmlWhy,
	"weblink":    htmlWebLink,
	"struck":     htmlStruck,
	"awardcell": func(st domain.Standing, final, brief bool, awards []domain.AwardBasis) htmlAward {
		return htmlAward{Award: st.Award, Revoked: st.Revoked, Final: final, Brief: brief, Basis: basisOf(awards, st.Unit)}
	},
	"indent": htmlIndent,
	// who is set per report in WriteHTML: it names the token's holder.
	"who":  func(a any) htmlAuthor { return htmlWho(nil, a) },
	"role": htmlLabel(htmlRoles),
}).Parse(htmlReportSource))

// WriteHTML writes the report for a person: one self-contained HTML page.
// Nothing is written when the page cannot be rendered whole.
func (r *Report) WriteHTML(w io.Writer) error {
	var b bytes.Buffer
	people := r.People
	tmpl, cerr := htmlReportTmpl.Clone()
	if cerr != nil {
		return fmt.Errorf("audit: render the HTML report: %w", cerr)
	}
	tmpl.Funcs(template.FuncMap{"who": func(a any) htmlAuthor { return htmlWho(people, a) }})
	if err := tmpl.Execute(&b, r.htmlPage()); err != nil {
		return fmt.Errorf("audit: render the HTML report: %w", err)
	}
	_, err := b.WriteTo(w)
	return err
}

// htmlPage is what the template shows, prepared from the report.
type htmlPage struct {
	R     *Report
	First *Problem
	Units []htmlUnit
}

// htmlAuthor is who recorded an event, with the person's name where the
// token was issued to one.
type htmlAuthor struct {
	events.Author
	Person string
}

type htmlUnit struct {
	Sheet      domain.Sheet
	Standing   *domain.Standing // the unit's line in the sheets' view, if any
	Final      bool             // the sheets' view is the final one: awards are not provisional
	Awards     []domain.AwardBasis
	Items      []htmlItemRow
	Bonus      []htmlItemRow
	Deductions []htmlItemRow
}

// htmlAward is what the award cell shows.
type htmlAward struct {
	Award   *string
	Revoked *domain.Revocation
	Final   bool // the view is final: the award is not provisional
	Brief   bool // a ranking's cell: the revocation's reason is on the unit's sheet
	Basis   *domain.AwardBasis
}

// htmlWho is the author of an event (an events.Author or a pointer to
// one), named from people by token id.
func htmlWho(people map[string]string, a any) htmlAuthor {
	var au events.Author
	switch v := a.(type) {
	case events.Author:
		au = v
	case *events.Author:
		if v != nil {
			au = *v
		}
	}
	return htmlAuthor{Author: au, Person: people[au.Token]}
}

// basisOf finds how a unit's award was decided (nil: it has none).
func basisOf(awards []domain.AwardBasis, unit string) *domain.AwardBasis {
	for i := range awards {
		if awards[i].Unit == unit {
			return &awards[i]
		}
	}
	return nil
}

// htmlItemRow is one rubric item, flattened out of the item tree.
type htmlItemRow struct {
	Depth int
	domain.ItemScore
}

func (r *Report) htmlPage() *htmlPage {
	p := &htmlPage{R: r}
	if len(r.Problems) > 0 {
		p.First = &r.Problems[0]
	}
	byUnit := map[string]*domain.Standing{}
	var awards []domain.AwardBasis
	for _, rk := range r.Rankings {
		if rk.View == r.SheetsView {
			awards = rk.Awards
			for i := range rk.Standings {
				byUnit[rk.Standings[i].Unit] = &rk.Standings[i]
			}
		}
	}
	for _, sh := range r.Sheets {
		p.Units = append(p.Units, htmlUnit{
			Sheet: sh, Standing: byUnit[sh.Unit], Final: r.SheetsView == domain.Final, Awards: awards,
			Items: htmlFlatten(nil, sh.Items, 0), Bonus: htmlFlatten(nil, sh.Bonus, 0), Deductions: htmlFlatten(nil, sh.Deductions, 0),
		})
	}
	return p
}

func htmlFlatten(out []htmlItemRow, items []domain.ItemScore, depth int) []htmlItemRow {
	for _, it := range items {
		out = append(out, htmlItemRow{Depth: depth, ItemScore: it})
		out = htmlFlatten(out, it.Items, depth+1)
	}
	return out
}

// htmlPoints prints points as the API does: at most two decimals, a dot.
// Points and dates are written the Vietnamese way (94,12; 07/05/2024):
// the report is Vietnamese first.
func htmlPoints(p events.Points) string { return domain.PointsVi(p) }

func htmlPointsPtr(p *events.Points) string {
	if p == nil {
		return ""
	}
	return domain.PointsVi(*p)
}

// htmlBi is a Vietnamese and an English name.
type htmlBi struct{ Vi, En string }

// The wording is web/static/i18n.js's, so that the product speaks one
// language.
var (
	htmlViews = map[string]htmlBi{
		string(domain.Claimed):  {"Tự báo cáo", "Claimed"},
		string(domain.Verified): {"Đã xác minh", "Verified"},
		string(domain.Final):    {"Chính thức", "Final"},
	}
	htmlAwards = map[string]htmlBi{
		domain.AwardFlag:        {"Cờ thi đua", "Emulation flag"},
		domain.AwardCertificate: {"Bằng khen", "Certificate of merit"},
	}
	htmlStatuses = map[string]htmlBi{
		domain.FactVerified:       {"Đã xác minh", "Verified"},
		domain.FactPending:        {"Chờ xác minh", "Pending"},
		domain.FactRejected:       {"Bị từ chối", "Rejected"},
		domain.FactRetracted:      {"Đã rút", "Retracted"},
		domain.FactIgnored:        {"Không tính", "Ignored"},
		domain.DecisionCounted:    {"Được tính", "Counted"},
		domain.DecisionSuperseded: {"Đã được thay thế", "Superseded"},
	}
	htmlTypes = map[string]htmlBi{
		events.TypeActivityHeld:      {"Hoạt động", "Activity"},
		events.TypeModelRecognized:   {"Mô hình được công nhận", "Model recognised"},
		events.TypeExemplarHonored:   {"Điển hình được tôn vinh", "Exemplar honoured"},
		events.TypeCongressCompleted: {"Đại hội", "Congress"},
		events.TypeReportSubmitted:   {"Báo cáo", "Report"},
		events.TypeIndicatorReported: {"Kết quả chỉ tiêu", "Indicator reported"},
		events.TypeBonusAwarded:      {"Điểm thưởng", "Bonus"},
		events.TypeDeductionApplied:  {"Điểm trừ", "Deduction"},
		events.TypeScoreAssessed:     {"Chấm điểm", "Assessment"},
		events.TypeTargetAssigned:    {"Giao chỉ tiêu", "Target assigned"},
		events.TypeViolationRecorded: {"Ghi nhận vi phạm", "Violation recorded"},
		events.TypeAwardRevoked:      {"Thu hồi khen thưởng", "Award revoked"},
	}
	htmlRoles = map[string]htmlBi{
		events.RoleUnit:      {"Đơn vị", "Unit"},
		events.RoleCommittee: {"Ban Thường trực", "Committee"},
		events.RoleAdmin:     {"Quản trị", "Administrator"},
		events.RoleAuditor:   {"Kiểm toán", "Auditor"},
	}
	htmlKinds = map[string]htmlBi{
		"document": {"Văn bản", "Document"},
		"decision": {"Quyết định", "Decision"},
		"photo":    {"Ảnh", "Photo"},
		"file":     {"Tệp", "File"},
		"link":     {"Liên kết", "Link"},
	}
	htmlChecks = map[string]htmlBi{
		CheckFormat:       {"Định dạng nhật ký", "log format"},
		CheckSubject:      {"Vị trí sự kiện (subject)", "subject"},
		CheckDecode:       {"Giải mã sự kiện", "decode"},
		CheckChain:        {"Chuỗi băm", "hash chain"},
		CheckTree:         {"Cây Merkle", "Merkle tree"},
		CheckSignature:    {"Chữ ký", "signature"},
		CheckCoverage:     {"Phạm vi đã ký", "coverage"},
		CheckClosed:       {"Kết thúc mùa", "season close"},
		CheckFinalRanking: {"Xếp hạng chính thức đã ký", "signed final ranking"},
		CheckReplay:       {"Tái lập", "replay"},
		CheckLive:         {"Đối chiếu dữ liệu đang chạy", "live read model"},
		CheckFile:         {"Tệp minh chứng", "evidence file"},
	}
	htmlWhys = map[string]htmlBi{
		domain.FactVerified:  {"Ghi chú xác minh", "Review note"},
		domain.FactRejected:  {"Lý do từ chối", "Rejected because"},
		domain.FactRetracted: {"Lý do rút", "Retracted because"},
		domain.FactIgnored:   {"Lý do không tính", "Ignored because"},
	}
)

// htmlLabel names a value of the data; an unknown value is its own name.
func htmlLabel(m map[string]htmlBi) func(v any) htmlBi {
	return func(v any) htmlBi {
		s := fmt.Sprint(v)
		if p, ok := v.(*string); ok {
			s = ""
			if p != nil {
				s = *p
			}
		}
		if b, ok := m[s]; ok {
			return b
		}
		return htmlBi{s, s}
	}
}

// htmlIndent indents a sub-item's code by its depth in the item tree.
func htmlIndent(depth int) template.CSS {
	return template.CSS(fmt.Sprintf("padding-left: %.1fem", 0.4+1.2*float64(depth)))
}

// htmlWhy labels a fact's reason by its status.
func htmlWhy(status string) htmlBi {
	if b, ok := htmlWhys[status]; ok {
		return b
	}
	return htmlBi{"Lý do", "Reason"}
}

// htmlStruck is whether a fact or decision line counts nowhere.
func htmlStruck(status string) bool {
	switch status {
	case domain.FactRejected, domain.FactRetracted, domain.FactIgnored, domain.DecisionSuperseded:
		return true
	}
	return false
}

// htmlWebLink is whether an evidence URL may be a link: http(s) only; any
// other is shown as text.
func htmlWebLink(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
