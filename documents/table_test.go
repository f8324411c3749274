package documents

import (
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

func TestNum(t *testing.T) {
	for _, c := range []struct {
		name string
		p    events.Points
		want string
	}{
		{"whole", 9000, "90"},
		{"two decimals", 9412, "94,12"},
		{"one decimal", 75, "0,75"},
		{"thousands", 123456750, "1.234.567,5"},
		{"negative", -150, "-1,5"},
		{"zero", 0, "0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Num(c.p); got != c.want {
				t.Errorf("Num(%d) = %q, want %q", c.p, got, c.want)
			}
		})
	}
}

func TestPlaceDate(t *testing.T) {
	season := events.SeasonOpened{Year: 2024}
	for _, c := range []struct {
		name  string
		facts []domain.FactLine
		want  string
	}{
		{"no data yet", nil, "Hà Nội, ngày … tháng … năm 2024"},
		{"the latest fact", []domain.FactLine{{Date: "2024-05-07"}, {Date: "2024-11-30"}, {Date: "2024-03-01"}}, "Hà Nội, ngày 30 tháng 11 năm 2024"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := &Table{Season: season, Standings: &domain.Standings{Sheets: map[string]domain.Sheet{"a": {Facts: c.facts}}}}
			if got := tb.PlaceDate(); got != c.want {
				t.Errorf("PlaceDate() = %q, want %q", got, c.want)
			}
		})
	}
}
