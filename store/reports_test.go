package store

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// One open report per reporter and target, found by key: a second is a
// conflict, and once the reports are resolved the reporter may report
// again.
func TestOpenReportKeyedByReporterAndTarget(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	reporter, target := NewID(), NewID()
	report := func() *models.Report {
		return &models.Report{ID: NewID(), TargetType: "mission", TargetID: target, ReporterID: reporter, Reason: "spam spam", Status: models.ReportOpen, CreatedAt: now}
	}
	count := func() int64 {
		t.Helper()
		n, err := st.CountOpenReportsBy(ctx, reporter, target)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("open reports before any: %d", n)
	}
	if err := st.CreateReport(ctx, report()); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("open reports after one: %d", n)
	}
	if err := st.CreateReport(ctx, report()); err != ErrConflict {
		t.Fatalf("a second open report: got %v, want ErrConflict", err)
	}
	if n, err := st.ResolveReports(ctx, "mission", target, "removed", NewID(), now); err != nil || n != 1 {
		t.Fatalf("resolve: %d, %v", n, err)
	}
	if n := count(); n != 0 {
		t.Fatalf("open reports once resolved: %d", n)
	}
	if err := st.CreateReport(ctx, report()); err != nil {
		t.Fatalf("a new report once the first is resolved: %v", err)
	}
	if n := count(); n != 1 {
		t.Fatalf("open reports after a new one: %d", n)
	}
}
