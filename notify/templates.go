package notify

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

//go:embed templates/*.tmpl templates/layout.html
var templateFiles embed.FS

// ErrNoTemplate means an event has no template of the asked kind.
var ErrNoTemplate = errors.New("notify: no such template")

// Rendered is a rendered e-mail: a plain-text body and its HTML alternative.
type Rendered struct {
	Subject string
	Text    string
	HTML    string
}

// templates holds the text templates of each language and the HTML layout.
type templates struct {
	text   map[string]*texttemplate.Template
	layout *htmltemplate.Template
}

// paris is where times that belong to no mission (a digest's day) are read.
var paris = timefmt.Location(timefmt.Default)

func parseTemplates() (*templates, error) {
	t := &templates{text: map[string]*texttemplate.Template{}}
	for _, lang := range models.UILanguages {
		tmpl, err := texttemplate.New(lang).
			Option("missingkey=error").
			Funcs(texttemplate.FuncMap{"date": func(v string) string { return formatDate(lang, v) }}).
			ParseFS(templateFiles, "templates/"+lang+".tmpl", "templates/"+lang+"_*.tmpl")
		if err != nil {
			return nil, err
		}
		t.text[lang] = tmpl
	}
	layout, err := htmltemplate.ParseFS(templateFiles, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	t.layout = layout
	return t, nil
}

func (t *templates) lang(lang string) *texttemplate.Template {
	if tmpl, ok := t.text[lang]; ok {
		return tmpl
	}
	return t.text[i18n.Default]
}

func (t *templates) has(lang string, event models.Event, part string) bool {
	return t.lang(lang).Lookup(string(event)+"."+part) != nil
}

func (t *templates) exec(lang, name string, data map[string]string) (string, error) {
	tmpl := t.lang(lang)
	if tmpl.Lookup(name) == nil {
		return "", fmt.Errorf("%w: %s", ErrNoTemplate, name)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(b.String()), nil
}

// email renders the e-mail of an event in lang.
func (t *templates) email(lang string, event models.Event, data map[string]string) (Rendered, error) {
	subject, err := t.exec(lang, string(event)+".subject", data)
	if err != nil {
		return Rendered{}, err
	}
	body, err := t.exec(lang, string(event)+".text", data)
	if err != nil {
		return Rendered{}, err
	}
	footer, err := t.exec(lang, "footer", data)
	if err != nil {
		return Rendered{}, err
	}
	// A subject is one header line, whatever the data hold.
	subject = strings.Join(strings.Fields(subject), " ")
	var html bytes.Buffer
	err = t.layout.Execute(&html, layoutData{
		Lang: t.lang(lang).Name(), Subject: subject,
		Paragraphs: paragraphs(body), Footer: lines(strings.TrimPrefix(footer, "--\n")),
	})
	if err != nil {
		return Rendered{}, err
	}
	return Rendered{Subject: subject, Text: body + "\n\n" + footer + "\n", HTML: html.String()}, nil
}

// inApp renders the one-line text of a notification in lang.
func (t *templates) inApp(lang string, kind models.Event, params map[string]string) (string, error) {
	text, err := t.exec(lang, string(kind)+".inapp", params)
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(text), " "), nil
}

type layoutData struct {
	Lang       string
	Subject    string
	Paragraphs [][]line
	Footer     []line
}

// line is a line of the HTML part; a line that is only a URL is a link
// (html/template still refuses unsafe schemes).
type line struct {
	Text string
	URL  string
}

func lines(text string) []line {
	var out []line
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		ln := line{Text: l}
		if i := strings.Index(l, "://"); i > 0 && !strings.ContainsAny(l[i:], " \t") {
			// The URL runs to the end of the line; "Label: https://..."
			// links the whole line.
			start := strings.LastIndexAny(l[:i], " \t") + 1
			if scheme := l[start:i]; scheme == "https" || scheme == "http" {
				ln.URL = l[start:]
			}
		}
		out = append(out, ln)
	}
	return out
}

func paragraphs(text string) [][]line {
	var out [][]line
	for _, p := range strings.Split(text, "\n\n") {
		if ls := lines(p); len(ls) > 0 {
			out = append(out, ls)
		}
	}
	return out
}

// formatDate shows a time stamped with its zone (timefmt.Stamp), or a
// plain RFC 3339 time in Paris time, as people read it in lang: "lundi 7
// décembre, 18 h 00", naming the zone when it is not Paris's. Anything
// else is shown as given.
func formatDate(lang, value string) string {
	t, zone, ok := timefmt.ParseStamp(value)
	if !ok {
		return value
	}
	out := timefmt.DateTime(lang, t, zone)
	if zone != timefmt.Default {
		out += " (" + timefmt.ZoneName(lang, zone) + ")"
	}
	return out
}
