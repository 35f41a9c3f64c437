package match

import (
	"math"
	"slices"
)

const (
	earthRadiusKm = 6371.0088 // mean Earth radius (IUGG)
	kmPerDegree   = earthRadiusKm * math.Pi / 180
)

// distanceKm is the great-circle (haversine) distance between two points in degrees.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	sinLat := math.Sin((lat2 - lat1) * rad / 2)
	sinLon := math.Sin((lon2 - lon1) * rad / 2)
	a := sinLat*sinLat + math.Cos(lat1*rad)*math.Cos(lat2*rad)*sinLon*sinLon
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(min(a, 1)))
}

// unitVector returns the point of the unit sphere at (lat, lon).
func unitVector(lat, lon float64) (x, y, z float64) {
	const rad = math.Pi / 180
	cosLat := math.Cos(lat * rad)
	return cosLat * math.Cos(lon*rad), cosLat * math.Sin(lon*rad), math.Sin(lat * rad)
}

// disc is a circle on the Earth, tested by chord length: chord² <= (2 sin(r/2R))² is the
// same test as distance <= r, with no trigonometry per point. Points too close to the edge
// for floating point to tell are settled by distanceKm, so the answer is always the
// haversine's, to the bit.
type disc struct {
	lat, lon, radius float64
	x, y, z          float64
	inner, outer     float64 // squared chords: surely inside up to inner, surely outside past outer
}

func newDisc(lat, lon, radiusKm float64) disc {
	x, y, z := unitVector(lat, lon)
	c := 2 * math.Sin(min(radiusKm/earthRadiusKm, math.Pi)/2)
	band := c*c*1e-9 + 1e-13
	return disc{lat: lat, lon: lon, radius: radiusKm, x: x, y: y, z: z, inner: c*c - band, outer: c*c + band}
}

// chord2 returns the squared chord from the centre to a unit vector.
func (d *disc) chord2(x, y, z float64) float64 {
	dx, dy, dz := x-d.x, y-d.y, z-d.z
	return dx*dx + dy*dy + dz*dz
}

// contains reports whether the point at (lat, lon), at squared chord c2, is in the disc.
func (d *disc) contains(c2, lat, lon float64) bool {
	switch {
	case c2 <= d.inner:
		return true
	case c2 > d.outer:
		return false
	}
	return distanceKm(d.lat, d.lon, lat, lon) <= d.radius
}

// chordKm is a lower bound of the distance at squared chord c2: an arc is longer than its
// chord, and the slack covers the rounding of both computations.
func chordKm(c2 float64) float64 { return max(0, earthRadiusKm*math.Sqrt(c2)*(1-1e-9)-1e-9) }

// flatBound is a cheap lower bound of distances from a centre to points whose latitude,
// and that of the great circle between them, stays below maxLat: a path is at least as long
// as on a flat map whose parallels shrink by cos(maxLat).
type flatBound struct {
	lat, lon, cosMax float64
}

func newFlatBound(lat, lon, maxLat float64) flatBound {
	// Half a degree more covers how far a great circle of a few hundred km bulges poleward.
	return flatBound{lat: lat, lon: lon, cosMax: math.Cos(min(maxLat+0.5, 90) * math.Pi / 180)}
}

// toBoxKm returns a lower bound of the distance to any point of a latitude/longitude box
// whose latitudes stay below the bound's maxLat.
func (b *flatBound) toBoxKm(latLo, latHi, lonLo, lonHi float64) float64 {
	dLat := max(latLo-b.lat, b.lat-latHi, 0)
	dLon := 0.0
	if b.lon < lonLo || b.lon > lonHi {
		// The shorter way around to either edge.
		toLo, toHi := math.Mod(lonLo-b.lon+720, 360), math.Mod(b.lon-lonHi+720, 360)
		dLon = min(toLo, toHi)
	}
	dLon *= b.cosMax
	return max(0, kmPerDegree*math.Sqrt(dLat*dLat+dLon*dLon)*(1-1e-9)-1e-9)
}

// minKm returns a lower bound of the distance to the point, with slack for rounding.
func (b *flatBound) minKm(lat, lon float64) float64 {
	dLat := lat - b.lat
	dLon := math.Abs(lon - b.lon)
	if dLon > 180 {
		dLon = 360 - dLon
	}
	dLon *= b.cosMax
	return max(0, kmPerDegree*math.Sqrt(dLat*dLat+dLon*dLon)*(1-1e-9)-1e-9)
}

func validLatLon(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
}

// cellKey identifies a grid cell: row (latitude) in the high half, column in the low half.
type cellKey int64

// gridSpec cuts the globe into nLat rows and nLon columns of equal angles; columns wrap
// around the antimeridian (French Polynesia, Wallis and Futuna sit near it).
type gridSpec struct {
	nLat, nLon int
}

func (g gridSpec) row(lat float64) int {
	return min(max(int(math.Floor((lat+90)*float64(g.nLat)/180)), 0), g.nLat-1)
}

func (g gridSpec) col(lon float64) int {
	c := int(math.Floor((lon + 180) * float64(g.nLon) / 360))
	return ((c % g.nLon) + g.nLon) % g.nLon
}

func (g gridSpec) key(lat, lon float64) cellKey {
	return cellKey(int64(g.row(lat))<<32 | int64(g.col(lon)))
}

// cellRange is the block of cells that covers every point within a radius of a centre.
type cellRange struct {
	rowLo, rowHi int
	colLo, cols  int // first column and how many, wrapping; cols == nLon means all
	nLon         int
}

// around returns the cells covering the disc of radiusKm around (lat, lon). No point of the
// disc is further than radiusKm/kmPerDegree degrees of latitude away, nor further in
// longitude than that span divided by the cosine of the highest latitude it reaches (which
// is more than the exact asin(sin(δ)/cos(φ)) for the radii used here); a little slack
// absorbs rounding.
func (g gridSpec) around(lat, lon, radiusKm float64) cellRange {
	dLat := radiusKm/kmPerDegree*(1+1e-6) + 1e-9
	r := cellRange{rowLo: g.row(lat - dLat), rowHi: g.row(lat + dLat), nLon: g.nLon}
	maxLat := math.Abs(lat) + dLat
	if maxLat >= 89 {
		r.cols = g.nLon
		return r
	}
	dLon := dLat / math.Cos(maxLat*math.Pi/180)
	lo, hi := g.col(lon-dLon), g.col(lon+dLon)
	if hi < lo {
		hi += g.nLon // wrapped across the antimeridian
	}
	r.colLo, r.cols = lo, min(hi-lo+1, g.nLon)
	if dLon*2 >= 360 {
		r.cols = g.nLon
	}
	return r
}

// maxAbsLat returns the highest absolute latitude of the rows of r.
func (r cellRange) maxAbsLat(g gridSpec) float64 {
	lo := float64(r.rowLo)*180/float64(g.nLat) - 90
	hi := float64(r.rowHi+1)*180/float64(g.nLat) - 90
	return max(math.Abs(lo), math.Abs(hi))
}

func (r cellRange) count() int { return (r.rowHi - r.rowLo + 1) * r.cols }

func (r cellRange) contains(k cellKey) bool {
	row, col := int(int64(k)>>32), int(int64(k)&0xffffffff)
	if row < r.rowLo || row > r.rowHi {
		return false
	}
	return ((col-r.colLo)%r.nLon+r.nLon)%r.nLon < r.cols
}

// forEachCell calls fn with every non-empty cell of grid in r. When r spans more cells
// than the grid holds, it walks the grid instead of probing each cell.
func forEachCell(grid map[cellKey][]int32, r cellRange, fn func(k cellKey, slots []int32)) {
	if r.count() > len(grid) {
		for k, slots := range grid {
			if r.contains(k) {
				fn(k, slots)
			}
		}
		return
	}
	for row := r.rowLo; row <= r.rowHi; row++ {
		for i := range r.cols {
			k := cellKey(int64(row)<<32 | int64((r.colLo+i)%r.nLon))
			if slots, ok := grid[k]; ok {
				fn(k, slots)
			}
		}
	}
}

// box returns the latitudes and longitudes that bound cell k.
func (g gridSpec) box(k cellKey) (latLo, latHi, lonLo, lonHi float64) {
	row, col := float64(int64(k)>>32), float64(int64(k)&0xffffffff)
	dLat, dLon := 180/float64(g.nLat), 360/float64(g.nLon)
	return row*dLat - 90, (row+1)*dLat - 90, col*dLon - 180, (col+1)*dLon - 180
}

// insertSlot adds slot to a sorted grid cell or list; keeping slots sorted keeps the reads
// of a scan in memory order.
func insertSlot(list []int32, slot int32) []int32 {
	i, _ := slices.BinarySearch(list, slot)
	return slices.Insert(list, i, slot)
}

// removeSlot deletes slot from a sorted grid cell or list.
func removeSlot(list []int32, slot int32) []int32 {
	if i, found := slices.BinarySearch(list, slot); found {
		return slices.Delete(list, i, i+1)
	}
	return list
}
