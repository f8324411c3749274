package domain

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua/events"
)

func TestSheetsNameWhatCodesMean(t *testing.T) {
	b := newBuilderWith(t, DemoSeason())
	b.fact("r1", cg, "2024-04-02", report("propaganda", "2024-03-31"))
	b.fact("i1", cg, "2024-11-20", indicator("fund_for_the_poor", 2_500_000_000))
	b.fact("i2", cg, "2024-11-20", indicator("great_unity_houses", 12))
	b.fact("c1", cg, "2024-03-20", &events.CongressCompleted{Level: "ward", Ward: "dich-vong", Pilot: true})
	b.fact("a1", cg, "2024-11-18", &events.ActivityHeld{Kind: "festival", Occasion: "mttq94", Title: "Ngày hội", Areas: 40})
	b.target("t1", cg, "fund_for_the_poor", 3_000_000_000)
	b.committee("v1", cg, &events.ViolationRecorded{Kind: "corruption", DecisionNo: "7/QĐ"})
	st, err := b.s.Standings(Claimed)
	if err != nil {
		t.Fatal(err)
	}
	sh := st.Sheets[cg]
	summaries := map[string][2]string{}
	for _, f := range sh.Facts {
		summaries[f.ID] = [2]string{f.Summary, f.SummaryEn}
	}
	for _, c := range []struct{ id, vi, en string }{
		{"r1", "Báo cáo Công tác tuyên truyền (hạn 31/03/2024)", "Report: Propaganda (due 31 Mar 2024)"},
		{"i1", "Quỹ Vì người nghèo: 2.500.000.000 đồng", "Fund for the poor: VND 2,500,000,000"},
		{"i2", "Nhà Đại đoàn kết: 12 nhà", "Great Unity houses: 12 houses"},
		{"c1", "Đại hội cấp phường: Phường Dịch Vọng (đại hội điểm)", "Ward congress: Phường Dịch Vọng (pilot)"},
	} {
		if got := summaries[c.id]; got != [2]string{c.vi, c.en} {
			t.Errorf("%s: %q / %q, want %q / %q", c.id, got[0], got[1], c.vi, c.en)
		}
	}
	i22 := b.item(Claimed, cg, "I.2.2")
	if want := "5 × min(1, 2.500.000.000 đồng / 3.000.000.000 đồng)"; i22.Note != want {
		t.Errorf("I.2.2 note %q, want %q", i22.Note, want)
	}
	if !strings.Contains(i22.Rule, "chỉ tiêu Quỹ Vì người nghèo") {
		t.Errorf("I.2.2 rule %q does not name the indicator", i22.Rule)
	}

	// No catalogue code in any Vietnamese text of the sheet.
	codes := events.DefaultCatalogue().Codes()
	codes = append(codes, "discipline", "corruption")
	code := regexp.MustCompile(`\b(` + strings.Join(codes, "|") + `)\b`)
	var vi []string
	var walk func(items []ItemScore)
	walk = func(items []ItemScore) {
		for _, it := range items {
			rule, _, _ := strings.Cut(it.Rule, " / ")
			vi = append(vi, it.Title, rule, it.Note)
			walk(it.Items)
		}
	}
	walk(sh.Items)
	walk(sh.Bonus)
	walk(sh.Deductions)
	for _, f := range sh.Facts {
		vi = append(vi, f.Summary)
	}
	for _, d := range sh.Decisions {
		s, _, _ := strings.Cut(d.Summary, " / ")
		vi = append(vi, s)
	}
	for _, s := range vi {
		if m := code.FindString(s); m != "" {
			t.Errorf("Vietnamese text shows the code %q: %q", m, s)
		}
	}
	if t.Failed() {
		j, _ := json.MarshalIndent(sh.Items, "", " ")
		t.Logf("items: %s", j)
	}
}

func TestGateReasonNamed(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"vi phạm (discipline) theo 45-QĐ/UBKT / violation (discipline) by 45-QĐ/UBKT", "vi phạm (kỷ luật) theo 45-QĐ/UBKT / violation (discipline) by 45-QĐ/UBKT"},
		{"vi phạm (corruption) theo 7/QĐ / violation (corruption) by 7/QĐ", "vi phạm (tham nhũng) theo 7/QĐ / violation (corruption) by 7/QĐ"},
		{"mục III.3 chưa có điểm / item III.3 has no points", "mục III.3 chưa có điểm / item III.3 has no points"},
	} {
		if got := GateReasonNamed(c.in); got != c.want {
			t.Errorf("GateReasonNamed(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPointsVi(t *testing.T) {
	for _, c := range []struct {
		name string
		p    events.Points
		want string
	}{
		{"a fraction", 75, "0,75"},
		{"one decimal", 150, "1,5"},
		{"two decimals, a leading zero", 5, "0,05"},
		{"whole", 9000, "90"},
		{"thousands", 123456750, "1.234.567,5"},
		{"negative", -150, "-1,5"},
		{"zero", 0, "0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := PointsVi(c.p); got != c.want {
				t.Errorf("PointsVi(%d) = %q, want %q", c.p, got, c.want)
			}
		})
	}
}
