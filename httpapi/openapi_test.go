package httpapi

import (
	"bufio"
	"bytes"
	"sort"
	"strings"
	"testing"
)

// openapiOperations reads "METHOD /path" pairs from the paths section of
// openapi.yaml: a path is a two-space-indented key starting with "/", an
// operation a four-space-indented HTTP method under it.
func openapiOperations(t *testing.T) []string {
	t.Helper()
	var ops []string
	inPaths, path := false, ""
	sc := bufio.NewScanner(bytes.NewReader(openapiYAML))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "paths:":
			inPaths = true
		case inPaths && !strings.HasPrefix(line, " ") && line != "":
			inPaths = false
		case inPaths && strings.HasPrefix(line, "  /") && strings.HasSuffix(line, ":"):
			path = strings.TrimSuffix(strings.TrimSpace(line), ":")
		case inPaths && path != "" && strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     "):
			m := strings.TrimSuffix(strings.TrimSpace(line), ":")
			switch m {
			case "get", "post", "put", "delete", "patch":
				ops = append(ops, strings.ToUpper(m)+" "+path)
			}
		}
	}
	sort.Strings(ops)
	return ops
}

// TestOpenAPIMatchesHandlers keeps /openapi.yaml true to the handlers: every
// route is documented and every documented operation is served.
func TestOpenAPIMatchesHandlers(t *testing.T) {
	zero := func() float64 { return 0 }
	s := &Server{metrics: newMetrics(nil, gauges{zero, zero, zero, zero, zero})}
	var served []string
	for pattern := range s.routes() {
		served = append(served, pattern)
	}
	sort.Strings(served)
	documented := openapiOperations(t)
	if len(documented) == 0 {
		t.Fatal("no operations found in openapi.yaml")
	}
	if strings.Join(served, "\n") != strings.Join(documented, "\n") {
		t.Errorf("openapi.yaml and the handlers disagree\nserved:\n  %s\ndocumented:\n  %s",
			strings.Join(served, "\n  "), strings.Join(documented, "\n  "))
	}
}
