// Package attestations issues and verifies volunteering certificates: the
// hours a volunteer gave, per organisation and per mission, frozen under a
// verification code that anybody holding the printed page can check. The
// API's printable document and the volunteer's page show the same
// Certificate through the same template (frontend partial "attestation").
package attestations

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// CodeLen is the length of a verification code: 26 base32 characters,
// 130 bits, never guessed.
const CodeLen = 26

// VerifyPath is the public page of an attestation; the code follows.
const VerifyPath = "/attestations/"

// Applications is what an attestation reads of applications; package
// applications implements it.
type Applications interface {
	// VolunteerRecord is the volunteer's shifts and hours per organisation.
	VolunteerRecord(ctx context.Context, userID string) (applications.Record, error)
	VolunteerApplications(ctx context.Context, userID string, statuses ...models.ApplicationStatus) ([]models.Application, error)
}

// Service issues and finds attestations.
type Service struct {
	store   *store.Store
	apps    Applications
	key     []byte
	baseURL string
	now     func() time.Time
}

// New returns the service. secret keys the verification codes; without
// one a random key is drawn, and codes change with each start.
func New(st *store.Store, apps Applications, secret []byte, baseURL string, now func() time.Time) *Service {
	if len(secret) == 0 {
		secret = []byte(auth.RandomToken(32))
	}
	if now == nil {
		now = time.Now
	}
	return &Service{store: st, apps: apps, key: secret, baseURL: baseURL, now: func() time.Time { return now().UTC() }}
}

// Certificate is what an attestation shows: the person, the hours attended
// per organisation, and the attestation as issued, by mission, with the
// link that verifies it.
type Certificate struct {
	Name          string
	TotalHours    float64
	Organizations []applications.OrgHours
	Issued        *models.Attestation
	VerifyURL     string
	Date          time.Time
}

// Issue builds the volunteer's certificate from the places marked
// attended, and keeps the attestation under its verification code. The
// code is a keyed hash of the person and the content: the same
// attestation printed twice has one code, and a new attended shift makes
// a new one.
func (svc *Service) Issue(ctx context.Context, user *models.User) (*Certificate, error) {
	record, err := svc.apps.VolunteerRecord(ctx, user.ID)
	if err != nil {
		return nil, err
	}
	apps, err := svc.apps.VolunteerApplications(ctx, user.ID, models.ApplicationAttended)
	if err != nil {
		return nil, err
	}
	att := svc.attestation(ctx, user, apps)
	if err := svc.store.SaveAttestation(ctx, att); err != nil {
		return nil, err
	}
	return &Certificate{Name: user.Name, TotalHours: record.TotalHours, Organizations: record.Organizations,
		Issued: att, VerifyURL: svc.baseURL + VerifyPath + att.ID, Date: att.IssuedAt}, nil
}

// attestation sums attended applications by mission, in the order of
// their first shift. A place whose hours were not recorded counts its
// shift's length.
func (svc *Service) attestation(ctx context.Context, user *models.User, apps []models.Application) *models.Attestation {
	byMission := map[string]*models.AttestationLine{}
	var order []string
	att := &models.Attestation{UserID: user.ID, Name: user.Name, IssuedAt: svc.now()}
	for _, a := range apps {
		line, ok := byMission[a.MissionID]
		if !ok {
			line = &models.AttestationLine{First: a.ShiftStart, Last: a.ShiftStart}
			// A mission or organisation gone since leaves its name blank
			// rather than the attestation unissued.
			if m, err := svc.store.MissionByID(ctx, a.MissionID); err == nil {
				line.MissionTitle = m.Title
			}
			if o, err := svc.store.OrganizationByID(ctx, a.OrgID); err == nil {
				line.OrgName = o.Name
			}
			byMission[a.MissionID] = line
			order = append(order, a.MissionID)
		}
		minutes := int(math.Round(a.Hours * 60))
		if minutes <= 0 {
			minutes = int(a.ShiftEnd.Sub(a.ShiftStart).Minutes())
		}
		line.Shifts++
		line.Minutes += minutes
		att.TotalMinutes += minutes
		if a.ShiftStart.Before(line.First) {
			line.First = a.ShiftStart
		}
		if a.ShiftStart.After(line.Last) {
			line.Last = a.ShiftStart
		}
	}
	for _, id := range order {
		att.Lines = append(att.Lines, *byMission[id])
	}
	sort.SliceStable(att.Lines, func(i, j int) bool { return att.Lines[i].First.Before(att.Lines[j].First) })
	att.ID = svc.code(att)
	return att
}

// code is the keyed hash of what the attestation certifies; without the
// key it cannot be made up.
func (svc *Service) code(att *models.Attestation) string {
	mac := hmac.New(sha256.New, svc.key)
	fmt.Fprintf(mac, "attestation\x00%s\x00%s\x00%d", att.UserID, att.Name, att.TotalMinutes)
	for _, l := range att.Lines {
		fmt.Fprintf(mac, "\x00%s\x00%s\x00%d\x00%d\x00%d\x00%d", l.OrgName, l.MissionTitle, l.First.Unix(), l.Last.Unix(), l.Shifts, l.Minutes)
	}
	code := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(mac.Sum(nil))
	return strings.ToLower(code[:CodeLen])
}

// Verify finds the attestation issued under code, as it was issued;
// store.ErrNotFound for an unknown or malformed code.
func (svc *Service) Verify(ctx context.Context, code string) (*models.Attestation, error) {
	if len(code) != CodeLen {
		return nil, store.ErrNotFound
	}
	return svc.store.AttestationByID(ctx, code)
}
