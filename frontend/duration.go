package frontend

import "fmt"

// Minutes writes a length of time in hours and minutes, the French way
// ("3 h 30", "45 min") or the English way ("3 h 30 min", "45 min").
func Minutes(lang string, total int) string {
	h, m := total/60, total%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	case lang == "en":
		return fmt.Sprintf("%d h %02d min", h, m)
	}
	return fmt.Sprintf("%d h %02d", h, m)
}
