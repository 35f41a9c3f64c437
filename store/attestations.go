package store

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// SaveAttestation keeps an issued attestation; the same one issued again
// (same code: same person and content) is already there.
func (s *Store) SaveAttestation(ctx context.Context, a *models.Attestation) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col("attestations").InsertOne(ctx, a)
	unlock()
	if err = mapErr(err); errors.Is(err, ErrConflict) {
		return nil
	}
	return err
}

// AttestationByID returns an attestation by its verification code.
func (s *Store) AttestationByID(ctx context.Context, code string) (*models.Attestation, error) {
	var a models.Attestation
	if err := s.col("attestations").FindOne(ctx, bson.D{{Key: "_id", Value: code}}).Decode(&a); err != nil {
		return nil, mapErr(err)
	}
	return &a, nil
}

// DeleteAttestationsOf erases an account's attestations with the account:
// their verification links then answer 404. A background path (erasure),
// so it may scan.
func (s *Store) DeleteAttestationsOf(ctx context.Context, userID string) error {
	_, err := s.deleteEach(ctx, "attestations", bson.D{{Key: "user_id", Value: userID}})
	return err
}
