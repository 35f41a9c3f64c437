package e2e

import (
	"context"
	"net/url"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// pageProblems collects what a page must never do: fetch anything from
// another host, log an error (a Content-Security-Policy violation is one,
// so an inline script or style shows up here), or throw.
type pageProblems struct {
	mu   sync.Mutex
	list []string
}

func (p *pageProblems) add(problem string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, problem)
}

func (p *pageProblems) all() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}

// watch starts collecting the tab's problems.
func (tb *tab) watch() *pageProblems {
	tb.t.Helper()
	problems := &pageProblems{}
	site, err := url.Parse(tb.site.URL)
	if err != nil {
		tb.t.Fatal(err)
	}
	tb.call(func(ctx context.Context) error {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
			return err
		}
		return chromedp.Listen(tb.ctx, func(ev any) {
			switch ev := ev.(type) {
			case *network.EventRequestWillBeSent:
				u, err := url.Parse(ev.Request.URL)
				if err != nil || (u.Scheme != "data" && u.Host != site.Host) {
					problems.add("request to another host: " + ev.Request.URL)
				}
			case *cdplog.EventEntryAdded:
				// Network entries report the 4xx answers the tests ask for.
				if ev.Entry.Level == cdplog.EntryLevelError && ev.Entry.Source != cdplog.EntrySourceNetwork {
					problems.add("console error: " + ev.Entry.Text + " " + ev.Entry.URL)
				}
			case *runtime.EventExceptionThrown:
				problems.add("script error: " + ev.ExceptionDetails.Text)
			}
		})
	})
	return problems
}
