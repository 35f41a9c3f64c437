package handlers

import (
	"errors"
	"fmt"
	"testing"

	"github.com/entraide/entraide/accounts"
	"github.com/entraide/entraide/partners"
)

// TestDomainRefusalsMapToTheirProblems checks the one mapping of the
// accounts and partners refusals, wrapped or not.
func TestDomainRefusalsMapToTheirProblems(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
		slug   ProblemType
		detail string
	}{
		{accounts.ErrEmailTaken, 409, ProblemConflict, "detail.email_taken"},
		{accounts.ErrBadCredentials, 401, ProblemUnauthorized, "detail.bad_credentials"},
		{accounts.ErrSuspended, 403, ProblemForbidden, "detail.account_suspended"},
		{accounts.ErrRefreshInvalid, 401, ProblemUnauthorized, "detail.refresh_invalid"},
		{fmt.Errorf("rotate: %w", accounts.ErrRefreshReused), 401, ProblemUnauthorized, "detail.refresh_reused"},
		{accounts.ErrTokenInvalid, 400, ProblemValidation, "token_invalid"},
		{accounts.ErrAlreadyConfirmed, 409, ProblemConflict, "detail.already_confirmed"},
		{partners.ErrKeyRequired, 401, ProblemUnauthorized, "detail.api_key_required"},
	} {
		p := toProblem(tc.err)
		if p.Status != tc.status || p.Slug != tc.slug || p.DetailKey != tc.detail {
			t.Errorf("%v → %d %s %s, want %d %s %s", tc.err, p.Status, p.Slug, p.DetailKey, tc.status, tc.slug, tc.detail)
		}
	}
	if p := toProblem(errors.New("other")); p.Status != 500 {
		t.Errorf("an unknown error is %d", p.Status)
	}
	// A page renames the fields of a mapped problem; the renaming holds.
	renamed := renameFields(accounts.ErrTokenInvalid, func(string) string { return "" })
	if p := toProblem(renamed); len(p.Fields) != 1 || p.Fields[0].Field != "" {
		t.Errorf("renamed fields %+v", p.Fields)
	}
}
