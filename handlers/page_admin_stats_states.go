package handlers

import (
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

var (
	missionStates = []string{string(models.MissionDraft), string(models.MissionSubmitted), string(models.MissionPublished),
		string(models.MissionRejected), string(models.MissionClosed), string(models.MissionCancelled)}
	applicationStates = func() []string {
		out := make([]string, len(models.ApplicationStatuses))
		for i, st := range models.ApplicationStatuses {
			out[i] = string(st)
		}
		return out
	}()
)

// stateChart draws counts by state, in words and in the states' order,
// with their total; a state nobody is in is left out.
func (s *Server) stateChart(lang, id, labelPrefix string, states []string, counts map[string]int64) frontend.BarChart {
	var labels []string
	var values []float64
	var total int64
	for _, st := range states {
		if n := counts[st]; n > 0 {
			labels = append(labels, i18n.T(lang, labelPrefix+st))
			values = append(values, float64(n))
		}
	}
	for _, n := range counts {
		total += n
	}
	chart := s.chart(lang, id, true, labels, values, frontend.Count)
	chart.Summary = i18n.T(lang, "stats.total", total)
	return chart
}
