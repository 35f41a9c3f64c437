package handlers_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// shiftAt is a shift of three hours starting days from now at 17:00 UTC.
func shiftAt(days int) (time.Time, map[string]any) {
	start := time.Now().UTC().AddDate(0, 0, days).Truncate(24 * time.Hour).Add(17 * time.Hour)
	return start, map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(3 * time.Hour).Format(time.RFC3339), "capacity": 5}
}

// An urgent alert names the shift in the mission's local time: a shift at
// 17:00 UTC is at 18:00 (19:00 in summer) in Marseille and at 21:00 in
// La Réunion, which the text names.
func TestUrgentAlertShowsTheMissionsLocalTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	start, shift := shiftAt(4)
	cases := []struct {
		postcode, zone string
		want           []string
	}{
		{"13001", "Europe/Paris", []string{fmt.Sprintf(", %d h 00)", start.In(paris).Hour())}},
		{"97411", "Indian/Reunion", []string{", 21 h 00 (heure de La Réunion))"}},
	}
	for _, c := range cases {
		t.Run(c.zone, func(t *testing.T) {
			e := newEnv(t)
			admin := e.admin()
			o := e.verifiedOrg("Croix-Rouge", admin)
			v := e.signup(models.RoleVolunteer)
			profile := profileBody()
			profile["postcode"] = c.postcode
			e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: profile}).expect(t, 200)
			m := missionBody("Livraison urgente de courses")
			m["urgent"], m["postcode"], m["shifts"] = true, c.postcode, []any{shift}
			id := e.post("/api/v1/organizations/"+o.id+"/missions", o.owner.Access, m).expect(t, 201).str("id")
			e.post("/api/v1/organizations/"+o.id+"/missions/"+id+"/submit", o.owner.Access, nil).expect(t, 200)
			e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, nil).expect(t, 200)
			notes := e.get("/api/v1/me/notifications", v.Access).expect(t, 200).items(t)
			if len(notes) != 1 {
				t.Fatalf("%d notifications", len(notes))
			}
			text, _ := notes[0]["text"].(string)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("alert %q lacks %q", text, w)
				}
			}
			if strings.Contains(text, "UTC") || strings.Contains(text, start.Format("2006-01-02")) {
				t.Errorf("alert %q shows a raw time", text)
			}
			page := e.get("/api/v1/missions/"+id, "").expect(t, 200)
			if page.str("time_zone") != c.zone {
				t.Errorf("public mission time zone: %s", page.Raw)
			}
		})
	}
}
