// Package watch keeps in touch with isolated people: an organisation's
// watch programmes, their lists of people, the pairing of people with
// volunteers, the call log with its levels of concern, the coordinator's
// board and the retention of this data about vulnerable people.
//
// Rules of privacy hold here, not in the handlers: every read and change
// of a person's record is audited (without the phone or the note), a
// volunteer reaches only the people assigned to them, and e-mails never
// carry a person's details.
package watch

import (
	"context"
	"log/slog"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/store"
)

// DefaultRetention is how long after a programme's end its list and call
// logs are kept, for the coordinators to close what is open; then they are
// deleted and only anonymised counts remain (docs/privacy.md).
const DefaultRetention = 90 * 24 * time.Hour

// NoAnswerVisit is the number of unanswered calls in a row after which
// the board suggests a home visit.
const NoAnswerVisit = 3

// EmergencyNumbers are shown at once when a call reveals an emergency:
// SAMU (15), European emergency number (112), and 114 by text message for
// people who cannot speak or hear.
var EmergencyNumbers = []string{"15", "112", "114"}

// Service applies the watch rules over the store.
type Service struct {
	store     *store.Store
	notify    *notify.Service
	log       *slog.Logger
	now       func() time.Time
	retention time.Duration
}

// Options configure a Service.
type Options struct {
	Logger    *slog.Logger
	Now       func() time.Time
	Retention time.Duration // DefaultRetention when zero
}

// New builds the service.
func New(st *store.Store, n *notify.Service, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Retention == 0 {
		opts.Retention = DefaultRetention
	}
	now := opts.Now
	return &Service{store: st, notify: n, log: opts.Logger, now: func() time.Time { return now().UTC() }, retention: opts.Retention}
}

// Audit actions on people's records; the entries name the person by id and
// never hold a phone number or a note.
const (
	ActionPersonAdd    = "watch.person.add"
	ActionPersonView   = "watch.person.view"
	ActionPersonDelete = "watch.person.delete"
	ActionPersonAssign = "watch.person.assign"
	ActionCallsView    = "watch.calls.view"
	ActionCallLog      = "watch.call.log"
	ActionListView     = "watch.list.view"
	ActionConcern      = "watch.concern.update"
	ActionPurge        = "watch.programme.purge"
)

func (s *Service) audit(ctx context.Context, actorID, action, targetType, targetID string, after map[string]any) error {
	return s.store.AppendAudit(ctx, &models.AuditEntry{
		ID: store.NewID(), ActorID: actorID, Action: action, TargetType: targetType, TargetID: targetID,
		After: after, At: s.now(),
	})
}

// Programme returns orgID's programme id (for a member of orgID: the
// caller checked membership).
func (s *Service) Programme(ctx context.Context, orgID, id string) (*models.WatchProgramme, error) {
	return s.store.WatchProgramme(ctx, orgID, id)
}

// Programmes lists orgID's programmes.
func (s *Service) Programmes(ctx context.Context, orgID string) ([]models.WatchProgramme, error) {
	return s.store.WatchProgrammesOfOrg(ctx, orgID)
}

// CreateProgramme validates and stores a new programme of orgID.
func (s *Service) CreateProgramme(ctx context.Context, orgID, actorID string, in ProgrammeInput) (*models.WatchProgramme, error) {
	now := s.now()
	p, err := in.Validate(now)
	if err != nil {
		return nil, err
	}
	p.ID, p.OrgID, p.CreatedBy, p.CreatedAt = store.NewID(), orgID, actorID, now
	p.Volunteers = []models.WatchVolunteer{}
	if err := s.store.CreateWatchProgramme(ctx, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// Over reports whether programme p is over at now (ended or purged): it
// takes no more changes, only removals at a person's request.
func Over(p *models.WatchProgramme, now time.Time) bool {
	return p.PurgedAt != nil || p.Ended(now)
}

// Over reports whether programme p is over now.
func (s *Service) Over(p *models.WatchProgramme) bool { return Over(p, s.now()) }

// active refuses changes to a programme that is over or purged.
func (s *Service) active(p *models.WatchProgramme) error {
	if s.Over(p) {
		return ErrEnded
	}
	return nil
}
