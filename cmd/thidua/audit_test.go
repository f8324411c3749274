package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/seal"
)

// liveCapture is a ranking read from the running server, at the seq it
// reports.
type liveCapture struct {
	view  string
	seq   uint64
	units json.RawMessage
}

// auditedSeason is a closed season run through a real server, exported,
// with what was seen live on the way.
type auditedSeason struct {
	log      string // the exported log
	key      string // the public key file
	lines    []logfile.Line
	captures []liveCapture
	final    liveCapture
	closing  checkpointReply
	ids      map[string]uint64 // event id → seq
	data     string            // the stopped server's data directory
}

// runSeason plays a season with every kind of correction through the API,
// capturing rankings live at three points, closes it, stops the server and
// exports the log.
func runSeason(t *testing.T) auditedSeason {
	t.Helper()
	ts := startServer(t, "", "--checkpoint-every", "50ms")
	// Pauses between the phases let the notary sign periodic checkpoints,
	// so that the audit checks several roots, not only the closing one.
	pause := func() { time.Sleep(150 * time.Millisecond) }
	committee, units := ts.openDemoSeason()
	as := auditedSeason{ids: map[string]uint64{}}
	post := func(token, body string) {
		t.Helper()
		st, b, r := ts.post(token, body)
		if st != http.StatusCreated {
			t.Fatalf("post %s: %d %s", body, st, b)
		}
		as.ids[r.ID] = r.Seq
	}
	capture := func(view string) liveCapture {
		t.Helper()
		var r struct {
			Seq   uint64          `json:"seq"`
			Units json.RawMessage `json:"units"`
		}
		if st, b := ts.do(http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/rankings?view=%s&min_seq=%d", domain.DemoSeasonID, view, ts.logLength()), committee, nil, &r); st != http.StatusOK {
			t.Fatalf("rankings: %d %s", st, b)
		}
		return liveCapture{view: view, seq: r.Seq, units: r.Units}
	}
	doc := `"evidence":[{"kind":"document","title":"Báo cáo","doc_no":"12/BC"}]`
	post(units["cau-giay"], `{"id":"cg-dbp70","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},`+doc+`}`)
	post(units["tay-ho"], `{"id":"th-gptd70","type":"activity.held","unit":"tay-ho","date":"2024-10-10","data":{"kind":"commemoration","occasion":"gptd70","title":"Kỷ niệm 70 năm Giải phóng Thủ đô"},`+doc+`}`)
	post(units["cau-giay"], `{"id":"cg-model","type":"model.recognized","unit":"cau-giay","date":"2024-09-12","data":{"model":"khu-pho-xanh","name":"Khu phố xanh","level":"city","decision_no":"123/QĐ-MTTQ"},`+doc+`}`)
	post(units["ha-dong"], `{"id":"hd-congress","type":"congress.completed","unit":"ha-dong","date":"2024-06-20","data":{"level":"district","delegates":250},`+doc+`}`)
	post(units["tay-ho"], `{"id":"th-dup","type":"model.recognized","unit":"tay-ho","date":"2024-09-13","data":{"model":"khu-pho-xanh-2","name":"Khu phố xanh (nộp trùng)","level":"city","decision_no":"124/QĐ-MTTQ"},`+doc+`}`)
	as.captures = append(as.captures, capture("claimed"))
	pause()

	for _, id := range []string{"cg-dbp70", "th-gptd70", "cg-model"} {
		post(committee, fmt.Sprintf(`{"id":"verify-%s","type":"fact.verified","unit":%q,"data":{"target":%q}}`, id, map[string]string{"cg": "cau-giay", "th": "tay-ho"}[id[:2]], id))
	}
	post(committee, `{"id":"reject-hd","type":"fact.rejected","unit":"ha-dong","data":{"target":"hd-congress","reason":"Biên bản thiếu chữ ký"}}`)
	post(units["tay-ho"], `{"id":"retract-th-dup","type":"fact.retracted","unit":"tay-ho","data":{"target":"th-dup","reason":"nộp trùng"}}`)
	as.captures = append(as.captures, capture("verified"))
	pause()

	post(committee, `{"id":"th-bonus","type":"bonus.awarded","unit":"tay-ho","date":"2024-11-01","data":{"points":1.5,"reason":"Đăng cai hội thi của Cụm"}}`)
	post(committee, `{"id":"cg-ded","type":"deduction.applied","unit":"cau-giay","date":"2024-11-02","data":{"points":0.5,"reason":"Báo cáo muộn"}}`)
	post(committee, `{"id":"retract-cg-ded","type":"committee.retracted","unit":"cau-giay","data":{"target":"cg-ded","reason":"Đã nộp đúng hạn qua bưu điện"}}`)
	post(units["cau-giay"], `{"id":"cg-dialogue","type":"activity.held","unit":"cau-giay","date":"2024-11-20","data":{"kind":"citizen_dialogue","title":"Đối thoại với nhân dân"},`+doc+`}`)
	as.captures = append(as.captures, capture("verified"), capture("claimed"))

	post(committee, `{"id":"close","type":"season.closed","date":"2024-12-20"}`)
	as.closing = ts.waitClosingCheckpoint(domain.DemoSeasonID)
	as.final = capture("final")
	ts.stop()
	as.data = ts.data

	dir := t.TempDir()
	as.log = filepath.Join(dir, "season.jsonl")
	if err := run(context.Background(), []string{"thidua", "export", "--season", domain.DemoSeasonID, "--data", ts.data, "--out", as.log}, noEnv, nil, io.Discard, io.Discard); err != nil {
		t.Fatalf("export: %v", err)
	}
	var pub bytes.Buffer
	if err := run(context.Background(), []string{"thidua", "key", "--data", ts.data}, noEnv, nil, &pub, io.Discard); err != nil {
		t.Fatalf("key: %v", err)
	}
	as.key = filepath.Join(dir, "committee.pub")
	if err := os.WriteFile(as.key, pub.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	as.lines = readLines(t, as.log)
	return as
}

func noEnv(string) string { return "" }

func readLines(t *testing.T, path string) []logfile.Line {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []logfile.Line
	if err := logfile.Read(f, func(l logfile.Line) error { lines = append(lines, l); return nil }); err != nil {
		t.Fatal(err)
	}
	return lines
}

// writeLines writes lines as a log file, in the order given, without the
// writer's order check: a tampered file need not be in order.
func writeLines(t *testing.T, lines []logfile.Line) string {
	t.Helper()
	var b bytes.Buffer
	for _, l := range lines {
		j, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(j, '\n'))
	}
	path := filepath.Join(t.TempDir(), "tampered.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runAudit runs thidua audit on a log file and returns its JSON report and
// the command's error.
func runAudit(t *testing.T, log, key string, extra ...string) (*audit.Report, error) {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	args := append([]string{"thidua", "audit", "--season", domain.DemoSeasonID, "--log", log, "--key", key, "--json", report}, extra...)
	var out bytes.Buffer
	err := run(context.Background(), args, noEnv, nil, &out, io.Discard)
	if err != nil && exitCode(err) != 1 {
		t.Fatalf("audit: %v\n%s", err, out.String())
	}
	b, rerr := os.ReadFile(report)
	if rerr != nil {
		t.Fatalf("no JSON report: %v\n%s", rerr, out.String())
	}
	var rep audit.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, b)
	}
	return &rep, err
}

func compact(t *testing.T, b []byte) string {
	t.Helper()
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		t.Fatal(err)
	}
	return c.String()
}

func lineOf(t *testing.T, lines []logfile.Line, seq uint64) int {
	t.Helper()
	for i, l := range lines {
		if l.Seq == seq {
			return i
		}
	}
	t.Fatalf("no line with seq %d", seq)
	return -1
}

func TestAuditOfAnExportedLog(t *testing.T) {
	as := runSeason(t)

	t.Run("the untouched log verifies and reproduces the signed final ranking", func(t *testing.T) {
		html := filepath.Join(t.TempDir(), "report.html")
		rep, err := runAudit(t, as.log, as.key, "--html", html)
		if err != nil || !rep.OK || len(rep.Problems) != 0 {
			t.Fatalf("audit: %v, problems %+v", err, rep.Problems)
		}
		if rep.Log.Events != len(as.ids)+1 || rep.Log.ChainLinks != rep.Log.Events-rep.Log.Subjects {
			t.Errorf("log stats %+v for %d posted events (and the opening)", rep.Log, len(as.ids))
		}
		closing, err := seal.ParseSigned([]byte(as.closing.Note))
		if err != nil {
			t.Fatal(err)
		}
		final := rep.Rankings[len(rep.Rankings)-1]
		if final.View != domain.Final || final.SHA256 != closing.FinalRanking || final.SHA256 != seal.RankingHash(as.final.units) {
			t.Errorf("final ranking %s %s, the closing checkpoint signs %s, the API served %s", final.View, final.SHA256, closing.FinalRanking, seal.RankingHash(as.final.units))
		}
		if compact(t, final.Units) != string(as.final.units) {
			t.Errorf("final ranking\n%s\nthe API served\n%s", final.Units, as.final.units)
		}
		if len(rep.Checkpoints) < 3 {
			t.Errorf("%d checkpoints, want periodic ones and the closing one: %+v", len(rep.Checkpoints), rep.Checkpoints)
		}
		for _, c := range rep.Checkpoints {
			if !c.RootMatches {
				t.Errorf("checkpoint %+v", c)
			}
		}
		last := rep.Checkpoints[len(rep.Checkpoints)-1]
		if !last.RootMatches || last.RankingMatches == nil || !*last.RankingMatches || last.Size != int64(rep.Log.Events) {
			t.Errorf("closing checkpoint %+v", last)
		}
		page, err := os.ReadFile(html)
		if err != nil || !bytes.Contains(page, []byte(`data-ok="true"`)) {
			t.Errorf("HTML report: %v", err)
		}
		// --json - writes the same report to stdout, between the heading
		// and the summary.
		var out bytes.Buffer
		if err := run(context.Background(), []string{"thidua", "audit", "--season", domain.DemoSeasonID, "--log", as.log, "--key", as.key, "--json", "-"}, noEnv, nil, &out, io.Discard); err != nil ||
			!strings.Contains(out.String(), "\n{\n  \"season\": \""+domain.DemoSeasonID+"\"") || !strings.Contains(out.String(), "\"ok\": true") {
			t.Errorf("audit --json -: %v\n%s", err, out.String())
		}
	})

	t.Run("as of three points, the rankings captured live at the same sequences", func(t *testing.T) {
		if len(as.captures) < 3 {
			t.Fatal("want three captures")
		}
		for _, c := range as.captures {
			rep, err := runAudit(t, as.log, as.key, "--as-of", fmt.Sprint(c.seq))
			if err != nil {
				t.Fatalf("audit as of %d: %v", c.seq, err)
			}
			if !hasRanking(t, rep, c, c.seq) {
				t.Errorf("as of seq %d, %s: the replay differs from the live capture\n%s", c.seq, c.view, c.units)
			}
		}
		// An instant: the time the log stored the last event at or before
		// the capture's seq.
		c := as.captures[1]
		var at time.Time
		var atSeq uint64
		for _, l := range as.lines {
			if l.Seq <= c.seq && !strings.HasSuffix(l.Subject, ".checkpoint") {
				at, atSeq = l.Time, l.Seq
			}
		}
		rep, err := runAudit(t, as.log, as.key, "--as-of", at.Format(time.RFC3339Nano))
		if err != nil || !hasRanking(t, rep, c, atSeq) {
			t.Errorf("as of %s (seq %d): %v, the replay differs from the live capture", at.Format(time.RFC3339Nano), c.seq, err)
		}
	})

	t.Run("tampered", func(t *testing.T) {
		opened := as.lines[0]
		cg, model := as.ids["cg-dbp70"], as.ids["cg-model"]
		th := as.ids["th-gptd70"]
		var swapped uint64 // where "two lines swapped" breaks the order
		other, err := seal.LoadOrCreateKey(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		// With th-gptd70's line moved up to cg-dbp70's place, the first line
		// out of order is the one after it: cg-dbp70's own, or a line that
		// sat between them (a checkpoint the notary signed meanwhile).
		swappedFirst := cg
		if i := lineOf(t, as.lines, cg); lineOf(t, as.lines, th) != i+1 {
			swappedFirst = as.lines[i+1].Seq
		}
		for _, c := range []struct {
			name   string
			tamper func(lines []logfile.Line) []logfile.Line
			seq    uint64
			id     string
			check  string
		}{
			{"one byte of an event flipped", func(lines []logfile.Line) []logfile.Line {
				l := &lines[lineOf(t, lines, cg)]
				i := bytes.Index(l.Data, []byte(`"title":"K`)) + len(`"title":"`)
				l.Data[i] ^= 0x20 // K → k: still valid JSON, another title
				return lines
			}, cg, "cg-dbp70", audit.CheckChain},
			{"one byte of the last event on its subject flipped", func(lines []logfile.Line) []logfile.Line {
				l := &lines[lineOf(t, lines, as.ids["hd-congress"])]
				i := bytes.Index(l.Data, []byte(`"delegates":250`)) + len(`"delegates":25`)
				l.Data[i] ^= 1 // 250 → 251 delegates: nothing later on the subject chains to it
				return lines
			}, as.ids["hd-congress"], "hd-congress", audit.CheckChain},
			{"one event dropped", func(lines []logfile.Line) []logfile.Line {
				i := lineOf(t, lines, model)
				return append(lines[:i:i], lines[i+1:]...)
			}, model, "", audit.CheckChain},
			{"the last event on its subject dropped", func(lines []logfile.Line) []logfile.Line {
				i := lineOf(t, lines, as.ids["hd-congress"])
				return append(lines[:i:i], lines[i+1:]...)
			}, as.ids["hd-congress"], "", audit.CheckChain},
			{"two lines swapped", func(lines []logfile.Line) []logfile.Line {
				i, j := lineOf(t, lines, cg), lineOf(t, lines, th)
				lines[i], lines[j] = lines[j], lines[i]
				// The first line out of order is the one after th's new
				// place: cg's, or a checkpoint the notary signed between
				// them.
				swapped = lines[i+1].Seq
				return lines
			}, swappedFirst, "", audit.CheckFormat},
			{"two events swapped under their sequence numbers", func(lines []logfile.Line) []logfile.Line {
				i, j := lineOf(t, lines, cg), lineOf(t, lines, th)
				lines[i].Data, lines[j].Data = lines[j].Data, lines[i].Data
				return lines
			}, cg, "th-gptd70", audit.CheckSubject},
			{"a forged event appended", func(lines []logfile.Line) []logfile.Line {
				last := lines[len(lines)-1]
				prev := lines[lineOf(t, lines, as.ids["cg-dialogue"])]
				forged := events.Event{Schema: 1, ID: "forged", Type: events.TypeActivityHeld, Season: domain.DemoSeasonID, Unit: "cau-giay", Date: "2024-12-01",
					Data:   json.RawMessage(`{"kind":"commemoration","occasion":"dbp70","title":"Không có thật"}`),
					Author: events.Author{Role: events.RoleUnit, Unit: "cau-giay"}, Recorded: "2024-12-21T00:00:00Z",
					PrevSeq: prev.Seq, Prev: seal.ChainHash(prev.Data)}
				data, err := events.Encode(forged)
				if err != nil {
					t.Fatal(err)
				}
				return append(lines, logfile.Line{Seq: last.Seq + 1, Subject: events.UnitSubject(domain.DemoSeasonID, "cau-giay"), Time: last.Time, Data: data})
			}, 0, "forged", ""},
			{"the rubric changed inside season.opened", func(lines []logfile.Line) []logfile.Line {
				var ev map[string]any
				if err := json.Unmarshal(lines[0].Data, &ev); err != nil {
					t.Fatal(err)
				}
				rubric := ev["data"].(map[string]any)["rubric"].(map[string]any)
				items := rubric["items"].([]any)
				items[0].(map[string]any)["max"] = 40
				b, err := json.Marshal(ev)
				if err != nil {
					t.Fatal(err)
				}
				lines[0].Data = b
				return lines
			}, opened.Seq, "season-opened", audit.CheckChain},
			{"a checkpoint signed with another key", func(lines []logfile.Line) []logfile.Line {
				i := len(lines) - 1
				cp, err := seal.ParseSigned(lines[i].Data)
				if err != nil {
					t.Fatal(err)
				}
				if lines[i].Data, err = other.Sign(cp); err != nil {
					t.Fatal(err)
				}
				return lines
			}, as.closing.Seq, "", audit.CheckSignature},
		} {
			t.Run(c.name, func(t *testing.T) {
				lines := c.tamper(clone(as.lines))
				rep, err := runAudit(t, writeLines(t, lines), as.key)
				if err == nil || rep.OK || len(rep.Problems) == 0 {
					t.Fatalf("the audit passed a tampered log: %v %+v", err, rep.Problems)
				}
				first := rep.Problems[0]
				want := c.seq
				if want == 0 {
					want = lines[len(lines)-1].Seq
				}
				if c.name == "two lines swapped" {
					want = swapped
				}
				if first.Seq != want || first.EventID != c.id || (c.check != "" && first.Check != c.check) {
					t.Errorf("first problem %+v, want seq %d, event %q, check %q; all: %+v", first, want, c.id, c.check, rep.Problems)
				}
				if !strings.Contains(err.Error(), fmt.Sprintf("seq %d", want)) {
					t.Errorf("the command's error does not name seq %d: %v", want, err)
				}
			})
		}
	})
}

// hasRanking: the report's ranking in the capture's view is the captured
// one, byte for byte, as of seq.
func hasRanking(t *testing.T, rep *audit.Report, c liveCapture, seq uint64) bool {
	t.Helper()
	for _, r := range rep.Rankings {
		if string(r.View) == c.view {
			return rep.Seq == seq && compact(t, r.Units) == string(c.units)
		}
	}
	return false
}

func clone(lines []logfile.Line) []logfile.Line {
	out := make([]logfile.Line, len(lines))
	for i, l := range lines {
		out[i] = l
		out[i].Data = bytes.Clone(l.Data)
	}
	return out
}

// TestAuditStatesWhatItProves: the audit of a closed season says that its
// log ends with the signed close and binds to a published size and root;
// the same log cut back to its first signed checkpoint (which audited
// clean before issue 13) fails unless --open, and fails even then against
// a read model that knows a later checkpoint.
func TestAuditStatesWhatItProves(t *testing.T) {
	as := runSeason(t)
	rep, err := runAudit(t, as.log, as.key)
	if err != nil || !rep.OK || !rep.SignedClose || !strings.Contains(rep.Proves, "ends with its signed close") || rep.Size == 0 || rep.Root == "" {
		t.Fatalf("closed season: %v, ok %v, signed close %v, proves %q, size %d root %q", err, rep.OK, rep.SignedClose, rep.Proves, rep.Size, rep.Root)
	}
	size := strconv.FormatInt(rep.Size, 10)
	if rep, err := runAudit(t, as.log, as.key, "--expect-size", size, "--expect-root", rep.Root); err != nil || !rep.OK {
		t.Errorf("bound to its own size and root: %v %+v", err, rep.Problems)
	}
	for _, extra := range [][]string{
		{"--expect-size", strconv.FormatInt(rep.Size-1, 10)},
		{"--expect-root", strings.Repeat("A", 43) + "="},
	} {
		if rep, err := runAudit(t, as.log, as.key, extra...); err == nil || rep.OK || rep.Problems[0].Check != audit.CheckExpect {
			t.Errorf("%v: %v %+v, want a failure on %s", extra, err, rep.Problems, audit.CheckExpect)
		}
	}

	var cut []logfile.Line
	for _, l := range as.lines {
		cut = append(cut, l)
		if _, kind, _, _ := events.ParseSubject(l.Subject); kind == events.KindCheckpoint {
			break
		}
	}
	if len(cut) == len(as.lines) {
		t.Fatal("the season has one checkpoint only: nothing to cut")
	}
	cutLog := writeLines(t, cut)
	if rep, err := runAudit(t, cutLog, as.key); err == nil || rep.OK || rep.SignedClose || rep.Problems[0].Check != audit.CheckOpen {
		t.Errorf("cut log: %v %+v, want a failure on %s", err, rep.Problems, audit.CheckOpen)
	}
	rep, err = runAudit(t, cutLog, as.key, "--open")
	if err != nil || !rep.OK || !strings.Contains(rep.Proves, "is not closed in this log") {
		t.Errorf("cut log with --open: %v %+v, proves %q", err, rep.Problems, rep.Proves)
	}
	rep, err = runAudit(t, cutLog, as.key, "--open", "--db", filepath.Join(as.data, "thidua.db"))
	found := false
	for _, p := range rep.Problems {
		found = found || p.Check == audit.CheckCut
	}
	if err == nil || !found {
		t.Errorf("cut log against the read model: %v %+v, want a failure on %s", err, rep.Problems, audit.CheckCut)
	}
}
