package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The rules that span a volunteer's applications — one application per
// shift, at most MaxOpenApplications awaiting an answer, no two accepted
// shifts that overlap — live in one document per volunteer
// (volunteer_applications, keyed by the volunteer's id). Every change to it
// is a compare-and-swap on its version field: read it, check the rules in
// Go, write it back only if the version is still the one read. On MongoDB a
// single-document update is atomic, so two concurrent requests can never
// both pass a check that only one of them may pass; on the embedded store
// the write lock gives the same guarantee. Counting the applications and
// then writing would let 60 simultaneous requests all see 9.
// The document also lists the volunteer's application ids, so that reading
// them is a few key reads: it stays small (a volunteer applies a few times
// a year).

// Errors of the volunteer-wide rules.
var (
	// ErrTooManyOpen refuses an application beyond MaxOpenApplications.
	ErrTooManyOpen = errors.New("store: too many open applications")
	// ErrOverlap refuses an accepted shift that overlaps another.
	ErrOverlap = errors.New("store: overlapping accepted shift")
)

const volunteerAppsCol = "volunteer_applications"

type volunteerApps struct {
	VolunteerID string   `bson:"_id"`
	Version     int      `bson:"v"`
	Items       []appRef `bson:"items"`
	// Open lists the shifts of pending and waitlisted applications.
	Open []string `bson:"open"`
	// Busy lists the times of accepted shifts not yet ended.
	Busy []busySlot `bson:"busy"`
}

type appRef struct {
	ApplicationID string    `bson:"application_id"`
	ShiftID       string    `bson:"shift_id,omitempty"`
	ShiftEnd      time.Time `bson:"shift_end"`
}

type busySlot struct {
	ShiftID string    `bson:"shift_id"`
	Start   time.Time `bson:"start"`
	End     time.Time `bson:"end"`
}

// slotOf is where an application in state st counts: "open", "busy" or "".
func slotOf(st models.ApplicationStatus) string {
	switch st {
	case models.ApplicationPending, models.ApplicationWaitlisted:
		return "open"
	case models.ApplicationAccepted:
		return "busy"
	}
	return ""
}

func (v *volunteerApps) place(a *models.Application, now time.Time) {
	v.Open = slices.DeleteFunc(v.Open, func(id string) bool { return id == a.ShiftID })
	v.Busy = slices.DeleteFunc(v.Busy, func(b busySlot) bool { return b.ShiftID == a.ShiftID || !b.End.After(now) })
	switch slotOf(a.Status) {
	case "open":
		v.Open = append(v.Open, a.ShiftID)
	case "busy":
		if a.ShiftEnd.After(now) {
			v.Busy = append(v.Busy, busySlot{ShiftID: a.ShiftID, Start: a.ShiftStart, End: a.ShiftEnd})
		}
	}
}

// inStep reports whether the document already counts a as its state says.
func (v *volunteerApps) inStep(a *models.Application, now time.Time) bool {
	wantBusy := slotOf(a.Status) == "busy" && a.ShiftEnd.After(now)
	return v.has(a) && slices.Contains(v.Open, a.ShiftID) == (slotOf(a.Status) == "open") &&
		slices.ContainsFunc(v.Busy, func(b busySlot) bool { return b.ShiftID == a.ShiftID }) == wantBusy
}

func (v *volunteerApps) overlaps(a *models.Application) bool {
	for _, b := range v.Busy {
		if b.ShiftID != a.ShiftID && models.Overlaps(b.Start, b.End, a.ShiftStart, a.ShiftEnd) {
			return true
		}
	}
	return false
}

func (v *volunteerApps) has(a *models.Application) bool {
	for _, ref := range v.Items {
		if ref.ApplicationID == a.ID {
			return true
		}
	}
	return false
}

// changeVolunteerApps reads the volunteer's document, lets change edit it
// (or refuse with an error) and writes it back if nobody wrote it
// meanwhile, trying again otherwise.
func (s *Store) changeVolunteerApps(ctx context.Context, volunteerID string, change func(*volunteerApps) error) error {
	if s.writeMu != nil {
		// Embedded: the write lock makes read, check and write one step;
		// no retry is ever needed.
		unlock, err := s.lock(ctx)
		if err != nil {
			return err
		}
		defer unlock()
		return s.changeVolunteerAppsOnce(ctx, volunteerID, change)
	}
	for attempt := range 200 {
		if attempt > 0 {
			// Many concurrent writers on one volunteer (a script firing
			// requests) take turns; a short random pause spreads them.
			time.Sleep(time.Duration(rand.IntN(2000*min(attempt, 10))) * time.Microsecond)
		}
		var doc volunteerApps
		err := s.findByKey(ctx, volunteerAppsCol, volunteerID, nil, &doc)
		if err != nil && err != ErrNotFound {
			return err
		}
		fresh := err == ErrNotFound
		doc.VolunteerID = volunteerID
		if err := change(&doc); err != nil {
			return err
		}
		doc.Items, doc.Open, doc.Busy = nonNil(doc.Items), nonNil(doc.Open), nonNil(doc.Busy)
		if fresh {
			doc.Version = 1
			unlock, err := s.lock(ctx)
			if err != nil {
				return err
			}
			_, err = s.col(volunteerAppsCol).InsertOne(ctx, doc)
			unlock()
			if err = mapErr(err); err == ErrConflict {
				continue
			}
			return err
		}
		err = s.updateByKey(ctx, volunteerAppsCol, volunteerID, bson.D{{Key: "v", Value: doc.Version}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "items", Value: doc.Items}, {Key: "open", Value: doc.Open}, {Key: "busy", Value: doc.Busy}}},
				{Key: "$inc", Value: bson.D{{Key: "v", Value: 1}}}}, nil)
		if err == ErrNotFound {
			continue
		}
		return err
	}
	return ErrConflict
}

// changeVolunteerAppsOnce is changeVolunteerApps under the embedded
// store's write lock, held by the caller.
func (s *Store) changeVolunteerAppsOnce(ctx context.Context, volunteerID string, change func(*volunteerApps) error) error {
	col := s.col(volunteerAppsCol)
	var doc volunteerApps
	err := mapErr(col.FindOne(ctx, bson.D{{Key: "_id", Value: volunteerID}}).Decode(&doc))
	if err != nil && err != ErrNotFound {
		return err
	}
	fresh := err == ErrNotFound
	doc.VolunteerID = volunteerID
	if err := change(&doc); err != nil {
		return err
	}
	doc.Items, doc.Open, doc.Busy = nonNil(doc.Items), nonNil(doc.Open), nonNil(doc.Busy)
	if fresh {
		doc.Version = 1
		_, err := col.InsertOne(ctx, doc)
		return mapErr(err)
	}
	_, err = col.UpdateOne(ctx, bson.D{{Key: "_id", Value: volunteerID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "items", Value: doc.Items}, {Key: "open", Value: doc.Open}, {Key: "busy", Value: doc.Busy}}},
			{Key: "$inc", Value: bson.D{{Key: "v", Value: 1}}}})
	return mapErr(err)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ReserveApplication records a new application a (not yet written) in its
// volunteer's document, refusing it atomically when the volunteer already
// applied to the shift (ErrConflict), has max applications awaiting an
// answer (ErrTooManyOpen), or, for an accepted one, holds an overlapping
// accepted shift (ErrOverlap). Call it before InsertApplication; when the
// insert fails, ForgetApplication undoes it.
//
// A withdrawn application applied to again keeps its id: it is reserved
// again when it holds neither an open slot nor the shift's time (a second
// re-application racing it finds the slot taken: ErrConflict). Call it
// before ReopenApplication; when that fails, SyncApplication with the
// application as it is undoes it.
func (s *Store) ReserveApplication(ctx context.Context, a *models.Application, max int, now time.Time) error {
	return s.changeVolunteerApps(ctx, a.VolunteerID, func(v *volunteerApps) error {
		for _, ref := range v.Items {
			if ref.ShiftID == a.ShiftID && (ref.ApplicationID != a.ID || v.counts(a.ShiftID)) {
				return ErrConflict
			}
		}
		if slotOf(a.Status) == "open" && len(v.Open) >= max {
			return ErrTooManyOpen
		}
		if v.overlaps(a) {
			return ErrOverlap
		}
		if !v.has(a) {
			v.Items = append(v.Items, appRef{ApplicationID: a.ID, ShiftID: a.ShiftID, ShiftEnd: a.ShiftEnd})
		}
		v.place(a, now)
		return nil
	})
}

// counts reports whether the document counts an application to shiftID
// as open or as holding its time.
func (v *volunteerApps) counts(shiftID string) bool {
	return slices.Contains(v.Open, shiftID) || slices.ContainsFunc(v.Busy, func(b busySlot) bool { return b.ShiftID == shiftID })
}

// ClaimShiftTime marks application a (about to be accepted) as holding its
// shift's time, refusing with ErrOverlap when another accepted shift of
// the volunteer overlaps it. Once a's state changes, SyncApplication puts
// the document in step with it, whether the change happened or not.
func (s *Store) ClaimShiftTime(ctx context.Context, a *models.Application, now time.Time) error {
	accepted := *a
	accepted.Status = models.ApplicationAccepted
	return s.changeVolunteerApps(ctx, a.VolunteerID, func(v *volunteerApps) error {
		if v.overlaps(&accepted) {
			return ErrOverlap
		}
		if !v.has(a) {
			v.Items = append(v.Items, appRef{ApplicationID: a.ID, ShiftID: a.ShiftID, ShiftEnd: a.ShiftEnd})
		}
		v.place(&accepted, now)
		return nil
	})
}

// SyncApplication puts a's volunteer document in step with a's state (as
// read after a change), without checks: leaving a state only frees.
func (s *Store) SyncApplication(ctx context.Context, a *models.Application, now time.Time) error {
	var doc volunteerApps
	err := s.findByKey(ctx, volunteerAppsCol, a.VolunteerID, nil, &doc)
	if err == nil && doc.inStep(a, now) {
		return nil
	}
	return s.changeVolunteerApps(ctx, a.VolunteerID, func(v *volunteerApps) error {
		if !v.has(a) {
			v.Items = append(v.Items, appRef{ApplicationID: a.ID, ShiftID: a.ShiftID, ShiftEnd: a.ShiftEnd})
		}
		v.place(a, now)
		return nil
	})
}

// IndexApplication adds an application written without ReserveApplication
// (seeds, backfills) to its volunteer's document, without checks.
func (s *Store) IndexApplication(ctx context.Context, a *models.Application) error {
	if err := s.SyncApplication(ctx, a, time.Now().UTC()); err != nil {
		return err
	}
	return s.listShiftApplication(ctx, a, "")
}

// ForgetApplication removes an application that was reserved but never
// written from its volunteer's document.
func (s *Store) ForgetApplication(ctx context.Context, a *models.Application) error {
	return s.changeVolunteerApps(ctx, a.VolunteerID, func(v *volunteerApps) error {
		v.Items = slices.DeleteFunc(v.Items, func(ref appRef) bool { return ref.ApplicationID == a.ID })
		gone := *a
		gone.Status = ""
		v.place(&gone, time.Now().UTC())
		return nil
	})
}

// ApplicationsOfVolunteer returns a volunteer's applications whose shift
// ends after endsAfter (all of them when zero), in order of application:
// one key read for the list, one per application.
func (s *Store) ApplicationsOfVolunteer(ctx context.Context, volunteerID string, endsAfter time.Time) ([]models.Application, error) {
	var list volunteerApps
	err := s.findByKey(ctx, volunteerAppsCol, volunteerID, nil, &list)
	if err == ErrNotFound {
		return []models.Application{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]models.Application, 0, len(list.Items))
	for _, ref := range list.Items {
		if !endsAfter.IsZero() && !ref.ShiftEnd.After(endsAfter) {
			continue
		}
		a, err := s.ApplicationByID(ctx, ref.ApplicationID)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, *a)
	}
	return out, nil
}

// BackfillVolunteerApplications runs RebuildVolunteerApplications once per
// database (recorded in meta), for data written by earlier versions.
func (s *Store) BackfillVolunteerApplications(ctx context.Context, now time.Time) error {
	return s.backfillVolunteerApplications(ctx, now, nil)
}

func (s *Store) backfillVolunteerApplications(ctx context.Context, now time.Time, src *bulkSource) error {
	const key = "backfill:applications_lists:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	if src != nil {
		if _, err := s.rebuildVolunteerApplications(ctx, now, src.appsByCreation()); err != nil {
			return err
		}
	} else if _, err := s.RebuildVolunteerApplications(ctx, now); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}

// RebuildVolunteerApplications rewrites every volunteer's document from
// the applications themselves (a background scan). It is idempotent: a
// start-up step for data written before the document held the rules, and a
// repair after a crash between an application's write and its document's.
func (s *Store) RebuildVolunteerApplications(ctx context.Context, now time.Time) (int, error) {
	cur, err := s.applications().Find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}))
	if err != nil {
		return 0, mapErr(err)
	}
	defer cur.Close(ctx)
	var apps []models.Application
	for cur.Next(ctx) {
		var a models.Application
		if err := cur.Decode(&a); err != nil {
			return 0, mapErr(err)
		}
		apps = append(apps, a)
	}
	if err := cur.Err(); err != nil {
		return 0, mapErr(err)
	}
	return s.rebuildVolunteerApplications(ctx, now, apps)
}

// rebuildVolunteerApplications writes the volunteers' and shifts' documents
// of apps, given in order of creation.
func (s *Store) rebuildVolunteerApplications(ctx context.Context, now time.Time, apps []models.Application) (int, error) {
	byVolunteer := map[string]*volunteerApps{}
	byShift := map[string]*shiftApps{}
	for i := range apps {
		a := apps[i]
		v := byVolunteer[a.VolunteerID]
		if v == nil {
			v = &volunteerApps{VolunteerID: a.VolunteerID}
			byVolunteer[a.VolunteerID] = v
		}
		v.Items = append(v.Items, appRef{ApplicationID: a.ID, ShiftID: a.ShiftID, ShiftEnd: a.ShiftEnd})
		v.place(&a, now)
		sh := byShift[a.ShiftID]
		if sh == nil {
			sh = &shiftApps{ShiftID: a.ShiftID}
			byShift[a.ShiftID] = sh
		}
		sh.IDs = append(sh.IDs, a.ID)
		switch queueOf(a.Status) {
		case "pending":
			sh.Pending = append(sh.Pending, a.ID)
		case "waitlisted":
			sh.Waitlisted = append(sh.Waitlisted, a.ID)
		}
	}
	volunteers := s.newKeyBatch(volunteerAppsCol)
	for id, v := range byVolunteer {
		rebuilt := *v
		// A new document is what changeVolunteerApps writes for a key
		// it does not find.
		fresh := &volunteerApps{VolunteerID: id, Version: 1, Items: nonNil(rebuilt.Items), Open: nonNil(rebuilt.Open), Busy: nonNil(rebuilt.Busy)}
		err := volunteers.add(ctx, fresh, func(ctx context.Context) error {
			return s.changeVolunteerApps(ctx, id, func(doc *volunteerApps) error {
				doc.Items, doc.Open, doc.Busy = rebuilt.Items, rebuilt.Open, rebuilt.Busy
				return nil
			})
		})
		if err != nil {
			return 0, err
		}
	}
	if err := volunteers.flush(ctx); err != nil {
		return 0, err
	}
	shifts := s.newKeyBatch(shiftAppsCol)
	for id, sh := range byShift {
		doc := &shiftApps{ShiftID: id, IDs: sh.IDs, Pending: nonNil(sh.Pending), Waitlisted: nonNil(sh.Waitlisted)}
		err := shifts.add(ctx, doc, func(ctx context.Context) error {
			unlock, err := s.lock(ctx)
			if err != nil {
				return err
			}
			_, err = s.col(shiftAppsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
				bson.D{{Key: "$set", Value: bson.D{{Key: "ids", Value: doc.IDs}, {Key: "pending", Value: doc.Pending}, {Key: "waitlisted", Value: doc.Waitlisted}}}},
				options.UpdateOne().SetUpsert(true))
			unlock()
			return mapErr(err)
		})
		if err != nil {
			return 0, err
		}
	}
	if err := shifts.flush(ctx); err != nil {
		return 0, err
	}
	return len(byVolunteer), nil
}
