package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// synonymsBody is the synonym groups admins add to the search's built-in table: each
// group lists words or phrases that mean the same to a person searching.
type synonymsBody struct {
	Groups [][]string `json:"groups"`
}

// Limits of the extra synonyms.
const (
	maxSynonymGroups  = 500
	maxSynonymMembers = 20
	maxSynonymLength  = 60
)

func (s *Server) getSynonyms(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	text, err := s.catalog.Synonyms(ctx)
	if err != nil {
		return err
	}
	return c.JSON(synonymsBody{Groups: synonymGroups(text)})
}

// putSynonyms replaces the extra synonym groups; the next searches use them.
func (s *Server) putSynonyms(c *fiber.Ctx) error {
	var req synonymsBody
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Groups == nil {
		return errField("groups", "required")
	}
	text, err := synonymsText(req.Groups)
	if err != nil {
		return err
	}
	if err := s.saveSynonyms(c, text); err != nil {
		return err
	}
	return c.JSON(synonymsBody{Groups: synonymGroups(text)})
}

// saveSynonyms stores and applies the synonyms, and records who changed them.
func (s *Server) saveSynonyms(c *fiber.Ctx, text string) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	before, err := s.catalog.Synonyms(ctx)
	if err != nil {
		return err
	}
	if err := s.catalog.SetSynonyms(ctx, text); err != nil {
		return err
	}
	return s.audit(ctx, principal(c).UserID, "synonyms.update", "synonyms", "", "",
		map[string]any{"groups": len(synonymGroups(before))}, map[string]any{"groups": len(synonymGroups(text))})
}

// synonymsText checks groups and writes them one per line, members separated by " / ",
// the format of the built-in table.
func synonymsText(groups [][]string) (string, error) {
	if len(groups) > maxSynonymGroups {
		return "", errField("groups", "too_many", maxSynonymGroups)
	}
	var b strings.Builder
	for _, g := range groups {
		if len(g) < 2 || len(g) > maxSynonymMembers {
			return "", errField("groups", "synonym_group_size", 2, maxSynonymMembers)
		}
		for i, m := range g {
			m, ok := models.CleanText(m)
			if !ok || m == "" || len([]rune(m)) > maxSynonymLength || strings.ContainsAny(m, "/#\n\r\t") {
				return "", errField("groups", "invalid_synonym", maxSynonymLength)
			}
			if i > 0 {
				b.WriteString(" / ")
			}
			b.WriteString(m)
		}
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// synonymGroups reads text in the table's format back into groups.
func synonymGroups(text string) [][]string {
	groups := [][]string{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, m := range strings.Split(line, "/") {
			if m = strings.TrimSpace(m); m != "" {
				g = append(g, m)
			}
		}
		groups = append(groups, g)
	}
	return groups
}
