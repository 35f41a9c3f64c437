package models

import (
	"regexp"
	"slices"
	"time"
)

// RevisionState is the state of a proposed change to a published mission.
type RevisionState string

// Revision states. An approved revision is applied and removed; a rejected
// one stays, with its reason, until the organisation edits again.
const (
	RevisionPending  RevisionState = "pending"
	RevisionRejected RevisionState = "rejected"
)

// MissionContent is everything about a mission that the public sees and a
// member edits (shifts aside: they carry no text and have routes of their
// own). A change to any of it on a published mission is moderated.
type MissionContent struct {
	Title              string   `bson:"title"`
	Description        string   `bson:"description"`
	Category           Category `bson:"category"`
	Skills             []string `bson:"skills"`
	Tags               []string `bson:"tags"`
	Languages          []string `bson:"languages"`
	Remote             bool     `bson:"remote"`
	Address            string   `bson:"address"`
	Postcode           string   `bson:"postcode"`
	City               string   `bson:"city"`
	Lat                float64  `bson:"lat"`
	Lon                float64  `bson:"lon"`
	TimeZone           string   `bson:"time_zone,omitempty"` // follows the postcode
	MinAge             int      `bson:"min_age"`
	RequiresVetting    bool     `bson:"requires_vetting"`
	Urgent             bool     `bson:"urgent"`
	AutoAccept         bool     `bson:"auto_accept"`
	AccessibilityNotes string   `bson:"accessibility_notes"`
}

// MissionRevision is a change to a published mission waiting for (or
// refused by) a moderator, while the published version stays online.
type MissionRevision struct {
	ID          string         `bson:"id"`
	Content     MissionContent `bson:"content"`
	Changed     []string       `bson:"changed"`
	State       RevisionState  `bson:"state"`
	Reason      string         `bson:"reason,omitempty"`
	SubmittedBy string         `bson:"submitted_by"`
	SubmittedAt time.Time      `bson:"submitted_at"`
	DecidedAt   *time.Time     `bson:"decided_at,omitempty"`
}

// ContentOf returns the public content of m.
func ContentOf(m *Mission) MissionContent {
	return MissionContent{
		Title: m.Title, Description: m.Description, Category: m.Category, Skills: m.Skills, Tags: m.Tags,
		Languages: m.Languages, Remote: m.Remote, Address: m.Address, Postcode: m.Postcode, City: m.City,
		Lat: m.Lat, Lon: m.Lon, TimeZone: m.TimeZone, MinAge: m.MinAge, RequiresVetting: m.RequiresVetting, Urgent: m.Urgent,
		AutoAccept: m.AutoAccept, AccessibilityNotes: m.AccessibilityNotes,
	}
}

// WithContent returns a copy of m showing content instead of its own.
func (m Mission) WithContent(c MissionContent) Mission {
	m.Title, m.Description, m.Category, m.Skills, m.Tags = c.Title, c.Description, c.Category, c.Skills, c.Tags
	m.Languages, m.Remote, m.Address, m.Postcode, m.City = c.Languages, c.Remote, c.Address, c.Postcode, c.City
	m.Lat, m.Lon, m.MinAge, m.RequiresVetting, m.Urgent = c.Lat, c.Lon, c.MinAge, c.RequiresVetting, c.Urgent
	m.AutoAccept, m.AccessibilityNotes = c.AutoAccept, c.AccessibilityNotes
	if c.TimeZone != "" {
		m.TimeZone = c.TimeZone
	}
	return m
}

// FieldChange is one field of a revision: its published and proposed
// values, as the API names the field.
type FieldChange struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

// ContentChanges lists the fields that differ between before and after,
// in a fixed order. City and coordinates follow the postcode and are not
// listed on their own.
func ContentChanges(before, after MissionContent) []FieldChange {
	var out []FieldChange
	add := func(field string, old, new any, differ bool) {
		if differ {
			out = append(out, FieldChange{Field: field, Old: old, New: new})
		}
	}
	add("title", before.Title, after.Title, before.Title != after.Title)
	add("description", before.Description, after.Description, before.Description != after.Description)
	add("category", string(before.Category), string(after.Category), before.Category != after.Category)
	add("skills", orEmpty(before.Skills), orEmpty(after.Skills), !slices.Equal(before.Skills, after.Skills))
	add("tags", orEmpty(before.Tags), orEmpty(after.Tags), !slices.Equal(before.Tags, after.Tags))
	add("languages", orEmpty(before.Languages), orEmpty(after.Languages), !slices.Equal(before.Languages, after.Languages))
	add("remote", before.Remote, after.Remote, before.Remote != after.Remote)
	add("address", before.Address, after.Address, before.Address != after.Address)
	add("postcode", before.Postcode, after.Postcode, before.Postcode != after.Postcode)
	add("min_age", before.MinAge, after.MinAge, before.MinAge != after.MinAge)
	add("requires_vetting", before.RequiresVetting, after.RequiresVetting, before.RequiresVetting != after.RequiresVetting)
	add("urgent", before.Urgent, after.Urgent, before.Urgent != after.Urgent)
	add("auto_accept", before.AutoAccept, after.AutoAccept, before.AutoAccept != after.AutoAccept)
	add("accessibility_notes", before.AccessibilityNotes, after.AccessibilityNotes, before.AccessibilityNotes != after.AccessibilityNotes)
	return out
}

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// linkPattern finds web addresses: a scheme, "www.", or a host name
// ending in a common top-level domain. Missions have no reason to send
// volunteers elsewhere before they apply, so a moderator looks at each.
var linkPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|fr|net|org|info|biz|io|ly|me|co|xyz|top|site|online|shop)\b(?:/[^\s<>"]*)?`)

// LinkHits returns the web addresses found in texts, at most ten.
func LinkHits(texts ...string) []string {
	out := []string{}
	for _, text := range texts {
		for _, hit := range linkPattern.FindAllString(text, -1) {
			if !slices.Contains(out, hit) && len(out) < 10 {
				out = append(out, hit)
			}
		}
	}
	return out
}
