package models

// HistoryReasons are the reasons the system records in an application's
// history besides the organisation's DeclineReasons; the pages word each
// one ("history.<reason>" in the catalogue), never showing the code.
var HistoryReasons = []string{
	"applied_again", "auto_accept", "shift_full", "offer_lapsed", "offer_confirmed",
	"organization_suspended", "place_freed", "mission_cancelled", "account_deleted", "unanswered",
}
