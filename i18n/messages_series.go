package i18n

func init() { register(seriesCatalogue) }

// seriesCatalogue holds the messages of recurring commitments: applying to
// several dates of a mission at once, and stepping back from all of them.
var seriesCatalogue = map[string][2]string{
	"detail.application_no_shift_to_come": {"Cette mission n'a plus de date à venir.", "This mission has no date left to come."},
	"series.one_way":                      {"Indiquez un créneau (shift_id), une liste de créneaux (shift_ids) ou toutes les dates (all), et un seul des trois.", "Give one shift (shift_id), a list of shifts (shift_ids) or all the dates (all), and only one of the three."},
	"series.choose":                       {"Choisissez vos dates", "Choose your dates"},
	"series.choose_hint":                  {"Une mission régulière : cochez les dates où vous viendrez, ou toutes les dates. Chaque date reste une candidature à part, que vous pourrez retirer seule.", "A recurring mission: tick the dates you will come, or all the dates. Each date stays an application of its own, which you can withdraw alone."},
	"series.form_title":                   {"Plusieurs dates ? Engagez-vous en une fois", "Several dates? Commit in one go"},
	"series.apply":                        {"Envoyer ma candidature pour ces dates", "Send my application for these dates"},
	"series.all":                          {"Toutes les dates", "All the dates"},
	"series.pick_one":                     {"Cochez au moins une date, ou toutes les dates.", "Tick at least one date, or all the dates."},
	"series.notice_applied":               {"Candidature envoyée pour vos dates : elles sont regroupées ici sur une ligne.", "Application sent for your dates: they are gathered here on one line."},
	"series.notice_partial":               {"Candidature envoyée pour %d date(s) ; %d date(s) n'ont pas pu être retenues :", "Application sent for %d date(s); %d date(s) could not be taken:"},
	"series.refused_line":                 {"%s : %s", "%s: %s"},
	"series.notice_withdrawn":             {"Vous êtes retiré·e de toutes les dates à venir de cette mission.", "You are withdrawn from every date to come of this mission."},
	"series.dates":                        {"%d dates", "%d dates"},
	"series.next":                         {"Prochaine date", "Next date"},
	"series.none_next":                    {"Plus de date à venir", "No date left to come"},
	"series.count":                        {"Dates", "Dates"},
	"series.see_dates":                    {"Voir les dates", "See the dates"},
	"series.withdraw_one":                 {"Retirer une date", "Withdraw one date"},
	"series.withdraw_all":                 {"Me retirer de toutes les dates", "Withdraw from all the dates"},
	"series.withdraw_all_hint":            {"Les dates déjà commencées restent inscrites.", "Dates that have already started stay booked."},
	"series.states":                       {"États", "States"},
	"series.actions":                      {"Actions", "Actions"},
	"series.title":                        {"Mes missions régulières", "My recurring missions"},
	"series.withdraw_none":                {"Aucune date n'a pu être retirée.", "No date could be withdrawn."},
}
