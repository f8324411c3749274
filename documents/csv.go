package documents

import (
	"encoding/csv"
	"fmt"
	"io"
)

// CSV tables.
const (
	CSVSummary = "summary"
	CSVItems   = "items"
)

// bom makes Excel read the file as UTF-8, so that the diacritics show.
const bom = "\ufeff"

// WriteCSV writes the summary or the item matrix as CSV for machines:
// UTF-8 with a byte-order mark, comma-separated, points as the API writes
// them (94.12), so that a program reads the same numbers as the ranking.
func (t *Table) WriteCSV(w io.Writer, table string) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	c := csv.NewWriter(w)
	switch table {
	case CSVSummary:
		head := []string{"rank", "unit", "name"}
		for _, g := range t.Groups() {
			head = append(head, "group_"+g.Code)
		}
		head = append(head, "content", "bonus", "deductions", "total", "classification", "eligible", "award", "revoked_award")
		if err := c.Write(head); err != nil {
			return err
		}
		for _, u := range t.Standings.Units {
			row := []string{fmt.Sprint(u.Rank), u.Unit, u.Name}
			for _, g := range t.Groups() {
				row = append(row, u.Groups[g.Code].String())
			}
			award, revoked := "", ""
			if u.Award != nil {
				award = *u.Award
			}
			if u.Revoked != nil {
				revoked = u.Revoked.Award
			}
			row = append(row, u.Content.String(), u.Bonus.String(), u.Deductions.String(), u.Total.String(), u.Classification, fmt.Sprint(u.Eligible), award, revoked)
			if err := c.Write(row); err != nil {
				return err
			}
		}
	case CSVItems:
		head := []string{"item", "title", "max"}
		for _, u := range t.Standings.Units {
			head = append(head, u.Unit)
		}
		if err := c.Write(head); err != nil {
			return err
		}
		for _, r := range t.Items() {
			row := []string{r.Key, r.Title, ""}
			if r.Max != nil {
				row[2] = r.Max.String()
			}
			for _, p := range r.Points {
				row = append(row, p.String())
			}
			if err := c.Write(row); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("no table %q: summary or items", table)
	}
	c.Flush()
	return c.Error()
}
