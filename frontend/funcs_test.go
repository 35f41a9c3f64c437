package frontend

import "testing"

func TestWaitingInDays(t *testing.T) {
	cases := map[float64]string{0.5: "en attente depuis moins d'une heure", 5: "en attente depuis 5 h",
		30: "en attente depuis 1 jour", 75: "en attente depuis 3 jours"}
	for h, want := range cases {
		if got := waiting("fr", h); got != want {
			t.Errorf("waiting(%v) = %q, want %q", h, got, want)
		}
	}
}
