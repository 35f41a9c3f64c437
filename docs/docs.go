// Package docs embeds the API contract so the server can serve it.
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml, the OpenAPI 3.1 description of /api/v1.
//
//go:embed openapi.yaml
var OpenAPI []byte
