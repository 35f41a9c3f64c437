package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// Many organisations invite one volunteer at once: no more than the
// monthly cap in all, no more than an organisation's share from any one,
// and the counters agree with the invitations stored.
func TestInvitationQuotasUnderConcurrency(t *testing.T) {
	needsAtomicUpdates(t)
	st := openInternal(t)
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil { // the unique key of invitations
		t.Fatal(err)
	}
	const orgs, perOrg, total, share = 6, 8, 5, 2
	type result struct {
		org string
		err error
	}
	results := make(chan result, orgs*perOrg)
	var wg sync.WaitGroup
	for o := range orgs {
		for m := range perOrg {
			wg.Add(1)
			go func() {
				defer wg.Done()
				org := "org" + string(rune('A'+o))
				inv := &models.MissionInvitation{ID: NewID(), Key: org + string(rune('a'+m)) + ":vol", MissionID: org + string(rune('a'+m)),
					OrgID: org, VolunteerID: "vol", CreatedAt: time.Now()}
				results <- result{org, st.InviteVolunteer(ctx, inv, "2026-12", total, share)}
			}()
		}
	}
	wg.Wait()
	close(results)
	granted := map[string]int{}
	n := 0
	for r := range results {
		switch {
		case r.err == nil:
			granted[r.org]++
			n++
		case errors.Is(r.err, ErrLimit), errors.Is(r.err, ErrOrgLimit):
		default:
			t.Fatalf("invite: %v", r.err)
		}
	}
	if n != total {
		t.Fatalf("%d invitations granted, want %d (%v)", n, total, granted)
	}
	for org, k := range granted {
		if k > share {
			t.Fatalf("%s got %d invitations", org, k)
		}
	}
	stored, err := st.col("mission_invitations").CountDocuments(ctx, bson.D{{Key: "volunteer_id", Value: "vol"}})
	if err != nil || stored != total {
		t.Fatalf("%d invitations stored (%v)", stored, err)
	}
	var counter struct {
		N int `bson:"n"`
	}
	if err := st.col(quotas).FindOne(ctx, bson.D{{Key: "_id", Value: "v:vol:2026-12"}}).Decode(&counter); err != nil || counter.N != total {
		t.Fatalf("volunteer counter %d (%v)", counter.N, err)
	}

	// A refused insert (already invited) gives its quota back.
	dup := &models.MissionInvitation{ID: NewID(), Key: "x:vol2", MissionID: "x", OrgID: "orgZ", VolunteerID: "vol2", CreatedAt: time.Now()}
	if err := st.InviteVolunteer(ctx, dup, "2026-12", total, share); err != nil {
		t.Fatal(err)
	}
	dup.ID = NewID()
	if err := st.InviteVolunteer(ctx, dup, "2026-12", total, share); !errors.Is(err, ErrConflict) {
		t.Fatalf("second invitation to the same mission: %v", err)
	}
	if err := st.col(quotas).FindOne(ctx, bson.D{{Key: "_id", Value: "vo:vol2:orgZ:2026-12"}}).Decode(&counter); err != nil || counter.N != 1 {
		t.Fatalf("organisation counter after a refused duplicate: %d (%v)", counter.N, err)
	}

	// Concurrent invitations to the same mission pass the early check
	// together; the unique key refuses all but one, and each refused
	// insert gives its quotas back.
	var same sync.WaitGroup
	for range 20 {
		same.Add(1)
		go func() {
			defer same.Done()
			inv := &models.MissionInvitation{ID: NewID(), Key: "y:vol3", MissionID: "y", OrgID: "orgY", VolunteerID: "vol3", CreatedAt: time.Now()}
			if err := st.InviteVolunteer(ctx, inv, "2026-12", total, share); err != nil && !errors.Is(err, ErrConflict) && !errors.Is(err, ErrOrgLimit) {
				t.Error(err)
			}
		}()
	}
	same.Wait()
	for _, key := range []string{"v:vol3:2026-12", "vo:vol3:orgY:2026-12"} {
		if err := st.col(quotas).FindOne(ctx, bson.D{{Key: "_id", Value: key}}).Decode(&counter); err != nil || counter.N != 1 {
			t.Fatalf("counter %s after concurrent duplicates: %d (%v)", key, counter.N, err)
		}
	}
}
