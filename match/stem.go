package match

// stem reduces a folded, lower-case word to a light French stem, so that the forms a person
// types meet the forms an association writes: plural and singular ("enfants", "enfant"),
// feminine and masculine ("isolées", "isolé"), the infinitive and the noun ("aider",
// "aide"), the noun in -ement and its verb ("accompagnement", "accompagner").
//
// It is the "minimal" stemmer of Savoy (Lucene's FrenchMinimalStemmer) made a little
// stronger, on words already stripped of accents, in this order:
//
//  1. plural: "-aux" becomes "-al" (hôpitaux → hopital; not "-eaux"), otherwise a final
//     "s" or "x" is dropped; the verb ending "-ez" of "vous triez" and the English "-ing"
//     (from 7 letters) are dropped too;
//  2. "-ement" is dropped when four letters stay (isolement → isol, accompagnement →
//     accompagn);
//  3. a final "r", then up to two final "e", are dropped (aider → aid, âgées → age);
//  4. a final double letter is halved (personn → person).
//
// Words of three letters or fewer and words with characters other than a-z (digits,
// other scripts) are left alone. English words go through the same rules: what matters
// is that a word and its variants meet, not that the stem is a word.
func stem(w string) string {
	var buf [maxTokenBytes]byte
	if len(w) > maxTokenBytes {
		return w
	}
	b := stemBytes(buf[:copy(buf[:], w)])
	if len(b) == len(w) && string(b) == w {
		return w
	}
	return string(b)
}

// stemBytes stems w in place and returns the stem, a prefix of w's buffer: every rule
// shortens the word or keeps its length, so indexing stems without allocating.
func stemBytes(w []byte) []byte {
	n := len(w)
	if n <= 3 {
		return w
	}
	for i := 0; i < n; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	switch {
	case n > 4 && string(w[n-3:]) == "aux" && w[n-4] != 'e':
		w[n-2] = 'l'
		w = w[:n-1]
	case w[n-1] == 's' || w[n-1] == 'x':
		w = w[:n-1]
	case n > 4 && w[n-2] == 'e' && w[n-1] == 'z':
		// "vous triez, aidez, accompagnez": how missions speak to volunteers.
		w = w[:n-2]
	case n >= 7 && string(w[n-3:]) == "ing":
		// English "-ing" ("delivering", "cooking"), for the English a person may type.
		w = w[:n-3]
	}
	if n = len(w); n >= 9 && string(w[n-5:]) == "ement" {
		w = w[:n-5]
	}
	if n = len(w); n > 4 && w[n-1] == 'r' {
		w = w[:n-1]
	}
	for range 2 {
		if n = len(w); n > 3 && w[n-1] == 'e' {
			w = w[:n-1]
		}
	}
	if n = len(w); n > 3 && w[n-1] == w[n-2] {
		w = w[:n-1]
	}
	return w
}
