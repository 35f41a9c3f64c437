package handlers

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/search"
)

// maxPlaceSuggestions is how many places the suggestions list.
const maxPlaceSuggestions = 8

// suggestPlaces lists the places whose name or postcode starts with q, the most populous
// first, for suggestions as a person types in a place field.
func (s *Server) suggestPlaces(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	if utf8.RuneCountInString(q) > 60 {
		return errField("q", "too_long", 60)
	}
	items := []search.Place{}
	for _, p := range s.gazetteer.Suggest(q, maxPlaceSuggestions) {
		items = append(items, search.PlaceOf(p))
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: maxPlaceSuggestions}))
}
