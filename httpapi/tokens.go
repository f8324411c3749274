package httpapi

import (
	"net/http"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/projections"
)

// tokenItem is one line of GET /tokens: who holds a token, what it may
// do, who issued it when, and whether it still works. Never its secret.
type tokenItem struct {
	projections.Token
	// IssuedByName and RevokedByName are the holders of the tokens that
	// issued and revoked it, where those carried a name.
	IssuedByName  string `json:"issued_by_name,omitempty"`
	RevokedByName string `json:"revoked_by_name,omitempty"`
}

// listTokens lists the tokens the caller may manage: the committee bound
// to a cluster that cluster's (its committee and auditor tokens and its
// members' unit tokens), an unbound committee and the admin every one.
func (s *Server) listTokens(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r)
	if err == nil && c.author.Role != events.RoleAdmin && c.author.Role != events.RoleCommittee {
		err = domain.Errorf(domain.Forbidden, "", "only the committee lists tokens")
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	all := s.proj.Tokens()
	names := map[string]string{}
	for _, t := range all {
		if t.Holder != "" {
			names[t.Role+":"+t.ID] = t.Holder
		}
	}
	out := []tokenItem{}
	for _, t := range all {
		if c.scope.Bound() {
			mine := t.Cluster == c.scope.Cluster
			if t.Role == events.RoleUnit {
				mine = s.proj.IsMember(t.Unit, c.scope)
			}
			if !mine {
				continue
			}
		}
		out = append(out, tokenItem{Token: t, IssuedByName: names[t.IssuedBy], RevokedByName: names[t.RevokedBy]})
	}
	writeJSON(w, http.StatusOK, struct {
		Tokens []tokenItem `json:"tokens"`
	}{out})
}

// person names the holder of a token that may have written to a season.
type person struct {
	Role     string `json:"role"`
	Unit     string `json:"unit,omitempty"`
	Holder   string `json:"holder"`
	Position string `json:"position,omitempty"`
}

// getPeople maps the ids of the tokens that may write to a season to the
// people they were issued to, so that a sheet names the author of a fact
// or decision (events record the token id, never a name). Tokens issued
// without a holder are left out.
func (s *Server) getPeople(w http.ResponseWriter, r *http.Request) {
	_, ss, err := s.readable(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := map[string]person{}
	for _, t := range s.proj.Tokens() {
		if t.Holder == "" {
			continue
		}
		switch {
		case t.Role == events.RoleUnit && !ss.Units[t.Unit]:
			continue
		case t.Role != events.RoleUnit && t.Cluster != "" && t.Cluster != ss.Cluster.ID:
			continue
		}
		out[t.ID] = person{Role: t.Role, Unit: t.Unit, Holder: t.Holder, Position: t.Position}
	}
	writeJSON(w, http.StatusOK, struct {
		Season string            `json:"season"`
		People map[string]person `json:"people"`
	}{ss.ID, out})
}
