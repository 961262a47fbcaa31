package export_test

import (
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data/export"
)

func TestParseInclude(t *testing.T) {
	for in, want := range map[string]export.Include{
		"":                   {},
		"timeline":           {Timeline: true},
		"people":             {People: true},
		"timeline,people":    {Timeline: true, People: true},
		" People , TIMELINE": {Timeline: true, People: true},
	} {
		got, err := export.ParseInclude(in)
		if err != nil || got != want {
			t.Errorf("ParseInclude(%q) = %+v, %v", in, got, err)
		}
	}
	if _, err := export.ParseInclude("timeline,places"); err == nil || !strings.Contains(err.Error(), "places") {
		t.Errorf("an unknown section: %v", err)
	}
}
