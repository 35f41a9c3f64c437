package handlers_test

import (
	"strings"
	"testing"
)

// TestPublishedMissionIsNotSentBackToReviewByItsOrganisation: only a
// suspension sends a published mission back to review (the transition
// tables' actors); the organisation's submit is a 409 naming the state,
// and the mission stays online.
func TestPublishedMissionIsNotSentBackToReviewByItsOrganisation(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Banque alimentaire", admin)
	id := e.publishedMission(o, admin, "Tri des denrées du samedi")
	r := e.post("/api/v1/organizations/"+o.id+"/missions/"+id+"/submit", o.owner.Access, nil).expect(t, 409)
	if r.str("current_state") != "published" || !strings.HasSuffix(r.str("type"), "/invalid-state") {
		t.Fatalf("submit of a published mission: %s", r.Raw)
	}
	if got := e.get("/api/v1/missions/"+id, "").expect(t, 200); got.str("status") != "published" {
		t.Fatalf("mission after a refused submit: %s", got.Raw)
	}
}
