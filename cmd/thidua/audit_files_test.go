package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/domain"
)

// TestAuditWithFiles: a season whose facts name uploaded files is
// exported with --files and audited with them. The untouched export
// verifies; an altered file, a missing one and a file swapped for
// another's bytes each fail and name the event that named the file.
func TestAuditWithFiles(t *testing.T) {
	ts := startServer(t, "", "--checkpoint-every", "1h")
	committee, units := ts.openDemoSeason()
	season := domain.DemoSeasonID
	scans := map[string][]byte{ // fact id → the file it names
		"cg-minutes": samplePDF("biên bản Cầu Giấy"),
		"th-minutes": samplePDF("biên bản Tây Hồ"),
		"hd-photo":   samplePDF("ảnh Hà Đông"),
	}
	owner := map[string]string{"cg-minutes": "cau-giay", "th-minutes": "tay-ho", "hd-photo": "ha-dong"}
	seqOf := map[string]uint64{}
	for _, id := range []string{"cg-minutes", "th-minutes", "hd-photo"} {
		unit := owner[id]
		st, f, b := ts.upload(season, units[unit], id+".pdf", scans[id])
		if st != http.StatusCreated {
			t.Fatalf("upload %s: %d %s", id, st, b)
		}
		body := fmt.Sprintf(`{"id":%q,"type":"activity.held","unit":%q,"date":"2024-05-07","data":{"kind":"propaganda","title":"Tuyên truyền"},"evidence":[{"kind":"document","title":"Báo cáo"},{"kind":"file","title":"Biên bản","file":%q}]}`, id, unit, f.SHA256)
		st, b, r := ts.post(units[unit], body)
		if st != http.StatusCreated {
			t.Fatalf("post %s: %d %s", id, st, b)
		}
		seqOf[id] = r.Seq
	}
	// Closed, so a signed checkpoint covers every event.
	if st, b, _ := ts.post(committee, `{"id":"close","type":"season.closed","date":"2024-12-20"}`); st != http.StatusCreated {
		t.Fatalf("close: %d %s", st, b)
	}
	ts.waitClosingCheckpoint(season)
	ts.stop()

	dir := t.TempDir()
	log := filepath.Join(dir, "season.jsonl")
	files := filepath.Join(dir, "files")
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"thidua", "export", "--season", season, "--data", ts.data, "--out", log, "--files", files}, noEnv, nil, io.Discard, &stderr); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	for id, b := range scans {
		got, err := os.ReadFile(filepath.Join(files, hashOf(b)))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("export of %s's file: %v, %d bytes", id, err, len(got))
		}
	}
	var pub bytes.Buffer
	if err := run(context.Background(), []string{"thidua", "key", "--data", ts.data}, noEnv, nil, &pub, io.Discard); err != nil {
		t.Fatalf("key: %v", err)
	}
	key := filepath.Join(dir, "committee.pub")
	if err := os.WriteFile(key, pub.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("without --files the report says the files were not checked", func(t *testing.T) {
		html := filepath.Join(t.TempDir(), "report.html")
		rep, err := runAudit(t, log, key, "--html", html)
		if err != nil || !rep.OK {
			t.Fatalf("audit: %v %+v", err, rep.Problems)
		}
		if rep.Files != (audit.FilesCheck{Checked: false, Named: 3}) {
			t.Errorf("files = %+v, want 3 named and not checked", rep.Files)
		}
		b, err := os.ReadFile(html)
		if err != nil || !strings.Contains(string(b), "files were not checked") || !strings.Contains(string(b), "không kiểm tra tệp") {
			t.Errorf("the HTML report does not say the files were not checked (%v)", err)
		}
	})
	t.Run("with the exported files the audit verifies", func(t *testing.T) {
		rep, err := runAudit(t, log, key, "--files", files)
		if err != nil || !rep.OK {
			t.Fatalf("audit: %v %+v", err, rep.Problems)
		}
		if rep.Files != (audit.FilesCheck{Checked: true, Named: 3, Present: 3}) {
			t.Errorf("files = %+v, want 3 named, 3 verified", rep.Files)
		}
	})

	tamper := []struct {
		name   string
		target string // the fact whose file is tampered with
		change func(t *testing.T, dir string)
	}{
		{"an altered file", "cg-minutes", func(t *testing.T, dir string) {
			p := filepath.Join(dir, hashOf(scans["cg-minutes"]))
			b, _ := os.ReadFile(p)
			b[len(b)-2] ^= 1
			write(t, p, b)
		}},
		{"a missing file", "th-minutes", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, hashOf(scans["th-minutes"]))); err != nil {
				t.Fatal(err)
			}
		}},
		{"a file swapped for another's bytes", "hd-photo", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, hashOf(scans["hd-photo"])), scans["cg-minutes"])
		}},
	}
	for _, c := range tamper {
		t.Run(c.name, func(t *testing.T) {
			copyDir := t.TempDir()
			for _, b := range scans {
				write(t, filepath.Join(copyDir, hashOf(b)), b)
			}
			c.change(t, copyDir)
			rep, err := runAudit(t, log, key, "--files", copyDir)
			if err == nil || rep.OK {
				t.Fatalf("the audit passed")
			}
			if len(rep.Problems) != 1 {
				t.Fatalf("problems %+v, want one", rep.Problems)
			}
			p := rep.Problems[0]
			if p.Check != audit.CheckFile || p.EventID != c.target || p.Seq != seqOf[c.target] || !strings.Contains(p.What, hashOf(scans[c.target])) {
				t.Errorf("problem %+v, want a file problem naming event %s at seq %d and its file", p, c.target, seqOf[c.target])
			}
			if rep.Files.Present != 2 {
				t.Errorf("files = %+v, want 2 of 3 verified", rep.Files)
			}
		})
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
