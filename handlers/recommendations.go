package handlers

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/search"
)

type reasonResponse struct {
	Code   string            `json:"code"`
	Text   string            `json:"text"`
	Weight float64           `json:"weight"`
	Params map[string]string `json:"params,omitempty"`
}

func reasonsView(lang string, reasons []match.Reason) []reasonResponse {
	return wordedReasons(lang, reasons, match.ReasonText)
}

// candidateReasonsView words the reasons for the organisation looking at
// a candidate ("Parle arabe", "À 0,8 km de la mission"), not for the
// volunteer.
func candidateReasonsView(lang string, reasons []match.Reason) []reasonResponse {
	return wordedReasons(lang, reasons, match.CandidateReasonText)
}

func wordedReasons(lang string, reasons []match.Reason, text func(string, match.Reason) string) []reasonResponse {
	out := make([]reasonResponse, len(reasons))
	for i, r := range reasons {
		out[i] = reasonResponse{Code: r.Code, Text: text(lang, labelled(lang, r)), Weight: round3(r.Weight), Params: r.Params}
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

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

type recommendationItem struct {
	search.Item
	Score   float64          `json:"score"`
	Reasons []reasonResponse `json:"reasons"`
}

// limitParam reads ?limit= (1 to max, default def).
func limitParam(c *fiber.Ctx, def, maxLimit int) (int, error) {
	v := c.Query("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, errField("limit", "invalid_per_page", maxLimit)
	}
	return n, nil
}

// recommendations lists the missions that best fit the volunteer's profile,
// each with its score and the reasons, in the caller's language.
func (s *Server) recommendations(c *fiber.Ctx) error {
	limit, err := limitParam(c, 20, 50)
	if err != nil {
		return err
	}
	items, profileSet, err := s.recommendFor(c, limit)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": len(items), "page": 1, "per_page": limit, "profile_complete": profileSet})
}

// recommendFor is shared by the API and the volunteer's page.
func (s *Server) recommendFor(c *fiber.Ctx, limit int) ([]recommendationItem, bool, error) {
	userID := principal(c).UserID
	ctx, cancel := s.ctx(c)
	defer cancel()
	applied, err := s.store.MissionIDsAppliedBy(ctx, userID)
	if err != nil {
		return nil, false, err
	}
	recs, err := s.catalog.Index().Recommend(userID, match.MatchOptions{Now: s.now(), Limit: limit, Exclude: applied})
	if errors.Is(err, match.ErrNotFound) {
		// No profile yet: nothing to match on.
		return []recommendationItem{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	lang := s.lang(c)
	items := make([]recommendationItem, len(recs))
	for i, r := range recs {
		items[i] = recommendationItem{
			Item:  search.ItemOf(r.Mission, r.NextShift, r.PlacesLeft, r.DistanceKm, r.HasDistance),
			Score: round3(r.Score), Reasons: reasonsView(lang, r.Reasons),
		}
	}
	return items, true, nil
}
