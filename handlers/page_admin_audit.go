package handlers

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

// auditFilters are the audit API's filters, which the page's GET form
// sends as they are.
var auditFilters = []string{"actor", "target", "action", "from", "to"}

type auditData struct {
	adminSection
	List  listResponse[auditResponse]
	Rows  []auditRow
	Pager frontend.Pager
}

// adminAuditPage lists the audit log with the API's filters.
func (s *Server) adminAuditPage(c *fiber.Ctx) error {
	lang := s.lang(c)
	form := frontend.NewForm().Order(auditFilters...)
	query := url.Values{}
	for _, name := range auditFilters {
		if v := c.Query(name); v != "" {
			form.Set(name, v)
			query.Set(name, v)
		}
	}
	page := frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.audit_title"), Section: "/admin", Form: form,
		Data: auditData{adminSection: adminSection{Tab: "audit"}}}
	list, err := s.auditEntries(c)
	if err != nil {
		return s.renderFormError(c, "admin_audit", page, err)
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	rows, err := s.auditRows(ctx, lang, list.Items)
	if err != nil {
		return err
	}
	page.Data = auditData{adminSection: adminSection{Tab: "audit"}, List: list, Rows: rows,
		Pager: frontend.NewPager("/admin/audit", query, list.Page, list.PerPage, list.Total)}
	return s.render(c, fiber.StatusOK, "admin_audit", page)
}

type statsData struct {
	adminSection
	Stats      *statsResponse
	Weekly     frontend.BarChart
	ByCategory frontend.BarChart
	Moderation frontend.BarChart
	// ByState are the missions and the applications by state, each with
	// its total: the bars add up to it.
	MissionStates, ApplicationStates frontend.BarChart
}

// moderationBuckets are the bars of the time-to-moderation chart: upper
// bounds in hours.
var moderationBuckets = []struct {
	key   string
	upper float64
}{{"lt1h", 1}, {"lt6h", 6}, {"lt24h", 24}, {"lt72h", 72}, {"more", 1e18}}

// adminStatsPage shows the platform's figures with charts drawn on the
// server as SVG: missions published per week, missions by category, and
// how long moderation takes.
func (s *Server) adminStatsPage(c *fiber.Ctx) error {
	stats, err := s.platformStats(c)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	count := frontend.Count
	data := statsData{adminSection: adminSection{Tab: "stats"}, Stats: stats}

	var labels []string
	var values []float64
	for _, w := range stats.PublishedPerWeek {
		labels = append(labels, w.Week[8:10]+"/"+w.Week[5:7])
		values = append(values, float64(w.Count))
	}
	data.Weekly = s.chart(lang, "weekly", false, labels, values, count)

	// The open missions by field, as the home page counts them: the bars
	// add up to the open missions shown above.
	labels, values = nil, nil
	for _, cat := range homeCategories {
		if n := stats.OpenMissionsByCategory[cat]; n > 0 {
			labels = append(labels, i18n.T(lang, "category."+cat))
			values = append(values, float64(n))
		}
	}
	data.ByCategory = s.chart(lang, "open_categories", true, labels, values, count)
	data.ByCategory.Summary = i18n.T(lang, "stats.total", stats.OpenMissions)
	data.MissionStates = s.stateChart(lang, "mission_states", "mstatus.", missionStates, stats.Missions)
	data.ApplicationStates = s.stateChart(lang, "application_states", "astatus.", applicationStates, stats.Applications)

	delays, err := s.moderationDelays(c)
	if err != nil {
		return err
	}
	labels, values = nil, nil
	for _, b := range moderationBuckets {
		labels = append(labels, i18n.T(lang, "stats.bucket_"+b.key))
		values = append(values, float64(delays[b.key]))
	}
	data.Moderation = s.chart(lang, "moderation", true, labels, values, count)
	if stats.MedianModerationHours != nil {
		data.Moderation.Summary = i18n.T(lang, "stats.median", frontendHours(lang, *stats.MedianModerationHours))
	}
	return s.render(c, fiber.StatusOK, "admin_stats", frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.stats_title"),
		Section: "/admin", Data: data})
}

func (s *Server) chart(lang, id string, horizontal bool, labels []string, values []float64, format func(float64) string) frontend.BarChart {
	chart := frontend.NewBarChart("chart-"+id, i18n.T(lang, "stats."+id), horizontal, labels, values, format)
	chart.Caption = i18n.T(lang, "stats.see_figures")
	chart.LabelHeader = i18n.T(lang, "stats."+id+"_label")
	chart.ValueHeader = i18n.T(lang, "stats."+id+"_value")
	return chart
}

// moderationDelays counts the missions moderated in the last 90 days by
// how long they waited, as platformStats measures it for the median.
func (s *Server) moderationDelays(c *fiber.Ctx) (map[string]int, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	moderated, err := s.store.ModeratedMissions(ctx, s.now().AddDate(0, 0, -90))
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, m := range moderated {
		h, ok := moderationHours(&m)
		if !ok {
			continue
		}
		for _, b := range moderationBuckets {
			if h < b.upper {
				out[b.key]++
				break
			}
		}
	}
	return out, nil
}

func frontendHours(lang string, h float64) string {
	if h < 48 {
		return i18n.T(lang, "stats.hours", int(h+0.5))
	}
	return i18n.T(lang, "stats.days", int(h/24+0.5))
}
