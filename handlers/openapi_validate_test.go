package handlers_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/entraide/entraide/docs"
)

// The API contract (docs/openapi.yaml) is loaded once per test binary, and
// every response the HTTP tests receive under /api/ (and the health
// probes) is validated against it: status, content type, headers and body.

var spec struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

func loadSpec() (*openapi3.T, routers.Router, error) {
	spec.once.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(docs.OpenAPI)
		if err != nil {
			spec.err = fmt.Errorf("docs/openapi.yaml: load: %w", err)
			return
		}
		if err := doc.Validate(loader.Context); err != nil {
			spec.err = fmt.Errorf("docs/openapi.yaml: invalid: %w", err)
			return
		}
		r, err := gorillamux.NewRouter(doc)
		if err != nil {
			spec.err = fmt.Errorf("docs/openapi.yaml: router: %w", err)
			return
		}
		spec.doc, spec.router = doc, r
	})
	return spec.doc, spec.router, spec.err
}

// validate checks one answer of the test suite against the contract and
// fails the current test (without stopping it) on a mismatch.
func (e *env) validate(r req, resp response) {
	e.t.Helper()
	if err := checkResponse(r.method, r.path, resp); err != nil {
		e.t.Errorf("API contract (docs/openapi.yaml): %s %s -> %d: %v\nbody: %.600s", r.method, r.path, resp.Status, err, resp.Raw)
	}
}

// checkResponse validates resp, the answer to method path. Requests outside
// the API, and requests to unknown routes answered 404/405, are skipped.
func checkResponse(method, path string, resp response) error {
	p := path
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if !strings.HasPrefix(p, "/api/") && p != "/healthz" && p != "/readyz" {
		return nil
	}
	if p == "/api/docs" || strings.HasPrefix(p, "/api/docs/") {
		return nil // the contract itself, not an API route
	}
	_, router, err := loadSpec()
	if err != nil {
		return err
	}
	httpReq := httptest.NewRequest(method, path, nil)
	route, params, err := router.FindRoute(httpReq)
	if err != nil && len(p) > 1 && strings.HasSuffix(p, "/") {
		// Fiber routes are not strict: /a/ is served as /a.
		httpReq = httptest.NewRequest(method, strings.TrimSuffix(p, "/")+strings.TrimPrefix(path, p), nil)
		route, params, err = router.FindRoute(httpReq)
	}
	if err != nil {
		if (errors.Is(err, routers.ErrPathNotFound) || errors.Is(err, routers.ErrMethodNotAllowed)) &&
			(resp.Status == http.StatusNotFound || resp.Status == http.StatusMethodNotAllowed) {
			return nil
		}
		return fmt.Errorf("route not documented: %w", err)
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: httpReq, PathParams: params, Route: route, Options: opts,
		},
		Status:  resp.Status,
		Header:  resp.Header,
		Body:    io.NopCloser(strings.NewReader(resp.Raw)),
		Options: opts,
	}
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		return fmt.Errorf("%s %s: %w", route.Method, route.Path, err)
	}
	// A documented response without content must have no body.
	if ref := route.Operation.Responses.Status(resp.Status); ref != nil && ref.Value != nil &&
		len(ref.Value.Content) == 0 && resp.Raw != "" && method != http.MethodHead {
		return fmt.Errorf("%s %s: status %d is documented without a body, got %d bytes", route.Method, route.Path, resp.Status, len(resp.Raw))
	}
	return nil
}

// TestOpenAPISpecLoads fails early, with a readable message, when the
// document itself is invalid.
func TestOpenAPISpecLoads(t *testing.T) {
	if _, _, err := loadSpec(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenAPIValidatorCatchesDrift makes sure the hook is not a no-op.
func TestOpenAPIValidatorCatchesDrift(t *testing.T) {
	jsonHeader := http.Header{"Content-Type": {"application/json"}}
	problemHeader := http.Header{"Content-Type": {"application/problem+json; charset=utf-8"}}
	bad := []struct {
		method, path string
		resp         response
	}{
		{"GET", "/api/v1/me", response{Status: 200, Header: jsonHeader, Raw: `{"id": 5}`}},
		{"GET", "/api/v1/me", response{Status: 418, Header: problemHeader, Raw: `{"type":"/problems/x","title":"t","status":418,"instance":"/"}`}},
		{"GET", "/api/v1/me", response{Status: 401, Header: problemHeader, Raw: `{"title":"t"}`}},
		{"POST", "/api/v1/auth/signup", response{Status: 429, Header: problemHeader, Raw: `{"type":"/problems/rate-limited","title":"t","status":429,"instance":"/"}`}},
		{"DELETE", "/api/v1/me", response{Status: 204, Header: jsonHeader, Raw: `{}`}},
		{"GET", "/api/v1/undocumented", response{Status: 200, Header: jsonHeader, Raw: `{}`}},
	}
	for _, c := range bad {
		if err := checkResponse(c.method, c.path, c.resp); err == nil {
			t.Errorf("%s %s -> %d %s: accepted", c.method, c.path, c.resp.Status, c.resp.Raw)
		}
	}
	ok := []struct {
		method, path string
		resp         response
	}{
		{"GET", "/api/v1/undocumented", response{Status: 404, Header: problemHeader, Raw: `{"type":"/problems/not-found","title":"t","status":404,"instance":"/"}`}},
		{"GET", "/api/v1/me/", response{Status: 401, Header: problemHeader, Raw: `{"type":"/problems/unauthorized","title":"t","status":401,"instance":"/"}`}},
		{"GET", "/metrics", response{Status: 200}},
	}
	for _, c := range ok {
		if err := checkResponse(c.method, c.path, c.resp); err != nil {
			t.Errorf("%s %s -> %d: %v", c.method, c.path, c.resp.Status, err)
		}
	}
}
