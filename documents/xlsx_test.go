package documents

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// TestLargeSeason: a season of 20 units and 5,000 facts is written
// through the streaming writer and reads back whole: every fact a row,
// the header row repeated, each unit's total in its place.
func TestLargeSeason(t *testing.T) {
	const units, facts = 20, 250
	st := &domain.Standings{Season: "big", View: domain.Verified, Sheets: map[string]domain.Sheet{}}
	for u := range units {
		id := fmt.Sprintf("u%02d", u)
		total := events.Points(9000 - u*100)
		sh := domain.Sheet{Unit: id, Name: "Đơn vị " + id, Total: total, Content: total,
			Items: []domain.ItemScore{{Code: "I", Title: "Nhóm một", Max: 9000, Points: total,
				Items: []domain.ItemScore{{Code: "I.1", Title: "Mục một", Max: 9000, Points: total}}}}}
		for f := range facts {
			sh.Facts = append(sh.Facts, domain.FactLine{ID: fmt.Sprintf("%s-f%d", id, f), Type: events.TypeActivityHeld,
				Date: fmt.Sprintf("2024-%02d-%02d", f%12+1, f%28+1), Summary: "Hoạt động", Status: domain.FactVerified, Counted: true,
				Evidence: []events.Evidence{{Kind: "document", Title: "Báo cáo", DocNo: fmt.Sprintf("%d/BC", f)}}})
		}
		st.Sheets[id] = sh
		st.Units = append(st.Units, domain.Standing{Rank: u + 1, Unit: id, Name: sh.Name, Total: total, Content: total,
			Groups: map[string]events.Points{"I": total}, Eligible: true})
	}
	tb := &Table{Season: events.SeasonOpened{Cluster: events.Cluster{ID: "c", Name: "Cụm thi đua số 9"}, Year: 2024}, ID: "big", Seq: 20041, Standings: st}
	var buf bytes.Buffer
	if err := tb.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetFacts)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows)-6, units*facts; got != want {
		t.Errorf("%d fact rows, want %d", got, want)
	}
	if got := rows[len(rows)-1][8]; got != fmt.Sprintf("u%02d-f%d", units-1, facts-1) {
		t.Errorf("the last fact row is %q", got)
	}
	for u := range units {
		cell := fmt.Sprintf("F%d", firstRow+u) // rank, unit, group I, bonus, deductions, total
		raw, _ := f.GetCellValue(SheetSummary, cell, excelize.Options{RawCellValue: true})
		if p, err := events.ParsePoints(raw); err != nil || p != st.Units[u].Total {
			t.Errorf("%s = %q, want %s", cell, raw, st.Units[u].Total)
		}
	}
}
