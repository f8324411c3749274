package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTokenIssuedScope: committee and auditor tokens may be bound to a
// cluster; a unit token is bound by its unit and never names a cluster.
func TestTokenIssuedScope(t *testing.T) {
	cases := []struct {
		name  string
		p     TokenIssued
		field string // "" when valid
	}{
		{name: "unbound committee", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleCommittee, IssuedBy: "admin"}},
		{name: "bound committee", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleCommittee, Cluster: "hn-mttq-cum2", IssuedBy: "admin"}},
		{name: "bound auditor", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleAuditor, Cluster: "hn-mttq-cum2", IssuedBy: "admin"}},
		{name: "unit token with a cluster", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", Cluster: "hn-mttq-cum2", IssuedBy: "admin"}, field: "data.cluster"},
		{name: "named holder", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "admin", Holder: "Nguyễn Thị Hoa", Position: "Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô"}},
		{name: "holder with a bidi control", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "admin", Holder: "Nguyễn \u202eaoH"}, field: "data.holder"},
		{name: "position too long", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "admin", Holder: "Hoa", Position: strings.Repeat("x", MaxText+1)}, field: "data.position"},
		{name: "position without a holder", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "admin", Position: "Phó Chủ tịch"}, field: "data.holder"},
		{name: "cluster that is not an id", p: TokenIssued{ID: "tok-1", Hash: testSHA256, Role: RoleCommittee, Cluster: "Cụm 2", IssuedBy: "admin"}, field: "data.cluster"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidatePayload(&c.p)
			var field string
			if ve := (*ValidationError)(nil); errors.As(err, &ve) {
				field = ve.Field
			} else if err != nil {
				t.Fatalf("ValidatePayload: %v", err)
			}
			if field != c.field {
				t.Errorf("ValidatePayload = %v, want an error on %q", err, c.field)
			}
		})
	}
}

// TestTokenIssuedClusterOnTheWire: a bound token's event records its
// cluster; an unbound one is byte for byte what it was before scopes (the
// golden file written then), so old logs keep their hashes and meaning.
func TestTokenIssuedClusterOnTheWire(t *testing.T) {
	ev := func(p *TokenIssued) Event {
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		return Event{Schema: Schema, ID: "golden-token.issued", Type: TypeTokenIssued, Season: testSeason, Data: data,
			Author: Author{Role: RoleAdmin}, Recorded: "2024-02-20T01:00:00Z"}
	}
	unbound := &TokenIssued{ID: "tok-cau-giay", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "tok-committee"}
	got, err := Encode(ev(unbound))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(goldenDir, "token.issued.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("an unbound token.issued changed on the wire\ngot:  %s\nwant: %s", got, want)
	}

	bound := &TokenIssued{ID: "tok-cum2", Hash: testSHA256, Role: RoleCommittee, Cluster: "hn-mttq-cum2", IssuedBy: "admin"}
	b, err := Encode(ev(bound))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"role":"committee","cluster":"hn-mttq-cum2","issued_by":"admin"`)) {
		t.Errorf("a bound token.issued does not record its cluster: %s", b)
	}
	_, p, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if p.(*TokenIssued).Cluster != "hn-mttq-cum2" {
		t.Errorf("decoded cluster %q", p.(*TokenIssued).Cluster)
	}

	named := &TokenIssued{ID: "tok-hoa", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "committee:tok-cum2",
		Holder: "Nguyễn Thị Hoa", Position: "Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô"}
	if b, err = Encode(ev(named)); err != nil {
		t.Fatal(err)
	}
	if _, p, err = Decode(b); err != nil {
		t.Fatal(err)
	}
	if got := p.(*TokenIssued); got.Holder != named.Holder || got.Position != named.Position {
		t.Errorf("decoded holder %q, position %q", got.Holder, got.Position)
	}
}
