// Package e2e drives the pages in a real headless Chromium: journeys with
// and without JavaScript, keyboard only, axe-core and HTML validation,
// the search page's weight, screenshots, and the pages' benchmark.
// Everything is in its tests; see README.md's "Screenshots" and make
// screenshots.
package e2e
