package search

// stopwords are English function words. Students type questions ("who was
// the judge"), and in a small library such words are not frequent enough
// to be recognised as weak by their document frequency alone. A query word
// in this list counts for coverage only after the content words, gets no
// typo or inflection candidates ("what" must not find "that"), and is left
// out of proximity when content words matched.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
		"at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
		"could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "get",
		"got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
		"how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "many", "me", "more", "most", "much",
		"my", "myself", "nor", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
		"out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
		"theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
		"too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
		"who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
	} {
		m[w] = true
	}
	return m
}()
