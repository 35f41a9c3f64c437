package accounts_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/accounts"
	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/privacy"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

const goodPassword = "a long and unusual passphrase"

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// fixture is the accounts service on a fresh database, with the real
// notify service (its e-mails land in the outbox) and a throttle that
// records what it was asked to count.
type fixture struct {
	t        *testing.T
	st       *store.Store
	svc      *accounts.Service
	now      time.Time
	counted  []string
	refusing bool
}

var errThrottled = errors.New("throttled")

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, st: storetest.Open(t), now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return f.now }
	nt, err := notify.New(f.st, notify.Options{BaseURL: "https://entraide.example", From: "Entraide <no-reply@entraide.example>", Logger: quiet, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := auth.NewTokens([]auth.Key{{ID: "k1", Secret: []byte(strings.Repeat("s", 32))}}, "entraide", "entraide", clock)
	if err != nil {
		t.Fatal(err)
	}
	f.svc = &accounts.Service{
		Store: f.st, Tokens: tokens, Notify: nt, Gazetteer: geo.Default(), Log: quiet, Now: clock,
		Hasher:      auth.NewHasher(auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32}, 2),
		Privacy:     &privacy.Service{Store: f.st, Notify: nt, Events: &events.Bus{}, Log: quiet, Now: clock},
		Owners:      &organizations.Service{Store: f.st, Log: quiet, Now: clock},
		Memberships: f.st.OrganizationIDsOfMember,
		Throttle: func(action accounts.Action, ip, account string) error {
			f.counted = append(f.counted, string(action)+" "+ip+" "+account)
			if f.refusing {
				return errThrottled
			}
			return nil
		},
	}
	return f
}

func (f *fixture) signUp(email string) *models.User {
	f.t.Helper()
	u, err := f.svc.SignUp(context.Background(), accounts.Signup{Email: email, Password: goodPassword, Name: "Amina Benali", Role: "volunteer"}, "fr", "192.0.2.1")
	if err != nil {
		f.t.Fatalf("sign up: %v", err)
	}
	return u
}

// link returns the token of the last e-mail of template sent to email.
func (f *fixture) link(email string, template models.Event) string {
	f.t.Helper()
	jobs, err := f.st.EmailJobs(context.Background(), models.OutboxPending, 1000)
	if err != nil {
		f.t.Fatal(err)
	}
	token := ""
	for _, j := range jobs {
		if j.To == email && j.Template == template {
			_, token, _ = strings.Cut(j.Data["link"], "token=")
		}
	}
	if token == "" {
		f.t.Fatalf("no %s e-mail to %s among %d", template, email, len(jobs))
	}
	return token
}

func fields(t *testing.T, err error) []string {
	t.Helper()
	var verr *models.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("want a validation error, got %v", err)
	}
	var out []string
	for _, fe := range verr.Fields {
		out = append(out, fe.Field+":"+fe.Code)
	}
	return out
}

func TestSignUpReportsEveryBadFieldBeforeCounting(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.SignUp(context.Background(), accounts.Signup{Email: "not an address", Password: "short", Role: "admin"}, "fr", "192.0.2.1")
	got := strings.Join(fields(t, err), " ")
	for _, want := range []string{"email:", "password:password_too_short", "name:", "role:one_of"} {
		if !strings.Contains(got, want) {
			t.Errorf("fields %q lack %q", got, want)
		}
	}
	if len(f.counted) != 0 {
		t.Fatalf("invalid input counted against the limits: %v", f.counted)
	}
	f.refusing = true
	_, err = f.svc.SignUp(context.Background(), accounts.Signup{Email: "amina@example.org", Password: goodPassword, Name: "Amina", Role: "volunteer"}, "fr", "192.0.2.1")
	if !errors.Is(err, errThrottled) || len(f.counted) != 1 || f.counted[0] != "signup 192.0.2.1 amina@example.org" {
		t.Fatalf("throttled sign-up: %v, counted %v", err, f.counted)
	}
	if _, err := f.st.UserByEmail(context.Background(), "amina@example.org"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a throttled sign-up created the account: %v", err)
	}
}

func TestSignUpConfirmEmail(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.signUp(" Amina@Example.org ")
	if u.Email != "amina@example.org" || u.Language != "fr" || u.PasswordHash == "" || u.EmailConfirmed {
		t.Fatalf("created %+v", u)
	}
	_, err := f.svc.SignUp(ctx, accounts.Signup{Email: "amina@example.org", Password: goodPassword, Name: "Other", Role: "organization"}, "en", "")
	if !errors.Is(err, accounts.ErrEmailTaken) {
		t.Fatalf("second sign-up with the address: %v", err)
	}
	token := f.link(u.Email, models.EventEmailConfirm)
	if err := f.svc.ConfirmEmail(ctx, "  "); strings.Join(fields(t, err), "") != "token:required" {
		t.Fatalf("empty token: %v", err)
	}
	if err := f.svc.ConfirmEmail(ctx, strings.Repeat("x", 201)); !errors.Is(err, accounts.ErrTokenInvalid) {
		t.Fatalf("long token: %v", err)
	}
	if err := f.svc.ConfirmEmail(ctx, token); err != nil {
		t.Fatalf("confirm: %v", err)
	}
	if err := f.svc.ConfirmEmail(ctx, token); !errors.Is(err, accounts.ErrTokenInvalid) {
		t.Fatalf("the token worked twice: %v", err)
	}
	stored, err := f.st.UserByID(ctx, u.ID)
	if err != nil || !stored.EmailConfirmed {
		t.Fatalf("not confirmed: %+v %v", stored, err)
	}
	if err := f.svc.ResendConfirmation(ctx, stored); !errors.Is(err, accounts.ErrAlreadyConfirmed) {
		t.Fatalf("resend to a confirmed address: %v", err)
	}
}

func TestLogInRefreshAndReuse(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.signUp("amina@example.org")
	for _, tc := range []struct{ email, password string }{
		{"amina@example.org", "wrong " + goodPassword},
		{"nobody@example.org", goodPassword},
	} {
		if _, _, err := f.svc.LogIn(ctx, tc.email, tc.password, "192.0.2.1"); !errors.Is(err, accounts.ErrBadCredentials) {
			t.Fatalf("log in as %s: %v", tc.email, err)
		}
	}
	if _, _, err := f.svc.LogIn(ctx, "", "", ""); len(fields(t, err)) != 2 {
		t.Fatalf("empty login: %v", err)
	}
	session, user, err := f.svc.LogIn(ctx, "AMINA@example.org", goodPassword, "192.0.2.1")
	if err != nil || user.ID != u.ID || session.AccessToken == "" || session.RefreshToken == "" {
		t.Fatalf("log in: %+v %v", session, err)
	}
	rotated, err := f.svc.Refresh(ctx, session.RefreshToken)
	if err != nil || rotated.RefreshToken == session.RefreshToken {
		t.Fatalf("refresh: %+v %v", rotated, err)
	}
	// The rotated token again: a thief holds one of the two, and the whole
	// family ends, the new token with it.
	if _, err := f.svc.Refresh(ctx, session.RefreshToken); !errors.Is(err, accounts.ErrRefreshReused) {
		t.Fatalf("reuse: %v", err)
	}
	if _, err := f.svc.Refresh(ctx, rotated.RefreshToken); !errors.Is(err, accounts.ErrRefreshInvalid) {
		t.Fatalf("the family outlived a reuse: %v", err)
	}
	if _, err := f.st.SetUserStatus(ctx, u.ID, models.UserSuspended, f.now); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.LogIn(ctx, u.Email, goodPassword, ""); !errors.Is(err, accounts.ErrSuspended) {
		t.Fatalf("suspended login: %v", err)
	}
	if _, _, err := f.svc.LogIn(ctx, u.Email, "wrong "+goodPassword, ""); !errors.Is(err, accounts.ErrBadCredentials) {
		t.Fatalf("a wrong password must not tell the account is suspended: %v", err)
	}
}

func TestLogOut(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, b := f.signUp("a@example.org"), f.signUp("b@example.org")
	sa, _, err := f.svc.LogIn(ctx, a.Email, goodPassword, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.LogOut(ctx, "", ""); strings.Join(fields(t, err), "") != "refresh_token:required" {
		t.Fatalf("anonymous logout without a token: %v", err)
	}
	// Somebody else's token is left alone.
	if err := f.svc.LogOut(ctx, sa.RefreshToken, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Refresh(ctx, sa.RefreshToken); err != nil {
		t.Fatalf("another caller ended the session: %v", err)
	}
	s2, _, err := f.svc.LogIn(ctx, a.Email, goodPassword, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.LogOutEverywhere(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Refresh(ctx, s2.RefreshToken); !errors.Is(err, accounts.ErrRefreshInvalid) {
		t.Fatalf("a session outlived logging out everywhere: %v", err)
	}
	stored, err := f.st.UserByID(ctx, a.ID)
	if err != nil || stored.TokenVersion == a.TokenVersion {
		t.Fatalf("access tokens not ended: version %d → %d (%v)", a.TokenVersion, stored.TokenVersion, err)
	}
}

// TestLoginsBeyondTheCapEndTheOldestSessions: the logins beyond
// store.MaxUserSessions end the oldest sessions for real (their refresh is
// refused), the newest carry on, and the session count stays at the cap.
func TestLoginsBeyondTheCapEndTheOldestSessions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.signUp("kiosk@example.org")
	var sessions []*accounts.Session
	for range store.MaxUserSessions + 3 {
		f.now = f.now.Add(time.Minute)
		s, _, err := f.svc.LogIn(ctx, u.Email, goodPassword, "")
		if err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, s)
	}
	if n, err := f.st.CountActiveSessions(ctx, u.ID, f.now); err != nil || n != store.MaxUserSessions {
		t.Fatalf("sessions: %d, %v; want %d", n, err, store.MaxUserSessions)
	}
	for i, s := range sessions {
		_, err := f.svc.Refresh(ctx, s.RefreshToken)
		if i < 3 && !errors.Is(err, accounts.ErrRefreshInvalid) {
			t.Errorf("login %d, beyond the cap, refreshed: %v", i, err)
		}
		if i >= 3 && err != nil {
			t.Errorf("login %d, within the cap: %v", i, err)
		}
	}
	if n, err := f.st.CountActiveSessions(ctx, u.ID, f.now); err != nil || n != store.MaxUserSessions {
		t.Fatalf("sessions after the refreshes: %d, %v; want %d", n, err, store.MaxUserSessions)
	}
}

func TestPasswordReset(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.signUp("amina@example.org")
	old, _, err := f.svc.LogIn(ctx, u.Email, goodPassword, "")
	if err != nil {
		t.Fatal(err)
	}
	// An unknown address answers the same, and writes nothing.
	before, _ := f.st.EmailJobs(ctx, models.OutboxPending, 1000)
	if err := f.svc.StartPasswordReset(ctx, "nobody@example.org", "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	if after, _ := f.st.EmailJobs(ctx, models.OutboxPending, 1000); len(after) != len(before) {
		t.Fatalf("an e-mail for an unknown address: %d → %d", len(before), len(after))
	}
	if err := f.svc.StartPasswordReset(ctx, u.Email, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	token := f.link(u.Email, models.EventPasswordReset)
	// A password the policy refuses leaves the link usable.
	if err := f.svc.ResetPassword(ctx, token, u.Email); strings.Join(fields(t, err), "") != "password:password_is_email" {
		t.Fatalf("password equal to the address: %v", err)
	}
	if err := f.svc.ResetPassword(ctx, token, "another long passphrase"); err != nil {
		t.Fatalf("reset: %v", err)
	}
	if err := f.svc.ResetPassword(ctx, token, "a third long passphrase"); !errors.Is(err, accounts.ErrTokenInvalid) {
		t.Fatalf("the link worked twice: %v", err)
	}
	if _, err := f.svc.Refresh(ctx, old.RefreshToken); !errors.Is(err, accounts.ErrRefreshInvalid) {
		t.Fatalf("a session outlived the reset: %v", err)
	}
	if _, _, err := f.svc.LogIn(ctx, u.Email, "another long passphrase", ""); err != nil {
		t.Fatalf("log in with the new password: %v", err)
	}
	if stored, _ := f.st.UserByID(ctx, u.ID); !stored.EmailConfirmed {
		t.Fatal("the link reached the mailbox, the address is not confirmed")
	}
}

func TestProfileAndPatch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.signUp("amina@example.org")
	if _, err := f.svc.SaveProfile(ctx, u.ID, models.ProfileInput{Postcode: "00000", Languages: []string{}}); strings.Join(fields(t, err), "") != "postcode:unknown_postcode" {
		t.Fatalf("unknown postcode: %v", err)
	}
	p, err := f.svc.SaveProfile(ctx, u.ID, models.ProfileInput{Postcode: "75001", Languages: []string{"ar"}})
	if err != nil || !p.HasLocation || !strings.Contains(p.City, "Paris") {
		t.Fatalf("profile: %+v %v", p, err)
	}
	stored, err := f.st.Profile(ctx, u.ID)
	if err != nil || stored.Postcode != "75001" {
		t.Fatalf("stored profile: %+v %v", stored, err)
	}
	bad := "xx"
	if _, err := f.svc.UpdateUser(ctx, u.ID, models.UserPatch{Language: &bad}); len(fields(t, err)) == 0 {
		t.Fatal("a bad language was accepted")
	}
	name := "Amina B."
	if updated, err := f.svc.UpdateUser(ctx, u.ID, models.UserPatch{Name: &name}); err != nil || updated.Name != name {
		t.Fatalf("patch: %+v %v", updated, err)
	}
}

func TestDeleteRefusesTheSoleOwner(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	owner, member := f.signUp("owner@example.org"), f.signUp("member@example.org")
	org := &models.Organization{ID: store.NewID(), Name: "Banque alimentaire", Status: models.OrgVerified, CreatedAt: f.now, UpdatedAt: f.now,
		Members:   []models.Member{{UserID: owner.ID, Role: models.MemberOwner, JoinedAt: f.now}, {UserID: member.ID, Role: models.MemberMember, JoinedAt: f.now}},
		MemberIDs: []string{owner.ID, member.ID}}
	if err := f.st.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	var sole *organizations.SoleOwnerError
	if err := f.svc.Delete(ctx, owner.ID); !errors.As(err, &sole) || len(sole.Names) != 1 || sole.Names[0] != "Banque alimentaire" {
		t.Fatalf("deleting the sole owner: %v", err)
	}
	if err := f.svc.Delete(ctx, member.ID); err != nil {
		t.Fatalf("deleting a member: %v", err)
	}
	if _, _, err := f.svc.LogIn(ctx, member.Email, goodPassword, ""); !errors.Is(err, accounts.ErrBadCredentials) {
		t.Fatalf("a deleted account logs in: %v", err)
	}
}
