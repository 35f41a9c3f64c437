package i18n

import (
	"strconv"
	"strings"
	"time"
)

func init() { register(wordCatalogue) }

// wordCatalogue holds words that several packages put into sentences: day,
// month and slot names, and the names of the languages most spoken by
// volunteers and residents in France (by ISO 639 code), so that each has
// one French and one English spelling.
var wordCatalogue = map[string][2]string{
	"weekday.sunday":    {"dimanche", "Sunday"},
	"weekday.monday":    {"lundi", "Monday"},
	"weekday.tuesday":   {"mardi", "Tuesday"},
	"weekday.wednesday": {"mercredi", "Wednesday"},
	"weekday.thursday":  {"jeudi", "Thursday"},
	"weekday.friday":    {"vendredi", "Friday"},
	"weekday.saturday":  {"samedi", "Saturday"},

	"month.1":  {"janvier", "January"},
	"month.2":  {"février", "February"},
	"month.3":  {"mars", "March"},
	"month.4":  {"avril", "April"},
	"month.5":  {"mai", "May"},
	"month.6":  {"juin", "June"},
	"month.7":  {"juillet", "July"},
	"month.8":  {"août", "August"},
	"month.9":  {"septembre", "September"},
	"month.10": {"octobre", "October"},
	"month.11": {"novembre", "November"},
	"month.12": {"décembre", "December"},

	// Slots as they read after a day name: "le lundi matin", "on Monday mornings".
	"slots.morning":   {"matin", "mornings"},
	"slots.afternoon": {"après-midi", "afternoons"},
	"slots.evening":   {"soir", "evenings"},

	"language.fr":  {"français", "French"},
	"language.en":  {"anglais", "English"},
	"language.ar":  {"arabe", "Arabic"},
	"language.es":  {"espagnol", "Spanish"},
	"language.pt":  {"portugais", "Portuguese"},
	"language.it":  {"italien", "Italian"},
	"language.de":  {"allemand", "German"},
	"language.nl":  {"néerlandais", "Dutch"},
	"language.ro":  {"roumain", "Romanian"},
	"language.pl":  {"polonais", "Polish"},
	"language.tr":  {"turc", "Turkish"},
	"language.ru":  {"russe", "Russian"},
	"language.uk":  {"ukrainien", "Ukrainian"},
	"language.zh":  {"chinois", "Chinese"},
	"language.vi":  {"vietnamien", "Vietnamese"},
	"language.wo":  {"wolof", "Wolof"},
	"language.bm":  {"bambara", "Bambara"},
	"language.ff":  {"peul", "Fula"},
	"language.ln":  {"lingala", "Lingala"},
	"language.sw":  {"swahili", "Swahili"},
	"language.ber": {"berbère", "Berber"},
	"language.kab": {"kabyle", "Kabyle"},
	"language.tl":  {"tagalog", "Tagalog"},
	"language.ta":  {"tamoul", "Tamil"},
	"language.hi":  {"hindi", "Hindi"},
	"language.bn":  {"bengali", "Bengali"},
	"language.ur":  {"ourdou", "Urdu"},
	"language.fa":  {"persan", "Persian"},
	"language.ps":  {"pachto", "Pashto"},
	"language.ku":  {"kurde", "Kurdish"},
	"language.so":  {"somali", "Somali"},
	"language.ti":  {"tigrigna", "Tigrinya"},
	"language.am":  {"amharique", "Amharic"},
	"language.ha":  {"haoussa", "Hausa"},
	"language.yo":  {"yoruba", "Yoruba"},
	"language.ig":  {"igbo", "Igbo"},
	"language.snk": {"soninké", "Soninke"},
	"language.dyu": {"dioula", "Dyula"},
	"language.sg":  {"sango", "Sango"},
	"language.kg":  {"kikongo", "Kongo"},
	"language.rw":  {"kinyarwanda", "Kinyarwanda"},
	"language.rn":  {"kirundi", "Kirundi"},
	"language.mg":  {"malgache", "Malagasy"},
	"language.ht":  {"créole haïtien", "Haitian Creole"},
	"language.sq":  {"albanais", "Albanian"},
	"language.hy":  {"arménien", "Armenian"},
	"language.ka":  {"géorgien", "Georgian"},
	"language.sr":  {"serbe", "Serbian"},
	"language.hr":  {"croate", "Croatian"},
	"language.bs":  {"bosnien", "Bosnian"},
	"language.bg":  {"bulgare", "Bulgarian"},
	"language.el":  {"grec", "Greek"},
	"language.he":  {"hébreu", "Hebrew"},
	"language.ja":  {"japonais", "Japanese"},
	"language.ko":  {"coréen", "Korean"},
	"language.km":  {"khmer", "Khmer"},
	"language.lo":  {"lao", "Lao"},
	"language.th":  {"thaï", "Thai"},
	"language.ne":  {"népalais", "Nepali"},
	"language.pa":  {"pendjabi", "Punjabi"},
	"language.si":  {"cingalais", "Sinhala"},
	"language.mn":  {"mongol", "Mongolian"},
	"language.ca":  {"catalan", "Catalan"},
	"language.eu":  {"basque", "Basque"},
	"language.br":  {"breton", "Breton"},
	"language.oc":  {"occitan", "Occitan"},
	"language.co":  {"corse", "Corsican"},
	"language.lsf": {"langue des signes française", "French Sign Language"},
}

// Weekday names a day of the week in lower case in French ("lundi") and
// capitalised in English ("Monday").
func Weekday(lang string, day time.Weekday) string {
	return T(lang, "weekday."+strings.ToLower(day.String()))
}

// Month names a month in lower case in French ("mars") and capitalised in
// English ("March").
func Month(lang string, month time.Month) string {
	return T(lang, "month."+strconv.Itoa(int(month)))
}

// LanguageName names an ISO 639 language code in lang; "pt-BR" is named as
// "pt", and an unknown code is returned as it is.
func LanguageName(lang, code string) string {
	key := strings.ToLower(strings.TrimSpace(code))
	if !Has("language." + key) {
		key, _, _ = strings.Cut(key, "-")
		if !Has("language." + key) {
			return code
		}
	}
	return T(lang, "language."+key)
}
