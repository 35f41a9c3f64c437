package watch

import (
	"context"
	"sort"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Row is a person's line on the board.
type Row struct {
	models.WatchRow
	// Since is when the person was last reached (or added, if never).
	Since time.Time
	// DaysSince counts the whole days since then.
	DaysSince int
}

// Concern is a concern on the board, with the names of the people
// involved.
type Concern struct {
	models.WatchConcernItem
	RaisedByName, HandlerName string
}

// Load is a volunteer's share of the list.
type Load struct {
	UserID, Name string
	People       int
	Overdue      int
}

// Board is the coordinator's view of a programme.
type Board struct {
	Programme *models.WatchProgramme
	People    int
	// Overdue: not reached within the rhythm, the longest first.
	Overdue []Row
	// NoAnswer: unanswered NoAnswerVisit times in a row (a home visit?).
	NoAnswer []Row
	// Declined: asked not to be called, or the number is wrong.
	Declined   []Row
	Unassigned []Row
	// Open concerns, the most serious first; Closed, the latest first.
	Open, Closed []Concern
	Load         []Load
}

// Overdue reports whether row was not reached within rhythmDays at now,
// and since when it counts.
func Overdue(row models.WatchRow, rhythmDays int, now time.Time) (bool, time.Time) {
	since := row.AddedAt
	if row.LastReachedAt != nil {
		since = *row.LastReachedAt
	}
	return now.Sub(since) > time.Duration(rhythmDays)*24*time.Hour, since
}

// Board computes the board of p from its few board documents and its
// concerns; it reads no person's record and no call log.
func (s *Service) Board(ctx context.Context, p *models.WatchProgramme) (*Board, error) {
	rows, err := s.store.WatchBoard(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	concerns, err := s.store.WatchConcerns(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	b := BuildBoard(p, rows, concerns, s.now())
	return b, s.nameHandlers(ctx, b.Open, b.Closed)
}

// nameHandlers fills the names of the coordinators who handle concerns.
func (s *Service) nameHandlers(ctx context.Context, lists ...[]Concern) error {
	// A few coordinators handle concerns: one key read each.
	names := map[string]string{}
	for _, list := range lists {
		for _, c := range list {
			if _, done := names[c.HandlerID]; done || c.HandlerID == "" || c.HandlerName != "" {
				continue
			}
			u, err := s.store.UserByID(ctx, c.HandlerID)
			if err != nil && err != store.ErrNotFound {
				return err
			}
			names[c.HandlerID] = ""
			if u != nil && u.Status == models.UserActive {
				names[c.HandlerID] = u.Name
			}
		}
	}
	for _, list := range lists {
		for i := range list {
			if list[i].HandlerName == "" {
				list[i].HandlerName = names[list[i].HandlerID]
			}
		}
	}
	return nil
}

// NamedConcern wraps a concern with the names of the people involved.
func (s *Service) NamedConcern(ctx context.Context, p *models.WatchProgramme, item models.WatchConcernItem) (Concern, error) {
	c := []Concern{{WatchConcernItem: item}}
	for _, v := range p.Volunteers {
		if v.UserID == item.RaisedBy {
			c[0].RaisedByName = v.Name
		}
	}
	err := s.nameHandlers(ctx, c)
	return c[0], err
}

// BuildBoard is the board's arithmetic, apart from the store.
func BuildBoard(p *models.WatchProgramme, rows []models.WatchRow, concerns map[string]models.WatchConcernItem, now time.Time) *Board {
	b := &Board{Programme: p, People: len(rows)}
	names := map[string]string{}
	load := map[string]*Load{}
	for _, v := range p.Volunteers {
		names[v.UserID] = v.Name
		load[v.UserID] = &Load{UserID: v.UserID, Name: v.Name}
	}
	for _, r := range rows {
		late, since := Overdue(r, p.RhythmDays, now)
		row := Row{WatchRow: r, Since: since, DaysSince: int(now.Sub(since) / (24 * time.Hour))}
		declined := r.LastOutcome == models.OutcomeDeclined || r.LastOutcome == models.OutcomeWrongNumber
		switch {
		case declined:
			b.Declined = append(b.Declined, row)
		case late:
			b.Overdue = append(b.Overdue, row)
		}
		if r.NoAnswerStreak >= NoAnswerVisit && !declined {
			b.NoAnswer = append(b.NoAnswer, row)
		}
		if l, ok := load[r.VolunteerID]; ok && r.VolunteerID != "" {
			l.People++
			if late && !declined {
				l.Overdue++
			}
		} else {
			b.Unassigned = append(b.Unassigned, row)
		}
	}
	sort.Slice(b.Overdue, func(i, j int) bool { return b.Overdue[i].Since.Before(b.Overdue[j].Since) })
	sortRows(b.NoAnswer)
	sortRows(b.Declined)
	sortRows(b.Unassigned)
	for _, c := range concerns {
		item := Concern{WatchConcernItem: c, RaisedByName: names[c.RaisedBy], HandlerName: names[c.HandlerID]}
		if c.ClosedAt == nil {
			b.Open = append(b.Open, item)
		} else {
			b.Closed = append(b.Closed, item)
		}
	}
	sort.Slice(b.Open, func(i, j int) bool {
		li, lj := b.Open[i].Level.Level(), b.Open[j].Level.Level()
		if li != lj {
			return li > lj
		}
		return b.Open[i].RaisedAt.Before(b.Open[j].RaisedAt)
	})
	sort.Slice(b.Closed, func(i, j int) bool { return b.Closed[i].ClosedAt.After(*b.Closed[j].ClosedAt) })
	if len(b.Closed) > 50 {
		b.Closed = b.Closed[:50]
	}
	for _, v := range p.Volunteers {
		b.Load = append(b.Load, *load[v.UserID])
	}
	sort.Slice(b.Load, func(i, j int) bool { return b.Load[i].People > b.Load[j].People })
	return b
}

func sortRows(rows []Row) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].FirstName != rows[j].FirstName {
			return rows[i].FirstName < rows[j].FirstName
		}
		return rows[i].PersonID < rows[j].PersonID
	})
}
