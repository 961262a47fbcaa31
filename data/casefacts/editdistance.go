package casefacts

// EditDistance is the Levenshtein distance between a and b, in runes (one
// insertion, deletion or substitution each), if it is at most max, or -1
// if it is more. It compares runes as they are: callers that want case
// ignored lower-case first.
func EditDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return -1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		least := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
			least = min(least, cur[j])
		}
		if least > max {
			// Every later row is at least as far: the bound is passed.
			return -1
		}
		prev, cur = cur, prev
	}
	if prev[len(rb)] > max {
		return -1
	}
	return prev[len(rb)]
}
