package match

import (
	"testing"
	"time"
)

func TestRecommendationReasons(t *testing.T) {
	now := time.Date(2025, 1, 6, 8, 0, 0, 0, time.UTC) // a Monday
	tuesdayMorning := time.Date(2025, 1, 7, 9, 0, 0, 0, time.UTC)
	ix := New(genConfig())
	m := Mission{ID: "m", Title: "Épicerie solidaire", Category: "food-aid", Skills: []string{"driving", "cooking"},
		Languages: []string{"fr", "ar"}, Lat: lyon.Lat, Lon: lyon.Lon, HasLocation: true, Urgent: true,
		Shifts: []Shift{shiftAt("a", tuesdayMorning, 4, 1)}}
	if err := ix.UpsertMission(m); err != nil {
		t.Fatal(err)
	}
	home := offset(lyon, 2, 0)
	v := Volunteer{ID: "65a1b2c3d4e5f60718293a4b", Lat: home.Lat, Lon: home.Lon, HasLocation: true, RadiusKm: 10,
		Categories: []string{"food-aid"}, Skills: []string{"driving"}, Languages: []string{"fr", "ar"},
		Availability: Availability(0).With(time.Tuesday, Morning), Visible: true}
	if err := ix.UpsertVolunteer(v); err != nil {
		t.Fatal(err)
	}
	recs, err := ix.Recommend(v.ID, MatchOptions{Now: now})
	if err != nil || len(recs) != 1 {
		t.Fatalf("recommend: %v %v", recs, err)
	}
	rec := recs[0]
	// interest 1, skills 1/2, distance 1-2/10, availability 1, language 1, urgent 1.
	want := 0.25 + 0.20*0.5 + 0.25*0.8 + 0.15 + 0.10 + 0.05
	if diff := rec.Score - want; diff > 1e-6 || diff < -1e-6 {
		t.Errorf("score %.6f, want %.6f", rec.Score, want)
	}
	if rec.NextShift.ID != "a" || rec.PlacesLeft != 3 || !rec.HasDistance {
		t.Errorf("next shift %s, places %d, has distance %v", rec.NextShift.ID, rec.PlacesLeft, rec.HasDistance)
	}
	texts := map[string][2]string{}
	for i, r := range rec.Reasons {
		if i > 0 && r.Weight > rec.Reasons[i-1].Weight {
			t.Errorf("reasons not strongest first: %v", rec.Reasons)
		}
		texts[r.Code] = [2]string{ReasonText("fr", r), ReasonText("en", r)}
	}
	for code, want := range map[string][2]string{
		ReasonDistance:     {"À 2,0 km de chez vous", "2.0 km from you"},
		ReasonInterest:     {"Dans vos centres d'intérêt : food-aid", "Matches your interests: food-aid"},
		ReasonSkill:        {"Fait appel à votre compétence : driving", "Needs your skill: driving"},
		ReasonLanguage:     {"Vous parlez arabe", "You speak Arabic"},
		ReasonAvailability: {"Vous êtes disponible le mardi matin", "You are free on Tuesday mornings"},
		ReasonUrgent:       {"Besoin urgent", "Urgent need"},
	} {
		if texts[code] != want {
			t.Errorf("%s: %q, want %q", code, texts[code], want)
		}
	}
	cands, err := ix.Candidates("m", MatchOptions{Now: now})
	if err != nil || len(cands) != 1 || cands[0].Score != rec.Score || len(cands[0].Reasons) != len(rec.Reasons) {
		t.Fatalf("candidates: %+v %v", cands, err)
	}
	for _, r := range cands[0].Reasons {
		if r.Code == ReasonLanguage && CandidateReasonText("en", r) != "Speaks Arabic" {
			t.Errorf("candidate reason: %q", CandidateReasonText("en", r))
		}
	}
	if got := ix.AlertTargets("m", now, 200); len(got) != 0 {
		t.Errorf("alert targets without Alerts: %v", got)
	}
	if got, _ := ix.Recommend(v.ID, MatchOptions{Now: now, Exclude: map[string]bool{"m": true}}); len(got) != 0 {
		t.Errorf("excluded mission recommended")
	}
}

func TestReasonTextFallbacks(t *testing.T) {
	r := Reason{Code: ReasonLanguage, Params: map[string]string{"language": "xx"}}
	if got := ReasonText("de", r); got != "Vous parlez xx" {
		t.Errorf("unknown language, default French: %q", got)
	}
	pt := Reason{Code: ReasonLanguage, Params: map[string]string{"language": "pt-BR"}}
	if got := ReasonText("en-GB", pt); got != "You speak Portuguese" {
		t.Errorf("regional language and display language: %q", got)
	}
	free := Reason{Code: ReasonAvailability, Params: map[string]string{"day": "tuesday", "slot": "morning"}}
	if got := ReasonText("fr", free); got != "Vous êtes disponible le mardi matin" {
		t.Errorf("availability, French: %q", got)
	}
	if got := CandidateReasonText("en", free); got != "Free on Tuesday mornings" {
		t.Errorf("availability, English: %q", got)
	}
	odd := Reason{Code: ReasonAvailability, Params: map[string]string{"day": "someday", "slot": "night"}}
	if got := ReasonText("en", odd); got != "You are free on someday night" {
		t.Errorf("unknown day and slot are shown as given: %q", got)
	}
	if got := ReasonText("en", Reason{Code: ReasonRemote}); got != "Remote: you can help from home" {
		t.Errorf("remote: %q", got)
	}
	if got := ReasonText("fr", Reason{Code: "new-code"}); got != "new-code" {
		t.Errorf("unknown code: %q", got)
	}
}
