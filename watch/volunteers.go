package watch

import (
	"context"
	"sort"
	"strings"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// AddVolunteer adds one of the organisation's volunteers to a programme,
// found by id or e-mail address: a volunteer whose application to one of
// its missions was accepted. Anybody else is refused with the same
// message, so that the form tells nothing about other accounts.
func (s *Service) AddVolunteer(ctx context.Context, p *models.WatchProgramme, actorID, userID, email string) (*models.WatchVolunteer, error) {
	if err := s.active(p); err != nil {
		return nil, err
	}
	refuse := &models.ValidationError{Fields: []models.FieldError{{Field: "volunteer", Code: "watch.not_org_volunteer"}}}
	var user *models.User
	var err error
	switch {
	case userID != "" && store.ValidID(userID):
		user, err = s.store.UserByID(ctx, userID)
	case strings.TrimSpace(email) != "":
		user, err = s.store.UserByEmail(ctx, models.NormalizeEmail(email))
	default:
		return nil, refuse
	}
	if err == store.ErrNotFound {
		return nil, refuse
	}
	if err != nil {
		return nil, err
	}
	if user.Role != models.RoleVolunteer || user.Status != models.UserActive {
		return nil, refuse
	}
	ok, err := s.servedOrg(ctx, user.ID, p.OrgID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, refuse
	}
	if v, found := p.Volunteer(user.ID); found {
		return &v, nil
	}
	v := models.WatchVolunteer{UserID: user.ID, Name: user.Name, JoinedAt: s.now()}
	if err := s.store.AddWatchVolunteer(ctx, p.ID, v); err != nil {
		return nil, err
	}
	p.Volunteers = append(p.Volunteers, v)
	return &v, s.audit(ctx, actorID, "watch.volunteer.add", "watch_programme", p.ID, map[string]any{"volunteer_id": user.ID})
}

// servedOrg reports whether a volunteer had an application accepted by
// the organisation (read from the volunteer's own list, by key).
func (s *Service) servedOrg(ctx context.Context, userID, orgID string) (bool, error) {
	apps, err := s.store.ApplicationsOfVolunteer(ctx, userID, zeroTime)
	if err != nil {
		return false, err
	}
	for _, a := range apps {
		if a.OrgID == orgID && (a.Status == models.ApplicationAccepted || a.Status == models.ApplicationAttended) {
			return true, nil
		}
	}
	return false, nil
}

// RemoveVolunteer takes a volunteer off a programme; their people are
// handed back (unassigned, shown on the board). The volunteer may do it
// themselves (leaving) or a coordinator.
func (s *Service) RemoveVolunteer(ctx context.Context, p *models.WatchProgramme, actorID, userID string) error {
	v, ok := p.Volunteer(userID)
	if !ok {
		return store.ErrNotFound
	}
	if err := s.handBack(ctx, p, actorID, userID); err != nil {
		return err
	}
	if err := s.store.RemoveWatchVolunteer(ctx, p.ID, v); err != nil {
		return err
	}
	return s.audit(ctx, actorID, "watch.volunteer.remove", "watch_programme", p.ID, map[string]any{"volunteer_id": userID})
}

// Leave takes volunteerID off programme programmeID, at their own
// request; their people go back to the coordinators. A programme they are
// not in is ErrNotFound.
func (s *Service) Leave(ctx context.Context, volunteerID, programmeID string) error {
	p, err := s.store.WatchProgrammeByID(ctx, programmeID)
	if err != nil {
		return err
	}
	return s.RemoveVolunteer(ctx, p, volunteerID, volunteerID)
}

// VolunteerNames maps p's volunteers' ids to their names, for the pages.
func VolunteerNames(p *models.WatchProgramme) map[string]string {
	names := make(map[string]string, len(p.Volunteers))
	for _, v := range p.Volunteers {
		names[v.UserID] = v.Name
	}
	return names
}

// handBack unassigns every person of p assigned to userID.
func (s *Service) handBack(ctx context.Context, p *models.WatchProgramme, actorID, userID string) error {
	assigned, err := s.store.WatchAssignments(ctx, userID)
	if err != nil {
		return err
	}
	for personID, programmeID := range assigned {
		if programmeID != p.ID {
			continue
		}
		person, err := s.store.WatchPerson(ctx, personID)
		if err == store.ErrNotFound {
			continue
		}
		if err != nil {
			return err
		}
		if err := s.store.AssignWatchPerson(ctx, person, ""); err != nil {
			return err
		}
		if err := s.audit(ctx, actorID, ActionPersonAssign, "watch_person", person.ID, map[string]any{"volunteer_id": ""}); err != nil {
			return err
		}
	}
	return nil
}

// LeaveAll takes a volunteer off every programme and hands back every
// person assigned to them: when the account is deleted.
func (s *Service) LeaveAll(ctx context.Context, userID string) error {
	assigned, err := s.store.WatchAssignments(ctx, userID)
	if err != nil {
		return err
	}
	programmes, err := s.store.WatchProgrammesOfVolunteer(ctx, userID)
	if err != nil {
		return err
	}
	for _, id := range assigned {
		programmes = append(programmes, id)
	}
	done := map[string]bool{}
	for _, programmeID := range programmes {
		if done[programmeID] {
			continue
		}
		done[programmeID] = true
		p, err := s.store.WatchProgrammeByID(ctx, programmeID)
		if err == store.ErrNotFound {
			continue
		}
		if err != nil {
			return err
		}
		if _, ok := p.Volunteer(userID); !ok {
			if err := s.handBack(ctx, p, userID, userID); err != nil {
				return err
			}
			continue
		}
		if err := s.RemoveVolunteer(ctx, p, userID, userID); err != nil {
			return err
		}
	}
	return nil
}

// MaxCandidates bounds the list of volunteers a coordinator picks from.
const MaxCandidates = 500

// Candidates lists the organisation's volunteers who are not in the
// programme yet: those whose application to one of its missions was
// accepted (or who attended), by name. It reads the organisation's
// applications (a scan on the embedded store), so it has a page of its
// own rather than a place on the board.
func (s *Service) Candidates(ctx context.Context, p *models.WatchProgramme) ([]models.WatchVolunteer, error) {
	apps, _, err := s.store.Applications(ctx, store.ApplicationFilter{OrgID: p.OrgID,
		Statuses: []models.ApplicationStatus{models.ApplicationAccepted, models.ApplicationAttended}}, "-created_at", 0, 5*MaxCandidates)
	if err != nil {
		return nil, err
	}
	var ids []string
	seen := map[string]bool{}
	for _, a := range apps {
		if _, in := p.Volunteer(a.VolunteerID); in || seen[a.VolunteerID] || len(ids) >= MaxCandidates {
			continue
		}
		seen[a.VolunteerID] = true
		ids = append(ids, a.VolunteerID)
	}
	users, err := s.store.UsersByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]models.WatchVolunteer, 0, len(users))
	for _, id := range ids {
		if u, ok := users[id]; ok && u.Status == models.UserActive && u.Role == models.RoleVolunteer {
			out = append(out, models.WatchVolunteer{UserID: u.ID, Name: u.Name})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
