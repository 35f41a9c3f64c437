package notify

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// digestBatch bounds the notifications one digest run reads.
const digestBatch = 5000

// DigestOnce queues one e-mail per user gathering the notifications kept
// for the daily digest, and reports how many it queued. The e-mail's id
// names the user and the Paris date, so a second run the same day, here
// or on another instance, queues nothing: what arrived since waits for the
// next day's digest.
func (s *Service) DigestOnce(ctx context.Context, now time.Time) (int, error) {
	pending, err := s.store.DigestPending(ctx, now, digestBatch)
	if err != nil {
		return 0, err
	}
	day := now.In(paris).Format(time.DateOnly)
	queued := 0
	for start := 0; start < len(pending); {
		end := start
		for end < len(pending) && pending[end].UserID == pending[start].UserID {
			end++
		}
		ok, err := s.digestUser(ctx, pending[start].UserID, day, pending[start:end])
		if err != nil {
			return queued, err
		}
		if ok {
			queued++
		}
		start = end
	}
	return queued, nil
}

func (s *Service) digestUser(ctx context.Context, userID, day string, items []models.Notification) (bool, error) {
	ids := make([]string, len(items))
	for i, n := range items {
		ids[i] = n.ID
	}
	user, err := s.store.UserByID(ctx, userID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && user.Status != models.UserActive) {
		return false, s.store.ClearDigestPending(ctx, userID, ids)
	}
	if err != nil {
		return false, err
	}
	lines := make([]string, len(items))
	for i := range items {
		lines[i] = "- " + s.Text(user.Language, &items[i])
	}
	data := s.userData(user, map[string]string{
		"items":      strings.Join(lines, "\n"),
		"count":      strconv.Itoa(len(items)),
		"link":       s.Link("/me/notifications"),
		"prefs_link": s.Link("/me/notification-preferences"),
	})
	err = s.enqueue(ctx, "digest-"+userID+"-"+day, user.ID, user.Email, user.Language, models.EventDigest, data)
	if errors.Is(err, store.ErrConflict) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, s.store.ClearDigestPending(ctx, userID, ids)
}
