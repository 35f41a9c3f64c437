package match

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGridCoversDisc checks that the cells of around() hold every point within the radius,
// that the disc test agrees with the haversine, and that the flat bounds are lower bounds.
func TestGridCoversDisc(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	grids := []gridSpec{missionGrid}
	for _, tier := range volunteerTiers {
		grids = append(grids, tier.grid)
	}
	for range 20000 {
		lat, lon := r.Float64()*170-85, r.Float64()*360-180
		if r.IntN(2) == 0 { // France, mostly
			lat, lon = 41+r.Float64()*10, -5+r.Float64()*15
		}
		radius := []float64{0.5, 5, 10, 20, 50, 100, 200, 255}[r.IntN(8)]
		// A point around the edge of the disc, inside or outside.
		p := offset(Point{Lat: lat, Lon: lon}, radius*1.2*math.Sqrt(r.Float64()), r.Float64()*360)
		if p.Lon > 180 {
			p.Lon -= 360
		} else if p.Lon < -180 {
			p.Lon += 360
		}
		d := distanceKm(lat, lon, p.Lat, p.Lon)
		for _, g := range grids {
			if d <= radius && !g.around(lat, lon, radius).contains(g.key(p.Lat, p.Lon)) {
				t.Fatalf("grid %v: point at %.3f km of (%.4f, %.4f) outside the cells for %v km", g, d, lat, lon, radius)
			}
			cells := g.around(lat, lon, radius)
			b := newFlatBound(lat, lon, max(cells.maxAbsLat(g), math.Abs(lat)))
			if cells.contains(g.key(p.Lat, p.Lon)) {
				if lb := b.minKm(p.Lat, p.Lon); lb > d {
					t.Fatalf("flat bound %.6f above the distance %.6f", lb, d)
				}
				if lb := b.toBoxKm(g.box(g.key(p.Lat, p.Lon))); lb > d {
					t.Fatalf("cell bound %.6f above the distance %.6f", lb, d)
				}
			}
		}
		area := newDisc(lat, lon, radius)
		x, y, z := unitVector(p.Lat, p.Lon)
		c2 := area.chord2(x, y, z)
		if area.contains(c2, p.Lat, p.Lon) != (d <= radius) {
			t.Fatalf("disc and haversine disagree at %.9f km for %v km", d, radius)
		}
		if chordKm(c2) > d {
			t.Fatalf("chord %.9f km longer than the arc %.9f km", chordKm(c2), d)
		}
	}
}
