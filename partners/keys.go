package partners

import (
	"context"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// CreateKey makes a partner key named name with rate requests a minute
// (0: the default), recorded in the audit log as by's. The raw key is
// returned once: only its hash is kept.
func (svc *Service) CreateKey(ctx context.Context, name string, rate int, by string) (*models.APIKey, string, error) {
	var v models.Validator
	name, ok := models.CleanText(name)
	if v.Check(ok, "name", "invalid_text") {
		v.Length(name, "name", 2, 100)
	}
	if rate == 0 {
		rate = models.DefaultFeedRate
	}
	v.Check(rate >= 1 && rate <= models.MaxFeedRate, "rate_per_minute", "capacity_range", models.MaxFeedRate)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	raw := "ek_" + auth.RandomToken(24)
	k := &models.APIKey{ID: auth.HashToken(raw), PublicID: store.NewID(), Name: name, RatePerMinute: rate,
		CreatedBy: by, CreatedAt: svc.now()}
	if err := svc.Store.CreateAPIKey(ctx, k); err != nil {
		return nil, "", err
	}
	if err := svc.audit(ctx, by, "api_key.create", k.PublicID, map[string]any{"name": name, "rate_per_minute": rate}); err != nil {
		return nil, "", err
	}
	return k, raw, nil
}

// Keys lists every partner key, revoked ones too.
func (svc *Service) Keys(ctx context.Context) ([]models.APIKey, error) {
	return svc.Store.APIKeys(ctx)
}

// RevokeKey ends a partner key (by its public id), recorded as by's.
func (svc *Service) RevokeKey(ctx context.Context, id, by string) error {
	if err := svc.Store.RevokeAPIKey(ctx, id, svc.now()); err != nil {
		return err
	}
	return svc.audit(ctx, by, "api_key.revoke", id, nil)
}

func (svc *Service) audit(ctx context.Context, by, action, keyID string, after map[string]any) error {
	return svc.Store.AppendAudit(ctx, &models.AuditEntry{
		ID: store.NewID(), ActorID: by, Action: action, TargetType: "api_key", TargetID: keyID, After: after, At: svc.now(),
	})
}
