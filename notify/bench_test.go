package notify

import (
	"context"
	"strconv"
	"testing"

	"github.com/entraide/entraide/models"
)

// BenchmarkWorkerSend measures the e-mails per second one worker sends
// from the outbox to the in-test SMTP server: claim, render, SMTP
// conversation, and the sent mark, on the embedded store.
func BenchmarkWorkerSend(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	b.StopTimer()
	for i := range b.N {
		if err := f.svc.Email(ctx, "person"+strconv.Itoa(i)+"@example.org", "fr", models.EventOrgInvitation, map[string]string{
			"org_name": "Secours", "inviter_name": "Louise", "link": "/invitations/" + strconv.Itoa(i),
		}); err != nil {
			b.Fatal(err)
		}
	}
	w := f.worker("bench")
	b.StartTimer()
	sent := 0
	for sent < b.N {
		n, err := w.RunOnce(ctx, f.now)
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatalf("sent %d of %d", sent, b.N)
		}
		sent += n
	}
	b.StopTimer()
	b.ReportMetric(float64(sent)/b.Elapsed().Seconds(), "emails/s")
}

// BenchmarkSMTPSend measures the SMTP sender alone (render, one connection
// per message) against the in-test server, without the store.
func BenchmarkSMTPSend(b *testing.B) {
	f := newFixture(b)
	w := f.worker("bench")
	data := map[string]string{"org_name": "Secours", "inviter_name": "Louise", "link": "https://entraide.example/invitations/1"}
	b.ResetTimer()
	for i := range b.N {
		email, err := f.svc.Render("fr", models.EventOrgInvitation, data)
		if err != nil {
			b.Fatal(err)
		}
		err = w.sender.Send(context.Background(), &Message{ID: strconv.Itoa(i) + "@entraide.example", From: f.svc.from,
			To: "person@example.org", Subject: email.Subject, Text: email.Text, HTML: email.HTML, Date: f.now})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "emails/s")
}
