package docs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

type Param struct {
	Name, In, Type, Description string
	Required                    bool
}

type Response struct {
	Status, Description, Body string
}

type Operation struct {
	Method, Path, Summary, Description, ID, Body string
	Public                                       bool
	Tags                                         []string
	Params                                       []Param
	Responses                                    []Response
}

type Property struct {
	Name, Type, Description string
	Required                bool
}

type Schema struct {
	Name, Type, Description string
	Properties              []Property
}

type Tag struct {
	Name       string
	Operations []Operation
}

// Reference is what the API reference page shows, read from an OpenAPI
// document: operations grouped by tag, and the schemas.
type Reference struct {
	Title, Version, OpenAPI, Summary, Description string
	Ops                                           []Operation
	Tags                                          []Tag
	Schemas                                       []Schema
}

// Read turns the OpenAPI document into its Reference.
func Read(raw []byte) (*Reference, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(raw)
	if err != nil {
		return nil, fmt.Errorf("load openapi.yaml: %w", err)
	}
	var ops []Operation
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for method, op := range item.Operations() {
			ops = append(ops, describeOperation(doc, path, method, item, op))
		}
	}
	slices.SortFunc(ops, func(a, b Operation) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Method, b.Method)
	})
	var tags []Tag
	index := map[string]int{}
	for _, t := range doc.Tags {
		index[t.Name] = len(tags)
		tags = append(tags, Tag{Name: t.Name})
	}
	for _, op := range ops {
		name := "other"
		if len(op.Tags) > 0 {
			name = op.Tags[0]
		}
		i, ok := index[name]
		if !ok {
			i = len(tags)
			index[name] = i
			tags = append(tags, Tag{Name: name})
		}
		tags[i].Operations = append(tags[i].Operations, op)
	}
	var schemas []Schema
	if doc.Components != nil {
		names := make([]string, 0, len(doc.Components.Schemas))
		for name := range doc.Components.Schemas {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			schemas = append(schemas, describeSchema(name, doc.Components.Schemas[name]))
		}
	}
	return &Reference{
		Title: doc.Info.Title, Version: doc.Info.Version, OpenAPI: doc.OpenAPI,
		Summary: doc.Info.Summary, Description: strings.TrimSpace(doc.Info.Description),
		Ops: ops, Tags: tags, Schemas: schemas,
	}, nil
}

func describeOperation(doc *openapi3.T, path, method string, item *openapi3.PathItem, op *openapi3.Operation) Operation {
	out := Operation{Method: method, Path: path, Summary: op.Summary, Description: op.Description, ID: op.OperationID, Tags: op.Tags}
	if out.ID == "" {
		out.ID = strings.ToLower(method) + strings.NewReplacer("/", "-", "{", "", "}", "").Replace(path)
	}
	security := doc.Security
	if op.Security != nil {
		security = *op.Security
	}
	out.Public = len(security) == 0
	for _, req := range security {
		if len(req) == 0 {
			out.Public = true
		}
	}
	params := append(openapi3.Parameters{}, item.Parameters...)
	params = append(params, op.Parameters...)
	for _, p := range params {
		if p == nil || p.Value == nil {
			continue
		}
		out.Params = append(out.Params, Param{
			Name: p.Value.Name, In: p.Value.In, Required: p.Value.Required,
			Type: schemaType(p.Value.Schema), Description: p.Value.Description,
		})
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		rb := op.RequestBody.Value
		out.Body = contentSummary(rb.Content)
		if !rb.Required {
			out.Body += " (optional)"
		}
	}
	if op.Responses != nil {
		codes := make([]string, 0, op.Responses.Len())
		for code := range op.Responses.Map() {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			ref := op.Responses.Value(code)
			if ref == nil || ref.Value == nil {
				continue
			}
			r := Response{Status: code, Body: contentSummary(ref.Value.Content)}
			if ref.Value.Description != nil {
				r.Description = *ref.Value.Description
			}
			if _, ok := ref.Value.Headers["Retry-After"]; ok {
				r.Description += " Header: Retry-After."
			}
			out.Responses = append(out.Responses, r)
		}
	}
	return out
}

// contentSummary names the media types of a body and their schemas.
func contentSummary(content openapi3.Content) string {
	if len(content) == 0 {
		return "none"
	}
	types := make([]string, 0, len(content))
	for mt := range content {
		types = append(types, mt)
	}
	slices.Sort(types)
	parts := make([]string, 0, len(types))
	for _, mt := range types {
		if s := content[mt].Schema; s != nil {
			parts = append(parts, mt+" "+schemaType(s))
		} else {
			parts = append(parts, mt)
		}
	}
	return strings.Join(parts, ", ")
}

// schemaType is a one-line description of a schema: its component name,
// or its type(s), with array items and enums.
func schemaType(ref *openapi3.SchemaRef) string {
	if ref == nil {
		return ""
	}
	if ref.Ref != "" {
		return ref.Ref[strings.LastIndex(ref.Ref, "/")+1:]
	}
	s := ref.Value
	if s == nil {
		return ""
	}
	if len(s.AllOf) > 0 {
		parts := make([]string, len(s.AllOf))
		for i, sub := range s.AllOf {
			parts[i] = schemaType(sub)
		}
		return strings.Join(parts, " + ")
	}
	if len(s.OneOf) > 0 {
		parts := make([]string, len(s.OneOf))
		for i, sub := range s.OneOf {
			parts[i] = schemaType(sub)
		}
		return strings.Join(parts, " | ")
	}
	var types []string
	if s.Type != nil {
		types = s.Type.Slice()
	}
	for i, t := range types {
		switch t {
		case openapi3.TypeArray:
			types[i] = "array of " + schemaType(s.Items)
		case openapi3.TypeObject:
			if s.AdditionalProperties.Schema != nil {
				types[i] = "map of " + schemaType(s.AdditionalProperties.Schema)
			}
		}
	}
	out := strings.Join(types, " or ")
	if s.Format != "" {
		out += " (" + s.Format + ")"
	}
	if len(s.Enum) > 0 {
		vals := make([]string, len(s.Enum))
		for i, v := range s.Enum {
			vals[i] = fmt.Sprint(v)
		}
		out += ": " + strings.Join(vals, ", ")
	}
	if out == "" {
		out = "any"
	}
	return out
}

func describeSchema(name string, ref *openapi3.SchemaRef) Schema {
	out := Schema{Name: name, Type: schemaType(&openapi3.SchemaRef{Value: ref.Value})}
	s := ref.Value
	if s == nil {
		return out
	}
	out.Description = s.Description
	collect := func(s *openapi3.Schema) {
		names := make([]string, 0, len(s.Properties))
		for n := range s.Properties {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			p := s.Properties[n]
			desc := ""
			if p.Value != nil {
				desc = p.Value.Description
			}
			out.Properties = append(out.Properties, Property{
				Name: n, Type: schemaType(p), Required: slices.Contains(s.Required, n), Description: desc,
			})
		}
	}
	collect(s)
	for _, sub := range s.AllOf {
		if sub.Ref == "" && sub.Value != nil {
			collect(sub.Value)
		}
	}
	if s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has {
		out.Type += ", no other fields"
	}
	return out
}
