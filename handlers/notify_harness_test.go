package handlers_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/notify/notifytest"
)

// mailEnv is an instance whose e-mails go over SMTP to a server running in
// the test.
func mailEnv(t *testing.T, opts ...envOption) (*env, *notifytest.SMTPServer) {
	t.Helper()
	srv := notifytest.StartSMTP(t)
	return newEnv(t, append([]envOption{withEnv("SMTP_URL", srv.URL)}, opts...)...), srv
}

// sendMail runs the outbox worker once at the test's time.
func (e *env) sendMail() int {
	e.t.Helper()
	sent, err := e.svc.Outbox.RunOnce(context.Background(), e.clock.Now())
	if err != nil {
		e.t.Fatal(err)
	}
	return sent
}

// mails returns the messages the SMTP server accepted for to, parsed.
func mails(t *testing.T, srv *notifytest.SMTPServer, to string) []*notify.MailFile {
	t.Helper()
	var out []*notify.MailFile
	for _, r := range srv.To(to) {
		m, err := notify.ParseMail(r.Raw)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// mailWith returns the one message to "to" whose subject contains subject.
func mailWith(t *testing.T, srv *notifytest.SMTPServer, to, subject string) *notify.MailFile {
	t.Helper()
	var found []*notify.MailFile
	for _, m := range mails(t, srv, to) {
		if strings.Contains(m.Subject, subject) {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d messages to %s about %q, want 1", len(found), to, subject)
	}
	return found[0]
}

var tokenLink = regexp.MustCompile(`https?://\S+[?&]token=([A-Za-z0-9_-]+)`)

// linkToken reads the token of the link in an e-mail's text.
func linkToken(t *testing.T, m *notify.MailFile) string {
	t.Helper()
	match := tokenLink.FindStringSubmatch(m.Text)
	if match == nil {
		t.Fatalf("no link with a token in:\n%s", m.Text)
	}
	if _, err := url.Parse(match[0]); err != nil {
		t.Fatal(err)
	}
	return match[1]
}
