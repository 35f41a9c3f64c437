package moderation

import (
	"context"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Duplicate is another mission of the same organisation with a near
// identical title.
type Duplicate struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
}

// Checks are what a moderator looks at before deciding on a mission:
// blocklisted words, web addresses, and likely duplicates.
type Checks struct {
	BlocklistHits    []string    `json:"blocklist_hits"`
	Links            []string    `json:"links"`
	LikelyDuplicates []Duplicate `json:"likely_duplicates"`
}

// SubmittedMissions is one page of the missions waiting for review,
// oldest submission first. A suspended organisation's missions wait for
// its restoration, not for a moderator.
func (svc *Service) SubmittedMissions(ctx context.Context, skip, limit int64) ([]models.Mission, int64, error) {
	f := store.MissionFilter{Statuses: []models.MissionStatus{models.MissionSubmitted}, NotSuspended: true}
	return svc.Store.Missions(ctx, f, "submitted_at", skip, limit)
}

// PendingRevisions is one page of the published missions with a change
// waiting for a moderator, oldest first.
func (svc *Service) PendingRevisions(ctx context.Context, skip, limit int64) ([]models.Mission, int64, error) {
	return svc.Store.MissionsWithPendingRevision(ctx, skip, limit)
}

// Blocklist returns the live blocklist, or the shipped default.
func (svc *Service) Blocklist(ctx context.Context) ([]string, error) {
	words, ok, err := svc.Store.Blocklist(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return models.DefaultBlocklist(), nil
	}
	return words, nil
}

// Check runs the moderation checks on m (for a revision, on its proposed
// version) against the blocklist words.
func (svc *Service) Check(ctx context.Context, m *models.Mission, words []string) (Checks, error) {
	checks := Checks{
		BlocklistHits:    models.BlocklistHits(words, append([]string{m.Title, m.Description, m.AccessibilityNotes}, m.Tags...)...),
		Links:            models.LinkHits(m.Title, m.Description, m.AccessibilityNotes, m.Address),
		LikelyDuplicates: []Duplicate{},
	}
	if checks.BlocklistHits == nil {
		checks.BlocklistHits = []string{}
	}
	siblings, err := svc.siblingsOf(ctx, m.OrgID)
	if err != nil {
		return checks, err
	}
	title := models.Fold(m.Title)
	for _, other := range siblings {
		if other.ID != m.ID && other.Status != models.MissionCancelled && models.SimilarFolded(title, other.Folded) {
			checks.LikelyDuplicates = append(checks.LikelyDuplicates, Duplicate{ID: other.ID, Title: other.Title, Status: string(other.Status)})
		}
	}
	return checks, nil
}
