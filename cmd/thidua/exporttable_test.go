package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// go test ./cmd/thidua -run TestExportCSVGolden -update-exports rewrites
// testdata/exports.
var updateExports = flag.Bool("update-exports", false, "rewrite the golden CSV files in testdata/exports")

// exportXLSX fetches the scoring table and opens it.
func (ts *testServer) exportXLSX(token, query string) *excelize.File {
	ts.t.Helper()
	st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/export.xlsx?"+query, token, nil, nil)
	if st != http.StatusOK {
		ts.t.Fatalf("export.xlsx?%s: %d %s", query, st, b)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		ts.t.Fatalf("export.xlsx?%s does not open: %v", query, err)
	}
	ts.t.Cleanup(func() { f.Close() })
	return f
}

// sheetAPI is the score reply's part the item matrix is checked against.
type sheetAPI struct {
	Total      events.Points      `json:"total"`
	Content    events.Points      `json:"content"`
	BonusSum   events.Points      `json:"bonus_total"`
	DeductSum  events.Points      `json:"deductions_total"`
	Items      []domain.ItemScore `json:"items"`
	Bonus      []domain.ItemScore `json:"bonus"`
	Deductions []domain.ItemScore `json:"deductions"`
	Facts      []domain.FactLine  `json:"facts"`
}

// cellPoints reads a number cell as points; it must hold the number as a
// value with at most two decimals, not a formula or text.
func cellPoints(t *testing.T, f *excelize.File, sheet, cell string) events.Points {
	t.Helper()
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		t.Errorf("%s!%s is a formula %q, want a value", sheet, cell, formula)
	}
	if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("%s!%s has type %v, want a number", sheet, cell, typ)
	}
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := events.ParsePoints(raw)
	if err != nil {
		t.Errorf("%s!%s = %q: %v", sheet, cell, raw, err)
	}
	st, _ := f.GetCellStyle(sheet, cell)
	if style, _ := f.GetStyle(st); style == nil || style.CustomNumFmt == nil || *style.CustomNumFmt != documents.PointsFormat {
		t.Errorf("%s!%s: number format is not %s", sheet, cell, documents.PointsFormat)
	}
	return p
}

func cellText(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkXLSX checks a scoring table against the rankings and the sheets
// the API answers at the same seq: every number, the sheets, the print
// settings and the Vietnamese header.
func checkXLSX(t *testing.T, ts *testServer, f *excelize.File, token, view string, seq uint64) {
	t.Helper()
	var rk rankingsReply
	st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/rankings?view=%s&min_seq=%d&as_of=%d", domain.DemoSeasonID, view, seq, seq), token, nil, &rk)
	if st != http.StatusOK {
		t.Fatalf("rankings: %d %s", st, b)
	}
	if rk.Seq != seq {
		t.Fatalf("rankings at seq %d, the table at %d", rk.Seq, seq)
	}
	if got, want := strings.Join(f.GetSheetList(), "|"), "Tổng hợp|Chi tiết theo mục|Sự kiện"; got != want {
		t.Errorf("sheets %q, want %q", got, want)
	}
	var season struct {
		Cluster events.Cluster `json:"cluster"`
		Year    int            `json:"year"`
	}
	ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID, token, nil, &season)
	for _, sheet := range f.GetSheetList() {
		lay, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if lay.Size == nil || *lay.Size != 9 || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.FitToHeight == nil || *lay.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, want A4 (9) landscape, 1 page wide", sheet, lay)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page", sheet)
		}
		titles := ""
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
				titles = d.RefersTo
			}
		}
		if want := fmt.Sprintf("'%s'!$6:$6", sheet); titles != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles, want)
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 6 || panes.XSplit < 1 {
			t.Errorf("%s: panes %+v, want frozen below row 6", sheet, panes)
		}
		if got := cellText(t, f, sheet, "A1"); got != season.Cluster.Name {
			t.Errorf("%s!A1 = %q, want the cluster %q", sheet, got, season.Cluster.Name)
		}
		if got, want := cellText(t, f, sheet, "A2"), fmt.Sprintf("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM %d", season.Year); got != want {
			t.Errorf("%s!A2 = %q, want %q", sheet, got, want)
		}
		if got := cellText(t, f, sheet, "A3"); !strings.Contains(got, fmt.Sprintf("Đến sự kiện số %d", seq)) || !strings.Contains(got, documents.ViewName(domain.View(view))) {
			t.Errorf("%s!A3 = %q, want the view and seq %d", sheet, got, seq)
		}
		if got := cellText(t, f, sheet, "A4"); !strings.HasPrefix(got, "Hà Nội, ngày ") || !strings.Contains(got, fmt.Sprintf("năm %d", season.Year)) {
			t.Errorf("%s!A4 = %q, want the place and date", sheet, got)
		}
		st, _ := f.GetCellStyle(sheet, "A6")
		if style, _ := f.GetStyle(st); style == nil || style.Font == nil || style.Font.Family != documents.Font {
			t.Errorf("%s: the header is not in %s", sheet, documents.Font)
		}
	}

	const sum = "Tổng hợp"
	if got := cellText(t, f, sum, "A6") + "|" + cellText(t, f, sum, "B6"); got != "Hạng|Đơn vị" {
		t.Errorf("summary header %q", got)
	}
	sheets := map[string]sheetAPI{}
	facts := 0
	for i, raw := range rk.Units {
		var u domain.Standing
		if err := json.Unmarshal(raw, &u); err != nil {
			t.Fatal(err)
		}
		row := 7 + i
		cell := func(col int) string { c, _ := excelize.CoordinatesToCellName(col, row); return c }
		if got := cellText(t, f, sum, cell(1)); got != fmt.Sprint(u.Rank) {
			t.Errorf("row %d rank %q, want %d", row, got, u.Rank)
		}
		if got := cellText(t, f, sum, cell(2)); got != u.Name {
			t.Errorf("row %d unit %q, want %q", row, got, u.Name)
		}
		var sh sheetAPI
		if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/units/%s/score?view=%s&as_of=%d", domain.DemoSeasonID, u.Unit, view, seq), token, nil, &sh); st != http.StatusOK {
			t.Fatalf("score %s: %d %s", u.Unit, st, b)
		}
		sheets[u.Unit] = sh
		facts += len(sh.Facts)
		col := 3
		for _, g := range sh.Items {
			if got := cellPoints(t, f, sum, cell(col)); got != u.Groups[g.Code] {
				t.Errorf("%s group %s = %s, ranking says %s", u.Unit, g.Code, got, u.Groups[g.Code])
			}
			col++
		}
		for _, want := range []events.Points{u.Bonus, u.Deductions, u.Total} {
			if got := cellPoints(t, f, sum, cell(col)); got != want {
				t.Errorf("%s %s = %s, ranking says %s", u.Unit, cell(col), got, want)
			}
			col++
		}
		if got := cellText(t, f, sum, cell(col)); got != u.Classification {
			t.Errorf("%s classification %q, want %q", u.Unit, got, u.Classification)
		}
		if got := cellText(t, f, sum, cell(col+1)); (got == "Đủ điều kiện") != u.Eligible {
			t.Errorf("%s eligibility %q, ranking says %v", u.Unit, got, u.Eligible)
		}
		if got := cellText(t, f, sum, cell(col+2)); got != documents.Award(u) {
			t.Errorf("%s award %q, want %q", u.Unit, got, documents.Award(u))
		}
		if u.Award != nil && cellText(t, f, sum, cell(col+3)) == "" {
			t.Errorf("%s: the award says not how it was decided", u.Unit)
		}
	}
	// Under the units, a blank row and the groups' titles.
	if rows, _ := f.GetRows(sum); len(rows) < 8+len(rk.Units) || len(rows[6+len(rk.Units)]) != 0 || !strings.HasPrefix(rows[7+len(rk.Units)][0], "Ghi chú: Nhóm ") {
		t.Errorf("summary has %d rows, want 6 + %d units, a blank row and the groups' titles: %q", len(rows), len(rk.Units), rows)
	}

	// The item matrix: one column per unit in rank order, every item of
	// every unit's sheet with its maximum, and the subtotals.
	const items = "Chi tiết theo mục"
	rows, err := f.GetRows(items, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, raw := range rk.Units {
		var u domain.Standing
		json.Unmarshal(raw, &u)
		units = append(units, u.Unit)
	}
	byCode := map[string]int{}
	for r := 6; r < len(rows); r++ {
		if rows[r][0] != "" {
			byCode[rows[r][0]] = r + 1
		}
	}
	var walk func(unit string, col int, its []domain.ItemScore)
	checked := 0
	walk = func(unit string, col int, its []domain.ItemScore) {
		for _, it := range its {
			row, ok := byCode[it.Code]
			if !ok {
				t.Errorf("item %s is not in the matrix", it.Code)
				continue
			}
			c, _ := excelize.CoordinatesToCellName(col, row)
			if got := cellPoints(t, f, items, c); got != it.Points {
				t.Errorf("%s item %s = %s, sheet says %s", unit, it.Code, got, it.Points)
			}
			m, _ := excelize.CoordinatesToCellName(3, row)
			if got := cellPoints(t, f, items, m); got != it.Max {
				t.Errorf("item %s max %s, sheet says %s", it.Code, got, it.Max)
			}
			checked++
			walk(unit, col, it.Items)
		}
	}
	for i, unit := range units {
		c, _ := excelize.CoordinatesToCellName(4+i, 6)
		sh := sheets[unit]
		walk(unit, 4+i, sh.Items)
		walk(unit, 4+i, sh.Bonus)
		walk(unit, 4+i, sh.Deductions)
		last, _ := excelize.CoordinatesToCellName(4+i, len(rows))
		if got := cellPoints(t, f, items, last); got != sh.Total {
			t.Errorf("%s total %s at the matrix's foot, sheet says %s (%s)", unit, got, sh.Total, c)
		}
	}
	if checked == 0 {
		t.Error("no item checked")
	}

	// The facts: one row each, with its date as a date shown dd/mm/yyyy.
	const fs = "Sự kiện"
	frows, _ := f.GetRows(fs)
	if len(frows)-6 != facts {
		t.Errorf("%d fact rows, the sheets have %d facts", len(frows)-6, facts)
	}
	for r := 6; r < len(frows); r++ {
		date := frows[r][1]
		if len(date) != 10 || date[2] != '/' || date[5] != '/' {
			t.Errorf("fact row %d date %q, want dd/mm/yyyy", r+1, date)
		}
	}
}

// TestExportXLSX: the scoring table of the demo season and of the 2024
// year equals the rankings and sheets the API answers at the same seq, in
// every view; the command line makes the same table from the data dir and
// from an exported log.
func TestExportXLSX(t *testing.T) {
	data := t.TempDir()
	ts := startServer(t, data)
	committee, units := ts.openDemoSeason()
	auditor := ts.issue(events.RoleAuditor, "")

	seq := ts.logLength()
	checkXLSX(t, ts, ts.exportXLSX(auditor, fmt.Sprintf("view=verified&min_seq=%d", seq)), auditor, "verified", seq)

	playYearUntilClose(t, ts, committee, units)
	mid := ts.logLength()
	for _, view := range []string{"claimed", "verified"} {
		f := ts.exportXLSX(committee, fmt.Sprintf("view=%s&min_seq=%d", view, mid))
		checkXLSX(t, ts, f, committee, view, mid)
	}
	// As of an earlier seq: the table of that moment.
	checkXLSX(t, ts, ts.exportXLSX(auditor, fmt.Sprintf("view=claimed&as_of=%d", seq+5)), auditor, "claimed", seq+5)

	if st, b, _ := ts.post(committee, `{"id":"ctg-close","type":"season.closed","date":"2024-12-05","data":{}}`); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	closed := ts.logLength()
	final := ts.exportXLSX(auditor, fmt.Sprintf("view=final&min_seq=%d", closed))
	checkXLSX(t, ts, final, auditor, "final", closed)
	awards := 0
	rows, _ := final.GetRows("Tổng hợp")
	for _, r := range rows[6:] {
		if len(r) > 0 && (strings.Contains(strings.Join(r, "|"), "Cờ thi đua") || strings.Contains(strings.Join(r, "|"), "Bằng khen")) {
			awards++
		}
	}
	if awards == 0 {
		t.Error("the final table names no award")
	}

	// Bad inputs: a clear 4xx, in the API's error shape.
	for _, c := range []struct {
		name, path string
		status     int
		field      string
	}{
		{"unknown view", "/export.xlsx?view=best", 400, "view"},
		{"unknown table", "/export.csv?table=all", 400, "table"},
		{"no token", "", 401, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tok := auditor
			path := c.path
			if c.status == 401 {
				tok, path = "", "/export.xlsx"
			}
			st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+path, tok, nil, nil)
			if st != c.status || (c.field != "" && !strings.Contains(string(b), `"field":"`+c.field+`"`)) {
				t.Errorf("%s: %d %s, want %d on %q", path, st, b, c.status, c.field)
			}
		})
	}

	// The command line, from the data dir of the stopped server and from
	// an exported log: the same numbers as the API at the same seq.
	want := ts.exportXLSX(auditor, fmt.Sprintf("view=final&min_seq=%d", closed))
	wantRows, _ := want.GetRows("Tổng hợp", excelize.Options{RawCellValue: true})
	wantItems, _ := want.GetRows("Chi tiết theo mục", excelize.Options{RawCellValue: true})
	ts.stop()
	dir := t.TempDir()
	logFile := filepath.Join(dir, "season.jsonl")
	if err := run(t.Context(), []string{"thidua", "export", "--season", domain.DemoSeasonID, "--data", data, "--out", logFile}, noEnv, nil, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatalf("export the log: %v", err)
	}
	for _, src := range [][]string{{"--data", data}, {"--log", logFile}} {
		out := filepath.Join(dir, "bang-tong-hop.xlsx")
		var stderr bytes.Buffer
		args := append([]string{"thidua", "export", "--season", domain.DemoSeasonID, "--view", "final", "--xlsx", out}, src...)
		if err := run(t.Context(), args, noEnv, nil, &bytes.Buffer{}, &stderr); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr.String())
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := f.GetRows("Tổng hợp", excelize.Options{RawCellValue: true})
		gotItems, _ := f.GetRows("Chi tiết theo mục", excelize.Options{RawCellValue: true})
		f.Close()
		if fmt.Sprint(got) != fmt.Sprint(wantRows) || fmt.Sprint(gotItems) != fmt.Sprint(wantItems) {
			t.Errorf("export %v differs from the API's table:\n%v\nwant\n%v", src, got, wantRows)
		}
	}
	var stderr bytes.Buffer
	err := run(t.Context(), []string{"thidua", "export", "--season", domain.DemoSeasonID, "--data", data, "--log", logFile, "--xlsx", filepath.Join(dir, "x.xlsx")}, noEnv, nil, &bytes.Buffer{}, &stderr)
	if exitCode(err) != 2 {
		t.Errorf("two sources: %v (exit %d), want a usage error", err, exitCode(err))
	}
}

// TestExportCSVGolden: the CSV of the 2024 year's verified view before the
// close, summary and items, against the golden files; UTF-8 with a BOM.
func TestExportCSVGolden(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	playYearUntilClose(t, ts, committee, units)
	seq := ts.logLength()
	for _, table := range []string{"summary", "items"} {
		st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/export.csv?table=%s&view=verified&min_seq=%d", domain.DemoSeasonID, table, seq), committee, nil, nil)
		if st != http.StatusOK {
			t.Fatalf("%s: %d %s", table, st, b)
		}
		if !bytes.HasPrefix(b, []byte("\ufeff")) {
			t.Errorf("%s: no byte-order mark", table)
		}
		path := filepath.Join("testdata", "exports", "year2024-verified-"+table+".csv")
		if *updateExports {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/thidua -run TestExportCSVGolden -update-exports)", err)
		}
		if !bytes.Equal(b, want) {
			t.Errorf("%s differs from %s:\n%s", table, path, b)
		}
	}
}
