package handlers

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Retention periods (docs/privacy.md explains each).
const (
	// InactivityYears without a login makes an account inactive.
	InactivityYears = 3
	// InactivityGrace is how long a warned account has to sign in again
	// before it is anonymised.
	InactivityGrace = 30 * 24 * time.Hour
	// MessageRetentionYears is how long the messages of a closed
	// application are kept after it closed.
	MessageRetentionYears = 1
)

// inactivityCutoff is the last login time before which an account counts
// as inactive at now. Calendar years, so that a leap day moves nothing.
func inactivityCutoff(now time.Time) time.Time { return now.AddDate(-InactivityYears, 0, 0) }

// WarnInactiveAccounts e-mails the holder of every account inactive for
// InactivityYears that the account will be anonymised after
// InactivityGrace, and records the warning. The record is a conditional
// write, so each account is warned once whatever the runs and instances.
// Admin accounts are never warned nor anonymised automatically: they are
// logged for a person to decide. It returns how many accounts were warned.
func (s *Server) WarnInactiveAccounts(ctx context.Context) (int, error) {
	now := s.now()
	cutoff := inactivityCutoff(now)
	users, err := s.store.InactiveUnwarnedUsers(ctx, cutoff)
	if err != nil {
		return 0, err
	}
	warned := 0
	for i := range users {
		u := &users[i]
		if u.Role == models.RoleAdmin {
			s.log.Warn("inactive admin account kept; review it by hand", "user_id", u.ID, "last_login_at", u.LastLoginAt)
			continue
		}
		// A session kept alive by token refreshes is in use, though it
		// never logged in again.
		if active, err := s.store.SessionIssuedSince(ctx, u.ID, cutoff); err != nil || active {
			if err != nil {
				return warned, err
			}
			continue
		}
		ok, err := s.store.MarkInactivityWarned(ctx, u.ID, cutoff, now)
		if err != nil {
			return warned, err
		}
		if !ok {
			continue // another instance warned it, or it just logged in
		}
		data := map[string]string{
			"link":     "/login",
			"deadline": now.Add(InactivityGrace).Format(time.RFC3339),
		}
		if err := s.notify.EmailUser(ctx, u, models.EventInactivityWarning, data); err != nil {
			// Untold, the account must not be anonymised: drop the mark so
			// that the next run warns again.
			if uerr := s.store.UnmarkInactivityWarned(ctx, u.ID, now); uerr != nil {
				s.log.Error("inactivity warning mark not removed", "user_id", u.ID, "error", uerr)
			}
			return warned, err
		}
		warned++
	}
	if warned > 0 {
		s.log.Info("inactive accounts warned", "count", warned)
	}
	return warned, nil
}

// AnonymizeInactiveAccounts anonymises the accounts warned at least
// InactivityGrace ago that have not signed in since (a login clears the
// warning), through the same path as a user's own deletion. It returns
// how many accounts were anonymised.
func (s *Server) AnonymizeInactiveAccounts(ctx context.Context) (int, error) {
	users, err := s.store.UsersWarnedBefore(ctx, s.now().Add(-InactivityGrace))
	if err != nil {
		return 0, err
	}
	erased := 0
	for i := range users {
		u := &users[i]
		if u.Role == models.RoleAdmin {
			s.log.Warn("inactive admin account not anonymised; review it by hand", "user_id", u.ID)
			continue
		}
		if active, err := s.store.SessionIssuedSince(ctx, u.ID, *u.InactivityWarnedAt); err != nil || active {
			if err != nil {
				return erased, err
			}
			// Used since the warning through a refreshed session.
			if err := s.store.UnmarkInactivityWarned(ctx, u.ID, *u.InactivityWarnedAt); err != nil {
				return erased, err
			}
			continue
		}
		// Read again just before erasing: a login since the list was read
		// cleared the warning and must win.
		fresh, err := s.store.UserByID(ctx, u.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted meanwhile, by its holder or another instance
		}
		if err != nil {
			return erased, err
		}
		if fresh.InactivityWarnedAt == nil {
			continue
		}
		if err := s.eraseAccount(ctx, u.ID); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			return erased, err
		}
		s.log.Info("inactive account anonymised", "user_id", u.ID)
		erased++
	}
	return erased, nil
}

// PurgeOldMessages erases the messages of applications closed (in a final
// state: declined, withdrawn, cancelled, released, expired, attended,
// no_show) for MessageRetentionYears, dated by the application's last
// change. The thread messages are deleted and the application's own
// message emptied; statuses, history and hours stay. It returns the thread
// messages deleted.
func (s *Server) PurgeOldMessages(ctx context.Context) (int64, error) {
	n, err := s.store.PurgeClosedApplicationMessages(ctx, s.now().AddDate(-MessageRetentionYears, 0, 0))
	if n > 0 {
		s.log.Info("old application messages deleted", "count", n)
	}
	return n, err
}

// exportProfile adds the volunteer profile to the personal data export:
// it is personal data (where they live, when they are free, their birth
// date) like the account itself.
func (s *Server) exportProfile(ctx context.Context, userID string, export map[string]any) error {
	p, err := s.store.Profile(ctx, userID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && p == nil) {
		return nil
	}
	if err != nil {
		return err
	}
	export["profile"] = profileView(p)
	return nil
}
