package search

import (
	"testing"

	"github.com/entraide/entraide/match"
)

// TestRecommendWordsReasonsAndExcludes: a volunteer with a profile gets
// missions with worded reasons, never the ones they applied to; one
// without a profile gets an empty list, not an error.
func TestRecommendWordsReasonsAndExcludes(t *testing.T) {
	s, ix := newSearcher(t, mission("m1", "Distribution de colis alimentaires", "food_aid", false),
		mission("m2", "Tri de colis alimentaires", "food_aid", false))
	vol := match.Volunteer{ID: "0123456789abcdef01234567", Categories: []string{"food_aid"}, Lat: 45.74, Lon: 4.87, HasLocation: true}
	if err := ix.UpsertVolunteer(vol); err != nil {
		t.Fatal(err)
	}
	recs, profileSet, err := s.Recommend(vol.ID, 10, map[string]bool{"m2": true}, "en")
	if err != nil || !profileSet {
		t.Fatalf("profile %v, err %v", profileSet, err)
	}
	if len(recs) != 1 || recs[0].ID != "m1" || len(recs[0].Reasons) == 0 {
		t.Fatalf("recommendations %+v", recs)
	}
	for _, r := range recs[0].Reasons {
		if r.Text == "" || r.Text == r.Code {
			t.Errorf("reason %+v is not worded", r)
		}
		if r.Params["category"] != "" && r.Params["category"] != "food_aid" {
			t.Errorf("params lost the code: %v", r.Params)
		}
	}
	none, profileSet, err := s.Recommend("ffffffffffffffffffffffff", 10, nil, "fr")
	if err != nil || profileSet || none == nil || len(none) != 0 {
		t.Fatalf("without a profile: %v %v %v", none, profileSet, err)
	}
}

func TestRoundScore(t *testing.T) {
	if got := RoundScore(0.12345); got != 0.123 {
		t.Errorf("RoundScore = %v", got)
	}
}
