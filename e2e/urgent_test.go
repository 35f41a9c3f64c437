package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/seeds"
)

// TestUrgentAlertShowsTheLocalTime: the demo association posts two urgent
// missions from its editor, one in Marseille and one in La Réunion, each
// from 18:00 to 20:00 as typed (the place's time); an admin publishes both
// from the moderation queue; a volunteer near each place reads an alert
// that gives the shift at 18 h 00 in words, the Réunion one naming its
// zone, and never a UTC time or an ISO date.
func TestUrgentAlertShowsTheLocalTime(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	adminEmail := s.newAdmin(t)
	day := time.Now().AddDate(0, 0, 4)
	places := []struct {
		name, postcode, address, volunteer, zoneNote string
	}{
		{"Paris", "13002", "3 place de Lenche", "Jules Martin", ""},
		{"Réunion", "97410", "12 rue Marius et Ary Leblond", "Maëva Hoarau", "(heure de La Réunion)"},
	}
	vols := map[string]*tab{}
	var watched []*pageProblems
	for _, p := range places {
		email := s.newVolunteer(t, p.volunteer)
		s.apiAs(t, s.token(t, email), http.MethodPut, "/api/v1/me/profile", map[string]any{
			"categories": []string{"food_aid"}, "languages": []string{"fr"}, "postcode": p.postcode, "radius_km": 20,
			"availability": map[string][]string{"mon": {"evening"}, "tue": {"evening"}, "wed": {"evening"}, "thu": {"evening"}, "fri": {"evening"}, "sat": {"evening"}, "sun": {"evening"}},
			"alerts":       true,
		}, http.StatusOK)
		vol := openTab(t, s, tabOptions{})
		watched = append(watched, vol.watch())
		vol.login(email, password, "/me")
		vols[p.name] = vol
	}

	org := openTab(t, s, tabOptions{})
	watched = append(watched, org.watch())
	org.login(demoOrgAccount, seeds.DemoPassword, "/org")
	var missions []string
	for _, p := range places {
		title := "Livraison urgente de courses (" + p.name + ")"
		org.open("/organizations/" + demoOrgID + "/missions/new")
		org.fill("#f-title", title)
		org.fill("#f-description", "Porter leurs courses à des personnes âgées qui ne peuvent plus sortir.")
		org.fill("#f-address", p.address)
		org.fill("#f-postcode", p.postcode)
		org.fill("#f-dates", day.Format("02/01/2006"))
		org.fill("#f-start_time", "1800")
		org.fill("#f-end_time", "1930")
		org.fill("#f-capacity", "3")
		org.do(clickOn("#f-urgent"))
		org.click(`main form button[type=submit]`)
		org.expectText("Le brouillon est créé", title)
		missions = append(missions, org.path()[strings.LastIndex(org.path(), "/")+1:])
		org.click(`form[action$="/submit"] button[type=submit]`)
	}

	admin := openTab(t, s, tabOptions{})
	watched = append(watched, admin.watch())
	admin.login(adminEmail, password, "/admin")
	for _, id := range missions {
		admin.open("/admin/missions")
		admin.click(`form[action="/admin/missions/` + id + `/publish"] button[type=submit]`)
		admin.expectText("La mission est publiée.")
	}

	for _, p := range places {
		vol := vols[p.name]
		vol.open("/me/notifications")
		want := "Besoin urgent : « Livraison urgente de courses (" + p.name + ") »"
		months := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
		when := fmt.Sprintf(" %d %s, 18 h 00", day.Day(), months[day.Month()-1])
		vol.expectText(want, strings.TrimSpace(when+" "+p.zoneNote))
		text := vol.text()
		alert := text[max(strings.Index(text, want), 0):]
		alert = alert[:min(len(alert), 200)]
		if p.zoneNote != "" && !strings.Contains(alert, p.zoneNote) {
			t.Errorf("%s: the alert does not name the zone: %s", p.name, alert)
		}
		if p.zoneNote == "" && strings.Contains(alert, "(heure de") {
			t.Errorf("%s: the alert names a zone in metropolitan France: %s", p.name, alert)
		}
		for _, raw := range []string{"UTC", day.Format("2006-01-02"), "17:00", "14:00", "16:00", "18:00"} {
			if strings.Contains(alert, raw) {
				t.Errorf("%s: the alert shows %q: %s", p.name, raw, alert)
			}
		}
		for _, other := range places {
			if other.name != p.name && strings.Contains(text, "("+other.name+")") {
				t.Errorf("%s volunteer alerted about the mission in %s: %s", p.name, other.name, text)
			}
		}
		t.Logf("%s: %s", p.name, alert)
	}
	reportProblems(t, watched)
}
