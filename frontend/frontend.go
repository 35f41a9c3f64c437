// Package frontend holds the server-rendered pages: templates, static CSS
// and JavaScript, embedded in the binary.
package frontend

import (
	"embed"
	"html/template"
	"io"
	"io/fs"

	"github.com/entraide/entraide/i18n"
)

//go:embed templates/*.html
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

// Renderer renders pages; each page template is parsed with the layout.
type Renderer struct {
	pages map[string]*template.Template
}

// NewRenderer parses every page once.
func NewRenderer() (*Renderer, error) {
	funcs := template.FuncMap{
		"t": func(lang, key string, args ...any) string { return i18n.T(lang, key, args...) },
	}
	entries, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	r := &Renderer{pages: make(map[string]*template.Template)}
	for _, path := range entries {
		name := path[len("templates/") : len(path)-len(".html")]
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", path)
		if err != nil {
			return nil, err
		}
		r.pages[name] = t
	}
	return r, nil
}

// Page is the data every page gets.
type Page struct {
	Lang        string
	Title       string
	Description string
	Canonical   string
	User        any
	CSRF        string
	Data        any
}

// Render writes page name with data.
func (r *Renderer) Render(w io.Writer, name string, page Page) error {
	t, ok := r.pages[name]
	if !ok {
		return fs.ErrNotExist
	}
	return t.ExecuteTemplate(w, "layout.html", page)
}
