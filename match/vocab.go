package match

import "strings"

// noCategory marks a mission without an indexed category.
const noCategory = 255

// interner gives small stable integers to names; indexes never change once given, so
// bitsets built earlier stay valid.
type interner struct {
	names []string         // index -> name as first seen
	ids   map[string]uint8 // normalised name -> index
	max   int
	grow  bool // whether new names are added after construction
}

func newInterner(initial []string, max int, grow bool) interner {
	in := interner{ids: make(map[string]uint8), max: max, grow: true}
	for _, name := range initial {
		in.intern(name)
	}
	in.grow = grow
	return in
}

// normName makes lookups insensitive to case and surrounding spaces; it does not allocate
// for names that are already lower-case ASCII.
func normName(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// lookup returns the index of name, if known.
func (in *interner) lookup(name string) (int, bool) {
	id, ok := in.ids[normName(name)]
	return int(id), ok
}

// intern returns the index of name, adding it when growing is allowed and there is room.
func (in *interner) intern(name string) (int, bool) {
	key := normName(name)
	if id, ok := in.ids[key]; ok {
		return int(id), true
	}
	if !in.grow || key == "" || len(in.names) >= in.max {
		return 0, false
	}
	// Cloned because the name may alias a request buffer that is reused later.
	in.names = append(in.names, strings.Clone(strings.TrimSpace(name)))
	in.ids[strings.Clone(key)] = uint8(len(in.names) - 1)
	return len(in.names) - 1, true
}

func (in *interner) clone() interner {
	ids := make(map[string]uint8, len(in.ids))
	for k, v := range in.ids {
		ids[k] = v
	}
	return interner{names: append([]string(nil), in.names...), ids: ids, max: in.max, grow: in.grow}
}

// vocab holds the three vocabularies. Writers clone it before changing it while readers may
// hold the old one, so a published vocab is never modified.
type vocab struct {
	skills interner // fixed: the catalogue
	cats   interner // the catalogue first, then categories met on missions
	langs  interner // grows as languages are met
	// interests is how many catalogue categories can be interests: categories met later on
	// missions are not, so a volunteer's interest bits never go stale.
	interests int
	labels    *labelSet // immutable, shared by clones
}

// labelSet holds the names of categories and skills, keyed by normalised code.
type labelSet struct {
	categories map[string][]string
	skills     map[string][]string
	catTerms   map[string][][]string // the analysed names of each category
}

func newLabelSet(cfg Config) *labelSet {
	l := &labelSet{categories: map[string][]string{}, skills: map[string][]string{}}
	l.catTerms = map[string][][]string{}
	for code, names := range cfg.CategoryLabels {
		l.categories[normName(code)] = append([]string(nil), names...)
		for _, name := range names {
			if terms := analyse(name); len(terms) > 0 {
				l.catTerms[normName(code)] = append(l.catTerms[normName(code)], terms)
			}
		}
	}
	for code, names := range cfg.SkillLabels {
		l.skills[normName(code)] = append([]string(nil), names...)
	}
	return l
}

func newVocab(cfg Config) *vocab {
	cats := newInterner(cfg.Categories, MaxCategories, true)
	return &vocab{
		skills:    newInterner(cfg.Skills, MaxSkills, false),
		cats:      cats,
		langs:     newInterner(nil, MaxLanguages, true),
		interests: min(len(cats.names), MaxInterestCategories),
		labels:    newLabelSet(cfg),
	}
}

func (v *vocab) clone() *vocab {
	return &vocab{skills: v.skills.clone(), cats: v.cats.clone(), langs: v.langs.clone(), interests: v.interests, labels: v.labels}
}

// skillBits returns the catalogue skills of names; free tags are left out.
func (v *vocab) skillBits(names []string) bits128 {
	var b bits128
	for _, name := range names {
		if id, ok := v.skills.lookup(name); ok {
			b.set(id)
		}
	}
	return b
}

// langBits returns the languages of names, interning new ones when grow is true.
func (v *vocab) langBits(names []string, grow bool) bits128 {
	var b bits128
	for _, name := range names {
		id, ok := 0, false
		if grow {
			id, ok = v.langs.intern(name)
		} else {
			id, ok = v.langs.lookup(name)
		}
		if ok {
			b.set(id)
		}
	}
	return b
}

// interestBits returns the interest categories of names (the first MaxInterestCategories).
func (v *vocab) interestBits(names []string) uint16 {
	var b uint16
	for _, name := range names {
		if id, ok := v.cats.lookup(name); ok && id < v.interests {
			b |= 1 << id
		}
	}
	return b
}
