package xwindow

import "testing"

func TestClamp(t *testing.T) {
	one := []Rect{{W: 1920, H: 1080}}
	two := []Rect{{W: 1920, H: 1080}, {X: 1920, W: 1280, H: 1024}}
	tests := map[string]struct {
		win      Rect
		monitors []Rect
		x, y     int
	}{
		"on screen stays":                  {Rect{100, 50, 800, 600}, one, 100, 50},
		"partly off the right stays":       {Rect{1500, 50, 800, 600}, one, 1500, 50},
		"on the second monitor stays":      {Rect{2000, 100, 800, 600}, two, 2000, 100},
		"second monitor unplugged":         {Rect{2000, 100, 800, 600}, one, 1120, 100},
		"far left":                         {Rect{-3000, 200, 800, 600}, one, 0, 200},
		"above the top":                    {Rect{300, -40, 800, 600}, one, 300, 0},
		"below the bottom":                 {Rect{300, 5000, 800, 600}, one, 300, 480},
		"larger than the screen":           {Rect{-500, -500, 2500, 1500}, one, 0, 0},
		"in the gap below a short monitor": {Rect{2000, 1050, 800, 600}, two, 2000, 424},
		"no monitors known":                {Rect{-3000, 200, 800, 600}, nil, -3000, 200},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			x, y := Clamp(tt.win, tt.monitors)
			if x != tt.x || y != tt.y {
				t.Errorf("Clamp(%+v) = %d, %d; want %d, %d", tt.win, x, y, tt.x, tt.y)
			}
		})
	}
}

func TestMonitorAt(t *testing.T) {
	two := []Rect{{W: 1920, H: 1080}, {X: 1920, W: 1366, H: 768}}
	for _, tt := range []struct {
		x, y int
		want Rect
	}{
		{100, 100, two[0]},
		{2000, 100, two[1]},
		{1919, 1079, two[0]},
		{1920, 0, two[1]},
		{5000, 5000, two[0]}, // on no monitor: the first
		{-10, 50, two[0]},
	} {
		if got := MonitorAt(tt.x, tt.y, two); got != tt.want {
			t.Errorf("MonitorAt(%d, %d) = %+v; want %+v", tt.x, tt.y, got, tt.want)
		}
	}
}
