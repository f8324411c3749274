package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// FuzzParseInput: ParseInput never panics; it refuses with a
// *ValidationError, or accepts an event whose normalisation is idempotent:
// the stored form decodes back to the same payload and a body rebuilt from
// the event parses to the same content.
//
//	go test -run '^$' -fuzz FuzzParseInput -fuzztime 60s ./events/
func FuzzParseInput(f *testing.F) {
	for _, c := range validCases() {
		f.Add([]byte(c.body))
	}
	for _, c := range badCases() {
		f.Add([]byte(c.body))
	}
	// Shapes the tables do not have: NFD text, escapes, nulls, empty lists.
	f.Add([]byte(`{"type":"activity.held","unit":"tay-ho","date":"2024-10-10","data":{"kind":"commemoration","occasion":"gptd70","title":"Ta\u0302y Ho\u0302\u0300 <&> \u2028"},"evidence":[{"kind":"photo","title":"Ho\u0302\u0300"}]}`))
	f.Add([]byte(`{"type":"congress.completed","unit":"ha-dong","date":"2024-04-20","data":{"level":"ward","ward":"van-quan","structure":{"women":33.333333333333336,"youth":0,"ethnic":-0,"religious":1e-7}},"evidence":[{"kind":"minutes","title":"Biên bản"}]}`))
	f.Add([]byte(`{"type":"ballot.recorded","data":{"question":"flag","voters":6,"votes":null}}`))
	f.Add([]byte(`{"type":"fact.verified","unit":null,"date":null,"data":{"target":"a","reason":null},"evidence":null}`))
	f.Add([]byte(`{"type":"season.closed","evidence":[]}`))

	f.Fuzz(func(t *testing.T, body []byte) {
		ev, p, err := ParseInput(body)
		// A body decoded as written (asWritten) parses exactly as its
		// normalised copy does.
		sev, sp, serr := parseSlowly(body)
		if fmt.Sprint(err) != fmt.Sprint(serr) || !reflect.DeepEqual(ev, sev) || !reflect.DeepEqual(p, sp) {
			t.Fatalf("ParseInput gives %+v %#v %v; through the normalised copy %+v %#v %v", ev, p, err, sev, sp, serr)
		}
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
			}
			if ve.Message == "" {
				t.Fatalf("ValidationError without a message (field %q)", ve.Field)
			}
			if p != nil || !reflect.DeepEqual(ev, Event{}) {
				t.Fatalf("error %v came with an event %+v / payload %#v", err, ev, p)
			}
			return
		}
		checkAccepted(t, ev, p)
	})
}

// parseSlowly is ParseInput always through the normalised copy.
func parseSlowly(body []byte) (Event, Payload, error) {
	normalised, generic, err := normaliseJSON(body)
	if err != nil {
		return Event{}, nil, err
	}
	return parseNormalised(normalised, generic)
}

// checkAccepted asserts what holds for every event ParseInput accepts.
func checkAccepted(t *testing.T, ev Event, p Payload) {
	t.Helper()
	spec, ok := Lookup(ev.Type)
	if !ok || spec.By == BySystem {
		t.Fatalf("accepted type %q (registered %v, by %q)", ev.Type, ok, spec.By)
	}
	if ev.Schema != Schema {
		t.Fatalf("Schema = %d", ev.Schema)
	}
	if reflect.TypeOf(p) != reflect.TypeOf(spec.New()) {
		t.Fatalf("payload %T for %s, want %T", p, ev.Type, spec.New())
	}
	if err := ValidatePayload(p); err != nil {
		t.Fatalf("accepted payload does not validate: %v", err)
	}
	if canonical, err := json.Marshal(p); err != nil || !bytes.Equal(canonical, ev.Data) {
		t.Fatalf("Data %s is not the payload's encoding %s (%v)", ev.Data, canonical, err)
	}
	if spec.Fact && (ev.Date == "" || len(ev.Evidence) == 0) {
		t.Fatalf("fact accepted without date or evidence: %+v", ev)
	}

	// The stored form decodes to the same event and payload.
	stored := ev
	stored.Season = testSeason
	stored.Author = Author{Role: spec.By, Token: "tok-fuzz"}
	stored.Recorded = "2024-11-01T02:30:00Z"
	b, err := Encode(stored)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	back, bp, err := Decode(b)
	if err != nil {
		t.Fatalf("Decode(Encode(ev)): %v\n%s", err, b)
	}
	if !bytes.Equal(back.Data, ev.Data) {
		t.Fatalf("Data through the log = %s, want %s", back.Data, ev.Data)
	}
	if reflect.TypeOf(bp) != reflect.TypeOf(p) {
		t.Fatalf("decoded payload %T, want %T", bp, p)
	}
	if again, _ := json.Marshal(bp); !bytes.Equal(again, ev.Data) {
		t.Fatalf("decoded payload encodes as %s, want %s", again, ev.Data)
	}
	emptyEvidence := ev.Evidence != nil && len(ev.Evidence) == 0
	if ContentHash(back) != ContentHash(stored) {
		if emptyEvidence {
			knownBug(t, `"evidence": [] hashes differently once stored (see TestContentHashEmptyEvidence)`)
		}
		t.Fatalf("ContentHash changed through Encode/Decode\nposted %+v\nstored %+v", stored, back)
	}

	// Normalisation is idempotent: the body rebuilt from the event parses to
	// the same event.
	rebuilt, err := json.Marshal(Input{ID: ev.ID, Type: ev.Type, Unit: ev.Unit, Date: ev.Date, Data: ev.Data, Evidence: ev.Evidence})
	if err != nil {
		t.Fatalf("rebuild input: %v", err)
	}
	ev2, p2, err := ParseInput(rebuilt)
	if err != nil {
		t.Fatalf("rebuilt body refused: %v\n%s", err, rebuilt)
	}
	if ContentHash(ev2) != ContentHash(ev) {
		if emptyEvidence {
			knownBug(t, `"evidence": [] hashes differently from no evidence (see TestContentHashEmptyEvidence)`)
		}
		t.Fatalf("ContentHash not idempotent\nfirst  %+v\nsecond %+v", ev, ev2)
	}
	// Payloads compare by encoding: an empty list and a left-out one are the
	// same content.
	if again, _ := json.Marshal(p2); ev2.ID != ev.ID || !bytes.Equal(ev2.Data, ev.Data) || !bytes.Equal(again, ev.Data) {
		t.Fatalf("re-parse differs\nfirst  %+v %#v\nsecond %+v %#v", ev, p, ev2, p2)
	}
}
