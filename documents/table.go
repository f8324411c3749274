// Package documents writes the committee's scoring table ("Bảng tổng hợp kết
// quả chấm điểm thi đua") as XLSX and CSV from one view of a season's
// ranking: the same domain.Standings and sheets that the rankings reply is
// encoded from, so every number in the file is the signed ranking's number.
package documents

import (
	"fmt"
	"strings"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// Table is what a scoring table is made from.
type Table struct {
	// Season is the season as opened and amended: cluster, year, the
	// rubric in force (its award rules say how an award was decided).
	Season    events.SeasonOpened
	ID        string
	Seq       uint64 // the stream sequence the standings are at
	Standings *domain.Standings
	// Place is where the document is made ("Hà Nội" when empty).
	Place string
}

// Title is the table's title, as Vietnamese committees name it.
const Title = "Bảng tổng hợp kết quả chấm điểm thi đua"

func (t *Table) place() string {
	if t.Place != "" {
		return t.Place
	}
	return "Hà Nội"
}

// Date is the latest business date in the view (a fact's or a committee
// decision's), as "YYYY-MM-DD", or "" when the season has none yet: the
// document is dated from the season's data, not from the clock, so the
// same log always gives the same file.
func (t *Table) Date() string {
	last := ""
	for _, sh := range t.Standings.Sheets {
		for _, f := range sh.Facts {
			last = max(last, f.Date)
		}
		for _, d := range sh.Decisions {
			last = max(last, d.Date)
		}
	}
	return last
}

// PlaceDate is "Hà Nội, ngày 31 tháng 12 năm 2024"; without a date the
// day and month are left to be written in by hand.
func (t *Table) PlaceDate() string {
	d, err := time.Parse(time.DateOnly, t.Date())
	if err != nil {
		return fmt.Sprintf("%s, ngày … tháng … năm %d", t.place(), t.Season.Year)
	}
	return fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", t.place(), d.Day(), int(d.Month()), d.Year())
}

// ViewName names a view in Vietnamese.
func ViewName(v domain.View) string {
	switch v {
	case domain.Claimed:
		return "Tự báo cáo"
	case domain.Verified:
		return "Đã xác minh"
	case domain.Final:
		return "Chính thức"
	}
	return string(v)
}

// Subtitle says which view, at which seq.
func (t *Table) Subtitle() string {
	return fmt.Sprintf("Năm %d · Chế độ xem: %s · Đến sự kiện số %d", t.Season.Year, ViewName(t.Standings.View), t.Seq)
}

// Group is a top-level group of the rubric (I, II, III, IV…).
type Group struct {
	Code, Title string
	Max         events.Points
}

// Groups lists the rubric's top-level groups in the order the sheets
// show them.
func (t *Table) Groups() []Group {
	var out []Group
	for _, it := range t.firstSheet().Items {
		out = append(out, Group{Code: it.Code, Title: it.Title, Max: it.Max})
	}
	return out
}

// firstSheet is the sheet of the first-ranked unit: every sheet of a view
// has the same items.
func (t *Table) firstSheet() domain.Sheet {
	if len(t.Standings.Units) == 0 {
		return domain.Sheet{}
	}
	return t.Standings.Sheets[t.Standings.Units[0].Unit]
}

// Eligibility says whether a unit may be proposed for an award, and if not
// which gate it fails.
func Eligibility(s domain.Standing) string {
	if s.Eligible {
		return "Đủ điều kiện"
	}
	var why []string
	for _, g := range s.Gates {
		if !g.Passed {
			vi, _, _ := strings.Cut(domain.GateReasonNamed(g.Reason), " / ")
			why = append(why, vi)
		}
	}
	return "Chưa đủ điều kiện: " + strings.Join(why, "; ")
}

// AwardName names an award in Vietnamese.
func AwardName(code string) string {
	switch code {
	case domain.AwardFlag:
		return "Cờ thi đua"
	case domain.AwardCertificate:
		return "Bằng khen"
	}
	return code
}

// Award is the unit's award, or the one revoked.
func Award(s domain.Standing) string {
	switch {
	case s.Award != nil:
		return AwardName(*s.Award)
	case s.Revoked != nil:
		return "Đã thu hồi " + AwardName(s.Revoked.Award)
	}
	return ""
}

// HowDecided says how the unit's award was decided: by the flag ballot,
// by its total under the rubric's thresholds, or withdrawn by a decision;
// before the final view it is only proposed.
func (t *Table) HowDecided(s domain.Standing) string {
	a := t.Season.Rubric.Awards
	var how string
	switch {
	case s.Revoked != nil:
		how = fmt.Sprintf("Thu hồi theo Quyết định số %s: %s", s.Revoked.DecisionNo, s.Revoked.Reason)
	case s.Award == nil:
		return ""
	case *s.Award == domain.AwardFlag && t.Standings.Ballot != "":
		how = "Theo kết quả bỏ phiếu của Cụm (quá nửa số phiếu)"
	case *s.Award == domain.AwardFlag:
		how = fmt.Sprintf("Đủ điều kiện, tổng điểm cao nhất từ %s điểm trở lên", Num(a.FlagMin))
	default:
		how = fmt.Sprintf("Đủ điều kiện, tổng điểm từ %s điểm trở lên, trong %d Bằng khen", Num(a.CertificateMin), a.Certificates)
	}
	if t.Standings.View != domain.Final && s.Revoked == nil {
		how += " (dự kiến)"
	}
	return how
}

// Num writes points as a Vietnamese reader reads them: 1.234,5.
func Num(p events.Points) string { return domain.PointsVi(p) }

// ViDate writes YYYY-MM-DD as dd/mm/yyyy; anything else is left as it is.
func ViDate(d string) string { return domain.DateVi(d) }

// StatusName names a fact's status in Vietnamese.
func StatusName(status string) string {
	switch status {
	case domain.FactVerified:
		return "Đã xác minh"
	case domain.FactPending:
		return "Chờ xác minh"
	case domain.FactRejected:
		return "Bị từ chối"
	case domain.FactRetracted:
		return "Đã rút"
	case domain.FactIgnored:
		return "Không tính"
	case domain.FactQueried:
		return "Cần giải trình"
	case domain.FactExplained:
		return "Đã giải trình"
	}
	return status
}

func kindName(kind string) string {
	switch kind {
	case "document":
		return "Văn bản"
	case "decision":
		return "Quyết định"
	case "photo":
		return "Ảnh"
	case "file":
		return "Tệp"
	case "link":
		return "Liên kết"
	}
	return kind
}

// Evidence writes a fact's evidence on one line: its kind and title, its
// document number and date, and the file's name.
func Evidence(evs []events.Evidence) string {
	var out []string
	for _, e := range evs {
		s := kindName(e.Kind) + ": " + e.Title
		if e.DocNo != "" {
			s += ", số " + e.DocNo
		}
		if e.Date != "" {
			s += ", ngày " + ViDate(e.Date)
		}
		if e.FileName != "" {
			s += ", tệp " + e.FileName
		} else if e.File != "" {
			s += ", tệp " + e.File
		}
		if e.URL != "" {
			s += ", " + e.URL
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// Row is one line of the item matrix: a rubric item (or a subtotal) with
// every unit's points in rank order.
type Row struct {
	Code, Title string
	// Key names a subtotal row for machines (content, bonus, deductions,
	// total); an item row has its code.
	Key    string
	Max    *events.Points // nil: no maximum (bonus, deductions, totals)
	Level  int            // 0 for a top-level group or a subtotal
	Group  bool           // a group or a subtotal: its points are the sum of the rows under it
	Points []events.Points
}

// Items lists the item matrix's rows: every rubric item in order, groups
// with their subtotal, then content, bonus and deductions with their items,
// and the total.
func (t *Table) Items() []Row {
	units := t.Standings.Units
	sheets := make([]domain.Sheet, len(units))
	for i, u := range units {
		sheets[i] = t.Standings.Sheets[u.Unit]
	}
	var rows []Row
	pts := func(pick func(domain.Sheet) events.Points) []events.Points {
		out := make([]events.Points, len(sheets))
		for i, sh := range sheets {
			out[i] = pick(sh)
		}
		return out
	}
	var walk func(items []domain.ItemScore, path []int, level int, list func(domain.Sheet) []domain.ItemScore)
	walk = func(items []domain.ItemScore, path []int, level int, list func(domain.Sheet) []domain.ItemScore) {
		for i, it := range items {
			p := append(append([]int(nil), path...), i)
			max := it.Max
			rows = append(rows, Row{Code: it.Code, Key: it.Code, Title: it.Title, Max: &max, Level: level, Group: len(it.Items) > 0,
				Points: pts(func(sh domain.Sheet) events.Points { return at(list(sh), p).Points })})
			walk(it.Items, p, level+1, list)
		}
	}
	walk(t.firstSheet().Items, nil, 0, func(sh domain.Sheet) []domain.ItemScore { return sh.Items })
	var content events.Points
	for _, g := range t.Groups() {
		content += g.Max
	}
	rows = append(rows, Row{Key: "content", Title: "Cộng điểm nội dung", Max: &content, Group: true, Points: pts(func(sh domain.Sheet) events.Points { return sh.Content })})
	bonusCap, deductCap := t.Season.Rubric.Bonus.Cap, t.Season.Rubric.Deductions.Cap
	rows = append(rows, Row{Key: "bonus", Title: "Điểm cộng", Max: &bonusCap, Group: true, Points: pts(func(sh domain.Sheet) events.Points { return sh.BonusSum })})
	walk(t.firstSheet().Bonus, nil, 1, func(sh domain.Sheet) []domain.ItemScore { return sh.Bonus })
	rows = append(rows, Row{Key: "deductions", Title: "Điểm trừ", Max: &deductCap, Group: true, Points: pts(func(sh domain.Sheet) events.Points { return sh.DeductSum })})
	walk(t.firstSheet().Deductions, nil, 1, func(sh domain.Sheet) []domain.ItemScore { return sh.Deductions })
	rows = append(rows, Row{Key: "total", Title: "Tổng điểm", Group: true, Points: pts(func(sh domain.Sheet) events.Points { return sh.Total })})
	return rows
}

// at finds an item by its position in the rubric's tree: every sheet of a
// view has the same tree.
func at(items []domain.ItemScore, path []int) domain.ItemScore {
	var it domain.ItemScore
	for _, i := range path {
		if i >= len(items) {
			return domain.ItemScore{}
		}
		it = items[i]
		items = it.Items
	}
	return it
}
