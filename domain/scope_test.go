package domain

import (
	"errors"
	"testing"

	"github.com/thidua/thidua/events"
)

// TestCheckScope: who may append to the demo season (cluster hn-mttq-cum2)
// at all, and who may open a season of which cluster.
func TestCheckScope(t *testing.T) {
	demo := newBuilder(t).s
	cluster := DemoSeason().Cluster.ID
	bonus := func(author events.Author) events.Event {
		return events.Event{Schema: events.Schema, ID: "b1", Type: events.TypeBonusAwarded, Season: DemoSeasonID, Unit: cg, Author: author}
	}
	fact := func(author events.Author) events.Event {
		ev := unitEvent("f1", events.TypeActivityHeld, author.Unit)
		ev.Author = author
		return ev
	}
	adj := &events.Adjustment{Points: p(1, 0), Reason: "r"}
	held := &events.ActivityHeld{Kind: "other", Title: "t"}
	committee := events.Author{Role: events.RoleCommittee, Token: "tok-c"}
	other := DemoSeason()
	other.Cluster = events.Cluster{ID: "hn-mttq-cum3", Name: "Cụm 3"}
	open := func(o events.SeasonOpened) (events.Event, events.Payload) {
		return events.Event{Schema: events.Schema, ID: "open", Type: events.TypeSeasonOpened, Season: "next-2025", Author: committee}, &o
	}
	openOwn, ownP := open(DemoSeason())
	openOther, otherP := open(other)

	cases := []struct {
		name  string
		s     *Season
		ev    events.Event
		p     events.Payload
		sc    Scope
		field string // "" when allowed; otherwise a 403 on this field
	}{
		{name: "unbound committee", s: demo, ev: bonus(committee), p: adj},
		{name: "committee bound to the season's cluster", s: demo, ev: bonus(committee), p: adj, sc: Scope{Cluster: cluster}},
		{name: "committee bound to another cluster", s: demo, ev: bonus(committee), p: adj, sc: Scope{Cluster: "hn-mttq-cum3"}, field: "season"},
		{name: "admin", s: demo, ev: bonus(events.Author{Role: events.RoleAdmin}), p: adj},
		{name: "unit of the season", s: demo, ev: fact(events.Author{Role: events.RoleUnit, Unit: cg}), p: held},
		{name: "unit of another season", s: demo, ev: fact(events.Author{Role: events.RoleUnit, Unit: "xa-b"}), p: held, field: "season"},
		{name: "bound committee opens its own cluster's season", ev: openOwn, p: ownP, sc: Scope{Cluster: cluster}},
		{name: "bound committee opens another cluster's season", ev: openOther, p: otherP, sc: Scope{Cluster: cluster}, field: "data.cluster.id"},
		{name: "unbound committee opens any cluster's season", ev: openOther, p: otherP},
		{name: "bound committee re-opens another cluster's opened season", s: demo, ev: openOwn, p: ownP, sc: Scope{Cluster: "hn-mttq-cum3"}, field: "season"},
		{name: "season with no events, not an opening", s: NewSeason("empty-2024"), ev: bonus(committee), p: adj, sc: Scope{Cluster: cluster}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckScope(c.s, c.ev, c.p, c.sc)
			if c.field == "" {
				if err != nil {
					t.Fatalf("CheckScope = %v, want nil", err)
				}
				return
			}
			var de *Error
			if !errors.As(err, &de) || de.Code != Forbidden || de.Field != c.field {
				t.Fatalf("CheckScope = %v, want forbidden on %q", err, c.field)
			}
		})
	}
}

func TestScopeCovers(t *testing.T) {
	cases := []struct {
		name    string
		sc      Scope
		cluster string
		want    bool
	}{
		{name: "every cluster covers any", sc: Scope{}, cluster: "hn-mttq-cum2", want: true},
		{name: "bound covers its own", sc: Scope{Cluster: "hn-mttq-cum2"}, cluster: "hn-mttq-cum2", want: true},
		{name: "bound does not cover another", sc: Scope{Cluster: "hn-mttq-cum2"}, cluster: "hn-mttq-cum3", want: false},
		{name: "bound does not cover a prefix", sc: Scope{Cluster: "hn-mttq-cum"}, cluster: "hn-mttq-cum2", want: false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.sc.Covers(c.cluster); got != c.want {
				t.Errorf("Covers(%q) = %v, want %v", c.cluster, got, c.want)
			}
		})
	}
}
