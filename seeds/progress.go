package seeds

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar draws one line on a terminal (stderr): a bar, the step, the
// share done and an estimate of the time left, redrawn at most every
// 200 ms so that drawing never slows the load.
type progressBar struct {
	w       io.Writer
	total   int
	done    int
	step    string
	started time.Time
	drawn   time.Time
	now     func() time.Time
}

func newProgressBar(w io.Writer, total int) *progressBar {
	return &progressBar{w: w, total: max(total, 1), started: time.Now(), now: time.Now}
}

// add records n more units done in step and redraws when due.
func (p *progressBar) add(step string, n int) {
	if p == nil || p.w == nil {
		return
	}
	p.done += n
	p.step = step
	if now := p.now(); now.Sub(p.drawn) >= 200*time.Millisecond {
		p.drawn = now
		p.draw(now)
	}
}

func (p *progressBar) draw(now time.Time) {
	share := float64(min(p.done, p.total)) / float64(p.total)
	const width = 30
	filled := int(share * width)
	left := "?"
	if elapsed := now.Sub(p.started); share > 0.01 {
		left = (time.Duration(float64(elapsed)/share) - elapsed).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %-14s time left %-8s", strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		share*100, p.step, left)
}

// finish ends the bar's line.
func (p *progressBar) finish() {
	if p == nil || p.w == nil {
		return
	}
	p.done = p.total
	p.draw(p.now())
	fmt.Fprintln(p.w)
}

// note ends the bar's line and says what the load does next, for the
// steps whose progress is not counted (they take seconds to a minute).
func (p *progressBar) note(msg string) {
	if p == nil || p.w == nil {
		return
	}
	p.draw(p.now())
	fmt.Fprintf(p.w, "\n%s\n", msg)
}
