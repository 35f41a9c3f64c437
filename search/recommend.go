package search

import (
	"errors"
	"strings"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
)

// Reason is one reason of a match, worded in the reader's language; the
// codes stay in Params.
type Reason struct {
	Code   string            `json:"code"`
	Text   string            `json:"text"`
	Weight float64           `json:"weight"`
	Params map[string]string `json:"params,omitempty"`
}

// Recommendation is a mission recommended to a volunteer, with its score
// and the reasons.
type Recommendation struct {
	Item
	Score   float64  `json:"score"`
	Reasons []Reason `json:"reasons"`
}

// Recommend lists the missions that best fit volunteerID's profile, best
// first, leaving out applied (the missions they applied to), with the
// reasons worded in lang. profileSet is false when the volunteer has no
// profile yet: there is nothing to match on, and the list is empty.
func (s *Searcher) Recommend(volunteerID string, limit int, applied map[string]bool, lang string) (recs []Recommendation, profileSet bool, err error) {
	found, err := s.index().Recommend(volunteerID, match.MatchOptions{Now: s.now(), Limit: limit, Exclude: applied})
	if errors.Is(err, match.ErrNotFound) {
		return []Recommendation{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	recs = make([]Recommendation, len(found))
	for i, r := range found {
		recs[i] = Recommendation{Item: ItemOf(r.Mission, r.NextShift, r.PlacesLeft, r.DistanceKm, r.HasDistance),
			Score: RoundScore(r.Score), Reasons: Reasons(lang, r.Reasons)}
	}
	return recs, true, nil
}

// Reasons words the reasons for the volunteer ("2 km from you").
func Reasons(lang string, reasons []match.Reason) []Reason {
	return worded(lang, reasons, match.ReasonText)
}

// CandidateReasons words the reasons for the organisation looking at a
// candidate ("Parle arabe", "À 0,8 km de la mission"), not for the
// volunteer.
func CandidateReasons(lang string, reasons []match.Reason) []Reason {
	return worded(lang, reasons, match.CandidateReasonText)
}

func worded(lang string, reasons []match.Reason, text func(string, match.Reason) string) []Reason {
	out := make([]Reason, len(reasons))
	for i, r := range reasons {
		out[i] = Reason{Code: r.Code, Text: text(lang, labelled(lang, r)), Weight: RoundScore(r.Weight), Params: r.Params}
	}
	return out
}

// labelled replaces category and skill codes by their names in lang, for
// the sentence; the codes stay in the response's params.
func labelled(lang string, r match.Reason) match.Reason {
	if r.Params == nil {
		return r
	}
	params := make(map[string]string, len(r.Params))
	for k, v := range r.Params {
		params[k] = v
	}
	if c, ok := params["category"]; ok && i18n.Has("category."+c) {
		params["category"] = strings.ToLower(i18n.T(lang, "category."+c))
	}
	if sk, ok := params["skill"]; ok && models.IsSkill(sk) {
		params["skill"] = strings.ToLower(models.SkillLabel(sk, lang))
	}
	r.Params = params
	return r
}

// RoundScore keeps three decimals of a score or a weight, as shown.
func RoundScore(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
