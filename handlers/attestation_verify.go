package handlers

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// attestationCodeLen is the length of a verification code: 26 base32
// characters, 130 bits, never guessed.
const attestationCodeLen = 26

// issueAttestation builds the volunteer's attestation from the places
// marked attended, and keeps it under its verification code. The code is
// a keyed hash of the person and the content: the same attestation
// printed twice has one code, and a new attended shift makes a new one.
func (s *Server) issueAttestation(ctx context.Context, user *models.User) (*models.Attestation, error) {
	apps, err := s.volunteerApplications(ctx, user.ID, models.ApplicationAttended)
	if err != nil {
		return nil, err
	}
	byMission := map[string]*models.AttestationLine{}
	var order []string
	att := &models.Attestation{UserID: user.ID, Name: user.Name, IssuedAt: s.now()}
	for _, a := range apps {
		line, ok := byMission[a.MissionID]
		if !ok {
			line = &models.AttestationLine{First: a.ShiftStart, Last: a.ShiftStart}
			if m, err := s.store.MissionByID(ctx, a.MissionID); err == nil {
				line.MissionTitle = m.Title
			}
			if o, err := s.store.OrganizationByID(ctx, a.OrgID); err == nil {
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
	att.ID = s.attestationCode(att)
	if err := s.store.SaveAttestation(ctx, att); err != nil {
		return nil, err
	}
	return att, nil
}

// attestationCode is the keyed hash of what the attestation certifies;
// without the server's secret (a random one when none is set) it cannot be
// made up.
func (s *Server) attestationCode(att *models.Attestation) string {
	key := s.cfg.JWTSecret
	if len(key) == 0 {
		key = []byte(auth.RandomToken(32))
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "attestation\x00%s\x00%s\x00%d", att.UserID, att.Name, att.TotalMinutes)
	for _, l := range att.Lines {
		fmt.Fprintf(mac, "\x00%s\x00%s\x00%d\x00%d\x00%d\x00%d", l.OrgName, l.MissionTitle, l.First.Unix(), l.Last.Unix(), l.Shifts, l.Minutes)
	}
	code := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(mac.Sum(nil))
	return strings.ToLower(code[:attestationCodeLen])
}

type attestationVerifyData struct {
	Attestation *models.Attestation
	Issued      string
	URL         string
}

// attestationVerifyPage is the public page a verification link leads to:
// it shows what the attestation certified when it was issued, so that the
// printed copy can be compared with it. An unknown code is a 404.
func (s *Server) attestationVerifyPage(c *fiber.Ctx) error {
	code := c.Params("code")
	if len(code) != attestationCodeLen {
		return errNotFound()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	att, err := s.store.AttestationByID(ctx, code)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "attestation_verify", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "journeys.attestation_verify_title"),
		Data: attestationVerifyData{Attestation: att, Issued: frontend.LongDate(lang, att.IssuedAt)},
	})
}
