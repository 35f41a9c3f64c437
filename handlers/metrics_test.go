package handlers_test

import (
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
)

func TestMetricsAreRestrictedAndComplete(t *testing.T) {
	token := "metrics-token-0123456789"
	e := newEnv(t, withEnv("ENTRAIDE_METRICS_TOKEN", token), withEnv("ENTRAIDE_RATE_LIMIT", "on"), withEnv("ENTRAIDE_LOGIN_RATE", "1/1m"))
	u := e.signup(models.RoleVolunteer)
	e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": u.Password}).expect(t, 429)
	e.get("/api/v1/missions/64d000000000000000000001", "").expect(t, 404)

	// app.Test connects from 0.0.0.0, outside the allowed networks.
	e.get("/metrics", "").expect(t, 404)
	e.get("/metrics", "wrong-token-0123456789").expect(t, 404)
	r := e.get("/metrics", token).expect(t, 200)
	for _, want := range []string{
		`entraide_http_requests_total{method="POST",route="/api/v1/auth/signup",status="201"} 1`,
		`route="/api/v1/missions/:id",status="404"`,
		"entraide_http_request_duration_seconds_bucket",
		"entraide_index_missions 0", "entraide_index_volunteers", "entraide_index_age_seconds",
		"entraide_outbox_backlog 1", // the sign-up's confirmation e-mail
		"entraide_outbox_oldest_age_seconds",
		`entraide_rate_limit_hits_total{limiter="login_account"} 1`,
		"entraide_reconciliation_repairs_total",
	} {
		if !strings.Contains(r.Raw, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(r.Raw, u.Email) || strings.Contains(r.Raw, u.ID) {
		t.Fatal("metrics leak personal data")
	}
}
