package frontend

import (
	"net/url"
	"strconv"
)

// Pager is the navigation of a paged list, as the "pager" partial draws it.
type Pager struct {
	Prev, Next string // empty on the first and the last page
	Pages      []PageLink
	Page, Last int
}

// PageLink is one numbered link; Gap marks the "…" between two.
type PageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// NewPager builds the links of page (1-based) of total items shown
// perPage at a time. query is the list's query, whose page it replaces:
// every filter is kept from one page to the next.
func NewPager(path string, query url.Values, page, perPage int, total int64) Pager {
	last := int((total + int64(perPage) - 1) / int64(perPage))
	p := Pager{Page: page, Last: last}
	if last <= 1 {
		return p
	}
	link := func(n int) string {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Del("page")
		if n > 1 {
			q.Set("page", strconv.Itoa(n))
		}
		if len(q) == 0 {
			return path
		}
		return path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, last))
	}
	if page < last {
		p.Next = link(page + 1)
	}
	// The first, the last, and two on each side of the current page.
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < page-2 || n > page+2) {
			if len(p.Pages) > 0 && !p.Pages[len(p.Pages)-1].Gap {
				p.Pages = append(p.Pages, PageLink{Gap: true})
			}
			continue
		}
		p.Pages = append(p.Pages, PageLink{Number: n, URL: link(n), Current: n == page})
	}
	return p
}
