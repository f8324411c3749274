package events

import (
	"errors"
	"testing"
)

// TestSeqSetAside: the committee's record that a seq is set aside is a
// committee event about no unit, needs a seq and a reason, and round-trips.
func TestSeqSetAside(t *testing.T) {
	spec, ok := Lookup(TypeSeqSetAside)
	if !ok || spec.By != ByCommittee || spec.Unit != UnitNone || spec.Fact {
		t.Fatalf("spec %+v, %v", spec, ok)
	}
	for _, c := range []struct {
		p     *SeqSetAside
		field string
	}{
		{&SeqSetAside{Seq: 12, Reason: "tin nhắn lạc"}, ""},
		{&SeqSetAside{Reason: "tin nhắn lạc"}, "data.seq"},
		{&SeqSetAside{Seq: 12}, "data.reason"},
	} {
		err := ValidatePayload(c.p)
		var ve *ValidationError
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%+v: %v", c.p, err)
		case c.field != "" && (!errors.As(err, &ve) || ve.Field != c.field):
			t.Errorf("%+v: %v, want an error on %s", c.p, err, c.field)
		}
	}
	ev := Event{Schema: Schema, ID: "set-aside-12", Type: TypeSeqSetAside, Season: "s", Data: []byte(`{"seq":12,"reason":"tin nhắn lạc","by":"committee"}`), Author: Author{Role: RoleCommittee}}
	b, err := Encode(ev)
	if err != nil {
		t.Fatal(err)
	}
	_, p, err := Decode(b)
	if sa, ok := p.(*SeqSetAside); err != nil || !ok || sa.Seq != 12 || sa.Reason != "tin nhắn lạc" {
		t.Fatalf("decoded %#v, %v", p, err)
	}
}
