package events

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Input is what a client posts: the envelope without the parts the server sets.
type Input struct {
	ID       string          `json:"id,omitempty"`
	Type     string          `json:"type"`
	Unit     string          `json:"unit,omitempty"`
	Date     string          `json:"date,omitempty"`
	Data     json.RawMessage `json:"data"`
	Evidence []Evidence      `json:"evidence,omitempty"`
}

// ParseInput reads one posted event: strict JSON (no unknown fields, right
// types), every string in Unicode NFC, the payload decoded and checked on its
// own. What it cannot check without the season (dates in the year, members,
// targets, rubric items) is domain's job. The returned Event has Data in its
// canonical encoding and no Season, Author or Recorded yet.
func ParseInput(body []byte) (Event, Payload, error) {
	normalised, err := normaliseJSON(body)
	if err != nil {
		return Event{}, nil, err
	}
	var in Input
	if err := strictDecode(normalised, &in, ""); err != nil {
		return Event{}, nil, err
	}
	v := &validator{}
	if in.ID != "" {
		v.eventID("id", in.ID)
	}
	spec, ok := Lookup(in.Type)
	switch {
	case in.Type == "":
		v.fail("type", "is required")
	case !ok || spec.By == BySystem:
		v.fail("type", fmt.Sprintf("%q is not an event type", in.Type))
	}
	if v.err != nil {
		return Event{}, nil, v.err
	}
	if in.Unit != "" {
		v.id("unit", in.Unit)
	}
	switch spec.Unit {
	case UnitRequired:
		if in.Unit == "" {
			v.fail("unit", "is required for "+in.Type)
		}
	case UnitNone:
		if in.Unit != "" {
			v.fail("unit", in.Type+" concerns no single unit")
		}
	}
	v.date("date", in.Date, spec.Fact)
	v.evidence(in.Evidence, spec.Fact)
	if v.err != nil {
		return Event{}, nil, v.err
	}
	p, data, err := decodePayload(spec, in.Data)
	if err != nil {
		return Event{}, nil, err
	}
	ev := Event{Schema: Schema, ID: in.ID, Type: in.Type, Unit: in.Unit, Date: in.Date, Data: data, Evidence: in.Evidence}
	return ev, p, nil
}

// decodePayload decodes and validates data for one type and returns its
// canonical encoding.
func decodePayload(spec Spec, raw json.RawMessage) (Payload, json.RawMessage, error) {
	p := spec.New()
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		raw = json.RawMessage("{}")
	}
	if err := strictDecode(raw, p, "data"); err != nil {
		return nil, nil, err
	}
	v := &validator{}
	p.validate(v)
	if v.err != nil {
		return nil, nil, v.err
	}
	data, err := json.Marshal(p)
	if err != nil {
		return nil, nil, fmt.Errorf("encode %s data: %w", spec.Type, err)
	}
	return p, data, nil
}

// ValidatePayload checks a payload built in Go (the demo, tests, the server's
// own access events) exactly as ParseInput checks a posted one.
func ValidatePayload(p Payload) error {
	v := &validator{}
	p.validate(v)
	if v.err != nil {
		return v.err
	}
	return nil
}

// Encode writes an event as stored on the log.
func Encode(ev Event) ([]byte, error) {
	b, err := json.Marshal(ev)
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	return b, nil
}

// Decode reads an event as stored on the log, with its typed payload.
// It accepts every schema version up to this build's.
func Decode(b []byte) (Event, Payload, error) {
	var ev Event
	if err := json.Unmarshal(b, &ev); err != nil {
		return Event{}, nil, fmt.Errorf("decode envelope: %w", err)
	}
	if ev.Schema < 1 || ev.Schema > Schema {
		return Event{}, nil, fmt.Errorf("event %s: schema %d is not known to this build (max %d)", ev.ID, ev.Schema, Schema)
	}
	spec, ok := Lookup(ev.Type)
	if !ok {
		return Event{}, nil, fmt.Errorf("event %s: unknown type %q", ev.ID, ev.Type)
	}
	p := spec.New()
	if err := json.Unmarshal(ev.Data, p); err != nil {
		return Event{}, nil, fmt.Errorf("event %s: decode %s data: %w", ev.ID, ev.Type, err)
	}
	return ev, p, nil
}

// ContentHash identifies what an event says, independent of who sent it and
// when: two posts with the same id and the same hash are one event.
func ContentHash(ev Event) string {
	b, _ := json.Marshal(struct {
		Type     string          `json:"type"`
		Season   string          `json:"season"`
		Unit     string          `json:"unit"`
		Date     string          `json:"date"`
		Data     json.RawMessage `json:"data"`
		Evidence []Evidence      `json:"evidence"`
	}{ev.Type, ev.Season, ev.Unit, ev.Date, ev.Data, ev.Evidence})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// strictDecode decodes one JSON value into dst, refusing unknown fields and
// trailing data, and names the offending field in its error.
func strictDecode(b []byte, dst any, prefix string) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err, prefix)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &ValidationError{Field: prefix, Message: "unexpected data after the JSON value"}
	}
	return nil
}

func jsonError(err error, prefix string) error {
	join := func(f string) string {
		switch {
		case prefix == "":
			return f
		case f == "":
			return prefix
		}
		return prefix + "." + f
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr) && typeErr.Type == reflect.TypeFor[Points]():
		return &ValidationError{Field: join(typeErr.Field), Message: "must be a number of points with at most two decimals, not " + typeErr.Value}
	case errors.As(err, &typeErr):
		return &ValidationError{Field: join(typeErr.Field), Message: fmt.Sprintf("must be %s, not a JSON %s", typeName(typeErr.Type.Kind().String()), typeErr.Value)}
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &ValidationError{Field: prefix, Message: "malformed JSON"}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &ValidationError{Field: join(name), Message: "unknown field"}
	default:
		// Errors from our own UnmarshalJSON (points) carry their reason.
		return &ValidationError{Field: prefix, Message: err.Error()}
	}
}

func typeName(kind string) string {
	switch kind {
	case "int", "int64", "int32", "float64":
		return "a number"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "map", "struct":
		return "an object"
	}
	return kind
}

// normaliseJSON rewrites every string (keys and values) of a JSON document
// in Unicode NFC, keeping numbers exactly as written.
func normaliseJSON(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &ValidationError{Message: "malformed JSON: " + err.Error()}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &ValidationError{Message: "malformed JSON: more than one value"}
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, &ValidationError{Message: "the body must be a JSON object"}
	}
	out, err := json.Marshal(nfc(v))
	if err != nil {
		return nil, &ValidationError{Message: "malformed JSON: " + err.Error()}
	}
	return out, nil
}

func nfc(v any) any {
	switch t := v.(type) {
	case string:
		return norm.NFC.String(t)
	case []any:
		for i := range t {
			t[i] = nfc(t[i])
		}
		return t
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[norm.NFC.String(k)] = nfc(x)
		}
		return out
	}
	return v
}
