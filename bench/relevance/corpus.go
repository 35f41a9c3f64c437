package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
)

// corpus is the JSON shape of a relevance corpus.
type corpus struct {
	Organizations []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"organizations"`
	Missions []struct {
		Key             string   `json:"key"`
		Org             string   `json:"org"`
		Category        string   `json:"category"`
		Remote          bool     `json:"remote"`
		Postcode        string   `json:"postcode"`
		City            string   `json:"city"`
		Title           string   `json:"title"`
		Description     string   `json:"description"`
		Skills          []string `json:"skills"`
		Languages       []string `json:"languages"`
		MinAge          int      `json:"min_age"`
		RequiresVetting bool     `json:"requires_vetting"`
		Urgent          bool     `json:"urgent"`
	} `json:"missions"`
}

// judgedQuery is one query of the judged set; Relevant maps a mission key to its grade.
type judgedQuery struct {
	ID       string         `json:"id"`
	Q        string         `json:"q"`
	Params   map[string]any `json:"params"`
	Tags     []string       `json:"tags"`
	Relevant map[string]int `json:"relevant"`
}

func readCorpus(path string) (*corpus, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c corpus
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}

func readQueries(path string) ([]judgedQuery, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f struct {
		Queries []judgedQuery `json:"queries"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f.Queries, nil
}

// missions turns the corpus into index missions as the catalogue would: the organisation's
// name, the position of the postcode from the gazetteer, and one shift in the coming weeks
// (spread over a month, so that dates play their usual small part) with places left.
func (c *corpus) missions(now time.Time) ([]match.Mission, error) {
	orgs := map[string]string{}
	for _, o := range c.Organizations {
		orgs[o.ID] = o.Name
	}
	gaz := geo.Default()
	out := make([]match.Mission, 0, len(c.Missions))
	for i, m := range c.Missions {
		mission := match.Mission{
			ID: m.Key, OrgID: m.Org, OrgName: orgs[m.Org], Title: m.Title, Description: m.Description,
			Category: m.Category, Postcode: m.Postcode, City: m.City, Skills: m.Skills, Languages: m.Languages,
			Remote: m.Remote, MinAge: max(m.MinAge, 16), RequiresVetting: m.RequiresVetting, Urgent: m.Urgent,
			PublishedAt: now,
		}
		if !m.Remote {
			p, ok := gaz.Lookup(m.Postcode)
			if !ok {
				return nil, fmt.Errorf("mission %s: unknown postcode %q", m.Key, m.Postcode)
			}
			mission.Lat, mission.Lon, mission.HasLocation = p.Lat, p.Lon, true
		}
		start := now.Truncate(time.Hour).Add(time.Duration(72+(i*37)%720) * time.Hour)
		mission.Shifts = []match.Shift{{ID: fmt.Sprintf("%s-s1", m.Key), Start: start, End: start.Add(3 * time.Hour), Capacity: 5}}
		out = append(out, mission)
	}
	return out, nil
}
