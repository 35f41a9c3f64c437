// Package frontend holds the server-rendered pages: templates, static CSS
// and JavaScript, embedded in the binary.
package frontend

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io"
	"io/fs"
	"strings"
)

//go:embed templates/*.html templates/partials/*.html templates/documents/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Static returns the static assets (CSS, JS, images).
func Static() fs.FS {
	sub, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err)
	}
	return sub
}

// Renderer renders pages; each page template is parsed with the layout and
// the partials (form fields, error summary).
type Renderer struct {
	pages     map[string]*template.Template
	documents map[string]*template.Template
}

// NewRenderer parses every page once.
func NewRenderer() (*Renderer, error) {
	versions, err := assetVersions()
	if err != nil {
		return nil, err
	}
	partials, err := fs.Glob(templateFiles, "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	entries, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	r := &Renderer{pages: make(map[string]*template.Template), documents: make(map[string]*template.Template)}
	for _, path := range entries {
		name := strings.TrimSuffix(strings.TrimPrefix(path, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		files := append([]string{"templates/layout.html"}, partials...)
		t, err := template.New("layout.html").Funcs(funcs(versions)).ParseFS(templateFiles, append(files, path)...)
		if err != nil {
			return nil, err
		}
		r.pages[name] = t
	}
	// Documents stand alone, without the site's frame: the printable
	// attestation of the API, the API reference, the development mail box.
	// They share the partials with the pages, so that a document and a
	// page showing the same thing (the attestation) render it once.
	documents, err := fs.Glob(templateFiles, "templates/documents/*.html")
	if err != nil {
		return nil, err
	}
	for _, path := range documents {
		name := strings.TrimSuffix(strings.TrimPrefix(path, "templates/documents/"), ".html")
		t, err := template.New(name+".html").Funcs(funcs(versions)).ParseFS(templateFiles, append(partials[:len(partials):len(partials)], path)...)
		if err != nil {
			return nil, err
		}
		r.documents[name] = t
	}
	return r, nil
}

func assetVersions() (map[string]string, error) {
	versions := make(map[string]string)
	err := fs.WalkDir(Static(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Static(), path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		versions[path] = hex.EncodeToString(sum[:4])
		return nil
	})
	return versions, err
}

// Has reports whether a page template exists.
func (r *Renderer) Has(name string) bool {
	_, ok := r.pages[name]
	return ok
}

// RenderDocument writes the standalone document name (a whole HTML
// document of templates/documents) with data.
func (r *Renderer) RenderDocument(w io.Writer, name string, data any) error {
	t, ok := r.documents[name]
	if !ok {
		return fs.ErrNotExist
	}
	return t.Execute(w, data)
}

// Render writes page name with data.
func (r *Renderer) Render(w io.Writer, name string, page Page) error {
	t, ok := r.pages[name]
	if !ok {
		return fs.ErrNotExist
	}
	return t.ExecuteTemplate(w, "layout.html", page)
}
