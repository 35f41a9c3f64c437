package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// checkPageStructure holds a page to the quality bars that need no
// browser: one <h1>, a skip link first, a label for every field, existing
// targets for aria-describedby, a CSRF token in every POST form, nothing
// inline (the CSP forbids it) and nothing from another host.
func checkPageStructure(t *testing.T, name, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: parse: %v", name, err)
	}
	var (
		h1s      int
		ids      = map[string]int{}
		labelFor = map[string]bool{}
		fields   []*html.Node
		posts    []*html.Node
		first    *html.Node
		all      []*html.Node
	)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			all = append(all, n)
			if id := attr(n, "id"); id != "" {
				ids[id]++
			}
			if first == nil && inBody(n) {
				first = n
			}
			switch n.Data {
			case "h1":
				h1s++
			case "label":
				labelFor[attr(n, "for")] = true
			case "input", "select", "textarea":
				switch attr(n, "type") {
				case "hidden", "submit", "button":
				default:
					fields = append(fields, n)
				}
			case "form":
				if strings.EqualFold(attr(n, "method"), "post") {
					posts = append(posts, n)
				}
			case "style":
				t.Errorf("%s: inline <style> element", name)
			case "script":
				// A JSON-LD data block is not executed: the CSP allows it.
				if attr(n, "src") == "" && attr(n, "type") != "application/ld+json" {
					t.Errorf("%s: inline <script>", name)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	if h1s != 1 {
		t.Errorf("%s: %d <h1>, want exactly 1", name, h1s)
	}
	if first == nil || first.Data != "a" || attr(first, "href") != "#main" {
		t.Errorf("%s: the first element of <body> is not a skip link to #main", name)
	}
	if main := byID(all, "main"); main == nil || main.Data != "main" {
		t.Errorf("%s: no <main id=\"main\"> for the skip link", name)
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("%s: id %q used %d times", name, id, n)
		}
	}
	for _, f := range fields {
		id := attr(f, "id")
		if id == "" || !labelFor[id] {
			t.Errorf("%s: field %q has no <label for>", name, attr(f, "name"))
		}
	}
	for _, n := range all {
		for _, a := range n.Attr {
			switch {
			case a.Key == "style":
				t.Errorf("%s: style attribute on <%s>", name, n.Data)
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("%s: inline event handler %s on <%s>", name, a.Key, n.Data)
			case a.Key == "aria-describedby":
				for _, ref := range strings.Fields(a.Val) {
					if ids[ref] == 0 {
						t.Errorf("%s: aria-describedby names missing id %q", name, ref)
					}
				}
			case a.Key == "src" || (a.Key == "href" && n.Data == "link" && attr(n, "rel") != "canonical"):
				if !strings.HasPrefix(a.Val, "/") || strings.HasPrefix(a.Val, "//") {
					t.Errorf("%s: <%s> loads %q, not from this site", name, n.Data, a.Val)
				}
			}
		}
	}
	for _, form := range posts {
		if !hasCSRF(form) {
			t.Errorf("%s: POST form to %q has no CSRF token", name, attr(form, "action"))
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func inBody(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "body" {
			return true
		}
	}
	return false
}

func byID(nodes []*html.Node, id string) *html.Node {
	for _, n := range nodes {
		if attr(n, "id") == id {
			return n
		}
	}
	return nil
}

func hasCSRF(form *html.Node) bool {
	found := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "input" && attr(n, "name") == "_csrf" && attr(n, "value") != "" {
			found = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	return found
}

func TestPagesMeetTheStructureBars(t *testing.T) {
	e := newEnv(t)
	for _, lang := range []string{"fr", "en"} {
		visitor := e.browser()
		visitor.lang = lang
		checkPageStructure(t, lang+" home", visitor.get("/").expect(t, 200).Body)
		checkPageStructure(t, lang+" signup", visitor.get("/signup").expect(t, 200).Body)
		checkPageStructure(t, lang+" login", visitor.get("/login").expect(t, 200).Body)
		checkPageStructure(t, lang+" 404", visitor.get("/no-such-page").expect(t, 404).Body)
		refused := visitor.post("/signup", url.Values{"role": {"volunteer"}}).expect(t, 400)
		checkPageStructure(t, lang+" signup refused", refused.Body)
		badLogin := visitor.post("/login", url.Values{"email": {"nobody@example.org"}, "password": {"wrong password"}}).expect(t, 401)
		checkPageStructure(t, lang+" login refused", badLogin.Body)
	}

	b, _ := e.signedIn()
	checkPageStructure(t, "home signed in", b.get("/").expect(t, 200).Body)
	checkPageStructure(t, "account", b.get("/account").expect(t, 200).Body)
	checkPageStructure(t, "account delete", b.get("/account/delete").expect(t, 200).Body)
	refused := b.post("/account", url.Values{"name": {""}, "phone": {"not a phone"}, "language": {"fr"}}).expect(t, 400)
	checkPageStructure(t, "account refused", refused.Body)
}
