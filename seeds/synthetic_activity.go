package seeds

import (
	"context"
	"fmt"
	"time"

	"github.com/entraide/entraide/models"
)

// syntheticApplicationID names synthetic application n. The store's own
// key scheme applies to applications made through the service; synthetic
// ones only need to be unique and reproducible.
func syntheticApplicationID(n int) string { return seedID("65f00000", n) }

// writeVolunteers writes the volunteers in batches, each batch with its
// applications, messages and notifications, so that memory stays flat.
func (g *synth) writeVolunteers(ctx context.Context, n int) error {
	skills := models.SkillCodes()
	cats := toStrings(models.Categories)
	const batchSize = 1000
	users := make([]any, 0, batchSize)
	var apps []models.Application
	var messages, notes []any
	flush := func() error {
		if err := g.st.InsertBulk(ctx, "users", users); err != nil {
			return fmt.Errorf("users: %w", err)
		}
		for _, u := range users {
			g.keys.AddUser(u.(*syntheticUser).ID, u.(*syntheticUser).Email)
		}
		if err := g.st.InsertApplicationsBulk(ctx, apps); err != nil {
			return fmt.Errorf("applications: %w", err)
		}
		g.keys.AddApplications(apps...)
		if err := g.st.InsertBulk(ctx, "messages", messages); err != nil {
			return fmt.Errorf("messages: %w", err)
		}
		if err := g.st.InsertBulk(ctx, "notifications", notes); err != nil {
			return fmt.Errorf("notifications: %w", err)
		}
		for _, n := range notes {
			g.keys.AddNotification(n.(*models.Notification))
		}
		g.bar.add("volunteers", len(users))
		users, apps, messages, notes = users[:0], apps[:0], messages[:0], notes[:0]
		return nil
	}
	for i := range n {
		pl := g.picker.pick(g.r)
		avail := map[string][]string{}
		for range 1 + g.r.IntN(5) {
			d := models.Days[g.r.IntN(7)]
			avail[d] = append(avail[d], models.Slots[g.r.IntN(3)])
		}
		birth := time.Date(1945+g.r.IntN(62), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
		joined := g.now.Add(-time.Duration(g.r.IntN(365*24)) * time.Hour)
		p := &models.Profile{Skills: pickSome(g.r, skills, g.r.IntN(4)), Categories: pickSome(g.r, cats, 1+g.r.IntN(3)),
			Languages: pickSome(g.r, syntheticLanguages, 1+g.r.IntN(2)), Postcode: pl.Postcode, City: pl.City, Lat: pl.Lat, Lon: pl.Lon,
			HasLocation: true, RadiusKm: []int{5, 10, 10, 20, 30, 50}[g.r.IntN(6)], Remote: g.r.IntN(3) == 0, Availability: avail,
			BirthDate: &birth, Alerts: g.r.IntN(3) == 0, Visible: g.r.IntN(2) == 0, UpdatedAt: joined, IndexStamp: joined}
		id := SyntheticVolunteerID(i + 1)
		users = append(users, &syntheticUser{User: models.User{ID: id, Email: SyntheticVolunteerEmail(i + 1),
			PasswordHash: g.hash, Name: fmt.Sprintf("Bénévole %d", i+1), Language: "fr", Role: models.RoleVolunteer,
			Status: models.UserActive, EmailConfirmed: true, CreatedAt: joined, UpdatedAt: joined}, Profile: p})
		clear(g.applied)
		for range g.r.IntN(5) { // 0 to 4: two on average
			a, ok := g.application(id, joined)
			if !ok {
				continue
			}
			apps = append(apps, a)
			messages = append(messages, g.messages(&a)...)
			notes = append(notes, g.notifications(&a)...)
		}
		if len(users) == batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	g.counts.Volunteers = n
	return flush()
}

// application draws one application of volunteer id to a random shift, in
// a state that fits the shift's time and places: past shifts were attended
// or missed, future ones are pending, accepted or waitlisted when full, and
// some were declined or withdrawn. Places taken are counted as drawn.
func (g *synth) application(volunteerID string, joined time.Time) (models.Application, bool) {
	if len(g.open) == 0 {
		return models.Application{}, false
	}
	mi := g.open[g.r.IntN(len(g.open))]
	m := &g.missions[mi]
	sh := &g.shifts[mi][g.r.IntN(len(g.shifts[mi]))]
	key := volunteerID + ":" + sh.ID
	if g.applied[sh.ID] { // one application per volunteer and shift
		return models.Application{}, false
	}
	g.applied[sh.ID] = true
	applied := sh.Start.Add(-time.Duration(1+g.r.IntN(14*24)) * time.Hour)
	if applied.Before(joined) {
		applied = joined
	}
	if applied.After(g.now) {
		applied = g.now.Add(-time.Duration(1+g.r.IntN(48)) * time.Hour)
	}
	decided := applied.Add(time.Duration(1+g.r.IntN(72)) * time.Hour)
	if decided.After(g.now) {
		decided = g.now
	}
	full := sh.Taken >= sh.Capacity
	past := sh.End.Before(g.now)
	roll := g.r.IntN(100)
	var status models.ApplicationStatus
	switch {
	case roll < 8:
		status = models.ApplicationWithdrawn
	case roll < 18:
		status = models.ApplicationDeclined
	case past && !full && roll < 90:
		status = models.ApplicationAttended
	case past && !full:
		status = models.ApplicationNoShow
	case past:
		status = models.ApplicationDeclined
	case full:
		status = models.ApplicationWaitlisted
	case roll < 60:
		status = models.ApplicationAccepted
	default:
		status = models.ApplicationPending
	}
	g.counts.Applications++
	a := models.Application{ID: syntheticApplicationID(g.counts.Applications), MissionID: m.ID, ShiftID: sh.ID,
		OrgID: m.OrgID, VolunteerID: volunteerID, VolunteerShift: key, Status: status, ShiftStart: sh.Start, ShiftEnd: sh.End,
		History:   []models.StatusChange{{At: applied, By: volunteerID, Actor: models.ActorVolunteer, To: models.ApplicationPending}},
		Reminders: []string{}, CreatedAt: applied, UpdatedAt: applied}
	owner := g.orgOwner(m.OrgID)
	step := func(at time.Time, by string, actor models.Actor, to models.ApplicationStatus) {
		a.History = append(a.History, models.StatusChange{At: at, By: by, Actor: actor, From: a.History[len(a.History)-1].To, To: to})
		a.UpdatedAt = at
	}
	switch status {
	case models.ApplicationWithdrawn:
		step(decided, volunteerID, models.ActorVolunteer, status)
	case models.ApplicationDeclined:
		step(decided, owner, models.ActorOrganization, status)
		a.DecidedAt = &decided
	case models.ApplicationWaitlisted:
		a.History[0].To = models.ApplicationWaitlisted
		g.ranks[sh.ID]++
		a.WaitlistRank = g.ranks[sh.ID]
	case models.ApplicationAccepted, models.ApplicationAttended, models.ApplicationNoShow:
		step(decided, owner, models.ActorOrganization, models.ApplicationAccepted)
		a.DecidedAt = &decided
		if status != models.ApplicationAccepted {
			step(sh.End.Add(time.Hour), owner, models.ActorOrganization, status)
		}
		if status == models.ApplicationAttended {
			a.Hours = models.ShiftHours(sh.Start, sh.End)
		}
	}
	if status.HoldsPlace() {
		sh.Taken++
	}
	g.counts.ByStatus[status]++
	return a, true
}

func (g *synth) orgOwner(orgID string) string { return g.orgs[seqIndex(orgID)].MemberIDs[0] }

// messages gives one application in four a short thread.
func (g *synth) messages(a *models.Application) []any {
	if g.r.IntN(4) != 0 {
		return nil
	}
	var out []any
	bodies := []struct {
		actor models.Actor
		body  string
	}{
		{models.ActorVolunteer, "Bonjour, faut-il apporter quelque chose ?"},
		{models.ActorOrganization, "Bonjour, venez avec une pièce d'identité, merci !"},
		{models.ActorVolunteer, "Parfait, à bientôt."},
	}
	for k := range 1 + g.r.IntN(len(bodies)) {
		g.counts.Messages++
		author := a.VolunteerID
		if bodies[k].actor == models.ActorOrganization {
			author = g.orgOwner(a.OrgID)
		}
		out = append(out, &models.Message{ID: seedID("65f20000", g.counts.Messages), ApplicationID: a.ID, OrgID: a.OrgID,
			VolunteerID: a.VolunteerID, AuthorID: author, AuthorRole: bodies[k].actor, Body: bodies[k].body,
			CreatedAt: a.CreatedAt.Add(time.Duration(k+1) * time.Hour)})
	}
	return out
}

// notifications are what the volunteer was told about the application
// (most of them read) and, for one in four, what the organisation was told.
func (g *synth) notifications(a *models.Application) []any {
	m := &g.missions[seqIndex(a.MissionID)]
	params := map[string]string{"mission_title": m.Title, "org_name": g.orgs[seqIndex(a.OrgID)].Name, "link": "/missions/" + m.ID}
	var out []any
	add := func(userID string, kind models.Event, at time.Time) {
		g.counts.Notifications++
		n := &models.Notification{ID: seedID("65f30000", g.counts.Notifications), UserID: userID, Kind: kind, Params: params, CreatedAt: at}
		if g.r.IntN(4) != 0 && at.Before(g.now.Add(-24*time.Hour)) {
			read := at.Add(time.Duration(1+g.r.IntN(24)) * time.Hour)
			n.ReadAt = &read
		}
		out = append(out, n)
	}
	if g.r.IntN(4) == 0 {
		add(g.orgOwner(a.OrgID), models.EventApplicationReceived, a.CreatedAt)
	}
	if a.DecidedAt != nil {
		kind := models.EventApplicationAccepted
		if a.Status == models.ApplicationDeclined {
			kind = models.EventApplicationDeclined
		}
		add(a.VolunteerID, kind, *a.DecidedAt)
	}
	return out
}

// seqIndex reads the sequence number out of a synthetic id (mission or
// organisation) and returns its index.
func seqIndex(id string) int {
	var n int
	_, _ = fmt.Sscanf(id[8:], "%x", &n)
	return n - 1
}

// writeModeration writes reports on one mission in a hundred, two thirds
// of them resolved by the admin with an audit entry, the others open in
// the admin's queue.
func (g *synth) writeModeration(ctx context.Context) error {
	var reports, audit []any
	for i := range min(len(g.open), max(len(g.missions)/100, 1)) {
		m := &g.missions[g.open[g.r.IntN(len(g.open))]]
		created := m.CreatedAt.Add(time.Duration(2+g.r.IntN(20)) * 24 * time.Hour)
		if created.After(g.now) {
			created = g.now.Add(-time.Hour)
		}
		r := &models.Report{ID: seedID("65f40000", i+1), TargetType: "mission", TargetID: m.ID,
			ReporterID: SyntheticVolunteerID(1 + g.r.IntN(max(g.counts.Volunteers, 1))), Reason: "Annonce à vérifier : horaires incohérents.",
			Status: models.ReportOpen, CreatedAt: created}
		if g.r.IntN(3) != 0 {
			resolved := created.Add(time.Duration(1+g.r.IntN(48)) * time.Hour)
			r.Status, r.Resolution, r.ResolvedBy, r.ResolvedAt = models.ReportResolved, "Vérifié avec l'association.", g.adminID, &resolved
			g.counts.Audit++
			audit = append(audit, &models.AuditEntry{ID: seedID("65f10000", len(g.orgs)+g.counts.Audit), ActorID: g.adminID,
				Action: "report.resolve", TargetType: "mission", TargetID: m.ID, Reason: r.Resolution, At: resolved})
		}
		reports = append(reports, r)
	}
	g.counts.Reports = len(reports)
	if err := g.st.InsertBulk(ctx, "reports", reports); err != nil {
		return err
	}
	return g.st.InsertBulk(ctx, "audit", audit)
}
