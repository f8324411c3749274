package events

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

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
	if asWritten(body) {
		// Nothing for NFC to change: decode the body as sent, skipping the
		// normalised copy. A refusal is worked out again below, on that
		// copy, so that it names the field the copy's order meets first.
		if generic, err := decodeObject(body); err == nil {
			if ev, p, err := parseNormalised(body, generic); err == nil {
				return ev, p, nil
			}
		}
	}
	normalised, generic, err := normaliseJSON(body)
	if err != nil {
		return Event{}, nil, err
	}
	return parseNormalised(normalised, generic)
}

// asWritten reports whether every string of body, keys included, is in NFC
// as written: valid UTF-8 in NFC with no \u escape, which could spell a
// decomposed character the text does not show.
func asWritten(body []byte) bool {
	return !bytes.Contains(body, []byte(`\u`)) && utf8.Valid(body) && norm.NFC.IsNormal(body)
}

// parseNormalised is ParseInput over a body whose strings are in NFC,
// generic being its decoded form.
func parseNormalised(normalised []byte, generic any) (Event, Payload, error) {
	if err := exactFields(generic, reflect.TypeFor[Input](), ""); err != nil {
		return Event{}, nil, err
	}
	var in Input
	if err := strictDecode(normalised, &in, ""); err != nil {
		return Event{}, nil, err
	}
	if len(in.Evidence) == 0 {
		in.Evidence = nil // "evidence": [] and no evidence are the same content
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
	p, data, err := decodePayload(spec, in.Data, generic.(map[string]any)["data"])
	if err != nil {
		return Event{}, nil, err
	}
	ev := Event{Schema: Schema, ID: in.ID, Type: in.Type, Unit: in.Unit, Date: in.Date, Data: data, Evidence: in.Evidence}
	return ev, p, nil
}

// decodePayload decodes and validates data for one type and returns its
// canonical encoding. generic is data as normalised JSON, already decoded.
func decodePayload(spec Spec, raw json.RawMessage, generic any) (Payload, json.RawMessage, error) {
	p := spec.New()
	if generic == nil { // absent or null: a type with no data
		raw, generic = json.RawMessage("{}"), map[string]any{}
	}
	if obj, ok := generic.(map[string]any); ok && spec.Type == TypeSeasonOpened {
		// GET /seasons/{season} answers in season.opened's shape plus the
		// season's id and whether it is closed, so that its reply can open
		// the next season: those two are accepted here and dropped.
		delete(obj, "season")
		delete(obj, "closed")
	}
	if err := exactFields(generic, reflect.TypeOf(p), "data"); err != nil {
		return nil, nil, err
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

// strictDecode decodes one JSON value into dst, refusing trailing data, and
// names the offending field in its error. Unknown fields are found before,
// with their full path, by exactFields.
func strictDecode(b []byte, dst any, prefix string) error {
	dec := json.NewDecoder(bytes.NewReader(b))
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
// in Unicode NFC, keeping numbers exactly as written. It returns the
// rewritten document and its generic form.
func normaliseJSON(body []byte) ([]byte, any, error) {
	v, err := decodeObject(body)
	if err != nil {
		return nil, nil, err
	}
	n, err := nfc(v, "")
	if err != nil {
		return nil, nil, err
	}
	out, err := json.Marshal(n)
	if err != nil {
		return nil, nil, &ValidationError{Message: "malformed JSON: " + err.Error()}
	}
	return out, n, nil
}

// decodeObject decodes a body that must be one JSON object.
func decodeObject(body []byte) (any, error) {
	v, err := decodeGeneric(body)
	if err != nil {
		return nil, &ValidationError{Message: "malformed JSON: " + err.Error()}
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, &ValidationError{Message: "the body must be a JSON object"}
	}
	return v, nil
}

func decodeGeneric(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// nfc normalises strings; two keys of one object that become equal are
// refused, or the document would mean different things on different runs.
func nfc(v any, path string) (any, error) {
	switch t := v.(type) {
	case string:
		return norm.NFC.String(t), nil
	case []any:
		for i := range t {
			x, err := nfc(t[i], fieldIndex(path, i))
			if err != nil {
				return nil, err
			}
			t[i] = x
		}
		return t, nil
	case map[string]any:
		out := make(map[string]any, len(t))
		for _, k := range slices.Sorted(maps.Keys(t)) {
			nk := norm.NFC.String(k)
			if _, dup := out[nk]; dup {
				return nil, &ValidationError{Field: joinField(path, nk), Message: "the same field is given twice"}
			}
			x, err := nfc(t[k], joinField(path, nk))
			if err != nil {
				return nil, err
			}
			out[nk] = x
		}
		return out, nil
	}
	return v, nil
}

func joinField(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// exactFields reports the first object key that is not exactly a JSON field
// name of the Go type it decodes into, with its full path. encoding/json
// matches names case-insensitively and names only the bare key of an
// unknown field; the log's field names are exact.
func exactFields(v any, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil // a type mismatch: the decoder reports it
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fields[name] = f.Type
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			ft, ok := fields[k]
			if !ok {
				return &ValidationError{Field: joinField(path, k), Message: "unknown field"}
			}
			if err := exactFields(obj[k], ft, joinField(path, k)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if t == reflect.TypeFor[json.RawMessage]() {
			return nil // checked against its own type later
		}
		arr, ok := v.([]any)
		if !ok {
			return nil
		}
		for i, x := range arr {
			if err := exactFields(x, t.Elem(), fieldIndex(path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			if err := exactFields(obj[k], t.Elem(), joinField(path, k)); err != nil {
				return err
			}
		}
	}
	return nil
}
