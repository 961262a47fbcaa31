package xwindow

import "testing"

func TestClamp(t *testing.T) {
	one := []rect{{w: 1920, h: 1080}}
	two := []rect{{w: 1920, h: 1080}, {x: 1920, w: 1280, h: 1024}}
	tests := map[string]struct {
		win      rect
		monitors []rect
		x, y     int
	}{
		"on screen stays":                  {rect{100, 50, 800, 600}, one, 100, 50},
		"partly off the right stays":       {rect{1500, 50, 800, 600}, one, 1500, 50},
		"on the second monitor stays":      {rect{2000, 100, 800, 600}, two, 2000, 100},
		"second monitor unplugged":         {rect{2000, 100, 800, 600}, one, 1120, 100},
		"far left":                         {rect{-3000, 200, 800, 600}, one, 0, 200},
		"above the top":                    {rect{300, -40, 800, 600}, one, 300, 0},
		"below the bottom":                 {rect{300, 5000, 800, 600}, one, 300, 480},
		"larger than the screen":           {rect{-500, -500, 2500, 1500}, one, 0, 0},
		"in the gap below a short monitor": {rect{2000, 1050, 800, 600}, two, 2000, 424},
		"no monitors known":                {rect{-3000, 200, 800, 600}, nil, -3000, 200},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			x, y := clamp(tt.win, tt.monitors)
			if x != tt.x || y != tt.y {
				t.Errorf("clamp(%+v) = %d, %d; want %d, %d", tt.win, x, y, tt.x, tt.y)
			}
		})
	}
}

func TestMonitorAt(t *testing.T) {
	two := []rect{{w: 1920, h: 1080}, {x: 1920, w: 1366, h: 768}}
	for _, tt := range []struct {
		x, y int
		want rect
	}{
		{100, 100, two[0]},
		{2000, 100, two[1]},
		{1919, 1079, two[0]},
		{1920, 0, two[1]},
		{5000, 5000, two[0]}, // on no monitor: the first
		{-10, 50, two[0]},
	} {
		if got := monitorAt(tt.x, tt.y, two); got != tt.want {
			t.Errorf("monitorAt(%d, %d) = %+v; want %+v", tt.x, tt.y, got, tt.want)
		}
	}
}
