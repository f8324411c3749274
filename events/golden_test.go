package events

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// go test ./events/ -run TestGolden -update rewrites testdata/golden.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const goldenDir = "testdata/golden"

type goldenEvent struct {
	ev Event
	p  Payload
}

// goldenEvents is one stored event of each type, as the server would append
// it: the client types through ParseInput of their primary valid case, the
// system types built in Go and checked with ValidatePayload. Season, author,
// id and time are fixed so the files never change by themselves.
func goldenEvents(t *testing.T) map[string]goldenEvent {
	t.Helper()
	out := map[string]goldenEvent{}
	for _, c := range validCases() {
		if c.name != c.typ {
			continue // variants are not part of the golden set
		}
		ev, p, err := ParseInput([]byte(c.body))
		if err != nil {
			t.Fatalf("%s: ParseInput: %v", c.name, err)
		}
		if ev.ID == "" {
			ev.ID = "golden-" + c.typ
		}
		ev.Season = testSeason
		spec, _ := Lookup(c.typ)
		if spec.By == ByUnit {
			ev.Author = Author{Role: RoleUnit, Unit: ev.Unit, Token: "tok-" + ev.Unit}
		} else {
			ev.Author = Author{Role: RoleCommittee, Token: "tok-committee"}
		}
		ev.Recorded = "2024-11-01T02:30:00Z"
		out[c.typ] = goldenEvent{ev, p}
	}
	system := []struct {
		typ string
		p   Payload
	}{
		{TypeTokenIssued, &TokenIssued{ID: "tok-cau-giay", Hash: testSHA256, Role: RoleUnit, Unit: "cau-giay", IssuedBy: "tok-committee"}},
		{TypeTokenRevoked, &TokenRevoked{ID: "tok-cau-giay", RevokedBy: "admin"}},
	}
	for _, s := range system {
		if err := ValidatePayload(s.p); err != nil {
			t.Fatalf("%s: ValidatePayload: %v", s.typ, err)
		}
		data, err := json.Marshal(s.p)
		if err != nil {
			t.Fatal(err)
		}
		out[s.typ] = goldenEvent{Event{
			Schema: Schema, ID: "golden-" + s.typ,
			Type: s.typ, Season: testSeason, Data: data,
			Author: Author{Role: RoleAdmin}, Recorded: "2024-02-20T01:00:00Z",
		}, s.p}
	}
	for _, typ := range allTypes {
		if _, ok := out[typ]; !ok {
			t.Fatalf("no golden event for %s", typ)
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	events := goldenEvents(t)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, typ := range allTypes {
		g := events[typ]
		t.Run(typ, func(t *testing.T) {
			enc, err := Encode(g.ev)
			if err != nil {
				t.Fatalf("Encode: %v", err)
			}
			got := enc // exactly one message as stored on the log, no trailing newline
			path := filepath.Join(goldenDir, typ+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./events/ -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Encode differs from %s (the wire format is stable; run with -update only for a deliberate change)\ngot:  %s\nwant: %s", path, got, want)
			}

			// The golden bytes decode back to the same event and payload.
			ev, p, err := Decode(want)
			if err != nil {
				t.Fatalf("Decode(%s): %v", path, err)
			}
			if !reflect.DeepEqual(ev, g.ev) {
				t.Errorf("Decode(Encode(ev)) = %+v\nwant                %+v", ev, g.ev)
			}
			spec, _ := Lookup(typ)
			if reflect.TypeOf(p) != reflect.TypeOf(spec.New()) {
				t.Errorf("payload type %T, want %T", p, spec.New())
			}
			if !reflect.DeepEqual(p, g.p) {
				t.Errorf("payload = %#v\nwant      %#v", p, g.p)
			}
			if ContentHash(ev) != ContentHash(g.ev) {
				t.Errorf("ContentHash changed through Encode/Decode")
			}
			if err := ValidatePayload(p); err != nil {
				t.Errorf("decoded payload no longer validates: %v", err)
			}
		})
	}
	t.Run("no stray files", func(t *testing.T) {
		entries, err := os.ReadDir(goldenDir)
		if err != nil {
			t.Fatal(err)
		}
		var stray []string
		for _, e := range entries {
			if _, ok := events[strings.TrimSuffix(e.Name(), ".json")]; !ok || !strings.HasSuffix(e.Name(), ".json") {
				stray = append(stray, e.Name())
			}
		}
		sort.Strings(stray)
		if len(stray) > 0 {
			t.Errorf("files in %s that are no event type: %v", goldenDir, stray)
		}
	})
}

// TestEncodeEnvelopeShape pins the envelope's field names and which of them
// are left out when empty, independently of the golden bytes.
func TestEncodeEnvelopeShape(t *testing.T) {
	cases := []struct {
		name    string
		ev      Event
		present []string
		absent  []string
	}{
		{
			name: "committee event without unit, date or evidence",
			ev: Event{Schema: Schema, ID: "e1", Type: TypeSeasonClosed, Season: testSeason, Data: json.RawMessage(`{}`),
				Author: Author{Role: RoleCommittee, Token: "tok-1"}, Recorded: "2024-11-01T02:30:00Z"},
			present: []string{`"schema":1`, `"id":"e1"`, `"type":"season.closed"`, `"season":"hn-mttq-cum2-2024"`, `"data":{}`, `"author":{"role":"committee","token":"tok-1"}`, `"recorded":"2024-11-01T02:30:00Z"`},
			absent:  []string{`"unit"`, `"date"`, `"evidence"`},
		},
		{
			name: "fact with evidence",
			ev: Event{Schema: Schema, ID: "e2", Type: TypeReportSubmitted, Season: testSeason, Unit: "thanh-xuan", Date: "2024-03-29",
				Data:     json.RawMessage(`{"topic":"propaganda","due":"2024-03-31"}`),
				Evidence: []Evidence{{Kind: "document", Title: "Báo cáo"}},
				Author:   Author{Role: RoleUnit, Unit: "thanh-xuan"}, Recorded: "2024-03-29T03:00:00Z"},
			present: []string{`"unit":"thanh-xuan"`, `"date":"2024-03-29"`, `"evidence":[{"kind":"document","title":"Báo cáo"}]`, `"author":{"role":"unit","unit":"thanh-xuan"}`},
			absent:  []string{`"doc_no"`, `"url"`, `"sha256"`, `"token"`},
		},
		{
			name: "data is compacted",
			ev: Event{Schema: Schema, ID: "e3", Type: TypeSeasonClosed, Data: json.RawMessage("{\n  }"),
				Author: Author{Role: RoleCommittee}},
			present: []string{`"data":{}`},
			absent:  []string{"\n"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Encode(c.ev)
			if err != nil {
				t.Fatalf("Encode: %v", err)
			}
			for _, s := range c.present {
				if !bytes.Contains(b, []byte(s)) {
					t.Errorf("%s lacks %s", b, s)
				}
			}
			for _, s := range c.absent {
				if bytes.Contains(b, []byte(s)) {
					t.Errorf("%s has %q", b, s)
				}
			}
		})
	}
	t.Run("invalid raw data is an error", func(t *testing.T) {
		if b, err := Encode(Event{Schema: Schema, ID: "e4", Type: TypeSeasonClosed, Data: json.RawMessage(`{`)}); err == nil {
			t.Errorf("Encode accepted invalid data: %s", b)
		}
	})
}

// TestDecodeAcceptsEveryType: every registered type decodes, including the
// system types a client can never post.
func TestDecodeAcceptsEveryType(t *testing.T) {
	events := goldenEvents(t)
	for _, typ := range allTypes {
		t.Run(typ, func(t *testing.T) {
			ev := events[typ].ev
			ev.Schema = Schema
			b, err := Encode(ev)
			if err != nil {
				t.Fatal(err)
			}
			got, p, err := Decode(b)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got.Type != typ || p == nil {
				t.Errorf("Decode = type %q payload %T", got.Type, p)
			}
		})
	}
}
