package calendar

import (
	"context"
	"strings"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// feedStatuses are the applications a volunteer's feed shows.
var feedStatuses = []models.ApplicationStatus{models.ApplicationAccepted, models.ApplicationAttended}

// FeedPath is where a feed is served; the token and ".ics" follow.
const FeedPath = "/api/v1/calendar/"

// HasFeed says whether the user has a private feed; its URL is shown only
// when made, as only its hash is kept.
func (svc *Service) HasFeed(ctx context.Context, userID string) (bool, error) {
	return svc.Store.HasCalendarToken(ctx, userID)
}

// NewFeed makes (or replaces) the user's private feed and returns its URL,
// which only its owner ever sees; the previous URL stops working.
func (svc *Service) NewFeed(ctx context.Context, userID string) (string, error) {
	token := auth.RandomToken(32)
	if err := svc.Store.SetCalendarToken(ctx, userID, auth.HashToken(token), svc.now()); err != nil {
		return "", err
	}
	return svc.BaseURL + FeedPath + token + ".ics", nil
}

// RevokeFeed turns the user's private feed off.
func (svc *Service) RevokeFeed(ctx context.Context, userID string) error {
	return svc.Store.RevokeCalendarToken(ctx, userID)
}

// Feed is the iCalendar document of the accepted and attended shifts of
// the token's owner. The token (with or without ".ics") is the credential:
// calendar applications cannot log in. An unknown token is
// store.ErrNotFound.
func (svc *Service) Feed(ctx context.Context, rawToken string) (string, error) {
	token := strings.TrimSuffix(rawToken, ".ics")
	if len(token) < 20 || len(token) > 100 {
		return "", store.ErrNotFound
	}
	userID, err := svc.Store.CalendarUser(ctx, auth.HashToken(token))
	if err != nil {
		return "", err
	}
	apps, err := svc.Applications.VolunteerApplications(ctx, userID, feedStatuses...)
	if err != nil {
		return "", err
	}
	return svc.Document(ctx, apps)
}

// Document is the iCalendar document of applications, with their
// missions and organisations loaded.
func (svc *Service) Document(ctx context.Context, apps []models.Application) (string, error) {
	missions, orgs, err := svc.Applications.MissionsAndOrgs(ctx, apps)
	if err != nil {
		return "", err
	}
	return ICS(apps, missions, orgs, svc.BaseURL, svc.now()), nil
}
