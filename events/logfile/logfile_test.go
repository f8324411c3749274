package logfile_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
)

var update = flag.Bool("update", false, "rewrite the golden file")

func msgs() []events.Stored {
	at := time.Date(2024, 5, 7, 8, 30, 0, 123456789, time.FixedZone("ICT", 7*3600))
	return []events.Stored{
		{Seq: 1, Subject: "thidua.ev.hn-mttq-cum2-2024.committee", Time: at,
			Header: events.Header{"Nats-Msg-Id": {"hn-mttq-cum2-2024/season-opened"}},
			Data:   []byte(`{"schema":1,"id":"season-opened","type":"season.opened"}`)},
		{Seq: 7, Subject: "thidua.ev.hn-mttq-cum2-2024.u.cau-giay", Time: at.Add(time.Second),
			Header: events.Header{"Nats-Msg-Id": {"hn-mttq-cum2-2024/cg-dbp70"}, "Nats-Expected-Last-Subject-Sequence": {"0"}},
			Data:   []byte("{\"title\":\"Lễ kỷ niệm\"}\n\x00\xff")}, // any bytes survive
	}
}

// TestGolden pins the file format: one JSON object a line, data in base64,
// times in UTC.
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	w := logfile.NewWriter(&buf)
	for _, m := range msgs() {
		if err := w.Write(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "season.jsonl")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("export differs from %s (go test -update to accept):\n%s", path, buf.Bytes())
	}

	var got []events.Stored
	if err := logfile.Read(bytes.NewReader(want), func(l logfile.Line) error { got = append(got, l.Stored()); return nil }); err != nil {
		t.Fatal(err)
	}
	for i, m := range msgs() {
		g := got[i]
		if g.Seq != m.Seq || g.Subject != m.Subject || !g.Time.Equal(m.Time) || !bytes.Equal(g.Data, m.Data) || !reflect.DeepEqual(g.Header, m.Header) {
			t.Errorf("line %d read back as %+v, want %+v", i+1, g, m)
		}
	}
}

func TestWriterRefusesOutOfOrder(t *testing.T) {
	w := logfile.NewWriter(&bytes.Buffer{})
	m := msgs()
	if err := w.Write(m[1]); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(m[0]); err == nil {
		t.Fatal("seq 1 after seq 7 was written")
	}
}

func TestReadRejects(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "season.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(good), "\n")
	cases := []struct {
		name, file, want string
	}{
		{"not JSON", lines[0] + "seq 7\n", "line 2"},
		{"unknown field", `{"seq":1,"subject":"s","time":"2024-01-01T00:00:00Z","data":"e30=","extra":1}` + "\n", "line 1"},
		{"no data", `{"seq":1,"subject":"s","time":"2024-01-01T00:00:00Z"}` + "\n", "line 1"},
		{"no subject", `{"seq":1,"time":"2024-01-01T00:00:00Z","data":"e30="}` + "\n", "line 1"},
		{"data not base64", `{"seq":1,"subject":"s","time":"2024-01-01T00:00:00Z","data":"{}"}` + "\n", "line 1"},
		{"two values on a line", strings.TrimSuffix(lines[0], "\n") + " {}\n", "line 1"},
		{"lines swapped", lines[1] + lines[0], "line 2: seq 1 does not come after seq 7"},
		{"a line repeated", lines[0] + lines[0], "line 2: seq 1 does not come after seq 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := logfile.Read(strings.NewReader(c.file), func(logfile.Line) error { return nil })
			if !errors.Is(err, logfile.ErrFormat) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want ErrFormat naming %q", err, c.want)
			}
		})
	}
}

// A file reads as the stream does: the same messages, filtered the same
// way, from the start on every read, its last seq that of its last line.
func TestLogReadsLikeTheStream(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2024, 5, 7, 8, 0, 0, 0, time.UTC)
	msgs := []events.Stored{
		{Seq: 1, Subject: events.CommitteeSubject("2024"), Time: t0, Data: []byte(`{"a":1}`), Header: events.Header{"Nats-Msg-Id": {"open"}}},
		{Seq: 2, Subject: events.AccessSubject, Time: t0, Data: []byte(`{"b":2}`)},
		{Seq: 4, Subject: events.UnitSubject("2024", "u1"), Time: t0, Data: []byte(`{"c":3}`), Header: events.Header{"Nats-Expected-Last-Subject-Sequence": {"0"}}},
		{Seq: 5, Subject: events.UnitSubject("2025", "u1"), Time: t0, Data: []byte(`{"d":4}`)},
		{Seq: 6, Subject: events.CheckpointSubject("2024"), Time: t0, Data: []byte(`{"e":5}`)},
	}
	var buf bytes.Buffer
	w := logfile.NewWriter(&buf)
	for _, m := range msgs {
		if err := w.Write(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	log := logfile.NewLog(bytes.NewReader(buf.Bytes()))
	if last, err := log.LastSeq(ctx); err != nil || last != 6 {
		t.Fatalf("LastSeq = %d, %v; want 6", last, err)
	}
	tests := []struct {
		name    string
		filter  string
		fromSeq uint64
		want    []uint64
	}{
		{"everything", ">", 0, []uint64{1, 2, 4, 5, 6}},
		{"all subjects", events.AllSubjects, 0, []uint64{1, 2, 4, 5, 6}},
		{"a season", events.SeasonFilter("2024"), 0, []uint64{1, 4, 6}},
		{"a season from a seq", events.SeasonFilter("2024"), 3, []uint64{4, 6}},
		{"past the end", events.AllSubjects, 7, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []uint64
			err := log.ReadUntil(ctx, tt.filter, tt.fromSeq, func(m events.Stored) error {
				want := msgs[slices.IndexFunc(msgs, func(w events.Stored) bool { return w.Seq == m.Seq })]
				if m.Subject != want.Subject || !m.Time.Equal(want.Time) || !bytes.Equal(m.Data, want.Data) || !reflect.DeepEqual(m.Header, want.Header) {
					t.Errorf("seq %d read as %+v, want %+v", m.Seq, m, want)
				}
				got = append(got, m.Seq)
				return nil
			})
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("ReadUntil(%q, %d) = %v, %v; want %v", tt.filter, tt.fromSeq, got, err, tt.want)
			}
		})
	}

	bad := logfile.NewLog(strings.NewReader(buf.String() + "not json\n"))
	if _, err := bad.LastSeq(ctx); !errors.Is(err, logfile.ErrFormat) {
		t.Errorf("LastSeq of a file with a bad line: %v, want ErrFormat", err)
	}
}
