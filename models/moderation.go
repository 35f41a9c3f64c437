package models

import (
	_ "embed"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// DefaultBlocklist is the shipped list of words and phrases that signal paid
// work or scams, one per line. Admins edit the live list through the API.
//
//go:embed data/blocklist.txt
var defaultBlocklistFile string

// DefaultBlocklist returns the shipped blocklist.
func DefaultBlocklist() []string {
	var out []string
	for _, line := range strings.Split(defaultBlocklistFile, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// Fold lower-cases s, strips accents and turns punctuation into spaces, so
// that "Rémunéré !" and "remunere" compare equal.
// ligatures spells out the letters that fold to two: built once (a
// Replacer builds its tables on first use, which cost more than the
// folding itself when made per call).
var ligatures = strings.NewReplacer("œ", "oe", "æ", "ae", "ß", "ss")

func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	folded = strings.ToLower(folded)
	folded = ligatures.Replace(folded)
	return strings.Join(strings.FieldsFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '€' && r != '$'
	}), " ")
}

// BlocklistHits returns the blocklist entries found as whole words in texts.
func BlocklistHits(words []string, texts ...string) []string {
	hay := " " + Fold(strings.Join(texts, " ")) + " "
	var hits []string
	for _, w := range words {
		needle := foldedWord(w)
		if needle != "" && strings.Contains(hay, " "+needle+" ") {
			hits = append(hits, w)
		}
	}
	return hits
}

// SimilarTitles reports near-identical titles: equal once folded, or
// differing by a few edits relative to their length.
func SimilarTitles(a, b string) bool { return SimilarFolded(Fold(a), Fold(b)) }

// SimilarFolded is SimilarTitles on titles already folded (Fold): a
// moderation page compares each mission with all of its organisation's,
// and folds each title once.
func SimilarFolded(fa, fb string) bool {
	if fa == "" || fb == "" {
		return false
	}
	if fa == fb {
		return true
	}
	ra, rb := []rune(fa), []rune(fb)
	longest := max(len(ra), len(rb))
	limit := 0.15 * float64(longest)
	// The distance is at least the difference in length.
	if longest > 200 || float64(max(len(ra)-len(rb), len(rb)-len(ra))) > limit {
		return false
	}
	return float64(levenshtein(ra, rb)) <= limit
}

// foldedWords keeps the blocklist's words folded: the same few dozen
// words are looked for in every mission of a moderation page. Bounded:
// past a few thousand words (a blocklist edited many times), it starts
// again.
var foldedWords = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

func foldedWord(w string) string {
	foldedWords.Lock()
	f, ok := foldedWords.m[w]
	foldedWords.Unlock()
	if ok {
		return f
	}
	f = Fold(w)
	foldedWords.Lock()
	if len(foldedWords.m) > 5000 {
		foldedWords.m = map[string]string{}
	}
	foldedWords.m[w] = f
	foldedWords.Unlock()
	return f
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// AuditEntry is one moderation or admin action. Entries are only ever
// inserted. Before and After hold the changed fields, never personal data
// beyond ids.
type AuditEntry struct {
	ID         string         `bson:"_id"`
	ActorID    string         `bson:"actor_id"`
	Action     string         `bson:"action"`
	TargetType string         `bson:"target_type"`
	TargetID   string         `bson:"target_id"`
	Reason     string         `bson:"reason,omitempty"`
	Before     map[string]any `bson:"before,omitempty"`
	After      map[string]any `bson:"after,omitempty"`
	At         time.Time      `bson:"at"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	ActorID, TargetID, Action string
	From, To                  time.Time
}

// ReportStatus is a report's state.
type ReportStatus string

// Report states.
const (
	ReportOpen     ReportStatus = "open"
	ReportResolved ReportStatus = "resolved"
)

// Report is a user's report of a mission or an organisation.
type Report struct {
	ID         string       `bson:"_id"`
	TargetType string       `bson:"target_type"`
	TargetID   string       `bson:"target_id"`
	ReporterID string       `bson:"reporter_id"`
	Reason     string       `bson:"reason"`
	Status     ReportStatus `bson:"status"`
	Resolution string       `bson:"resolution,omitempty"`
	ResolvedBy string       `bson:"resolved_by,omitempty"`
	CreatedAt  time.Time    `bson:"created_at"`
	ResolvedAt *time.Time   `bson:"resolved_at,omitempty"`

	// ReporterDeleted marks a report whose reporter deleted their account:
	// their id and words are gone, the report still counts.
	ReporterDeleted bool `bson:"reporter_deleted,omitempty"`
}

// Invitation invites an e-mail address to join an organisation. ID is the
// token's hash.
type Invitation struct {
	ID        string     `bson:"_id"`
	OrgID     string     `bson:"org_id"`
	Email     string     `bson:"email"`
	Role      MemberRole `bson:"role"`
	InvitedBy string     `bson:"invited_by"`
	Used      bool       `bson:"used"`
	CreatedAt time.Time  `bson:"created_at"`
	ExpiresAt time.Time  `bson:"expires_at"`
}

// InvitationTTL is how long an invitation stays valid.
const InvitationTTL = 7 * 24 * time.Hour
