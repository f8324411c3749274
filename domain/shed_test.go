package domain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
)

// memBodies gives back records by seq, as the read model does for a
// shedding season. reads counts the events asked for; a record in swap is
// given in place of the one asked for (a damaged read model).
type memBodies struct {
	recs  map[uint64]events.Record
	swap  map[uint64]events.Record
	reads int
}

func (m *memBodies) Records(_ string, seqs []uint64) (map[uint64]events.Record, error) {
	out := map[uint64]events.Record{}
	for _, s := range seqs {
		m.reads++
		if r, ok := m.swap[s]; ok {
			out[s] = r
		} else if r, ok := m.recs[s]; ok {
			out[s] = r
		}
	}
	return out, nil
}

// observed is everything a reader sees that shedding may change: every
// unit's sheet in every view, every review queue, and with standings the
// sheets as the from-scratch scoring builds them.
func observed(t *testing.T, s *Season, standings bool) []byte {
	t.Helper()
	if s.Opened == nil {
		return nil
	}
	var out bytes.Buffer
	put := func(what string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "%s %s\n", what, b)
	}
	views := []View{Claimed, Verified}
	if s.Closed != nil {
		views = append(views, Final)
	}
	for _, v := range views {
		for _, m := range s.Members() {
			sc, err := s.ScoreUnit(m, v)
			put("sheet "+m.ID+" "+string(v), sc.Sheet, err)
		}
		if standings {
			st, err := s.Standings(v)
			put("standings "+string(v), st, err)
		}
	}
	for _, status := range QueueStatuses {
		q, err := s.Queue(QueueFilter{Status: status, Limit: QueueMaxLimit})
		put("queue "+status, q, err)
	}
	return out.Bytes()
}

// questionsAndAnswers is a season whose facts are questioned, answered
// with evidence, a question withdrawn, reviewed both ways, retracted, and
// one fact ignored: every part of a line that shedding drops.
func questionsAndAnswers(t *testing.T) []events.Record {
	b := newBuilder(t)
	b.fact("a1", btl, "2024-03-02", &events.ActivityHeld{Kind: "commemoration", Occasion: "dbp70", Title: "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"})
	b.fact("m1", btl, "2024-06-01", &events.ModelRecognized{Model: "m1", Name: "Mô hình “Tổ dân phố không rác”", Field: "môi trường", Level: "city", DecisionNo: "5/QĐ-UBND"})
	b.fact("e1", cg, "2024-05-01", &events.ExemplarHonored{Name: "Bà Nguyễn Thị Hoa", Title: "Trưởng ban", DecisionNo: "9/QĐ"})
	b.fact("c1", cg, "2024-03-20", wardCongress("w1"))
	b.fact("r1", hd, "2024-04-10", &events.ReportSubmitted{Topic: "propaganda", Period: "quý I", Due: "2024-04-15"})
	b.fact("i1", hd, "2024-09-01", indicator("fund_for_the_poor", 250_000_000))
	b.query("q1", "m1", "Thiếu quyết định công nhận")
	b.explain("x1", btl, "m1", "Đã bổ sung quyết định")
	b.query("q2", "m1", "Quyết định chưa có dấu")
	b.cretract("cr1", "q2")
	b.query("q3", "e1", "Ai ký quyết định?")
	b.verify("v1", "m1")
	b.reject("j1", "a1")
	b.verify("v2", "a1")
	b.retract("rt1", hd, "r1")
	b.verify("v3", "c1")
	b.cretract("cr2", "v3")
	// A fact of a unit that is no member: it reached the log by a race,
	// and its line says so.
	ev := factEv("z1", "not-a-member", "2024-07-01", activity("citizen_dialogue", ""))
	b.applyRaw(ev, activity("citizen_dialogue", ""))
	b.fact("a2", th, "2024-07-02", activity("citizen_dialogue", ""))
	return b.recs
}

func year2024(t *testing.T) []events.Record {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "cmd", "thidua", "testdata", "oldlogs", "v1-2024-year-16b0d34", "season.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []events.Record
	err = logfile.Read(f, func(l logfile.Line) error {
		m := l.Stored()
		if _, kind, _, _ := events.ParseSubject(m.Subject); kind == events.KindCheckpoint {
			return nil
		}
		ev, p, err := events.Decode(m.Data)
		if err != nil {
			return err
		}
		if ev.Season != "" && ev.Type != events.TypeSeqSetAside {
			out = append(out, events.Record{Seq: m.Seq, Subject: m.Subject, Time: m.Time, Event: ev, Payload: p})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShedSeasonShowsWhatAWholeOneShows: a season that sheds what only
// lines show, and reads it back, shows every sheet, standings and queue
// exactly as a season that keeps every event whole, after every event,
// whether it has shed all it folded or lags a few events behind (the read
// model sheds only what it has committed). Sheets read from the projector
// are checked after every event of the year in projections'
// TestIncrementalEqualsFromScratch.
func TestShedSeasonShowsWhatAWholeOneShows(t *testing.T) {
	cases := []struct {
		name  string
		recs  func(*testing.T) []events.Record
		every int // compare after every this many events, and at the end
	}{
		{"questions, answers, reviews and retractions", questionsAndAnswers, 1},
		// Every 7th of its 400 events: each shed lag (0, 1, 2) is met.
		{"the 2024 year", year2024, 7},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs := c.recs(t)
			id := recs[0].Event.Season
			bodies := &memBodies{recs: map[uint64]events.Record{}}
			whole, lean := NewSeason(id), NewShedding(id, bodies)
			for i, rec := range recs {
				bodies.recs[rec.Seq] = rec
				for _, s := range []*Season{whole, lean} {
					if err := s.Apply(rec); err != nil {
						t.Fatal(err)
					}
				}
				lag := uint64(i % 3)
				lean.Shed(rec.Seq - min(lag, rec.Seq))
				last := i == len(recs)-1
				if i%c.every != 0 && !last {
					continue
				}
				if got, want := observed(t, lean, last), observed(t, whole, last); !bytes.Equal(got, want) {
					t.Fatalf("after %s (%s): the shedding season shows\n%s\nwhere the whole one shows\n%s", rec.Event.ID, rec.Event.Type, diffLine(got, want), diffLine(want, got))
				}
			}
			shed := 0
			for _, e := range lean.Entries() {
				if e.shed {
					shed++
					if e.evidence() != nil || e.recorded() != "" {
						t.Errorf("%s is shed but keeps its evidence or time", e.Event.ID)
					}
				}
			}
			if shed == 0 || bodies.reads == 0 {
				t.Fatalf("%d events shed, %d read back: the test tested nothing", shed, bodies.reads)
			}
		})
	}
}

// diffLine is the first line of a that b lacks.
func diffLine(a, b []byte) string {
	bl := strings.Split(string(b), "\n")
	for i, l := range strings.Split(string(a), "\n") {
		if i >= len(bl) || l != bl[i] {
			return l
		}
	}
	return ""
}

// TestShedSeasonReportsWhatItCannotReadBack: a read model that lacks a
// shed event, or holds another one at its seq, makes sheets and queues
// fail; it never shows a line without its texts or with another's.
func TestShedSeasonReportsWhatItCannotReadBack(t *testing.T) {
	recs := questionsAndAnswers(t)
	cases := []struct {
		name   string
		damage func(b *memBodies)
		want   string
	}{
		{"an event missing", func(b *memBodies) { delete(b.recs, 2) }, "has no event at seq 2"},
		{"another event at its seq", func(b *memBodies) { b.swap = map[uint64]events.Record{2: b.recs[3]} }, "not the a1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bodies := &memBodies{recs: map[uint64]events.Record{}}
			s := NewShedding(recs[0].Event.Season, bodies)
			for _, rec := range recs {
				bodies.recs[rec.Seq] = rec
				if err := s.Apply(rec); err != nil {
					t.Fatal(err)
				}
			}
			s.Shed(s.LastSeq)
			c.damage(bodies)
			m, _ := s.Member(btl)
			_, err := s.ScoreUnit(m, Claimed)
			if code, _ := errCode(t, err); code != Unavailable || !strings.Contains(err.Error(), c.want) {
				t.Errorf("sheet: got %v, want %s saying %q", err, Unavailable, c.want)
			}
			_, err = s.Queue(QueueFilter{Status: FactVerified, Limit: QueueMaxLimit})
			if code, _ := errCode(t, err); code != Unavailable || !strings.Contains(err.Error(), c.want) {
				t.Errorf("queue: got %v, want %s saying %q", err, Unavailable, c.want)
			}
			// What needs no line still answers: the ranking row.
			if _, err := s.RankUnit(m, Claimed); err != nil {
				t.Errorf("ranking row: %v", err)
			}
		})
	}
}
