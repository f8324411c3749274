package audit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// logBuilder writes a season's messages as the server would: chained per
// subject, with checkpoints signed over the tree of the events so far.
type logBuilder struct {
	t      *testing.T
	signer *seal.Signer
	msgs   []events.Stored
	tree   seal.Tree
	heads  map[string]seal.Head
	seq    uint64
}

func newLogBuilder(t *testing.T) *logBuilder {
	t.Helper()
	s, err := seal.LoadOrCreateKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &logBuilder{t: t, signer: s, heads: map[string]seal.Head{}}
}

func (b *logBuilder) event(subject string, ev events.Event) {
	b.t.Helper()
	b.seq++
	h := b.heads[subject]
	ev.Schema, ev.Season, ev.Recorded = events.Schema, domain.DemoSeasonID, "2024-12-01T00:00:00Z"
	ev.PrevSeq, ev.Prev = h.Seq, h.Hash
	data, err := events.Encode(ev)
	if err != nil {
		b.t.Fatal(err)
	}
	b.msgs = append(b.msgs, events.Stored{Seq: b.seq, Subject: subject, Time: time.Unix(int64(b.seq), 0).UTC(), Data: data})
	b.heads[subject] = seal.Head{Subject: subject, Seq: b.seq, Hash: seal.ChainHash(data)}
	if err := b.tree.Add(seal.LeafHash(b.seq, subject, b.heads[subject].Hash)); err != nil {
		b.t.Fatal(err)
	}
}

func (b *logBuilder) checkpoint() {
	b.t.Helper()
	root, err := b.tree.Root(b.tree.Size())
	if err != nil {
		b.t.Fatal(err)
	}
	cp := seal.Checkpoint{Season: domain.DemoSeasonID, Size: b.tree.Size(), Root: root, Seq: b.seq}
	for _, h := range b.heads {
		cp.Heads = append(cp.Heads, h)
	}
	slices.SortFunc(cp.Heads, func(x, y seal.Head) int { return strings.Compare(x.Subject, y.Subject) })
	note, err := b.signer.Sign(cp)
	if err != nil {
		b.t.Fatal(err)
	}
	b.seq++
	b.msgs = append(b.msgs, events.Stored{Seq: b.seq, Subject: events.CheckpointSubject(domain.DemoSeasonID), Data: note})
}

func (b *logBuilder) source() Source {
	return func(ctx context.Context, fn func(events.Stored) error) error {
		for _, m := range b.msgs {
			if err := fn(m); err != nil {
				return err
			}
		}
		return nil
	}
}

// season opens the demo season and posts n facts, spread over the units,
// with a checkpoint after every ten events and one at the end. With n = 20:
// events at seq 1–10, a checkpoint at 11, events 12–21, a checkpoint at
// 22, event 23, the last checkpoint at 24.
func season(t *testing.T, n int) *logBuilder {
	t.Helper()
	b := newLogBuilder(t)
	opened := domain.DemoSeason()
	data, err := json.Marshal(opened)
	if err != nil {
		t.Fatal(err)
	}
	b.event(events.CommitteeSubject(domain.DemoSeasonID), events.Event{ID: "open", Type: events.TypeSeasonOpened, Data: data, Author: events.Author{Role: events.RoleAdmin}})
	for i := range n {
		unit := opened.Members[i%len(opened.Members)].ID
		fact := fmt.Sprintf(`{"kind":"citizen_dialogue","title":"Đối thoại %d"}`, i)
		b.event(events.UnitSubject(domain.DemoSeasonID, unit), events.Event{ID: fmt.Sprintf("f%d", i), Type: events.TypeActivityHeld, Unit: unit, Date: "2024-05-07",
			Data: json.RawMessage(fact), Evidence: []events.Evidence{{Kind: "document", Title: "Biên bản"}}, Author: events.Author{Role: events.RoleUnit, Unit: unit}})
		if (i+2)%10 == 0 {
			b.checkpoint()
		}
	}
	b.checkpoint()
	return b
}

func key(t *testing.T, b *logBuilder) *seal.Verifier {
	t.Helper()
	v, err := seal.NewVerifier(b.signer.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestAnOpenSeasonFailsUnlessAskedFor: the same log without Open fails
// on the check "open" at its last seq, and a published size or root that
// is not the log's fails on "expect".
func TestAnOpenSeasonFailsUnlessAskedFor(t *testing.T) {
	b := season(t, 20)
	root, _ := b.tree.Root(b.tree.Size())
	for _, c := range []struct {
		name  string
		opt   Options
		check string // "" for OK
	}{
		{"not asked for", Options{}, CheckOpen},
		{"open", Options{Open: true}, ""},
		{"open, published size and root", Options{Open: true, ExpectSize: 21, ExpectRoot: root.String()}, ""},
		{"another size", Options{Open: true, ExpectSize: 22}, CheckExpect},
		{"another root", Options{Open: true, ExpectRoot: strings.Repeat("A", 43) + "="}, CheckExpect},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.opt.Season, c.opt.Key = domain.DemoSeasonID, key(t, b)
			rep, err := Run(context.Background(), b.source(), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case c.check == "" && !rep.OK:
				t.Errorf("problems %+v, want OK", rep.Problems)
			case c.check != "" && (rep.OK || rep.Problems[0].Check != c.check || rep.Problems[0].Seq != 24):
				t.Errorf("problems %+v, want %s at seq 24", rep.Problems, c.check)
			}
		})
	}
}

// TestProblemsAreBounded: a log with a problem on every line lists the
// first MaxProblems by seq and counts the rest.
func TestProblemsAreBounded(t *testing.T) {
	b := season(t, 300)
	for i := range b.msgs {
		b.msgs[i].Subject = "thidua.ev.another-season.u.x"
	}
	rep, err := Run(context.Background(), b.source(), Options{Season: domain.DemoSeasonID, Key: key(t, b), Open: true})
	if err != nil {
		t.Fatal(err)
	}
	total := len(rep.Problems) + rep.ProblemsMore
	if rep.OK || len(rep.Problems) != MaxProblems || total < len(b.msgs) || rep.Problems[MaxProblems-1].Seq > MaxProblems {
		t.Errorf("%d problems listed (the last at seq %d), %d more; want the first %d of at least %d", len(rep.Problems), rep.Problems[len(rep.Problems)-1].Seq, rep.ProblemsMore, MaxProblems, len(b.msgs))
	}
}

// TestRunReportsProgressAndVerifies: a log built as the server writes it
// verifies, the claimed ranking counts every fact, and progress is
// reported every ProgressEvery events and at the end.
func TestRunReportsProgressAndVerifies(t *testing.T) {
	b := season(t, 48)
	var progress bytes.Buffer
	rep, err := Run(context.Background(), b.source(), Options{Season: domain.DemoSeasonID, Key: key(t, b), Progress: &progress, ProgressEvery: 10, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	root, _ := b.tree.Root(b.tree.Size())
	if rep.SignedClose || rep.Size != 49 || rep.Root != root.String() || !strings.Contains(rep.Proves, "is not closed in this log") {
		t.Errorf("an open season: signed close %v, size %d, root %s (want %s), proves %q", rep.SignedClose, rep.Size, rep.Root, root, rep.Proves)
	}
	if !rep.OK || rep.Log.Events != 49 || rep.Replayed != 49 || rep.Log.Checkpoints != 5 || rep.Log.ChainLinks != 49-7 || len(rep.Checkpoints) != 5 {
		t.Fatalf("report: ok %v, log %+v, %d checkpoints, problems %+v", rep.OK, rep.Log, len(rep.Checkpoints), rep.Problems)
	}
	lines := strings.Split(strings.TrimSpace(progress.String()), "\n")
	if len(lines) != 5 || !strings.Contains(lines[0], "10 sự kiện đã kiểm / events checked (seq") || !strings.Contains(lines[4], "49 sự kiện") {
		t.Errorf("progress:\n%s", progress.String())
	}
	if rep.Rankings[0].View != domain.Claimed || len(rep.Sheets) != 6 {
		t.Fatalf("rankings %+v, %d sheets", rep.Rankings, len(rep.Sheets))
	}
	facts := 0
	for _, sh := range rep.Sheets {
		facts += len(sh.Facts)
	}
	if facts != 48 {
		t.Errorf("%d facts on the sheets, want 48", facts)
	}
}

// TestRunNamesTheFirstBadPlace: each tampering of a built log fails and
// names where.
func TestRunNamesTheFirstBadPlace(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(msgs []events.Stored) []events.Stored
		seq    uint64
		check  string
	}{
		{"a message of another season", func(msgs []events.Stored) []events.Stored {
			msgs[3].Subject = events.UnitSubject("other-2024", "cau-giay")
			return msgs
		}, 4, CheckSubject},
		{"an event that does not decode", func(msgs []events.Stored) []events.Stored {
			msgs[5].Data = []byte(`{"schema":1,`)
			return msgs
		}, 6, CheckDecode},
		{"a checkpoint's text altered", func(msgs []events.Stored) []events.Stored {
			i := slices.IndexFunc(msgs, func(m events.Stored) bool { return strings.HasSuffix(m.Subject, ".checkpoint") })
			msgs[i].Data = bytes.Replace(msgs[i].Data, []byte("\n10\n"), []byte("\n9\n"), 1)
			return msgs
		}, 11, CheckSignature},
		{"the last event a checkpoint signs dropped", func(msgs []events.Stored) []events.Stored {
			return slices.Delete(msgs, 9, 10) // seq 10, just before the checkpoint at 11
		}, 10, CheckChain},
		{"the log cut after an event", func(msgs []events.Stored) []events.Stored {
			return msgs[:len(msgs)-1]
		}, 23, CheckCoverage}, // f19, after the second checkpoint
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := season(t, 20)
			b.msgs = c.tamper(b.msgs)
			rep, err := Run(context.Background(), b.source(), Options{Season: domain.DemoSeasonID, Key: key(t, b)})
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || len(rep.Problems) == 0 || rep.Problems[0].Seq != c.seq || rep.Problems[0].Check != c.check {
				t.Errorf("problems %+v, want the first at seq %d, check %s", rep.Problems, c.seq, c.check)
			}
		})
	}
}

// TestASetAsideSeqIsSkippedAndListed: a message that is not an event on a
// season's subject fails the audit on "decode"; once a seq.set_aside
// record on the committee subject names it, the replay skips it, the
// audit passes and lists it. The message stays in the chain and the tree.
func TestASetAsideSeqIsSkippedAndListed(t *testing.T) {
	build := func(withRecord bool) *logBuilder {
		b := season(t, 4)
		subject := events.UnitSubject(domain.DemoSeasonID, "cau-giay")
		b.seq++
		stray := events.Stored{Seq: b.seq, Subject: subject, Data: []byte("hello from nats pub")}
		b.msgs = append(b.msgs, stray)
		b.heads[subject] = seal.Head{Subject: subject, Seq: b.seq, Hash: seal.ChainHash(stray.Data)}
		if err := b.tree.Add(seal.LeafHash(b.seq, subject, b.heads[subject].Hash)); err != nil {
			t.Fatal(err)
		}
		if withRecord {
			data := fmt.Sprintf(`{"seq":%d,"reason":"thao tác nhầm","by":"committee"}`, stray.Seq)
			b.event(events.CommitteeSubject(domain.DemoSeasonID), events.Event{ID: "set-aside", Type: events.TypeSeqSetAside, Data: json.RawMessage(data), Author: events.Author{Role: events.RoleCommittee}})
		}
		unit := "tay-ho"
		b.event(events.UnitSubject(domain.DemoSeasonID, unit), events.Event{ID: "after", Type: events.TypeActivityHeld, Unit: unit, Date: "2024-05-07",
			Data: json.RawMessage(`{"kind":"other","title":"Sau"}`), Evidence: []events.Evidence{{Kind: "document", Title: "Biên bản"}}, Author: events.Author{Role: events.RoleUnit, Unit: unit}})
		b.checkpoint()
		return b
	}
	b := build(false)
	rep, err := Run(context.Background(), b.source(), Options{Season: domain.DemoSeasonID, Key: key(t, b), Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Problems[0].Check != CheckDecode || rep.Problems[0].Seq != 7 {
		t.Fatalf("without a record: %+v, want a decode problem at seq 7", rep.Problems)
	}
	b = build(true)
	rep, err = Run(context.Background(), b.source(), Options{Season: domain.DemoSeasonID, Key: key(t, b), Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || len(rep.SetAside) != 1 || rep.SetAside[0].Seq != 7 || rep.SetAside[0].RecordSeq != 8 || rep.Replayed == 0 {
		t.Fatalf("with the record: ok %v, problems %+v, set aside %+v", rep.OK, rep.Problems, rep.SetAside)
	}
	if got := rankingUnits(t, rep); !strings.Contains(got, `"tay-ho"`) {
		t.Errorf("the event after the set-aside seq is not in the replay: %s", got)
	}
}

func rankingUnits(t *testing.T, rep *Report) string {
	t.Helper()
	for _, r := range rep.Rankings {
		if r.View == domain.Claimed {
			return string(r.Units)
		}
	}
	t.Fatal("no claimed ranking")
	return ""
}
