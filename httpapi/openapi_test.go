package httpapi

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openapiYAML)
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate openapi.yaml: %v", err)
	}
	return doc
}

// TestOpenAPIMatchesHandlers keeps /openapi.yaml true to the handlers: every
// route is documented and every documented operation is served; each
// operation has an id, a described success reply and, where a token is
// needed, the 401 a missing token gets.
func TestOpenAPIMatchesHandlers(t *testing.T) {
	zero := func() float64 { return 0 }
	s := &Server{metrics: newMetrics(nil, gauges{zero, zero, zero, zero, zero})}
	var served []string
	for pattern := range s.routes() {
		served = append(served, pattern)
	}
	slices.Sort(served)

	doc := loadOpenAPI(t)
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/" {
		t.Errorf("servers %v: the paths carry /api/v1, so the server is /, or clients call /api/v1/api/v1/…", doc.Servers)
	}
	var documented []string
	ids := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			name := method + " " + path
			documented = append(documented, name)
			if op.OperationID == "" {
				t.Errorf("%s: no operationId", name)
			} else if other, dup := ids[op.OperationID]; dup {
				t.Errorf("%s and %s share operationId %s", name, other, op.OperationID)
			}
			ids[op.OperationID] = name
			ok := false
			for code, r := range op.Responses.Map() {
				if strings.HasPrefix(code, "2") && r.Value != nil && r.Value.Description != nil {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: no described 2xx reply", name)
			}
			public := op.Security != nil && len(*op.Security) == 0
			if !public && op.Responses.Status(401) == nil {
				t.Errorf("%s needs a token but documents no 401", name)
			}
		}
	}
	slices.Sort(documented)
	if !slices.Equal(served, documented) {
		t.Errorf("openapi.yaml and the handlers disagree\nserved:\n  %s\ndocumented:\n  %s",
			strings.Join(served, "\n  "), strings.Join(documented, "\n  "))
	}
}
