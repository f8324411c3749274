package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
)

// TestExport: the exported file holds every event of the season, exactly as
// the API lists them from the log, in stream order, and the checkpoint the
// server signed on its way out, and nothing else.
func TestExport(t *testing.T) {
	ts := startServer(t, "")
	committee, units := ts.openDemoSeason()
	for i, unit := range []string{"cau-giay", "tay-ho", "cau-giay"} {
		body := fmt.Sprintf(`{"type":"activity.held","unit":%q,"date":"2024-05-0%d","data":{"kind":"citizen_dialogue","title":"Đối thoại %d"},"evidence":[{"kind":"document","title":"Biên bản","doc_no":"%d/BB"}]}`, unit, i+1, i, i)
		if st, b, _ := ts.post(units[unit], body); st != http.StatusCreated {
			t.Fatalf("post: %d %s", st, b)
		}
	}
	if st, b, _ := ts.post(committee, `{"type":"bonus.awarded","unit":"tay-ho","date":"2024-06-01","data":{"points":1,"reason":"Đăng cai"}}`); st != http.StatusCreated {
		t.Fatalf("post: %d %s", st, b)
	}
	var listed struct {
		Events []struct {
			Seq uint64
			ID  string
		}
	}
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/events?min_seq="+fmt.Sprint(ts.logLength()), committee, nil, &listed); st != http.StatusOK {
		t.Fatalf("list: %d %s", st, b)
	}
	ts.stop()

	out := filepath.Join(t.TempDir(), "season.jsonl")
	var stderr strings.Builder
	if err := run(context.Background(), []string{"thidua", "export", "--season", domain.DemoSeasonID, "--data", ts.data, "--out", out}, func(string) string { return "" }, nil, io.Discard, &stderr); err != nil {
		t.Fatalf("export: %v", err)
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("exported %d events and 1 signed checkpoints", len(listed.Events))) {
		t.Errorf("export summary: %q", stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	i, checkpoints := 0, 0
	err = logfile.Read(f, func(l logfile.Line) error {
		if l.Subject == events.CheckpointSubject(domain.DemoSeasonID) {
			checkpoints++
			return nil
		}
		ev, _, err := events.Decode(l.Data)
		if err != nil {
			return fmt.Errorf("seq %d: %w", l.Seq, err)
		}
		if i >= len(listed.Events) || l.Seq != listed.Events[i].Seq || ev.ID != listed.Events[i].ID {
			return fmt.Errorf("line %d: seq %d id %s, the API lists %+v", i+1, l.Seq, ev.ID, listed.Events[min(i, len(listed.Events)-1)])
		}
		if ev.Season != domain.DemoSeasonID || !strings.HasPrefix(l.Subject, "thidua.ev."+domain.DemoSeasonID+".") || l.Headers["Nats-Msg-Id"] == nil {
			return fmt.Errorf("seq %d: season %s subject %s headers %v", l.Seq, ev.Season, l.Subject, l.Headers)
		}
		i++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if i != len(listed.Events) || i != 5 {
		t.Fatalf("%d lines, the API lists %d events, want 5 (opening, three facts, a bonus)", i, len(listed.Events))
	}
	// The server signed what was unsigned on its way out.
	if checkpoints != 1 {
		t.Errorf("%d checkpoints in the export, want 1", checkpoints)
	}

	for _, c := range []struct {
		name string
		args []string
	}{
		{"no season", []string{"--data", ts.data}},
		{"no source", []string{"--season", domain.DemoSeasonID}},
		{"two sources", []string{"--season", domain.DemoSeasonID, "--data", ts.data, "--nats-url", "nats://127.0.0.1:1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := run(context.Background(), append([]string{"thidua", "export"}, c.args...), func(string) string { return "" }, nil, io.Discard, io.Discard)
			if exitCode(err) != 2 {
				t.Fatalf("got %v, want a usage error", err)
			}
		})
	}
	t.Run("unknown season", func(t *testing.T) {
		err := run(context.Background(), []string{"thidua", "export", "--season", "no-such", "--data", ts.data, "--out", filepath.Join(t.TempDir(), "x.jsonl")}, func(string) string { return "" }, nil, io.Discard, io.Discard)
		if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "no events of season no-such") {
			t.Fatalf("got %v", err)
		}
	})
}
