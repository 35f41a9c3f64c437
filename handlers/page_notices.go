package handlers

import "github.com/entraide/entraide/i18n"

// notices are the confirmations a redirect may ask for.
var notices = map[string]string{
	"welcome":    "notice.welcome",
	"logged_in":  "notice.logged_in",
	"logged_out": "notice.logged_out",
	"saved":      "notice.saved",
	"deleted":    "notice.deleted",
	"reported":   "notice.reported",
	// Accounts.
	"reset_sent":        "detail.reset_requested",
	"password_changed":  "notice.password_changed",
	"email_confirmed":   "notice.email_confirmed",
	"confirmation_sent": "detail.confirmation_sent",
	// The volunteer's space.
	"profile_saved": "notice.profile_saved",
	"all_read":      "notice.all_read",
	// Applications.
	"applied_pending":      "notice.applied_pending",
	"applied_accepted":     "notice.applied_accepted",
	"applied_waitlisted":   "notice.applied_waitlisted",
	"application_withdraw": "notice.application_withdraw",
	"application_confirm":  "notice.application_confirm",
	"application_message":  "notice.message_sent",
	"calendar_revoked":     "notice.calendar_revoked",
	// The organisation's space.
	"org_registered":     "notice.org_registered",
	"joined":             "notice.joined",
	"invitation_revoked": "journeys.notice_invitation_revoked",
	"left":               "notice.left",
	"member_removed":     "notice.member_removed",
	"mission_created":    "notice.mission_created",
	"mission_submit":     "notice.mission_submit",
	"mission_close":      "notice.mission_close",
	"mission_cancel":     "notice.mission_cancel",
	"mission_deleted":    "notice.mission_deleted",
	"shifts_added":       "notice.shifts_added",
	"shift_removed":      "notice.shift_removed",
	"candidate_invited":  "notice.candidate_invited",
	"review_accept":      "notice.review_accept",
	"review_decline":     "notice.review_decline",
	"review_attended":    "notice.review_attended",
	"review_no_show":     "notice.review_no_show",
	"review_message":     "notice.message_sent",
	// Administration.
	"org_verify":        "notice.org_verify",
	"org_reject":        "notice.org_reject",
	"org_suspend":       "notice.org_suspend",
	"org_restore":       "notice.org_restore",
	"mission_published": "notice.mission_published",
	"mission_rejected":  "notice.mission_rejected",
	"report_resolved":   "notice.report_resolved",
	"user_suspend":      "notice.user_suspend",
	"user_restore":      "notice.user_restore",
}

func notice(lang, name string) string {
	if key, ok := notices[name]; ok {
		return i18n.T(lang, key)
	}
	return ""
}
