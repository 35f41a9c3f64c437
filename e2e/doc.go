// Package e2e drives the pages in a real headless Chromium: journeys with
// and without JavaScript, keyboard only, axe-core checks and screenshots.
// Everything is in its tests; see README.md's "Screenshots" and make
// screenshots.
package e2e
