package store

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// The admin's queue of submitted missions is answered from its key list,
// kept in step with the missions' transitions and rebuilt after a bulk
// load.
func TestSubmittedQueueFollowsTransitions(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	queue := func() []string {
		t.Helper()
		out, total, err := st.Missions(ctx, MissionFilter{Statuses: []models.MissionStatus{models.MissionSubmitted}, NotSuspended: true}, "submitted_at", 0, 10)
		if err != nil || int(total) != len(out) {
			t.Fatalf("queue: %v, total %d, %v", out, total, err)
		}
		ids := []string{}
		for _, m := range out {
			ids = append(ids, m.ID)
		}
		return ids
	}
	a := &models.Mission{ID: NewID(), OrgID: NewID(), Title: "A", Status: models.MissionDraft, CreatedAt: now, UpdatedAt: now}
	b := &models.Mission{ID: NewID(), OrgID: NewID(), Title: "B", Status: models.MissionDraft, CreatedAt: now, UpdatedAt: now}
	for _, m := range []*models.Mission{a, b} {
		if err := st.CreateMission(ctx, m, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := queue(); len(got) != 0 {
		t.Fatalf("drafts in the queue: %v", got)
	}
	for i, m := range []*models.Mission{b, a} {
		if _, err := st.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionDraft}, models.MissionSubmitted, "", now.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	if got := queue(); len(got) != 2 || got[0] != b.ID || got[1] != a.ID {
		t.Fatalf("queue, oldest submission first: %v (want %s, %s)", got, b.ID, a.ID)
	}
	if _, err := st.TransitionMission(ctx, b.ID, []models.MissionStatus{models.MissionSubmitted}, models.MissionPublished, "", now); err != nil {
		t.Fatal(err)
	}
	if got := queue(); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("queue after a publication: %v", got)
	}
	if err := st.MarkOrgSuspended(ctx, a.OrgID, true); err != nil {
		t.Fatal(err)
	}
	if got := queue(); len(got) != 0 {
		t.Fatalf("a suspended organisation's mission in the queue: %v", got)
	}

	// A bulk load writes missions alone; the backfill lists them.
	c := models.Mission{ID: NewID(), OrgID: NewID(), Title: "C", Status: models.MissionSubmitted, SubmittedAt: &now, CreatedAt: now, UpdatedAt: now}
	if err := st.InsertMany(ctx, "missions", []any{&c}); err != nil {
		t.Fatal(err)
	}
	if err := st.RedoBackfills(ctx, now); err != nil {
		t.Fatal(err)
	}
	if got := queue(); len(got) != 1 || got[0] != c.ID {
		t.Fatalf("queue after a bulk load: %v", got)
	}
}
