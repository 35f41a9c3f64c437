package frontend

import "strconv"

// BarChart is a bar chart drawn on the server as SVG by the "bar-chart"
// partial: no script, no library, and a table of the same figures for
// those who cannot see it.
type BarChart struct {
	ID, Title, Caption   string
	LabelHeader, Unit    string
	Width, Height        int
	Horizontal           bool
	Bars                 []Bar
	AxisX1, AxisY1       int // the axis line's end
	AxisX0, AxisY0       int // the axis line's start
	ValueHeader, Summary string
}

// Bar is one bar with its geometry in the chart's viewBox.
type Bar struct {
	Label, Value   string
	X, Y, W, H     int
	LabelX, LabelY int
	ValueX, ValueY int
	LabelAnchor    string
	Raw            float64
}

// Chart geometry, in viewBox units.
const (
	chartWidth   = 640
	rowHeight    = 28
	labelWidth   = 220
	columnHeight = 200
	margin       = 24
)

// NewBarChart lays bars out, vertical (one column per label, for time
// series) or horizontal (one row per label, for long names). format
// writes a value.
func NewBarChart(id, title string, horizontal bool, labels []string, values []float64, format func(float64) string) BarChart {
	c := BarChart{ID: id, Title: title, Width: chartWidth, Horizontal: horizontal}
	top := 0.0
	for _, v := range values {
		top = max(top, v)
	}
	if top == 0 {
		top = 1
	}
	n := len(values)
	if horizontal {
		c.Height = n*rowHeight + margin
		span := float64(chartWidth - labelWidth - 60)
		c.AxisX0, c.AxisY0, c.AxisX1, c.AxisY1 = labelWidth, 0, labelWidth, n*rowHeight
		for i, v := range values {
			w := int(v / top * span)
			y := i * rowHeight
			c.Bars = append(c.Bars, Bar{Label: labels[i], Value: format(v), Raw: v,
				X: labelWidth, Y: y + 4, W: w, H: rowHeight - 8,
				LabelX: labelWidth - 8, LabelY: y + rowHeight/2 + 4, LabelAnchor: "end",
				ValueX: labelWidth + w + 6, ValueY: y + rowHeight/2 + 4})
		}
		return c
	}
	c.Height = columnHeight + 3*margin
	step := (chartWidth - 2*margin) / max(n, 1)
	base := columnHeight + margin
	c.AxisX0, c.AxisY0, c.AxisX1, c.AxisY1 = margin, base, chartWidth-margin, base
	for i, v := range values {
		h := int(v / top * columnHeight)
		x := margin + i*step
		c.Bars = append(c.Bars, Bar{Label: labels[i], Value: format(v), Raw: v,
			X: x + 4, Y: base - h, W: step - 8, H: h,
			LabelX: x + step/2, LabelY: base + 16, LabelAnchor: "middle",
			ValueX: x + step/2, ValueY: base - h - 4})
	}
	return c
}

// Count writes a whole number.
func Count(v float64) string { return strconv.Itoa(int(v + 0.5)) }
