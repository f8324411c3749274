package domain

import "github.com/thidua/thidua/events"

// Scope is the part of a server holding many clusters that a committee or
// auditor token acts on (contract.md, Roles: Scope). A token bound to a
// cluster reads and acts only on that cluster's seasons. The zero Scope is
// every cluster: the admin, and every token issued without a cluster (the
// city's standing board, and every token issued before scopes existed).
// A unit token reaches its unit's seasons, which membership decides.
type Scope struct {
	Cluster string // the cluster's id, "" for every cluster
}

// Bound reports whether the scope is one cluster.
func (sc Scope) Bound() bool { return sc.Cluster != "" }

// Covers reports whether a season of cluster is inside the scope.
func (sc Scope) Covers(cluster string) bool { return sc.Cluster == "" || sc.Cluster == cluster }

// CheckAccess decides whether a token may read or act on an opened season
// of cluster at all: a unit token the seasons its unit is a member of, a
// bound token its cluster's. Every read and write asks it before anything
// else, so that another cluster's season answers 403 whatever else the
// request says.
func CheckAccess(a events.Author, sc Scope, season, cluster string, member bool) error {
	if a.Role == events.RoleUnit && !member {
		return Errorf(Forbidden, "season", "unit %s is not a member of season %s", a.Unit, season)
	}
	if !sc.Covers(cluster) {
		return Errorf(Forbidden, "season", "this token acts for cluster %s only: season %s is another cluster's", sc.Cluster, season)
	}
	return nil
}

// CheckScope decides whether ev may be appended to s (nil while the season
// has no events) by its author with scope sc at all; the write path asks it
// before Check. An opened season is judged by its cluster; a season.opened
// by the cluster it opens, so that a bound committee opens only its own
// cluster's seasons.
func CheckScope(s *Season, ev events.Event, p events.Payload, sc Scope) error {
	if s != nil && s.Opened != nil {
		_, member := s.members[ev.Author.Unit]
		return CheckAccess(ev.Author, sc, s.ID, s.Opened.Cluster.ID, member)
	}
	if o, ok := p.(*events.SeasonOpened); ok && !sc.Covers(o.Cluster.ID) {
		return Errorf(Forbidden, "data.cluster.id", "this token acts for cluster %s only: it cannot open a season of cluster %s", sc.Cluster, o.Cluster.ID)
	}
	return nil
}
