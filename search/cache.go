package search

import (
	"net/url"
	"sync"
	"time"

	gojson "github.com/goccy/go-json"
)

// JSON answers a search as the API encodes it, from a short-lived cache:
// answers are the same for every caller and language, so the same search
// asked again (a busy page, a partner polling) is answered without parsing,
// searching or encoding again. key is the raw query string (a hit costs no
// allocation); values, called on a miss only, are its parsed parameters.
func (s *Searcher) JSON(key []byte, values func() url.Values) ([]byte, error) {
	version := s.index().Version()
	now := s.now() // the clock searches run at: an answer expires as its shifts go by
	if body, ok := s.answers.get(key, version, now); ok {
		return body, nil
	}
	req, err := s.Parse(values())
	if err != nil {
		return nil, err
	}
	res, err := s.Run(req)
	if err != nil {
		return nil, err
	}
	body, err := gojson.Marshal(res)
	if err != nil {
		return nil, err
	}
	s.answers.put(string(key), version, body, now)
	return body, nil
}

// answerCache keeps encoded answers for a moment. An answer is only reused
// for the same query string and the same version of the index, so a change
// to any mission or to the synonyms is seen at once; the short life bounds
// how stale "next shift" and "places left" can be as time passes.
type answerCache struct {
	mu      sync.Mutex
	entries map[string]cachedAnswer
	ttl     time.Duration
	max     int
}

type cachedAnswer struct {
	body    []byte
	version uint64
	expires time.Time
}

// Defaults of the answer cache.
const (
	AnswerTTL     = 2 * time.Second
	answerEntries = 4096
)

func newAnswerCache() *answerCache {
	return &answerCache{entries: make(map[string]cachedAnswer), ttl: AnswerTTL, max: answerEntries}
}

// get returns the answer kept for key at version, if still fresh.
func (a *answerCache) get(key []byte, version uint64, now time.Time) ([]byte, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	e, ok := a.entries[string(key)]
	if !ok || e.version != version || now.After(e.expires) {
		return nil, false
	}
	return e.body, true
}

// put keeps an answer; when full, it forgets everything (cheaper than tracking ages, and
// a full cache of two-second answers is mostly stale anyway).
func (a *answerCache) put(key string, version uint64, body []byte, now time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.entries) >= a.max {
		clear(a.entries)
	}
	a.entries[key] = cachedAnswer{body: body, version: version, expires: now.Add(a.ttl)}
}
