package handlers

import (
	"errors"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/search"
)

// The public mission search: package search parses, resolves the place,
// searches and assembles the answer; these handlers only carry it.

// queryValues copies the request's query string; Fiber's buffers are reused after the
// handler, and the API and the page read the same values with the same parser.
func queryValues(c *fiber.Ctx) url.Values {
	values := url.Values{}
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		values.Add(string(k), string(v))
	})
	return values
}

// searchMissions is the public mission search, served from the index.
// Answers are the same for every caller and language, so package search
// keeps them briefly by the query string and the index's version.
func (s *Server) searchMissions(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	body, err := s.searcher.JSON(c.Context().QueryArgs().QueryString(), func() url.Values { return queryValues(c) })
	if err != nil {
		return searchProblem(err)
	}
	return c.Send(body)
}

// runSearch runs a query built in code (the home page, similar missions).
func (s *Server) runSearch(req search.Request) (*search.Result, error) {
	res, err := s.searcher.Run(req)
	return res, searchProblem(err)
}

// searchProblem maps package search's errors: an ambiguous place lists its
// candidates (problem member place_candidates), a query the index refused
// is a 400.
func searchProblem(err error) error {
	var amb *search.AmbiguousPlaceError
	switch {
	case errors.As(err, &amb):
		return &Problem{Status: 400, Slug: ProblemValidation, Fields: amb.Fields, Err: err,
			Extra: map[string]any{"place_candidates": amb.Candidates}}
	case errors.Is(err, search.ErrInvalidQuery):
		return &Problem{Status: 400, Slug: ProblemBadRequest, DetailKey: "detail.invalid_query", Err: err}
	}
	return err
}
