package models

import "time"

// Attestation is a volunteering certificate as issued: a frozen copy of
// the hours confirmed by organisations, kept under an unguessable code so
// that anybody holding the printed page can check it is genuine.
type Attestation struct {
	ID           string            `bson:"_id"` // the verification code
	UserID       string            `bson:"user_id"`
	Name         string            `bson:"name"`
	IssuedAt     time.Time         `bson:"issued_at"`
	Lines        []AttestationLine `bson:"lines"`
	TotalMinutes int               `bson:"total_minutes"`
}

// AttestationLine is one mission of one organisation: its dates, the
// shifts attended and the time given.
type AttestationLine struct {
	OrgName      string    `bson:"org_name"`
	MissionTitle string    `bson:"mission_title"`
	First        time.Time `bson:"first"`
	Last         time.Time `bson:"last"`
	Shifts       int       `bson:"shifts"`
	Minutes      int       `bson:"minutes"`
}
