package handlers

import (
	"context"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// applicantProfile is what an organisation needs to decide on one
// application (applications.ApplicantOf), with the skills and languages
// named in the reader's language. No contact detail: those come with
// acceptance (volunteerContact).
type applicantProfile struct {
	Skills            []string `json:"skills"`
	SkillNames        []string `json:"skill_names"`
	Languages         []string `json:"languages"`
	LanguageNames     []string `json:"language_names"`
	AvailableForShift bool     `json:"available_for_shift"`
	Attended          int      `json:"attended"`
	NoShow            int      `json:"no_show"`
}

// applicant renders the applicant's facts for the organisation's review.
func (s *Server) applicant(ctx context.Context, lang string, a *models.Application) (*applicantProfile, error) {
	facts, err := s.apps.ApplicantOf(ctx, a)
	if err != nil {
		return nil, err
	}
	out := &applicantProfile{Skills: facts.Skills, SkillNames: []string{}, Languages: facts.Languages, LanguageNames: []string{},
		AvailableForShift: facts.AvailableForShift, Attended: facts.Attended, NoShow: facts.NoShow}
	for _, sk := range facts.Skills {
		name := sk
		if models.IsSkill(sk) {
			name = models.SkillLabel(sk, lang)
		}
		out.SkillNames = append(out.SkillNames, name)
	}
	for _, code := range facts.Languages {
		out.LanguageNames = append(out.LanguageNames, i18n.LanguageName(lang, code))
	}
	return out, nil
}
