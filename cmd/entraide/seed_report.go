package main

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
)

// printSynthetic says what the synthetic load wrote and how to log in.
func printSynthetic(w io.Writer, c seeds.SyntheticCounts, took time.Duration) {
	fmt.Fprintf(w, "synthetic data written in %s (the demo data will not be loaded on top):\n", took.Round(time.Second))
	for _, row := range []struct {
		what string
		n    int
	}{
		{"organisations", c.Organizations}, {"accounts of organisations and admin", c.OrgAccounts}, {"missions", c.Missions},
		{"shifts", c.Shifts}, {"volunteers", c.Volunteers}, {"applications", c.Applications}, {"messages", c.Messages},
		{"notifications", c.Notifications}, {"reports", c.Reports}, {"audit entries", c.Audit},
	} {
		fmt.Fprintf(w, "  %-36s %9d\n", row.what, row.n)
	}
	statuses := make([]string, 0, len(c.ByStatus))
	for s := range c.ByStatus {
		statuses = append(statuses, string(s))
	}
	slices.Sort(statuses)
	for _, s := range statuses {
		fmt.Fprintf(w, "    %-34s %9d\n", s, c.ByStatus[models.ApplicationStatus(s)])
	}
	fmt.Fprintf(w, "accounts (password %q): %s, %s (organisation 1), %s (volunteer 1)\n",
		seeds.DemoPassword, seeds.SyntheticAdminEmail, seeds.SyntheticOrgEmail(1), seeds.SyntheticVolunteerEmail(1))
}
