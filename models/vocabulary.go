package models

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// The controlled vocabulary of skills: code|French|English per line.
//
//go:embed data/skills.txt
var skillsFile string

// Skill is one entry of the vocabulary.
type Skill struct {
	Code, French, English string
}

var skillVocabulary = sync.OnceValue(func() []Skill {
	var out []Skill
	for _, line := range strings.Split(skillsFile, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			panic("models: bad skills line " + line)
		}
		out = append(out, Skill{Code: parts[0], French: parts[1], English: parts[2]})
	}
	return out
})

// Skills returns the skill vocabulary.
func Skills() []Skill { return skillVocabulary() }

// SkillCodes returns the vocabulary's codes in order.
func SkillCodes() []string {
	skills := Skills()
	out := make([]string, len(skills))
	for i, s := range skills {
		out[i] = s.Code
	}
	return out
}

// IsSkill reports whether code is in the vocabulary.
func IsSkill(code string) bool {
	for _, s := range Skills() {
		if s.Code == code {
			return true
		}
	}
	return false
}

// SkillLabel returns the skill's name in lang.
func SkillLabel(code, lang string) string {
	for _, s := range Skills() {
		if s.Code == code {
			if lang == "en" {
				return s.English
			}
			return s.French
		}
	}
	return code
}

// SplitSkills separates vocabulary skills from free tags, cleaning and
// de-duplicating both. It fails on too many entries or bad tags.
func SplitSkills(in []string) (skills, tags []string, ok bool) {
	seen := map[string]bool{}
	for _, raw := range in {
		s := strings.ToLower(strings.TrimSpace(raw))
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		if IsSkill(s) {
			skills = append(skills, s)
			continue
		}
		clean, valid := CleanText(s)
		if !valid || len([]rune(clean)) > 30 || strings.ContainsAny(clean, "\n\r\t<>") {
			return nil, nil, false
		}
		tags = append(tags, clean)
	}
	if len(skills) > MaxSkills || len(tags) > MaxTags {
		return nil, nil, false
	}
	sort.Strings(skills)
	sort.Strings(tags)
	return skills, tags, true
}

// ISO 639-1 language codes.
var iso6391 = strings.Fields(`aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv
mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru
rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur
uz ve vi vo wa wo xh yi yo za zh zu`)

var languageSet = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(iso6391))
	for _, c := range iso6391 {
		m[c] = true
	}
	return m
})

// ValidLanguageCode reports whether code is an ISO 639-1 code.
func ValidLanguageCode(code string) bool { return languageSet()[code] }

// NormalizeLanguages lower-cases, de-duplicates and checks language codes.
func NormalizeLanguages(in []string) ([]string, bool) {
	seen := map[string]bool{}
	out := []string{}
	for _, raw := range in {
		c := strings.ToLower(strings.TrimSpace(raw))
		if !ValidLanguageCode(c) {
			return nil, false
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out, true
}
