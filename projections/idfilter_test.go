package projections

import (
	"strconv"
	"testing"
)

// TestIDFilter: every id added is found, across the filter's growth, and
// unknown ids are mostly (not always) told apart.
func TestIDFilter(t *testing.T) {
	f := newIDFilter()
	const n = 200_000
	for i := range n {
		f.add("ev-" + strconv.Itoa(i))
	}
	if len(f.parts) < 3 {
		t.Fatalf("%d parts after %d ids: the filter did not grow", len(f.parts), n)
	}
	for i := range n {
		if id := "ev-" + strconv.Itoa(i); !f.mayContain(id) {
			t.Fatalf("%s was added and is not found", id)
		}
	}
	maybe := 0
	for i := range n {
		if f.mayContain("other-" + strconv.Itoa(i)) {
			maybe++
		}
	}
	// About 1 % per part at capacity, a few parts: far below 10 %.
	if rate := float64(maybe) / n; rate > 0.10 {
		t.Fatalf("%.1f %% of unknown ids pass the filter", 100*rate)
	}
}
