package watch

import (
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{
		"mon-morning": "mon-morning", "lundi matin": "mon-morning", "Mardi après-midi": "tue-afternoon",
		"mercredi-apres-midi": "wed-afternoon", "dimanche soir": "sun-evening", "fri evening": "fri-evening",
	} {
		if got, ok := ParseTime(in); !ok || got != want {
			t.Errorf("ParseTime(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "lundi", "noon", "mon-night", "lundi matin soir"} {
		if got, ok := ParseTime(in); ok {
			t.Errorf("ParseTime(%q) = %q, accepted", in, got)
		}
	}
}

func TestLanguageCode(t *testing.T) {
	for in, want := range map[string]string{"ar": "ar", "Arabe": "ar", "arabic": "ar", " Wolof ": "wo", "français": "fr"} {
		if got, ok := LanguageCode(in); !ok || got != want {
			t.Errorf("LanguageCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := LanguageCode("klingon"); ok {
		t.Error("klingon accepted")
	}
}

func TestPersonNeedsConsent(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	in := PersonInput{FirstName: "Josette", Phone: "04 91 11 22 33", Languages: []string{"fr"}}
	if _, err := in.Validate(now); err == nil {
		t.Fatal("a person without consent was accepted")
	}
	in.ConsentBy, in.ConsentAt, in.ConsentHow = "person", "2026-03-02", "phone"
	if _, err := in.Validate(now); err == nil {
		t.Fatal("a consent dated tomorrow was accepted")
	}
	in.ConsentAt = "2026-02-28"
	p, err := in.Validate(now)
	if err != nil || p.Consent.By != "person" || !p.Consent.At.Equal(time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("valid person: %+v %v", p, err)
	}
}

func TestCallDefaults(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	c, err := CallInput{Outcome: "reached"}.Validate(now, 7)
	if err != nil || c.NextCallOn == nil || !c.NextCallOn.Equal(time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("reached: %+v %v", c, err)
	}
	c, _ = CallInput{Outcome: "no_answer"}.Validate(now, 7)
	if c.NextCallOn == nil || !c.NextCallOn.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("no answer: next call %v, want tomorrow", c.NextCallOn)
	}
	c, _ = CallInput{Outcome: "declined"}.Validate(now, 7)
	if c.NextCallOn != nil {
		t.Fatalf("declined: next call %v", c.NextCallOn)
	}
	if _, err := (CallInput{Outcome: "no_answer", Concern: "health"}).Validate(now, 7); err == nil {
		t.Fatal("a concern without reaching the person was accepted")
	}
	if _, err := (CallInput{Outcome: "reached", NextCallOn: "2026-12-31"}).Validate(now, 7); err == nil {
		t.Fatal("a next call ten months away was accepted")
	}
}

// TestProposePairs pairs by shared language and free time, balancing the
// load, and leaves out those nobody fits.
func TestProposePairs(t *testing.T) {
	rows := []models.WatchRow{
		{PersonID: "a", Languages: []string{"ar"}, BestTimes: []string{"mon-morning"}},
		{PersonID: "b", Languages: []string{"ar", "fr"}, BestTimes: []string{"tue-evening"}},
		{PersonID: "c", Languages: []string{"fr"}},
		{PersonID: "d", Languages: []string{"zh"}},
		{PersonID: "e", Languages: []string{"fr"}, VolunteerID: "v2"},
	}
	candidates := []Candidate{
		{UserID: "v1", Languages: []string{"ar", "fr"}, Availability: map[string][]string{"mon": {"morning"}}},
		{UserID: "v2", Languages: []string{"fr"}, Availability: map[string][]string{"tue": {"evening"}, "mon": {"morning"}}},
	}
	pairs := ProposePairs(rows, candidates)
	got := map[string]string{}
	for _, p := range pairs {
		got[p.PersonID] = p.VolunteerID
	}
	// a: only v1 speaks Arabic; b: only v2 is free on Tuesday evening; c:
	// either, and v1 has fewer people once a is counted... v1 has 1 (a),
	// v2 has 2 (e, b): c goes to v1. d: nobody speaks Chinese.
	want := map[string]string{"a": "v1", "b": "v2", "c": "v1"}
	if len(got) != len(want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s paired with %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

func TestBoardOverdueAndUnanswered(t *testing.T) {
	now := time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	day := func(d int) *time.Time { t := now.AddDate(0, 0, -d); return &t }
	p := &models.WatchProgramme{ID: "p", RhythmDays: 7, Volunteers: []models.WatchVolunteer{{UserID: "v1", Name: "Ana"}}}
	rows := []models.WatchRow{
		{PersonID: "recent", AddedAt: *day(30), LastReachedAt: day(2), VolunteerID: "v1"},
		{PersonID: "late", AddedAt: *day(30), LastReachedAt: day(9), VolunteerID: "v1"},
		{PersonID: "never", AddedAt: *day(8)},
		{PersonID: "silent", AddedAt: *day(3), NoAnswerStreak: 3, LastOutcome: models.OutcomeNoAnswer, VolunteerID: "v1"},
		{PersonID: "refused", AddedAt: *day(20), LastOutcome: models.OutcomeDeclined, VolunteerID: "v1"},
	}
	b := BuildBoard(p, rows, map[string]models.WatchConcernItem{
		"c1": {ID: "c1", Level: models.ConcernListen, RaisedAt: *day(1)},
		"c2": {ID: "c2", Level: models.ConcernEmergency, RaisedAt: *day(1)},
		"c3": {ID: "c3", Level: models.ConcernHealth, RaisedAt: *day(3), ClosedAt: day(1)},
	}, now)
	ids := func(rows []Row) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.PersonID)
		}
		return out
	}
	if got := ids(b.Overdue); len(got) != 2 || got[0] != "late" || got[1] != "never" {
		t.Errorf("overdue %v, want [late never]", got)
	}
	if got := ids(b.NoAnswer); len(got) != 1 || got[0] != "silent" {
		t.Errorf("no answer %v", got)
	}
	if got := ids(b.Declined); len(got) != 1 || got[0] != "refused" {
		t.Errorf("declined %v", got)
	}
	if got := ids(b.Unassigned); len(got) != 1 || got[0] != "never" {
		t.Errorf("unassigned %v", got)
	}
	if len(b.Open) != 2 || b.Open[0].Level != models.ConcernEmergency || len(b.Closed) != 1 {
		t.Errorf("concerns: open %v closed %v", b.Open, b.Closed)
	}
	if len(b.Load) != 1 || b.Load[0].People != 4 || b.Load[0].Overdue != 1 {
		t.Errorf("load %+v", b.Load)
	}
}
