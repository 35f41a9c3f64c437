package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// decodeJSON reads the request body strictly into dst: unknown fields,
// wrong types (including operator objects such as {"$ne": null} where a
// string is expected), trailing data and non-JSON bodies are 4xx problems.
func decodeJSON(c *fiber.Ctx, dst any) error {
	if ct := c.Get(fiber.HeaderContentType); ct != "" {
		media, _, err := mime.ParseMediaType(ct)
		if err != nil || (media != fiber.MIMEApplicationJSON && !strings.HasSuffix(media, "+json")) {
			return problem(415, ProblemUnsupportedMediaType, "detail.content_type")
		}
	}
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		return errBadRequest("detail.malformed_json")
	}
	return decodeStrict(body, dst)
}

// decodeStrict is decodeJSON without the HTTP parts, for fuzzing.
func decodeStrict(body []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonProblem(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errBadRequest("detail.malformed_json")
	}
	return nil
}

func jsonProblem(err error) error {
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &Problem{Status: 400, Slug: ProblemBadRequest, DetailKey: "detail.malformed_json", Err: err}
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			return &Problem{Status: 400, Slug: ProblemBadRequest, DetailKey: "detail.json_object", Err: err}
		}
		p := errField(typeErr.Field, "wrong_type")
		p.DetailKey = "detail.wrong_type"
		p.Args = []any{typeErr.Field}
		p.Err = err
		return p
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		p := errField(name, "unknown_field")
		p.DetailKey = "detail.unknown_field"
		p.Args = []any{name}
		p.Err = err
		return p
	}
	return &Problem{Status: 400, Slug: ProblemBadRequest, DetailKey: "detail.malformed_json", Err: err}
}

func jsonMarshal(v any) ([]byte, error) {
	return json.Marshal(v)
}
