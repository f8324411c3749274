package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/thidua/thidua/domain"
)

// go test ./cmd/thidua -run TestOldLogs -oldlogs.write=NAME plays runSeason
// with the code of the day and keeps its export under testdata/oldlogs/NAME.
// Write a new one when the log's format or the server's behaviour changes;
// never rewrite an old one: they are the logs earlier versions left behind.
var writeOldLog = flag.String("oldlogs.write", "", "export a season played now into testdata/oldlogs/`NAME`")

// oldLog is what an exported season from an earlier version keeps: the log,
// the committee's public key and the final ranking the API served then.
type oldLog struct {
	dir   string
	final json.RawMessage
}

func TestOldLogs(t *testing.T) {
	if *writeOldLog != "" {
		as := runSeason(t)
		dir := filepath.Join("testdata", "oldlogs", *writeOldLog)
		if _, err := os.Stat(dir); err == nil {
			t.Fatalf("%s exists: an old log is never rewritten", dir)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(t, as.log, filepath.Join(dir, "season.jsonl"))
		copyFile(t, as.key, filepath.Join(dir, "committee.pub"))
		if err := os.WriteFile(filepath.Join(dir, "final.json"), append([]byte(as.final.units), '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs, err := filepath.Glob(filepath.Join("testdata", "oldlogs", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no old logs under testdata/oldlogs: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			final, err := os.ReadFile(filepath.Join(dir, "final.json"))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := runAudit(t, filepath.Join(dir, "season.jsonl"), filepath.Join(dir, "committee.pub"))
			if err != nil || !rep.OK || len(rep.Problems) != 0 {
				t.Fatalf("audit: %v, problems %+v", err, rep.Problems)
			}
			last := rep.Rankings[len(rep.Rankings)-1]
			if last.View != domain.Final {
				t.Fatalf("last ranking is %s, want final", last.View)
			}
			if got, want := compact(t, last.Units), compact(t, final); got != want {
				t.Errorf("final ranking replayed now\n%s\nserved when the log was written\n%s", got, want)
			}
			cp := rep.Checkpoints[len(rep.Checkpoints)-1]
			if cp.RankingMatches == nil || !*cp.RankingMatches {
				t.Errorf("the closing checkpoint's signed ranking does not match the replay: %+v", cp)
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
