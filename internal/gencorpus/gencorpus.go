// Package gencorpus generates the texts Casebook's benchmarks import and
// search: articles of the BBC News corpus's shape (a title, then about ten
// paragraphs, about 2.2 kB in all, drawn from a Zipf-distributed vocabulary
// of English function words and 40,000 made-up words), and a file of
// millions of distinct made-up words; and reports on a criminal case, with
// the names, organisations and dates the people index and timeline read
// (casenews.go). Generation is deterministic: the same
// arguments give the same text on every machine.
package gencorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// BBCArticles is the number of articles in the BBC News corpus.
const BBCArticles = 2225

// bbcVocab is the generator's vocabulary by Zipf rank.
var bbcVocab = func() []string {
	rng := rand.New(rand.NewPCG(2225, 1))
	vocab := strings.Fields(`the of and to a in that is was he for it with as his on be at by had not are but
from or have an they which one you were her all she there would their we him been has when who will more no if
out so said what up its about into than them can only other new some could time these two may then do first any
my now such like our over man me even most made after also did many before must through back years where much
your way well down should because each just those people how too little state good very make world still own see
men work long here get both between life being under never day same another know while last might us great old
year off come since against go came right used take three government minister election market company film`)
	seen := map[string]bool{}
	for _, w := range vocab {
		seen[w] = true
	}
	for len(vocab) < 40_000 {
		if w := Word(rng); len(w) >= 2 && !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return vocab
}()

var (
	onsets = strings.Fields("b c d f g h j k l m n p r s t v w z br ch cl cr dr fl gr pl pr sh st th tr sl sp")
	vowels = strings.Fields("a e i o u ai ea ou ie oa")
	codas  = []string{"", "", "n", "r", "s", "t", "l", "nd", "st", "ck", "m", "rd"}
)

// Word makes up a pronounceable word of one to four syllables from rng
// (the same rng state gives the same word). It may be a real word or one
// made before: callers that want distinct words skip those they have.
func Word(rng *rand.Rand) string {
	var b strings.Builder
	for i, syl := 0, 1+rng.IntN(4); i < syl; i++ {
		b.WriteString(onsets[rng.IntN(len(onsets))])
		b.WriteString(vowels[rng.IntN(len(vowels))])
		if i == syl-1 || rng.IntN(3) == 0 {
			b.WriteString(codas[rng.IntN(len(codas))])
		}
	}
	return b.String()
}

// BBCArticle generates article i of a corpus: the same i gives the same text.
// copy makes the text of an otherwise identical article differ (the corpus
// imported again is new articles, not duplicates).
func BBCArticle(i, copy int) string {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(bbcVocab)-1))
	var b strings.Builder
	sentence := func(words int) {
		for j := 0; j < words; j++ {
			w := bbcVocab[zipf.Uint64()]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			if j > 0 && j < words-1 && rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
		}
	}
	sentence(4 + rng.IntN(5))
	b.WriteString("\n\n")
	for p, paras := 0, 8+rng.IntN(5); p < paras; p++ {
		for s, n := 0, 1+rng.IntN(3); s < n; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			sentence(10 + rng.IntN(16))
			b.WriteByte('.')
		}
		if p == 0 {
			fmt.Fprintf(&b, " Report %d-%d.", i, copy)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// HugeVocabulary returns a text of n distinct made-up words of eight
// letters, 100 to a paragraph: 2 million of them make an 18 MB file.
func HugeVocabulary(n int) string {
	cons := "bcdfghjklmnprstvwxyz"
	vow := "aeiou"
	var b strings.Builder
	b.Grow(9*n + n/50)
	for i := 0; i < n; i++ {
		// Word i is i in base 100, a consonant and a vowel per digit,
		// scrambled by an odd multiplier so that neighbours differ.
		x := uint64(i) * 7919 % 100_000_000
		for k := 0; k < 4; k++ {
			d := x % 100
			x /= 100
			b.WriteByte(cons[d/5])
			b.WriteByte(vow[d%5])
		}
		switch {
		case i%100 == 99:
			b.WriteString(".\n\n")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
