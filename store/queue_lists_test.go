package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

func orgIDs(orgs []models.Organization) []string {
	out := []string{}
	for _, o := range orgs {
		out = append(out, o.ID)
	}
	return out
}

// listed reads kind's list of state as it is, without a page's repairs.
func listed(t *testing.T, st *Store, kind, state string) []string {
	t.Helper()
	entries, err := st.readQueue(context.Background(), kind, state)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, e := range entries {
		out = append(out, e.ID)
	}
	return out
}

// The organisations' lists by state follow registration, the admin's
// decisions, suspension and renaming; the pages come oldest first with the
// total from the list.
func TestOrgQueuesFollowTransitions(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	page := func(status models.OrgStatus, skip, limit int64) ([]string, int64) {
		t.Helper()
		orgs, total, err := st.OrganizationsByStatus(ctx, status, skip, limit)
		if err != nil {
			t.Fatal(err)
		}
		return orgIDs(orgs), total
	}
	owner := NewID()
	var orgs []*models.Organization
	for i, name := range []string{"Banque alimentaire", "Secours du quartier", "Les Petits Frères"} {
		o := &models.Organization{ID: NewID(), Name: name, Status: models.OrgPending, MemberIDs: []string{owner},
			Members: []models.Member{{UserID: owner, Role: models.MemberOwner}}, CreatedAt: now.Add(time.Duration(2-i) * time.Hour), UpdatedAt: now}
		if err := st.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		orgs = append(orgs, o)
	}
	a, b, c := orgs[0], orgs[1], orgs[2]
	if got, total := page(models.OrgPending, 0, 10); total != 3 || !reflect.DeepEqual(got, []string{c.ID, b.ID, a.ID}) {
		t.Fatalf("pending queue, oldest first: %v (total %d)", got, total)
	}
	if got, total := page(models.OrgPending, 1, 1); total != 3 || !reflect.DeepEqual(got, []string{b.ID}) {
		t.Fatalf("second page of one: %v (total %d)", got, total)
	}
	if _, err := st.TransitionOrganization(ctx, a.ID, []models.OrgStatus{models.OrgPending}, models.OrgVerified, "", now); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TransitionOrganization(ctx, c.ID, []models.OrgStatus{models.OrgPending}, models.OrgRejected, "incomplet", now); err != nil {
		t.Fatal(err)
	}
	// The writes themselves move the entries (a page would also put a
	// stale entry in step, so the lists are read raw first).
	for state, want := range map[models.OrgStatus][]string{models.OrgPending: {b.ID}, models.OrgVerified: {a.ID}, models.OrgRejected: {c.ID}} {
		if got := listed(t, st, orgQueueKind, string(state)); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s list as written: %v, want %v", state, got, want)
		}
	}
	if got, total := page(models.OrgPending, 0, 10); total != 1 || !reflect.DeepEqual(got, []string{b.ID}) {
		t.Fatalf("pending queue after a verification and a rejection: %v (total %d)", got, total)
	}
	if got, _ := page(models.OrgVerified, 0, 10); !reflect.DeepEqual(got, []string{a.ID}) {
		t.Fatalf("verified: %v", got)
	}
	if got, _ := page(models.OrgRejected, 0, 10); !reflect.DeepEqual(got, []string{c.ID}) {
		t.Fatalf("rejected: %v", got)
	}
	if _, err := st.TransitionOrganization(ctx, a.ID, []models.OrgStatus{models.OrgVerified}, models.OrgSuspended, "fraude", now); err != nil {
		t.Fatal(err)
	}
	if got := listed(t, st, orgQueueKind, string(models.OrgSuspended)); !reflect.DeepEqual(got, []string{a.ID}) {
		t.Fatalf("suspended list as written: %v", got)
	}
	if got, total := page(models.OrgVerified, 0, 10); total != 0 || len(got) != 0 {
		t.Fatalf("verified after the suspension: %v (total %d)", got, total)
	}
	if got, _ := page(models.OrgSuspended, 0, 10); !reflect.DeepEqual(got, []string{a.ID}) {
		t.Fatalf("suspended: %v", got)
	}
	// A refused transition changes no list.
	if _, err := st.TransitionOrganization(ctx, b.ID, []models.OrgStatus{models.OrgVerified}, models.OrgSuspended, "x", now); err != ErrConflict {
		t.Fatalf("suspending a pending organisation: %v", err)
	}
	if got, _ := page(models.OrgPending, 0, 10); !reflect.DeepEqual(got, []string{b.ID}) {
		t.Fatalf("pending after a refused transition: %v", got)
	}

	// The admins' search reads the names from the lists, in any state.
	search := func(status models.OrgStatus, q string) []string {
		t.Helper()
		orgs, total, err := st.SearchOrganizations(ctx, status, q, 0, 10)
		if err != nil || int(total) != len(orgs) {
			t.Fatalf("search %q: %v (total %d), %v", q, orgs, total, err)
		}
		return orgIDs(orgs)
	}
	if got := search("", "SECOURS"); !reflect.DeepEqual(got, []string{b.ID}) {
		t.Fatalf("search by name: %v", got)
	}
	if got := search("", ""); !reflect.DeepEqual(got, []string{c.ID, b.ID, a.ID}) {
		t.Fatalf("search of every organisation: %v", got)
	}
	if got := search(models.OrgSuspended, "secours"); len(got) != 0 {
		t.Fatalf("search in another state: %v", got)
	}
	renamed := "Entraide du quartier"
	if _, err := st.UpdateOrganization(ctx, owner, b.ID, OrgFields{Name: &renamed}, now); err != nil {
		t.Fatal(err)
	}
	if got := search("", "secours"); len(got) != 0 {
		t.Fatalf("search of the old name: %v", got)
	}
	if got := search(models.OrgPending, "entraide"); !reflect.DeepEqual(got, []string{b.ID}) {
		t.Fatalf("search of the new name: %v", got)
	}
}

// The identity queue follows an identity change from its request to the
// admin's decision.
func TestIdentityQueueFollowsDecisions(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	owner := NewID()
	o := &models.Organization{ID: NewID(), Name: "Banque alimentaire", Status: models.OrgVerified, MemberIDs: []string{owner},
		Members: []models.Member{{UserID: owner, Role: models.MemberOwner}}, CreatedAt: now, UpdatedAt: now}
	if err := st.CreateOrganization(ctx, o); err != nil {
		t.Fatal(err)
	}
	queue := func() []string {
		t.Helper()
		orgs, total, err := st.OrganizationsWithIdentityChange(ctx, 0, 10)
		if err != nil || int(total) != len(orgs) {
			t.Fatalf("identity queue: %v (total %d), %v", orgs, total, err)
		}
		return orgIDs(orgs)
	}
	if got := queue(); len(got) != 0 {
		t.Fatalf("identity queue before any change: %v", got)
	}
	ch := &models.IdentityChange{ID: NewID(), State: models.RevisionPending, RequestedBy: owner, RequestedAt: now,
		Proposed: models.OrgIdentity{Name: "Banque alimentaire du Nord"}}
	o, err := st.SetIdentityChange(ctx, owner, o, ch)
	if err != nil {
		t.Fatal(err)
	}
	if got := queue(); !reflect.DeepEqual(got, []string{o.ID}) {
		t.Fatalf("identity queue after a request: %v", got)
	}
	if _, err := st.ApplyIdentityChange(ctx, o.ID, ch.ID, ch.Proposed, now); err != nil {
		t.Fatal(err)
	}
	if got := queue(); len(got) != 0 {
		t.Fatalf("identity queue after the approval: %v", got)
	}
	orgs, _, err := st.SearchOrganizations(ctx, models.OrgVerified, "du nord", 0, 10)
	if err != nil || !reflect.DeepEqual(orgIDs(orgs), []string{o.ID}) {
		t.Fatalf("search of the approved name: %v, %v", orgIDs(orgs), err)
	}
}

// The reports' lists follow a report from its filing to its resolution.
func TestReportQueuesFollowResolution(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	list := func(status models.ReportStatus) []string {
		t.Helper()
		reports, err := st.Reports(ctx, status, 0)
		if err != nil {
			t.Fatal(err)
		}
		out := []string{}
		for _, r := range reports {
			out = append(out, r.ID)
		}
		return out
	}
	target, other := NewID(), NewID()
	var ids []string
	for i, tg := range []string{target, other, target} {
		r := &models.Report{ID: NewID(), TargetType: "mission", TargetID: tg, ReporterID: NewID(), Reason: "horaires faux",
			Status: models.ReportOpen, CreatedAt: now.Add(-time.Duration(i) * time.Hour)}
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if got := list(models.ReportOpen); !reflect.DeepEqual(got, []string{ids[2], ids[1], ids[0]}) {
		t.Fatalf("open reports, oldest first: %v", got)
	}
	if n, err := st.ResolveReports(ctx, "mission", target, "corrigé", NewID(), now); err != nil || n != 2 {
		t.Fatalf("resolve: %d, %v", n, err)
	}
	if got := listed(t, st, reportQueueKind, string(models.ReportOpen)); !reflect.DeepEqual(got, []string{ids[1]}) {
		t.Fatalf("open list as written after the resolution: %v", got)
	}
	if got := list(models.ReportOpen); !reflect.DeepEqual(got, []string{ids[1]}) {
		t.Fatalf("open reports after the resolution: %v", got)
	}
	if got := list(models.ReportResolved); !reflect.DeepEqual(got, []string{ids[2], ids[0]}) {
		t.Fatalf("resolved reports: %v", got)
	}
	if got := list(""); !reflect.DeepEqual(got, []string{ids[2], ids[1], ids[0]}) {
		t.Fatalf("every report: %v", got)
	}
	if reports, err := st.Reports(ctx, "", 2); err != nil || len(reports) != 2 {
		t.Fatalf("a limit of two: %d, %v", len(reports), err)
	}
}

// An entry left in the wrong list (a crash between the record's write and
// its list's) is put in step by the first page that meets it.
func TestQueueEntryHealsOnReading(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	o := &models.Organization{ID: NewID(), Name: "Banque alimentaire", Status: models.OrgVerified, CreatedAt: now, UpdatedAt: now}
	if err := st.CreateOrganization(ctx, o); err != nil {
		t.Fatal(err)
	}
	if err := st.setQueueEntry(ctx, orgQueueKind, string(models.OrgPending), o.ID, orgEntry(o)); err != nil {
		t.Fatal(err)
	}
	if err := st.setQueueEntry(ctx, orgQueueKind, string(models.OrgPending), NewID(), orgEntry(o)); err != nil {
		t.Fatal(err)
	}
	orgs, total, err := st.OrganizationsByStatus(ctx, models.OrgPending, 0, 10)
	if err != nil || total != 0 || len(orgs) != 0 {
		t.Fatalf("pending with a stale and a dangling entry: %v (total %d), %v", orgIDs(orgs), total, err)
	}
	orgs, total, err = st.OrganizationsByStatus(ctx, models.OrgVerified, 0, 10)
	if err != nil || total != 1 || len(orgs) != 1 {
		t.Fatalf("verified after the repair: %v (total %d), %v", orgIDs(orgs), total, err)
	}
}

// queueDocs reads queue_lists as entries by key, whatever the order of
// the entries in each document.
func queueDocs(t *testing.T, st *Store) map[string]map[string]queueEntry {
	t.Helper()
	cur, err := st.col(queueListsCol).Find(context.Background(), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []struct {
		ID      string                `bson:"_id"`
		Entries map[string]queueEntry `bson:"entries"`
	}
	if err := cur.All(context.Background(), &docs); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]queueEntry{}
	for _, d := range docs {
		if len(d.Entries) > 0 {
			out[d.ID] = d.Entries
		}
	}
	return out
}

// The backfill builds from the records the same lists as the writes that
// kept them in step.
func TestQueueListsBackfillMatchesWrites(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	owner := NewID()
	for i := range 40 {
		o := &models.Organization{ID: NewID(), Name: "Association " + NewID(), Status: models.OrgPending, MemberIDs: []string{owner},
			CreatedAt: now.Add(time.Duration(i) * time.Minute), UpdatedAt: now}
		if err := st.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
		switch i % 4 {
		case 1:
			_, err := st.TransitionOrganization(ctx, o.ID, []models.OrgStatus{models.OrgPending}, models.OrgVerified, "", now)
			if err != nil {
				t.Fatal(err)
			}
		case 2:
			ch := &models.IdentityChange{ID: NewID(), State: models.RevisionPending, RequestedBy: owner, RequestedAt: now}
			if _, err := st.SetIdentityChange(ctx, owner, o, ch); err != nil {
				t.Fatal(err)
			}
		}
		r := &models.Report{ID: NewID(), TargetType: "organization", TargetID: o.ID, ReporterID: NewID(), Status: models.ReportOpen, CreatedAt: now}
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := st.ResolveReports(ctx, "organization", o.ID, "vu", NewID(), now); err != nil {
				t.Fatal(err)
			}
		}
	}
	written := queueDocs(t, st)
	if len(written) == 0 {
		t.Fatal("no list written")
	}
	if err := st.ClearKeyDocuments(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.RedoBackfills(ctx, now); err != nil {
		t.Fatal(err)
	}
	if rebuilt := queueDocs(t, st); !reflect.DeepEqual(rebuilt, written) {
		t.Fatalf("lists from the backfill differ from the written ones:\nwritten  %v\nbackfill %v", written, rebuilt)
	}
}
