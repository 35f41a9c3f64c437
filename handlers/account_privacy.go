package handlers

import "context"

// exportReports adds the reports the person filed, with their words, to a
// data export.
func (s *Server) exportReports(ctx context.Context, userID string, export map[string]any) error {
	reports, err := s.store.ReportsBy(ctx, userID)
	if err != nil {
		return err
	}
	out := make([]reportResponse, len(reports))
	for i := range reports {
		out[i] = reportView(&reports[i])
	}
	export["reports"] = out
	return nil
}
