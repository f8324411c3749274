package documents

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// Sheet names of the scoring table.
const (
	SheetSummary = "Tổng hợp"
	SheetItems   = "Chi tiết theo mục"
	SheetFacts   = "Sự kiện"
)

// Layout of every sheet: the document's header on rows 1–4, the table's
// header on row 6, its lines from row 7.
const (
	headerRow = 6
	firstRow  = 7
)

// PointsFormat shows points the Vietnamese way, 1.234,50. The format
// carries the Vietnamese locale (LCID 042A), whose separators LibreOffice
// follows; Excel takes them from the computer's regional settings, which
// are Vietnamese on a committee's computers. The cell holds the number
// itself, not text, so the file sums and sorts like the ranking.
const PointsFormat = `[$-42A]#,##0.00`

// DateFormat shows a date as dd/mm/yyyy.
const DateFormat = `dd/mm/yyyy`

// Font is the administrative documents' typeface.
const Font = "Times New Roman"

// paperA4 is A4 in the spreadsheet's paper size codes.
const paperA4 = 9

type styles struct {
	title, subtitle, place, cluster      int
	head, text, textBold, wrap           int
	points, pointsBold, date, rank, note int
}

// WriteXLSX writes the scoring table as an XLSX workbook of three sheets:
// the summary, every rubric item by unit, and the facts. Each sheet is
// written with excelize's streaming writer, so a season of many facts
// is not held in memory as cells.
func (t *Table) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(Font); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, name := range []string{SheetItems, SheetFacts} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := t.summary(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetSummary, err)
	}
	if err := t.items(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetItems, err)
	}
	if err := t.facts(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetFacts, err)
	}
	f.SetActiveSheet(0)
	f.SetDocProps(&excelize.DocProperties{
		Title:    Title,
		Subject:  t.Season.Cluster.Name,
		Creator:  "thidua",
		Language: "vi-VN",
		// A fixed time: the same log makes the same file.
		Created:  time.Date(t.Season.Year, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339),
		Modified: time.Date(t.Season.Year, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339),
	})
	return f.Write(w)
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: Font, Size: size, Bold: bold, Italic: italic}
	}
	pf, df := PointsFormat, DateFormat
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.cluster, excelize.Style{Font: font(12, true, false)}},
		{&st.title, excelize.Style{Font: font(14, true, false), Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.subtitle, excelize.Style{Font: font(12, false, true), Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&st.place, excelize.Style{Font: font(12, false, true), Alignment: &excelize.Alignment{Horizontal: "right"}}},
		{&st.head, excelize.Style{Font: font(12, true, false), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.textBold, excelize.Style{Font: font(12, true, false), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.wrap, excelize.Style{Font: font(11, false, false), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.note, excelize.Style{Font: font(11, false, true), Alignment: &excelize.Alignment{WrapText: false}}},
		{&st.points, excelize.Style{Font: font(12, false, false), Border: border, CustomNumFmt: &pf, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.pointsBold, excelize.Style{Font: font(12, true, false), Border: border, CustomNumFmt: &pf, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.date, excelize.Style{Font: font(12, false, false), Border: border, CustomNumFmt: &df, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&st.rank, excelize.Style{Font: font(12, false, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
	}
	for _, d := range defs {
		if *d.id, err = f.NewStyle(&d.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

// page sets a sheet for print, before its rows are streamed: A4
// landscape, one page wide and as many pages long as it takes, the
// table's header row repeated on every page, page numbers at the foot.
func page(f *excelize.File, sheet string) error {
	a4, landscape, wide, long := paperA4, "landscape", 1, 0
	fit := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &long}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	// Decree 30's margins, in inches: 2 cm at the top and bottom, 3 cm
	// on the bound side, 1.5 cm on the other.
	top, bottom, left, right := 0.79, 0.79, 1.18, 0.59
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &left, Right: &right}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&\"Times New Roman\"&10Trang &P/&N"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow),
		Scope:    sheet,
	})
}

// stream starts a sheet: its print settings, column widths and frozen
// panes (the header row and the first cols columns), then the document's
// header on rows 1–4.
func (t *Table) stream(f *excelize.File, st styles, sheet string, widths []float64, frozen int) (*excelize.StreamWriter, error) {
	if err := page(f, sheet); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return nil, err
		}
	}
	topLeft, _ := excelize.CoordinatesToCellName(frozen+1, firstRow)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: frozen, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomRight"}}}); err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(widths))
	head := []struct {
		text  string
		style int
	}{
		{t.Season.Cluster.Name, st.cluster},
		{fmt.Sprintf("%s năm %d", Title, t.Season.Year), st.title},
		{t.Subtitle(), st.subtitle},
		{t.PlaceDate(), st.place},
	}
	for i, h := range head {
		row := i + 1
		cell := fmt.Sprintf("A%d", row)
		if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: h.style, Value: upperTitle(h.text, row)}}, excelize.RowOpts{Height: 20}); err != nil {
			return nil, err
		}
		if err := sw.MergeCell(cell, fmt.Sprintf("%s%d", last, row)); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// upperTitle writes the title in capitals, as the decree lays it out.
func upperTitle(s string, row int) string {
	if row == 2 {
		return strings.ToUpper(s)
	}
	return s
}

func headRow(sw *excelize.StreamWriter, st styles, cols []string, widths []float64) error {
	cells := make([]any, len(cols))
	for i, c := range cols {
		cells[i] = excelize.Cell{StyleID: st.head, Value: c}
	}
	return sw.SetRow(fmt.Sprintf("A%d", headerRow), cells, excelize.RowOpts{Height: rowHeight(widths, cols, 12)})
}

// setRow writes a table row as tall as its wrapped text needs.
func setRow(sw *excelize.StreamWriter, row int, cells []any, widths []float64) error {
	texts := make([]string, len(cells))
	for i, c := range cells {
		if cell, ok := c.(excelize.Cell); ok {
			if s, ok := cell.Value.(string); ok {
				texts[i] = s
			}
		}
	}
	return sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: rowHeight(widths, texts, 12)})
}

// rowHeight estimates, in points, the height a row needs for its wrapped
// text: spreadsheet programs do not size streamed rows to their text, and
// a row too short overlaps the next on paper. A cell of width w (in the
// widths of a "0") holds about w×1.1 characters of 12 pt Times New Roman
// a line; words wrap, so a little more is allowed for.
func rowHeight(widths []float64, texts []string, size float64) float64 {
	lines := 1
	for i, text := range texts {
		if i >= len(widths) || text == "" {
			continue
		}
		per := widths[i] * 1.1 * 12 / size
		n := 0
		for _, para := range strings.Split(text, "\n") {
			n += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))*1.15/per)))
		}
		lines = max(lines, n)
	}
	return float64(lines)*size*1.25 + 4
}

// value is a cell's number: points are stored as the number they are
// (94.12), never as a formula, so the file cannot drift from the ranking.
func value(p events.Points) float64 { return float64(p) / 100 }

func (t *Table) summary(f *excelize.File, st styles) error {
	groups := t.Groups()
	cols := []string{"Hạng", "Đơn vị"}
	widths := []float64{7, 30}
	for _, g := range groups {
		cols = append(cols, fmt.Sprintf("Nhóm %s (tối đa %s)", g.Code, Num(g.Max)))
		widths = append(widths, 11)
	}
	cols = append(cols, "Điểm cộng", "Điểm trừ", "Tổng điểm", "Xếp loại", "Điều kiện đề nghị khen thưởng", "Khen thưởng", "Căn cứ khen thưởng")
	widths = append(widths, 11, 11, 12, 16, 26, 16, 34)
	sw, err := t.stream(f, st, SheetSummary, widths, 2)
	if err != nil {
		return err
	}
	if err := headRow(sw, st, cols, widths); err != nil {
		return err
	}
	for i, u := range t.Standings.Units {
		row := []any{excelize.Cell{StyleID: st.rank, Value: u.Rank}, excelize.Cell{StyleID: st.textBold, Value: u.Name}}
		for _, g := range groups {
			row = append(row, excelize.Cell{StyleID: st.points, Value: value(u.Groups[g.Code])})
		}
		row = append(row,
			excelize.Cell{StyleID: st.points, Value: value(u.Bonus)},
			excelize.Cell{StyleID: st.points, Value: value(u.Deductions)},
			excelize.Cell{StyleID: st.pointsBold, Value: value(u.Total)},
			excelize.Cell{StyleID: st.text, Value: u.Classification},
			excelize.Cell{StyleID: st.wrap, Value: Eligibility(u)},
			excelize.Cell{StyleID: st.textBold, Value: Award(u)},
			excelize.Cell{StyleID: st.wrap, Value: t.HowDecided(u)},
		)
		if err := setRow(sw, firstRow+i, row, widths); err != nil {
			return err
		}
	}
	// The groups' titles under the table: in the header they would make
	// it taller than the rows.
	last, _ := excelize.ColumnNumberToName(len(widths))
	row := firstRow + len(t.Standings.Units) + 1
	for i, g := range groups {
		text := fmt.Sprintf("Nhóm %s: %s", g.Code, g.Title)
		if i == 0 {
			text = "Ghi chú: " + text
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), []any{excelize.Cell{StyleID: st.note, Value: text}}); err != nil {
			return err
		}
		if err := sw.MergeCell(fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)); err != nil {
			return err
		}
		row++
	}
	return sw.Flush()
}

func (t *Table) items(f *excelize.File, st styles) error {
	cols := []string{"Mục", "Nội dung", "Điểm tối đa"}
	widths := []float64{8, 46, 10}
	for _, u := range t.Standings.Units {
		cols = append(cols, u.Name)
		widths = append(widths, 13)
	}
	sw, err := t.stream(f, st, SheetItems, widths, 3)
	if err != nil {
		return err
	}
	if err := headRow(sw, st, cols, widths); err != nil {
		return err
	}
	for i, r := range t.Items() {
		text, pts := st.text, st.points
		if r.Group {
			text, pts = st.textBold, st.pointsBold
		}
		title := r.Title
		for range r.Level {
			title = "   " + title
		}
		row := []any{excelize.Cell{StyleID: text, Value: r.Code}, excelize.Cell{StyleID: text, Value: title}}
		if r.Max != nil {
			row = append(row, excelize.Cell{StyleID: pts, Value: value(*r.Max)})
		} else {
			row = append(row, excelize.Cell{StyleID: pts})
		}
		for _, p := range r.Points {
			row = append(row, excelize.Cell{StyleID: pts, Value: value(p)})
		}
		if err := setRow(sw, firstRow+i, row, widths); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (t *Table) facts(f *excelize.File, st styles) error {
	cols := []string{"Đơn vị", "Ngày", "Loại", "Nội dung", "Trạng thái", "Được tính", "Lý do, ghi chú của người xét", "Minh chứng (số văn bản, tệp)", "Mã sự kiện"}
	widths := []float64{24, 12, 20, 40, 15, 10, 30, 46, 18}
	sw, err := t.stream(f, st, SheetFacts, widths, 1)
	if err != nil {
		return err
	}
	if err := headRow(sw, st, cols, widths); err != nil {
		return err
	}
	n := firstRow
	for _, u := range t.Standings.Units {
		for _, fl := range t.Standings.Sheets[u.Unit].Facts {
			typ, _ := domain.TypeName(fl.Type)
			var date any = fl.Date
			if d, err := time.Parse(time.DateOnly, fl.Date); err == nil {
				date = d
			}
			counted := "Không"
			if fl.Counted {
				counted = "Có"
			}
			row := []any{
				excelize.Cell{StyleID: st.text, Value: u.Name},
				excelize.Cell{StyleID: st.date, Value: date},
				excelize.Cell{StyleID: st.text, Value: typ},
				excelize.Cell{StyleID: st.wrap, Value: fl.Summary},
				excelize.Cell{StyleID: st.text, Value: StatusName(fl.Status)},
				excelize.Cell{StyleID: st.rank, Value: counted},
				excelize.Cell{StyleID: st.wrap, Value: fl.Reason},
				excelize.Cell{StyleID: st.wrap, Value: Evidence(fl.Evidence)},
				excelize.Cell{StyleID: st.wrap, Value: fl.ID},
			}
			if err := setRow(sw, n, row, widths); err != nil {
				return err
			}
			n++
		}
	}
	return sw.Flush()
}
