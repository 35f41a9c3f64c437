// Package privacy holds the rules of personal data over time: erasing an
// account, warning and anonymising inactive ones, purging old messages
// (docs/privacy.md). The account's own deletion (handlers) and the
// retention jobs (service) call the same functions.
package privacy

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/store"
)

// Service is the privacy domain with what it needs. Events runs each
// feature's erasure of an account's data.
type Service struct {
	Store  *store.Store
	Notify *notify.Service
	Events *events.Bus
	Log    *slog.Logger
	Now    func() time.Time
}

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

// EraseAccount runs every feature's erasure hook, revokes the sessions and
// anonymises the account. The user's own deletion and the inactivity job
// share it, so both erase the same data.
func (svc *Service) EraseAccount(ctx context.Context, userID string) error {
	if err := svc.Events.AccountDeleted(ctx, userID); err != nil {
		return err
	}
	if err := svc.Store.RevokeUserTokens(ctx, userID); err != nil {
		return err
	}
	// The feed token would keep serving the past shifts, and application
	// messages are the volunteer's words: neither outlives the account.
	if err := svc.Store.RevokeCalendarToken(ctx, userID); err != nil {
		return err
	}
	if err := svc.Store.ClearApplicationMessagesOf(ctx, userID); err != nil {
		return err
	}
	// Reports the person filed stay (they count against their target) but
	// lose the reporter's id and words (docs/privacy.md).
	if err := svc.Store.AnonymizeReportsBy(ctx, userID); err != nil {
		return err
	}
	if err := svc.Store.AnonymizeUser(ctx, userID, svc.now()); err != nil {
		return err
	}
	svc.Log.Info("account deleted", "user_id", userID)
	return nil
}

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
func (svc *Service) WarnInactiveAccounts(ctx context.Context) (int, error) {
	now := svc.now()
	cutoff := inactivityCutoff(now)
	users, err := svc.Store.InactiveUnwarnedUsers(ctx, cutoff)
	if err != nil {
		return 0, err
	}
	warned := 0
	for i := range users {
		u := &users[i]
		if u.Role == models.RoleAdmin {
			svc.Log.Warn("inactive admin account kept; review it by hand", "user_id", u.ID, "last_login_at", u.LastLoginAt)
			continue
		}
		// A session kept alive by token refreshes is in use, though it
		// never logged in again.
		if active, err := svc.Store.SessionIssuedSince(ctx, u.ID, cutoff); err != nil || active {
			if err != nil {
				return warned, err
			}
			continue
		}
		ok, err := svc.Store.MarkInactivityWarned(ctx, u.ID, cutoff, now)
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
		if err := svc.Notify.EmailUser(ctx, u, models.EventInactivityWarning, data); err != nil {
			// Untold, the account must not be anonymised: drop the mark so
			// that the next run warns again.
			if uerr := svc.Store.UnmarkInactivityWarned(ctx, u.ID, now); uerr != nil {
				svc.Log.Error("inactivity warning mark not removed", "user_id", u.ID, "error", uerr)
			}
			return warned, err
		}
		warned++
	}
	if warned > 0 {
		svc.Log.Info("inactive accounts warned", "count", warned)
	}
	return warned, nil
}

// AnonymizeInactiveAccounts anonymises the accounts warned at least
// InactivityGrace ago that have not signed in since (a login clears the
// warning), through the same path as a user's own deletion. It returns
// how many accounts were anonymised.
func (svc *Service) AnonymizeInactiveAccounts(ctx context.Context) (int, error) {
	users, err := svc.Store.UsersWarnedBefore(ctx, svc.now().Add(-InactivityGrace))
	if err != nil {
		return 0, err
	}
	erased := 0
	for i := range users {
		u := &users[i]
		if u.Role == models.RoleAdmin {
			svc.Log.Warn("inactive admin account not anonymised; review it by hand", "user_id", u.ID)
			continue
		}
		if active, err := svc.Store.SessionIssuedSince(ctx, u.ID, *u.InactivityWarnedAt); err != nil || active {
			if err != nil {
				return erased, err
			}
			// Used since the warning through a refreshed session.
			if err := svc.Store.UnmarkInactivityWarned(ctx, u.ID, *u.InactivityWarnedAt); err != nil {
				return erased, err
			}
			continue
		}
		// Read again just before erasing: a login since the list was read
		// cleared the warning and must win.
		fresh, err := svc.Store.UserByID(ctx, u.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted meanwhile, by its holder or another instance
		}
		if err != nil {
			return erased, err
		}
		if fresh.InactivityWarnedAt == nil {
			continue
		}
		if err := svc.EraseAccount(ctx, u.ID); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			return erased, err
		}
		svc.Log.Info("inactive account anonymised", "user_id", u.ID)
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
func (svc *Service) PurgeOldMessages(ctx context.Context) (int64, error) {
	n, err := svc.Store.PurgeClosedApplicationMessages(ctx, svc.now().AddDate(-MessageRetentionYears, 0, 0))
	if n > 0 {
		svc.Log.Info("old application messages deleted", "count", n)
	}
	return n, err
}
