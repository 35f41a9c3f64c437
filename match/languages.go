package match

import "strings"

// languageNames gives the French and English names of the languages most spoken by
// volunteers and residents in France, by ISO 639 code.
var languageNames = map[string][2]string{
	"fr": {"français", "French"}, "en": {"anglais", "English"}, "ar": {"arabe", "Arabic"},
	"es": {"espagnol", "Spanish"}, "pt": {"portugais", "Portuguese"}, "it": {"italien", "Italian"},
	"de": {"allemand", "German"}, "nl": {"néerlandais", "Dutch"}, "ro": {"roumain", "Romanian"},
	"pl": {"polonais", "Polish"}, "tr": {"turc", "Turkish"}, "ru": {"russe", "Russian"},
	"uk": {"ukrainien", "Ukrainian"}, "zh": {"chinois", "Chinese"}, "vi": {"vietnamien", "Vietnamese"},
	"wo": {"wolof", "Wolof"}, "bm": {"bambara", "Bambara"}, "ff": {"peul", "Fula"},
	"ln": {"lingala", "Lingala"}, "sw": {"swahili", "Swahili"}, "ber": {"berbère", "Berber"},
	"kab": {"kabyle", "Kabyle"}, "tl": {"tagalog", "Tagalog"}, "ta": {"tamoul", "Tamil"},
	"hi": {"hindi", "Hindi"}, "bn": {"bengali", "Bengali"}, "ur": {"ourdou", "Urdu"},
	"fa": {"persan", "Persian"}, "ps": {"pachto", "Pashto"}, "ku": {"kurde", "Kurdish"},
	"so": {"somali", "Somali"}, "ti": {"tigrigna", "Tigrinya"}, "am": {"amharique", "Amharic"},
	"ha": {"haoussa", "Hausa"}, "yo": {"yoruba", "Yoruba"}, "ig": {"igbo", "Igbo"},
	"snk": {"soninké", "Soninke"}, "dyu": {"dioula", "Dyula"}, "sg": {"sango", "Sango"},
	"kg": {"kikongo", "Kongo"}, "rw": {"kinyarwanda", "Kinyarwanda"}, "rn": {"kirundi", "Kirundi"},
	"mg": {"malgache", "Malagasy"}, "ht": {"créole haïtien", "Haitian Creole"},
	"sq": {"albanais", "Albanian"}, "hy": {"arménien", "Armenian"}, "ka": {"géorgien", "Georgian"},
	"sr": {"serbe", "Serbian"}, "hr": {"croate", "Croatian"}, "bs": {"bosnien", "Bosnian"},
	"bg": {"bulgare", "Bulgarian"}, "el": {"grec", "Greek"}, "he": {"hébreu", "Hebrew"},
	"ja": {"japonais", "Japanese"}, "ko": {"coréen", "Korean"}, "km": {"khmer", "Khmer"},
	"lo": {"lao", "Lao"}, "th": {"thaï", "Thai"}, "ne": {"népalais", "Nepali"},
	"pa": {"pendjabi", "Punjabi"}, "si": {"cingalais", "Sinhala"}, "mn": {"mongol", "Mongolian"},
	"ca": {"catalan", "Catalan"}, "eu": {"basque", "Basque"}, "br": {"breton", "Breton"},
	"oc": {"occitan", "Occitan"}, "co": {"corse", "Corsican"}, "lsf": {"langue des signes française", "French Sign Language"},
}

// LanguageName returns the name of a language code in French ("fr", the default) or
// English ("en"); an unknown code is returned as it is. "pt-BR" is named as "pt".
func LanguageName(lang, code string) string {
	key := normName(code)
	names, ok := languageNames[key]
	if !ok {
		base, _, _ := strings.Cut(key, "-")
		if names, ok = languageNames[base]; !ok {
			return code
		}
	}
	if isEnglish(lang) {
		return names[1]
	}
	return names[0]
}

// isEnglish reports whether a display language asks for English; anything else gets French.
func isEnglish(lang string) bool {
	base, _, _ := strings.Cut(normName(lang), "-")
	return base == "en"
}
