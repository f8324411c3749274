package domain

import (
	"testing"

	"github.com/thidua/thidua/events"
)

// TestFactLines: a unit's sheet lists every fact with its status, the
// event that decided it and its reason, and whether it counts in the view.
func TestFactLines(t *testing.T) {
	b := newBuilder(t)
	const u = "cau-giay"
	b.fact("f-verified", u, "2024-03-01", activity("citizen_dialogue", ""))
	b.fact("f-pending", u, "2024-03-02", activity("citizen_dialogue", ""))
	b.fact("f-rejected", u, "2024-03-03", activity("citizen_dialogue", ""))
	b.fact("f-retracted", u, "2024-03-04", activity("citizen_dialogue", ""))
	b.verify("r1", "f-verified")
	b.reject("r2", "f-rejected")
	b.retract("x1", u, "f-retracted")
	b.close()
	late := activity("other", "")
	ev := factEv("f-late", u, "2024-12-01", late)
	b.applyRaw(ev, late) // through a race: after the close

	unit, committee := events.Author{Role: events.RoleUnit, Unit: u}, events.Author{Role: events.RoleCommittee}
	want := []struct {
		id, status, by string
		byAuthor       *events.Author // who decided it
		claimed        bool
		verified       bool
	}{
		{"f-verified", FactVerified, "r1", &committee, true, true},
		{"f-pending", FactPending, "", nil, true, false},
		{"f-rejected", FactRejected, "r2", &committee, false, false},
		{"f-retracted", FactRetracted, "x1", &unit, false, false},
		{"f-late", FactIgnored, "", nil, false, false},
	}
	for _, view := range []View{Claimed, Verified} {
		lines := b.standings(view).Sheets[u].Facts
		if len(lines) != len(want) {
			t.Fatalf("%s: %d fact lines, want %d", view, len(lines), len(want))
		}
		for i, w := range want {
			t.Run(string(view)+"/"+w.id, func(t *testing.T) {
				l := lines[i]
				counted := w.claimed
				if view == Verified {
					counted = w.verified
				}
				if l.ID != w.id || l.Status != w.status || l.By != w.by || l.Counted != counted {
					t.Errorf("got %s %s by %q counted %v, want %s %s by %q counted %v", l.ID, l.Status, l.By, l.Counted, w.id, w.status, w.by, counted)
				}
				if l.Author != unit || (l.ByAuthor == nil) != (w.byAuthor == nil) || (l.ByAuthor != nil && *l.ByAuthor != *w.byAuthor) {
					t.Errorf("author %+v, by %+v; want %+v, by %+v", l.Author, l.ByAuthor, unit, w.byAuthor)
				}
				if (w.status == FactRetracted || w.status == FactIgnored) && l.Reason == "" {
					t.Error("no reason given")
				}
				if len(l.Evidence) == 0 || l.Summary == "" {
					t.Errorf("evidence %v, summary %q", l.Evidence, l.Summary)
				}
			})
		}
	}
}
