package main

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// apiSpec checks the requests the tests make and the replies they get
// against the /openapi.yaml the server itself serves, so that the document
// cannot drift from what the server does.
type apiSpec struct {
	router routers.Router
}

func loadAPISpec(t *testing.T, baseURL string) *apiSpec {
	t.Helper()
	resp, err := http.Get(baseURL + "/openapi.yaml")
	if err != nil {
		t.Fatalf("get /openapi.yaml: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatalf("load /openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate /openapi.yaml: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatalf("route /openapi.yaml: %v", err)
	}
	return &apiSpec{router: router}
}

// check reports how a request and its reply disagree with the document:
// a reply must be one the operation documents, with a body of its schema;
// a request the document calls invalid must be refused with a 4xx (a 2xx
// means the server takes what the document says it refuses).
func (s *apiSpec) check(req *http.Request, body []byte, resp *http.Response, respBody []byte) []string {
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		if !strings.HasPrefix(req.URL.Path, "/api/") || resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed {
			return nil // the web page, or not an operation and the server agrees
		}
		return []string{"not in openapi.yaml, answered " + resp.Status + ": " + err.Error()}
	}
	var problems []string
	opts := &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}
	req.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil && resp.StatusCode < 400 {
		problems = append(problems, "the document refuses the request, the server answered "+resp.Status+": "+err.Error())
	}
	ropts := *opts
	ropts.IncludeResponseStatus = true
	if ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); ct != "application/json" {
		ropts.ExcludeResponseBody = true // files, metrics, event streams: the status and type are checked
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(respBody)), Options: &ropts,
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		problems = append(problems, "reply "+resp.Status+" disagrees with the document: "+firstLines(err.Error(), 6))
	}
	return problems
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}
