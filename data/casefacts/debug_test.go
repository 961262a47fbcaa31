package casefacts

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDebugPeople(t *testing.T) {
	if os.Getenv("CF_DEBUG") == "" {
		t.Skip()
	}
	for _, e := range People(seedArticles(t)) {
		b, _ := json.Marshal(e)
		t.Log(string(b))
	}
}
