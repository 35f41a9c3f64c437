package store

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func digestNote(user string, at time.Time, pending bool) *models.Notification {
	return &models.Notification{ID: NewID(), UserID: user, Kind: models.EventApplicationReceived,
		Params: map[string]string{}, CreatedAt: at, DigestPending: pending}
}

func noteIDs(items []models.Notification) []string {
	out := []string{}
	for _, n := range items {
		out = append(out, n.ID)
	}
	return out
}

// The digest finds its notifications through the digest buckets and the
// users' lists: grouped by user, oldest first, only those due; clearing
// takes a user off once nothing waits, and stale entries heal.
func TestDigestListsFollowNotifications(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	t0 := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	a, b, c, gone := NewID(), NewID(), NewID(), NewID()
	if b < a {
		a, b = b, a
	}
	a1, a2, b1 := digestNote(a, t0, true), digestNote(a, t0.Add(time.Minute), true), digestNote(b, t0.Add(2*time.Minute), true)
	late, plain, erased := digestNote(a, t0.Add(time.Hour), true), digestNote(c, t0, false), digestNote(gone, t0, true)
	for _, n := range []*models.Notification{a2, b1, a1, late, plain, erased} {
		if err := st.InsertNotification(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.DeleteUserNotifications(ctx, gone); err != nil {
		t.Fatal(err)
	}
	// A user listed with nothing waiting (a crash between two writes).
	stray := NewID()
	if err := st.addToIDList(ctx, digestUsersCol, digestBucket(stray), stray); err != nil {
		t.Fatal(err)
	}
	pending := func(before time.Time, want ...*models.Notification) {
		t.Helper()
		items, err := st.DigestPending(ctx, before, 100)
		if err != nil {
			t.Fatal(err)
		}
		if got := noteIDs(items); !slices.Equal(got, noteIDs(deref(want))) {
			t.Fatalf("pending before %s: %v, want %v", before.Format(time.TimeOnly), got, noteIDs(deref(want)))
		}
	}
	listed := func(want ...string) {
		t.Helper()
		users, err := st.digestUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(want)
		if !slices.Equal(users, want) {
			t.Fatalf("listed %v, want %v", users, want)
		}
	}
	pending(t0.Add(10*time.Minute), a1, a2, b1)
	listed(a, b) // the stray user is dropped on the way
	if err := st.ClearDigestPending(ctx, a, []string{a1.ID, a2.ID}); err != nil {
		t.Fatal(err)
	}
	listed(a, b) // the late one still waits
	pending(t0.Add(2*time.Hour), late, b1)
	if err := st.ClearDigestPending(ctx, a, []string{late.ID}); err != nil {
		t.Fatal(err)
	}
	if err := st.ClearDigestPending(ctx, b, []string{b1.ID}); err != nil {
		t.Fatal(err)
	}
	listed()
	pending(t0.Add(2 * time.Hour))
	var n models.Notification
	if err := st.findByKey(ctx, "notifications", a1.ID, nil, &n); err != nil || n.DigestPending {
		t.Fatalf("a cleared notification: %+v, %v", n, err)
	}
}

func deref(ns []*models.Notification) []models.Notification {
	out := make([]models.Notification, len(ns))
	for i, n := range ns {
		out[i] = *n
	}
	return out
}

// Notifications waiting from before the digest lists get listed by the
// backfill, the same whether it scans or takes a bulk load's records.
func TestDigestBackfillListsWaitingNotifications(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	a, b := NewID(), NewID()
	notes := []*models.Notification{digestNote(a, now, true), digestNote(a, now.Add(time.Minute), true),
		digestNote(b, now, false), digestNote(b, now.Add(time.Minute), true)}
	keys := st.NewKeyBuilder()
	docs := make([]any, len(notes))
	for i, n := range notes {
		docs[i] = n
		keys.AddNotification(n)
	}
	if err := st.InsertBulk(ctx, "notifications", docs); err != nil {
		t.Fatal(err)
	}
	if err := keys.Write(ctx, now); err != nil {
		t.Fatal(err)
	}
	items, err := st.DigestPending(ctx, now.Add(time.Hour), 100)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(noteIDs(items)); got != 3 {
		t.Fatalf("%d waiting after the bulk load's backfill, want 3", got)
	}
	built, err := st.KeyDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ClearKeyDocuments(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.RedoBackfillsOneByOne(ctx, now); err != nil {
		t.Fatal(err)
	}
	scanned, err := st.KeyDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{digestUsersCol, notificationListsCol} {
		for _, key := range []string{digestBucket(a), digestBucket(b), a, b} {
			if !reflect.DeepEqual(built[col][key], scanned[col][key]) {
				t.Errorf("%s %s: bulk %v, scan %v", col, key, built[col][key], scanned[col][key])
			}
		}
	}
	if len(scanned[digestUsersCol]) == 0 {
		t.Fatal("the scan listed no digest user")
	}
}
