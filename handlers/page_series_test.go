package handlers_test

import (
	"net/http"
	"net/url"
	"testing"
)

func TestSeriesThroughPages(t *testing.T) {
	e := newEnv(t)
	f := e.publishedSeries(3, 2, nil)
	v, _ := e.signedIn()
	missionPage := "/missions/" + f.missionID

	// A recurring mission offers its dates to tick, besides the one-date form.
	form := v.get(missionPage).expect(t, 200)
	checkPageStructure(t, "mission with a series", form.Body)
	form.contains(t, `name="shifts"`, `name="all"`, "Toutes les dates", `name="shift"`)

	// Ticking nothing names the dates.
	v.post(missionPage+"/apply", url.Values{"series": {"1"}}).expect(t, 400).contains(t, `<a href="#f-shifts">`)
	// All the dates at once.
	done := v.post(missionPage+"/apply", url.Values{"series": {"1"}, "all": {"true"}, "series_message": {"Chaque mardi"}}).
		expect(t, http.StatusSeeOther)
	if done.Location != "/me/applications?notice=series_applied" {
		t.Fatalf("after the series, sent to %q", done.Location)
	}
	list := v.follow(done).expect(t, 200)
	checkPageStructure(t, "my applications with a series", list.Body)
	list.contains(t, "Mes missions régulières", "Distribution du mardi", "3 dates", "Prochaine date",
		`action="/me/missions/`+f.missionID+`/withdraw"`)
	// Nothing left to tick: the mission says so.
	v.get(missionPage).expect(t, 200).lacks(t, `name="shifts"`)

	// Withdraw from all of them.
	gone := v.post("/me/missions/"+f.missionID+"/withdraw", url.Values{}).expect(t, http.StatusSeeOther)
	v.follow(gone).expect(t, 200).contains(t, "Vous êtes retiré·e de toutes les dates").lacks(t, "Mes missions régulières")
	// Another volunteer has no series there.
	w, _ := e.signedIn()
	w.post("/me/missions/"+f.missionID+"/withdraw", url.Values{}).expect(t, 404)
}
