package watch

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// TestBoardViewHasNoPhone: the board names people but never shows a
// phone; a person's own record does.
func TestBoardViewHasNoPhone(t *testing.T) {
	now := time.Date(2030, 3, 2, 9, 0, 0, 0, time.UTC)
	p := &models.WatchProgramme{ID: "p1", OrgID: "o1", Name: "Appels", RhythmDays: 7, EndsOn: now.AddDate(0, 3, 0)}
	rows := []models.WatchRow{{PersonID: "a", FirstName: "Jeanne", AddedAt: now.AddDate(0, 0, -10)}}
	concerns := map[string]models.WatchConcernItem{"c1": {ID: "c1", PersonID: "a", FirstName: "Jeanne", Level: models.ConcernSupplies, RaisedAt: now}}
	raw, err := json.Marshal(NewBoardView(BuildBoard(p, rows, concerns, now), "fr"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "phone") || !strings.Contains(string(raw), "Jeanne") {
		t.Fatalf("board %s", raw)
	}
	person := &models.WatchPerson{ID: "a", FirstName: "Jeanne", Phone: "0612345678"}
	if v := NewPersonView(person); v.Phone != person.Phone || v.VolunteerID != nil || v.Languages == nil {
		t.Errorf("person view %+v", v)
	}
}

// TestMissionDraftOnlyForOpenSupplies: an open supplies concern offers a
// mission draft, in generic words, without the person's name.
func TestMissionDraftOnlyForOpenSupplies(t *testing.T) {
	p := &models.WatchProgramme{ID: "p1", OrgID: "o1", Name: "Appels"}
	open := Concern{WatchConcernItem: models.WatchConcernItem{ID: "c1", FirstName: "Jeanne", Level: models.ConcernSupplies}}
	draft := NewConcernView(open, p, "fr").MissionDraft
	if !strings.HasPrefix(draft, "/organizations/o1/missions/new?") || strings.Contains(draft, "Jeanne") {
		t.Fatalf("draft %q", draft)
	}
	closed := open
	at := time.Now()
	closed.ClosedAt = &at
	health := open
	health.Level = models.ConcernHealth
	if NewConcernView(closed, p, "fr").MissionDraft != "" || NewConcernView(health, p, "fr").MissionDraft != "" {
		t.Error("a draft offered for a closed or non-supplies concern")
	}
}

func TestTimeLabels(t *testing.T) {
	got := TimeLabels("fr", []string{"mon-morning"})
	if len(got) != 1 || !strings.Contains(strings.ToLower(got[0]), "lundi") {
		t.Errorf("labels %v", got)
	}
	names := VolunteerNames(&models.WatchProgramme{Volunteers: []models.WatchVolunteer{{UserID: "u1", Name: "Samia"}}})
	if names["u1"] != "Samia" {
		t.Errorf("names %v", names)
	}
}
