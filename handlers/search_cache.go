package handlers

import (
	"sync"
	"time"
)

// answerCache keeps the encoded answers of the search API for a moment: the same search
// asked again (a busy page, a partner polling) is answered without searching or encoding
// again. An answer is only reused for the same normalised query and the same version of
// the index, so a change to any mission or to the synonyms is seen at once; the short
// life bounds how stale "next shift" and "places left" can be as time passes.
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

// Defaults of the search answer cache.
const (
	answerTTL     = 2 * time.Second
	answerEntries = 4096
)

func newAnswerCache() *answerCache {
	return &answerCache{entries: make(map[string]cachedAnswer), ttl: answerTTL, max: answerEntries}
}

// get returns the answer kept for key at version, if still fresh. The key is the raw
// query string, so a hit costs no parsing (and no allocation).
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
