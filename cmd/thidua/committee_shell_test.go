package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/thidua/thidua/domain"
)

// TestCommitteeWorkspaceTabs opens the page with the committee's token: the
// committee gets its own tabs beside the ranking, each tab shows its panel
// and keeps ?tab= in the address, and the ranking tab hides them all.
func TestCommitteeWorkspaceTabs(t *testing.T) {
	ctx := browser(t, 60*time.Second)
	ts := startServer(t, "")
	committee, _ := ts.openDemoSeason()
	must(t, ctx, "open the page",
		chromedp.Navigate(ts.url+"/?season="+domain.DemoSeasonID+"#token="+committee),
		chromedp.WaitVisible(`#tab-btn-queue`, chromedp.ByQuery),
	)
	for _, tab := range []string{"queue", "decisions", "meeting", "nextseason", "people"} {
		var href string
		var hiddenWorkspace bool
		must(t, ctx, "open tab "+tab,
			chromedp.Click(`#tab-btn-`+tab, chromedp.ByQuery),
			chromedp.WaitVisible(`#tab-`+tab, chromedp.ByQuery),
			chromedp.Location(&href),
			chromedp.Evaluate(`document.querySelector('#workspace').hidden`, &hiddenWorkspace),
		)
		if hiddenWorkspace {
			t.Errorf("tab %s: the workspace stays hidden", tab)
		}
		if want := "tab=" + tab; !strings.Contains(href, want) {
			t.Errorf("tab %s: address %s lacks %s", tab, href, want)
		}
	}
	var hidden bool
	must(t, ctx, "back to the ranking",
		chromedp.Click(`#tab-btn-ranking`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('#workspace').hidden`, &hidden),
	)
	if !hidden {
		t.Error("the ranking tab leaves the committee's panels shown")
	}
}
