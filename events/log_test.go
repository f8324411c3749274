package events_test

import (
	"testing"

	"github.com/thidua/thidua/events"
)

// The subject scheme is on the wire: a subject once written must read the
// same way for ever.
func TestSubjects(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"unit", events.UnitSubject("2025", "unit-7"), "thidua.ev.2025.u.unit-7"},
		{"committee", events.CommitteeSubject("2025"), "thidua.ev.2025.committee"},
		{"checkpoint", events.CheckpointSubject("2025"), "thidua.ev.2025.checkpoint"},
		{"season filter", events.SeasonFilter("2025"), "thidua.ev.2025.>"},
		{"access", events.AccessSubject, "thidua.access"},
		{"all", events.AllSubjects, "thidua.>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestParseSubject(t *testing.T) {
	tests := []struct {
		name, subject, season, kind, unit string
		ok                                bool
	}{
		{"unit", events.UnitSubject("2025", "unit-7"), "2025", events.KindUnit, "unit-7", true},
		{"committee", events.CommitteeSubject("2025"), "2025", events.KindCommittee, "", true},
		{"checkpoint", events.CheckpointSubject("2025"), "2025", events.KindCheckpoint, "", true},
		{"access", events.AccessSubject, "", "", "", false},
		{"no season", "thidua.ev..committee", "", "", "", false},
		{"no unit", "thidua.ev.2025.u.", "", "", "", false},
		{"a unit with a dot", "thidua.ev.2025.u.a.b", "", "", "", false},
		{"another kind", "thidua.ev.2025.other", "", "", "", false},
		{"season only", "thidua.ev.2025", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			season, kind, unit, ok := events.ParseSubject(tt.subject)
			if season != tt.season || kind != tt.kind || unit != tt.unit || ok != tt.ok {
				t.Errorf("ParseSubject(%q) = %q %q %q %v, want %q %q %q %v", tt.subject, season, kind, unit, ok, tt.season, tt.kind, tt.unit, tt.ok)
			}
		})
	}
}

// MatchSubject is how a log file applies the filters the stream applies.
func TestMatchSubject(t *testing.T) {
	tests := []struct {
		name, filter, subject string
		want                  bool
	}{
		{"all: unit", events.AllSubjects, events.UnitSubject("2024", "a"), true},
		{"all: access", events.AllSubjects, events.AccessSubject, true},
		{"all: bare prefix", events.AllSubjects, "thidua", false},
		{"all: other prefix", events.AllSubjects, "other.access", false},
		{"season: unit", events.SeasonFilter("2024"), events.UnitSubject("2024", "a"), true},
		{"season: checkpoint", events.SeasonFilter("2024"), events.CheckpointSubject("2024"), true},
		{"season: other season", events.SeasonFilter("2024"), events.UnitSubject("2025", "a"), false},
		{"season: season prefix", events.SeasonFilter("2024"), events.UnitSubject("20245", "a"), false},
		{"season: access", events.SeasonFilter("2024"), events.AccessSubject, false},
		{"exact", events.AccessSubject, events.AccessSubject, true},
		{"exact: longer subject", events.AccessSubject, events.AccessSubject + ".x", false},
		{"exact: shorter subject", events.CommitteeSubject("2024"), "thidua.ev.2024", false},
		{"star", "thidua.ev.*.committee", events.CommitteeSubject("2024"), true},
		{"star: one token only", "thidua.ev.*.committee", events.UnitSubject("2024", "a"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := events.MatchSubject(tt.filter, tt.subject); got != tt.want {
				t.Errorf("MatchSubject(%q, %q) = %t, want %t", tt.filter, tt.subject, got, tt.want)
			}
		})
	}
}
