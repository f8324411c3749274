package domain

import (
	"strconv"
	"strings"
	"time"

	"github.com/thidua/thidua/events"
)

// What a person reads: the catalogue's names for codes, dates as
// dd/mm/yyyy, numbers with Vietnamese separators. Every sheet, summary and
// note says things this way, never with a code such as fund_for_the_poor.

// bi is a text in Vietnamese and in English.
type bi struct{ vi, en string }

// term names a code of the season's vocabulary: the catalogue in force
// first, then the ones before it (a code an amendment dropped still names
// the facts that used it), then the default catalogue, and the code itself
// as the last resort.
func (s *Season) term(lookup func(events.Catalogue) (string, string, bool), code string) bi {
	for i := len(s.catalogues) - 1; i >= 0; i-- {
		if vi, en, ok := lookup(s.catalogues[i]); ok {
			return named(vi, en, code)
		}
	}
	if vi, en, ok := lookup(events.DefaultCatalogue()); ok {
		return named(vi, en, code)
	}
	return bi{code, code}
}

func named(vi, en, code string) bi {
	if en == "" {
		en = vi
	}
	if vi == "" {
		vi, en = code, code
	}
	return bi{vi, en}
}

func (s *Season) occasionName(id string) bi {
	return s.term(func(c events.Catalogue) (string, string, bool) {
		o, ok := c.Occasion(id)
		return o.Name, o.NameEn, ok
	}, id)
}

func (s *Season) kindName(id string) bi {
	return s.term(func(c events.Catalogue) (string, string, bool) {
		t, ok := c.ActivityKind(id)
		return t.Name, t.NameEn, ok
	}, id)
}

func (s *Season) topicName(id string) bi {
	return s.term(func(c events.Catalogue) (string, string, bool) {
		t, ok := c.ReportTopic(id)
		return t.Name, t.NameEn, ok
	}, id)
}

func (s *Season) levelName(id string) bi {
	return s.term(func(c events.Catalogue) (string, string, bool) {
		t, ok := c.ModelLevel(id)
		return t.Name, t.NameEn, ok
	}, id)
}

// indicator finds an indicator's definition, as term does.
func (s *Season) indicator(id string) events.Indicator {
	for i := len(s.catalogues) - 1; i >= 0; i-- {
		if ind, ok := s.catalogues[i].Indicator(id); ok {
			return ind
		}
	}
	if ind, ok := events.DefaultCatalogue().Indicator(id); ok {
		return ind
	}
	return events.Indicator{ID: id, Name: id, NameEn: id, Unit: events.UnitCount}
}

func (s *Season) indicatorName(id string) bi {
	ind := s.indicator(id)
	return named(ind.Name, ind.NameEn, id)
}

// amount says an indicator's value in its unit: "2.500.000.000 đồng",
// "12 nhà", "45 %".
func (s *Season) amount(id string, v int64) bi {
	ind := s.indicator(id)
	vi, en := viInt(v), enInt(v)
	switch ind.Unit {
	case events.UnitVND:
		return bi{vi + " đồng", "VND " + en}
	case events.UnitPercent:
		return bi{vi + " %", en + "%"}
	}
	if ind.Noun != "" {
		vi += " " + ind.Noun
	}
	if ind.NounEn != "" {
		en += " " + ind.NounEn
	}
	return bi{vi, en}
}

// wardName names a ward of a unit by its ward_list, or gives the id a
// season without ward lists recorded.
func (s *Season) wardName(unit, ward string) string {
	if w, ok := s.members[unit].Ward(ward); ok {
		return w.Name
	}
	return ward
}

// violationName names the program's own violation kinds.
func violationName(kind string) bi {
	switch kind {
	case "discipline":
		return bi{"kỷ luật", "discipline"}
	case "corruption":
		return bi{"tham nhũng", "corruption"}
	}
	return bi{"khác", "other"}
}

// viDate and enDate write a YYYY-MM-DD date as 31/03/2024 and 31 Mar 2024;
// anything else is left as it is.
func viDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("02/01/2006")
}

func enDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 Jan 2006")
}

// viInt and enInt group thousands: 2.500.000.000 and 2,500,000,000.
func viInt(n int64) string { return thousands(n, ".") }
func enInt(n int64) string { return thousands(n, ",") }

func thousands(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// viPoints writes points the Vietnamese way, with a decimal comma and dots
// between thousands: 0,75; 1.234,5.
func viPoints(p events.Points) string {
	n := int64(p)
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	whole, frac := viInt(n/100), events.Points(n%100).String()
	if frac == "0" {
		return sign + whole
	}
	return sign + whole + "," + strings.TrimPrefix(frac, "0.")
}

// PointsVi writes points as a Vietnamese reader reads them (1.234,5), for
// documents and reports made outside the domain.
func PointsVi(p events.Points) string { return viPoints(p) }

// DateVi writes a YYYY-MM-DD date as dd/mm/yyyy; anything else is left as
// it is.
func DateVi(d string) string { return viDate(d) }

// GateReasonNamed names the violation kind in a no_violation gate's reason.
// The reason is part of the signed ranking, so its bytes stay as every
// earlier version wrote them ("vi phạm (discipline) theo …"); what a person
// reads names the kind.
func GateReasonNamed(reason string) string {
	vi, en, ok := strings.Cut(reason, " / ")
	for _, kind := range []string{"discipline", "corruption", "other"} {
		vi = strings.Replace(vi, "("+kind+")", "("+violationName(kind).vi+")", 1)
	}
	if !ok {
		return vi
	}
	return vi + " / " + en
}
