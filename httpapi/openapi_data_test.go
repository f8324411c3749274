package httpapi

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/thidua/thidua/events"
)

// TestOpenAPIDescribesEveryEventType: the document loads and validates, and
// for every type a client may post it has a body whose data is described
// field by field, with exactly the JSON fields of the type's payload.
func TestOpenAPIDescribesEveryEventType(t *testing.T) {
	doc := loadOpenAPI(t)
	body := doc.Paths.Find("/api/v1/seasons/{season}/events").Post.RequestBody.Value.Content.Get("application/json").Schema.Value
	for _, typ := range events.ClientTypes() {
		t.Run(typ, func(t *testing.T) {
			spec, ok := events.Lookup(typ)
			if !ok || spec.By == events.BySystem {
				t.Fatalf("%s is not a client type", typ)
			}
			ref := body.Discriminator.Mapping[typ].Ref
			if ref == "" {
				t.Fatalf("no discriminator mapping for %s", typ)
			}
			if !slices.ContainsFunc(body.OneOf, func(s *openapi3.SchemaRef) bool { return s.Ref == ref }) {
				t.Errorf("%s is mapped but not in the body's oneOf", ref)
			}
			ev := doc.Components.Schemas[strings.TrimPrefix(ref, "#/components/schemas/")].Value
			if len(ev.AllOf) != 2 {
				t.Fatalf("%s: want allOf of EventInput and the typed part", ref)
			}
			own := ev.AllOf[1].Value
			if got := own.Properties["type"].Value.Enum; len(got) != 1 || got[0] != typ {
				t.Errorf("%s: type enum %v", ref, got)
			}
			data := own.Properties["data"].Value
			var documented []string
			for name := range data.Properties {
				documented = append(documented, name)
			}
			if typ == events.TypeSeasonOpened {
				// Accepted and dropped, so that GET /seasons/{season} can be posted back.
				documented = slices.DeleteFunc(documented, func(f string) bool { return f == "season" || f == "closed" })
			}
			slices.Sort(documented)
			if want := jsonFields(reflect.TypeOf(spec.New())); !slices.Equal(documented, want) {
				t.Errorf("data of %s documents %v, the payload has %v", typ, documented, want)
			}
		})
	}
}

func jsonFields(t reflect.Type) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
