package natsstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/thidua/thidua/events"
)

func TestStartEmbedded(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		listen  string
		wantErr string
	}{
		{name: "in-process only", listen: ""},
		{name: "loopback random port", listen: "127.0.0.1:0"},
		{name: "bad listen address", listen: "127.0.0.1", wantErr: "listen"},
		{name: "bad port", listen: "127.0.0.1:http", wantErr: "bad port"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, err := StartEmbedded(EmbeddedConfig{Dir: t.TempDir(), Listen: tt.listen})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("StartEmbedded: %v", err)
			}
			t.Cleanup(func() { stopServer(srv) })
			if !srv.JetStreamEnabled() {
				t.Fatal("JetStream not enabled")
			}

			nc := connect(t, srv)
			if tt.listen != "" {
				// A network client must reach the listener too.
				tcp, err := nats.Connect(srv.ClientURL())
				if err != nil {
					t.Fatalf("connect over TCP to %s: %v", srv.ClientURL(), err)
				}
				t.Cleanup(tcp.Close)
				nc = tcp
			} else if srv.Addr() != nil {
				t.Fatalf("in-process server listens on %v", srv.Addr())
			}
			st, err := Open(testContext(t), nc, Config{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			mustAppend(t, st, events.AccessSubject, "a1", "x")
		})
	}
}

func TestStartEmbeddedNeedsDir(t *testing.T) {
	if _, err := StartEmbedded(EmbeddedConfig{}); err == nil {
		t.Fatal("StartEmbedded without Dir succeeded")
	}
}

func TestOpenStreamConfig(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	ctx := testContext(t)
	// Opening again must accept its own stream unchanged.
	st2, err := Open(ctx, st.js.Conn(), Config{})
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	info, err := st2.stream.Info(ctx)
	if err != nil {
		t.Fatalf("Info: %v", err)
	}
	c := info.Config
	tests := []struct {
		name      string
		got, want any
	}{
		{"name", c.Name, "THIDUA"},
		{"subjects", strings.Join(c.Subjects, ","), events.AllSubjects},
		{"storage", c.Storage, jetstream.FileStorage},
		{"retention", c.Retention, jetstream.LimitsPolicy},
		{"replicas", c.Replicas, 1},
		{"deny delete", c.DenyDelete, true},
		{"deny purge", c.DenyPurge, true},
		{"allow rollup", c.AllowRollup, false},
		{"duplicates window", c.Duplicates, 2 * time.Minute},
		{"max age (0 = none)", c.MaxAge, time.Duration(0)},
		{"max bytes (-1 = none)", c.MaxBytes, int64(-1)},
		{"max msgs (-1 = none)", c.MaxMsgs, int64(-1)},
		{"max msgs per subject (-1 = none)", c.MaxMsgsPerSubject, int64(-1)},
		{"discard", c.Discard, jetstream.DiscardNew},
		{"allow msg ttl", c.AllowMsgTTL, false},
		{"persist mode", c.PersistMode, jetstream.DefaultPersistMode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestLogRefusesEdits(t *testing.T) {
	t.Parallel()
	st, js := newStore(t)
	ctx := testContext(t)
	subject := events.UnitSubject("s1", "u1")
	seq := mustAppend(t, st, subject, "e1", "first")

	tests := []struct {
		name string
		edit func() error
	}{
		{"delete message", func() error { return st.stream.DeleteMsg(ctx, seq) }},
		{"secure delete message", func() error { return st.stream.SecureDeleteMsg(ctx, seq) }},
		{"purge stream", func() error { return st.stream.Purge(ctx) }},
		{"purge subject", func() error { return st.stream.Purge(ctx, jetstream.WithPurgeSubject(subject)) }},
		{"rollup header", func() error {
			m := nats.NewMsg(subject)
			m.Header.Set(jetstream.MsgRollup, jetstream.MsgRollupSubject)
			_, err := js.PublishMsg(ctx, m)
			return err
		}},
		{"re-enable deletes", func() error {
			cfg := st.stream.CachedInfo().Config
			cfg.DenyDelete = false
			_, err := js.UpdateStream(ctx, cfg)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.edit(); err == nil {
				t.Fatal("edit accepted, want refusal")
			}
			m, err := st.Get(ctx, seq)
			if err != nil {
				t.Fatalf("message gone after refused edit: %v", err)
			}
			if string(m.Data) != "first" {
				t.Fatalf("data = %q, want %q", m.Data, "first")
			}
			last, err := st.LastSeq(ctx)
			if err != nil || last != seq {
				t.Fatalf("LastSeq = %d, %v; want %d", last, err, seq)
			}
		})
	}
}

func TestOpenExistingStream(t *testing.T) {
	t.Parallel()
	base := func(mod func(*jetstream.StreamConfig)) jetstream.StreamConfig {
		c := jetstream.StreamConfig{
			Name:     DefaultStream,
			Subjects: []string{events.AllSubjects},
			Storage:  jetstream.FileStorage,
		}
		mod(&c)
		return c
	}
	tests := []struct {
		name     string
		existing jetstream.StreamConfig
		wantErr  string // substring; "" = Open must succeed and protect the stream
	}{
		{"unprotected file stream is updated", base(func(c *jetstream.StreamConfig) { c.Duplicates = 10 * time.Second }), ""},
		{"rollups allowed are switched off", base(func(c *jetstream.StreamConfig) { c.AllowRollup = true }), ""},
		{"memory storage", base(func(c *jetstream.StreamConfig) { c.Storage = jetstream.MemoryStorage }), "storage is Memory"},
		{"other subjects", base(func(c *jetstream.StreamConfig) { c.Subjects = []string{"thidua.ev.>"} }), "subjects"},
		{"max age", base(func(c *jetstream.StreamConfig) { c.MaxAge = time.Hour }), "max age"},
		{"max msgs", base(func(c *jetstream.StreamConfig) { c.MaxMsgs = 1000 }), "max msgs limit"},
		{"max bytes", base(func(c *jetstream.StreamConfig) { c.MaxBytes = 1 << 20 }), "max bytes"},
		{"max msgs per subject", base(func(c *jetstream.StreamConfig) { c.MaxMsgsPerSubject = 1 }), "per subject"},
		{"interest retention", base(func(c *jetstream.StreamConfig) { c.Retention = jetstream.InterestPolicy }), "retention"},
		{"message ttl", base(func(c *jetstream.StreamConfig) { c.AllowMsgTTL = true }), "TTL"},
		{"async persist", base(func(c *jetstream.StreamConfig) { c.PersistMode = jetstream.AsyncPersistMode }), "persist mode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// A fresh server per case: streams cannot share subjects, and
			// deleting then recreating a file stream at once is flaky in 2.15.2.
			srv := startServer(t, t.TempDir(), false)
			nc := connect(t, srv)
			ctx := testContext(t)
			js := jetStream(t, nc)
			if _, err := js.CreateStream(ctx, tt.existing); err != nil {
				t.Fatalf("create existing stream: %v", err)
			}
			st, err := Open(ctx, nc, Config{})
			if tt.wantErr != "" {
				if !errors.Is(err, ErrIncompatibleStream) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Open err = %v, want ErrIncompatibleStream mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			info, err := st.stream.Info(ctx)
			if err != nil {
				t.Fatalf("Info: %v", err)
			}
			c := info.Config
			if !c.DenyDelete || !c.DenyPurge || c.AllowRollup || c.Duplicates != DuplicateWindow || c.Discard != jetstream.DiscardNew {
				t.Fatalf("stream not protected after Open: deny delete %v, deny purge %v, rollup %v, duplicates %s, discard %v",
					c.DenyDelete, c.DenyPurge, c.AllowRollup, c.Duplicates, c.Discard)
			}
		})
	}
}

// appendStep is one Append call and what it must return.
type appendStep struct {
	subject    string
	id         string
	expectLast uint64
	wantSeq    uint64 // checked when no error is wanted
	wantDup    bool
	wantErr    error
}

func TestAppend(t *testing.T) {
	t.Parallel()
	a, b := events.UnitSubject("s1", "a"), events.UnitSubject("s1", "b")
	tests := []struct {
		name     string
		steps    []appendStep
		wantMsgs uint64 // messages in the stream afterwards
	}{
		{
			name:     "empty subject with expectLast 0",
			steps:    []appendStep{{subject: a, id: "e1", expectLast: 0, wantSeq: 1}},
			wantMsgs: 1,
		},
		{
			name: "chain on one subject",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e2", expectLast: 1, wantSeq: 2},
				{subject: a, id: "e3", expectLast: 2, wantSeq: 3},
			},
			wantMsgs: 3,
		},
		{
			name: "stale expectLast conflicts and writes nothing",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e2", expectLast: 0, wantErr: events.ErrWrongLastSeq},
			},
			wantMsgs: 1,
		},
		{
			name: "expectLast ahead of the subject conflicts",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e2", expectLast: 7, wantErr: events.ErrWrongLastSeq},
			},
			wantMsgs: 1,
		},
		{
			name: "expectLast 0 on a non-empty subject conflicts",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e2", expectLast: 1, wantSeq: 2},
				{subject: a, id: "e3", expectLast: 0, wantErr: events.ErrWrongLastSeq},
			},
			wantMsgs: 2,
		},
		{
			name: "subjects are independent",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: b, id: "e2", expectLast: 0, wantSeq: 2}, // B is still empty
				{subject: a, id: "e3", expectLast: 1, wantSeq: 3}, // stream moved on, A did not
				{subject: b, id: "e4", expectLast: 2, wantSeq: 4},
				{subject: b, id: "e5", expectLast: 3, wantErr: events.ErrWrongLastSeq}, // 3 is A's, not B's
			},
			wantMsgs: 4,
		},
		{
			name: "duplicate msg id with the fresh expectLast",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e1", expectLast: 1, wantSeq: 1, wantDup: true},
			},
			wantMsgs: 1,
		},
		{
			name: "retry after a lost ack (same id, same expectLast)",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1, wantDup: true},
			},
			wantMsgs: 1,
		},
		{
			name: "duplicate id after another writer, retried with a re-read",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: a, id: "e2", expectLast: 1, wantSeq: 2},
				{subject: a, id: "e1", expectLast: 0, wantErr: events.ErrWrongLastSeq}, // last is e2, not ours
				{subject: a, id: "e1", expectLast: 2, wantSeq: 1, wantDup: true},
			},
			wantMsgs: 2,
		},
		{
			name: "duplicate id on another subject is still a duplicate",
			steps: []appendStep{
				{subject: a, id: "e1", expectLast: 0, wantSeq: 1},
				{subject: b, id: "e1", expectLast: 0, wantSeq: 1, wantDup: true},
			},
			wantMsgs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, _ := newStore(t)
			ctx := testContext(t)
			for i, step := range tt.steps {
				ack, err := st.Append(ctx, step.subject, step.id, []byte("data-"+step.id), step.expectLast)
				if step.wantErr != nil {
					if !errors.Is(err, step.wantErr) {
						t.Fatalf("step %d: err = %v, want %v", i, err, step.wantErr)
					}
					continue
				}
				if err != nil {
					t.Fatalf("step %d: Append: %v", i, err)
				}
				if ack != (events.Ack{Seq: step.wantSeq, Duplicate: step.wantDup}) {
					t.Fatalf("step %d: ack = %+v, want {Seq:%d Duplicate:%v}", i, ack, step.wantSeq, step.wantDup)
				}
			}
			last, err := st.LastSeq(ctx)
			if err != nil {
				t.Fatalf("LastSeq: %v", err)
			}
			if last != tt.wantMsgs {
				t.Fatalf("stream holds %d messages, want %d", last, tt.wantMsgs)
			}
		})
	}
}

func TestAppendHeaders(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	ctx := testContext(t)
	subject := events.CommitteeSubject("s1")
	if _, err := st.Append(ctx, subject, "e1", []byte("x"), 0); err != nil {
		t.Fatalf("Append: %v", err)
	}
	if _, err := st.Append(ctx, subject, "e2", []byte("y"), 1); err != nil {
		t.Fatalf("Append: %v", err)
	}
	tests := []struct {
		name       string
		seq        uint64
		wantID     string
		wantExpect string
	}{
		{"expected 0 is sent and stored", 1, "e1", "0"},
		{"expected seq is stored", 2, "e2", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := st.Get(ctx, tt.seq)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if got := m.Header.Get(jetstream.MsgIDHeader); got != tt.wantID {
				t.Errorf("Nats-events.Stored-Id = %q, want %q", got, tt.wantID)
			}
			if got := m.Header.Get(jetstream.ExpectedLastSubjSeqHeader); got != tt.wantExpect {
				t.Errorf("%s = %q, want %q", jetstream.ExpectedLastSubjSeqHeader, got, tt.wantExpect)
			}
		})
	}
}

func TestAppendRejectsEmptyID(t *testing.T) {
	st, _ := newStore(t)
	if _, err := st.Append(testContext(t), events.AccessSubject, "", []byte("x"), 0); err == nil {
		t.Fatal("Append with empty msg id succeeded")
	}
}

func TestWrongLastSeqKeepsAPIError(t *testing.T) {
	st, _ := newStore(t)
	ctx := testContext(t)
	mustAppend(t, st, events.AccessSubject, "e1", "x")
	_, err := st.Append(ctx, events.AccessSubject, "e2", []byte("y"), 0)
	var apiErr *jetstream.APIError
	if !errors.Is(err, events.ErrWrongLastSeq) || !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want events.ErrWrongLastSeq wrapping a *jetstream.APIError", err)
	}
	if apiErr.ErrorCode != jetstream.JSErrCodeStreamWrongLastSequence {
		t.Fatalf("error code = %d, want %d", apiErr.ErrorCode, jetstream.JSErrCodeStreamWrongLastSequence)
	}
}

// TestAppendConcurrent: writers race read-last → append with retry on the same
// subjects; optimistic concurrency must serialise them with no lost write.
func TestAppendConcurrent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		writers  int
		each     int
		subjects int
	}{
		{"one subject", 8, 25, 1},
		{"two subjects", 8, 25, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, _ := newStore(t)
			ctx := testContext(t)
			var wg sync.WaitGroup
			errs := make(chan error, tt.writers)
			for w := range tt.writers {
				wg.Go(func() {
					for i := range tt.each {
						subject := events.UnitSubject("s1", "u"+strconv.Itoa(i%tt.subjects))
						id := fmt.Sprintf("w%d-e%d", w, i)
						if err := appendRetrying(ctx, st, subject, id); err != nil {
							errs <- err
							return
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}

			total := uint64(tt.writers * tt.each)
			if last, err := st.LastSeq(ctx); err != nil || last != total {
				t.Fatalf("LastSeq = %d, %v; want %d", last, err, total)
			}
			// Every id exactly once, and per subject each message expected
			// exactly the previous one: the appends were serialised.
			seen := map[string]bool{}
			prev := map[string]uint64{}
			err := st.ReadUntil(ctx, events.AllSubjects, 0, func(m events.Stored) error {
				id := m.Header.Get(jetstream.MsgIDHeader)
				if seen[id] {
					return fmt.Errorf("id %s stored twice", id)
				}
				seen[id] = true
				expect := m.Header.Get(jetstream.ExpectedLastSubjSeqHeader)
				if want := strconv.FormatUint(prev[m.Subject], 10); expect != want {
					return fmt.Errorf("seq %d on %s expected %s, want %s", m.Seq, m.Subject, expect, want)
				}
				prev[m.Subject] = m.Seq
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != int(total) {
				t.Fatalf("read %d ids, want %d", len(seen), total)
			}
		})
	}
}

// appendRetrying is the write path in small: read the subject's last seq,
// append, and on a conflict read again.
func appendRetrying(ctx context.Context, st *Store, subject, id string) error {
	for {
		last, err := st.LastSubjectSeq(ctx, subject)
		if err != nil {
			return err
		}
		ack, err := st.Append(ctx, subject, id, []byte(id), last)
		if errors.Is(err, events.ErrWrongLastSeq) {
			continue
		}
		if err != nil {
			return err
		}
		if ack.Duplicate {
			return fmt.Errorf("%s: unexpected duplicate of seq %d", id, ack.Seq)
		}
		return nil
	}
}

func TestLastSeqs(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	ctx := testContext(t)
	a, b := events.UnitSubject("s1", "a"), events.UnitSubject("s1", "b")

	check := func(t *testing.T, wantLast, wantA, wantB uint64) {
		t.Helper()
		tests := []struct {
			name string
			get  func() (uint64, error)
			want uint64
		}{
			{"stream", func() (uint64, error) { return st.LastSeq(ctx) }, wantLast},
			{"subject a", func() (uint64, error) { return st.LastSubjectSeq(ctx, a) }, wantA},
			{"subject b", func() (uint64, error) { return st.LastSubjectSeq(ctx, b) }, wantB},
		}
		for _, tt := range tests {
			got, err := tt.get()
			if err != nil || got != tt.want {
				t.Errorf("%s: got %d, %v; want %d", tt.name, got, err, tt.want)
			}
		}
	}
	t.Run("empty", func(t *testing.T) { check(t, 0, 0, 0) })
	mustAppend(t, st, a, "e1", "x")
	mustAppend(t, st, b, "e2", "x")
	mustAppend(t, st, a, "e3", "x")
	t.Run("after appends", func(t *testing.T) { check(t, 3, 3, 2) })
}

func TestGet(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	ctx := testContext(t)
	subject := events.UnitSubject("s1", "a")
	mustAppend(t, st, subject, "e1", "hello")
	tests := []struct {
		name     string
		seq      uint64
		wantData string
		wantErr  error
	}{
		{"existing", 1, "hello", nil},
		{"beyond the end", 2, "", jetstream.ErrMsgNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := st.Get(ctx, tt.seq)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if m.Seq != tt.seq || m.Subject != subject || string(m.Data) != tt.wantData || m.Time.IsZero() {
				t.Fatalf("got %+v", m)
			}
		})
	}
}

// fixture appends messages over several subjects and returns their subjects by seq (index seq-1).
func fixture(t *testing.T, st *Store) []string {
	t.Helper()
	subjects := []string{
		events.UnitSubject("s1", "a"),    // 1
		events.UnitSubject("s1", "b"),    // 2
		events.CommitteeSubject("s1"),    // 3
		events.UnitSubject("s2", "a"),    // 4
		events.AccessSubject,             // 5
		events.UnitSubject("s1", "a"),    // 6
		events.UnitSubject("s2", "a"),    // 7
		events.UnitSubject("s1", "b"),    // 8
		events.AccessSubject,             // 9
		events.UnitSubject("s1", "zz-9"), // 10
	}
	for i, subj := range subjects {
		seq := mustAppend(t, st, subj, fmt.Sprintf("e%d", i+1), fmt.Sprintf("data-%d", i+1))
		if seq != uint64(i+1) {
			t.Fatalf("fixture: seq %d, want %d", seq, i+1)
		}
	}
	return subjects
}

func TestReadUntil(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	subjects := fixture(t, st)
	errStop := errors.New("stop")

	tests := []struct {
		name    string
		filter  string
		from    uint64
		stopAt  uint64 // fn returns errStop at this seq (0 = never)
		want    []uint64
		wantErr error
	}{
		{name: "everything from 0", filter: events.AllSubjects, from: 0, want: []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{name: "everything from 1", filter: events.AllSubjects, from: 1, want: []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{name: "from the middle", filter: events.AllSubjects, from: 7, want: []uint64{7, 8, 9, 10}},
		{name: "from the last", filter: events.AllSubjects, from: 10, want: []uint64{10}},
		{name: "from beyond the end", filter: events.AllSubjects, from: 11, want: nil},
		{name: "season", filter: events.SeasonFilter("s1"), from: 0, want: []uint64{1, 2, 3, 6, 8, 10}},
		{name: "season from the middle", filter: events.SeasonFilter("s2"), from: 5, want: []uint64{7}},
		{name: "one unit", filter: events.UnitSubject("s1", "b"), from: 0, want: []uint64{2, 8}},
		{name: "filter ending before the stream", filter: events.UnitSubject("s2", "a"), from: 0, want: []uint64{4, 7}},
		{name: "access", filter: events.AccessSubject, from: 0, want: []uint64{5, 9}},
		{name: "no match", filter: events.SeasonFilter("s9"), from: 0, want: nil},
		{name: "no match after fromSeq", filter: events.UnitSubject("s2", "a"), from: 8, want: nil},
		{name: "fn error stops", filter: events.AllSubjects, from: 0, stopAt: 3, want: []uint64{1, 2, 3}, wantErr: errStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []uint64
			err := st.ReadUntil(testContext(t), tt.filter, tt.from, func(m events.Stored) error {
				got = append(got, m.Seq)
				if m.Subject != subjects[m.Seq-1] || string(m.Data) != fmt.Sprintf("data-%d", m.Seq) {
					return fmt.Errorf("seq %d: subject %q data %q", m.Seq, m.Subject, m.Data)
				}
				if m.Seq == tt.stopAt {
					return errStop
				}
				return nil
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("seqs = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestReadUntilStopsAtCallTime: messages appended during the read are not delivered.
func TestReadUntilStopsAtCallTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		filter string
		want   []uint64
	}{
		{"all subjects", events.AllSubjects, []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"filtered", events.AccessSubject, []uint64{5, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, _ := newStore(t)
			fixture(t, st)
			var got []uint64
			err := st.ReadUntil(testContext(t), tt.filter, 0, func(m events.Stored) error {
				got = append(got, m.Seq)
				if len(got) == 1 {
					// Lands after the call started, on the filtered subject too.
					mustAppend(t, st, events.AccessSubject, "late", "late")
				}
				return nil
			})
			if err != nil {
				t.Fatalf("ReadUntil: %v", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("seqs = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFollow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		preload    int
		from       uint64
		appendMore int  // appended once the preloaded ones were seen
		reset      bool // delete the server-side consumer before appending more
		want       []uint64
	}{
		{name: "from the start, then new ones", preload: 3, from: 0, appendMore: 3, want: []uint64{1, 2, 3, 4, 5, 6}},
		{name: "from the middle", preload: 5, from: 4, appendMore: 2, want: []uint64{4, 5, 6, 7}},
		{name: "empty stream, then new ones", preload: 0, from: 0, appendMore: 3, want: []uint64{1, 2, 3}},
		{name: "from beyond the end waits", preload: 2, from: 3, appendMore: 2, want: []uint64{3, 4}},
		{name: "survives a consumer reset", preload: 3, from: 0, appendMore: 4, reset: true, want: []uint64{1, 2, 3, 4, 5, 6, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, js := newStore(t)
			subjects := []string{events.UnitSubject("s1", "a"), events.UnitSubject("s1", "b"), events.CommitteeSubject("s1"), events.AccessSubject}
			appendN := func(n int) {
				for range n {
					seq, err := st.LastSeq(testContext(t))
					if err != nil {
						t.Fatal(err)
					}
					mustAppend(t, st, subjects[seq%uint64(len(subjects))], fmt.Sprintf("e%d", seq+1), "x")
				}
			}
			appendN(tt.preload)

			ctx, cancel := context.WithCancel(testContext(t))
			defer cancel()
			got := make(chan events.Stored)
			done := make(chan error, 1)
			go func() {
				done <- st.Follow(ctx, tt.from, func(m events.Stored) error {
					select {
					case got <- m:
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				})
			}()

			var seqs []uint64
			receive := func(n int) {
				for range n {
					select {
					case m := <-got:
						seqs = append(seqs, m.Seq)
					case err := <-done:
						t.Fatalf("Follow returned early: %v (got %v)", err, seqs)
					}
				}
			}
			before := 0
			for _, s := range tt.want {
				if s <= uint64(tt.preload) {
					before++
				}
			}
			receive(before)
			var deleted []string
			if tt.reset {
				deleted = deleteConsumers(t, st, js)
			}
			appendN(tt.appendMore)
			receive(len(tt.want) - before)
			if tt.reset {
				// The messages after the reset came through a recreated consumer.
				now := consumerNames(t, st)
				if len(now) == 0 || slices.ContainsFunc(now, func(n string) bool { return slices.Contains(deleted, n) }) {
					t.Fatalf("consumers after reset %v, deleted %v: want a new one", now, deleted)
				}
			}
			// An operator's `nats consumer ls` says whose each consumer is.
			for _, n := range consumerNames(t, st) {
				if !strings.HasPrefix(n, "thidua-projector-"+st.reader+"-") {
					t.Errorf("consumer %q: want thidua-projector-%s-<n>_<m>", n, st.reader)
				}
			}

			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Fatalf("Follow returned %v, want context.Canceled", err)
			}
			if !slices.Equal(seqs, tt.want) {
				t.Fatalf("seqs = %v, want %v", seqs, tt.want)
			}
		})
	}
}

// deleteConsumers removes every consumer of the stream, forcing ordered
// consumers to reset, and returns their names.
func deleteConsumers(t *testing.T, st *Store, js jetstream.JetStream) []string {
	t.Helper()
	all := consumerNames(t, st)
	if len(all) == 0 {
		t.Fatal("no consumer to delete")
	}
	for _, name := range all {
		if err := js.DeleteConsumer(testContext(t), st.name, name); err != nil {
			t.Fatalf("delete consumer %s: %v", name, err)
		}
	}
	return all
}

func consumerNames(t *testing.T, st *Store) []string {
	t.Helper()
	names := st.stream.ConsumerNames(testContext(t))
	var all []string
	for name := range names.Name() {
		all = append(all, name)
	}
	if err := names.Err(); err != nil {
		t.Fatalf("consumer names: %v", err)
	}
	return all
}

func TestFollowFnErrorStops(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	fixture(t, st)
	errStop := errors.New("stop")
	tests := []struct {
		name   string
		from   uint64
		stopAt uint64
		want   []uint64
	}{
		{"at the first", 0, 1, []uint64{1}},
		{"in the middle", 2, 4, []uint64{2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []uint64
			err := st.Follow(testContext(t), tt.from, func(m events.Stored) error {
				got = append(got, m.Seq)
				if m.Seq == tt.stopAt {
					return errStop
				}
				return nil
			})
			if !errors.Is(err, errStop) {
				t.Fatalf("err = %v, want %v", err, errStop)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("seqs = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestReadersCleanUp: finished readers leave no consumer behind on the server.
func TestReadersCleanUp(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	fixture(t, st)
	ctx := testContext(t)
	errStop := errors.New("stop")
	if err := st.ReadUntil(ctx, events.AllSubjects, 0, func(events.Stored) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := st.Follow(ctx, 0, func(events.Stored) error { return errStop }); !errors.Is(err, errStop) {
		t.Fatal(err)
	}
	info, err := st.stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Consumers != 0 {
		t.Fatalf("%d consumers left on the stream", info.State.Consumers)
	}
}

// TestDurableAcrossRestart: what was acknowledged is there, with the same seqs,
// after the server stops and a new one opens the same directory.
func TestDurableAcrossRestart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		syncAlways bool
	}{
		{"sync always", true},
		{"sync interval, clean shutdown", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			ctx := testContext(t)

			srv1, err := StartEmbedded(EmbeddedConfig{Dir: dir, SyncAlways: tt.syncAlways})
			if err != nil {
				t.Fatal(err)
			}
			nc1, err := ConnectEmbedded(srv1, "before")
			if err != nil {
				t.Fatal(err)
			}
			st1, err := Open(ctx, nc1, Config{})
			if err != nil {
				t.Fatal(err)
			}
			var before []events.Stored
			for i := range 30 {
				subj := events.UnitSubject("s1", fmt.Sprintf("u%d", i%4))
				seq := mustAppend(t, st1, subj, fmt.Sprintf("e%d", i), fmt.Sprintf("payload %d", i))
				before = append(before, events.Stored{Seq: seq, Subject: subj, Data: []byte(fmt.Sprintf("payload %d", i))})
			}
			nc1.Close()
			stopServer(srv1)

			srv2 := startServer(t, dir, tt.syncAlways)
			st2, err := Open(ctx, connect(t, srv2), Config{})
			if err != nil {
				t.Fatalf("Open after restart: %v", err)
			}
			var after []events.Stored
			if err := st2.ReadUntil(ctx, events.AllSubjects, 0, func(m events.Stored) error {
				after = append(after, m)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if len(after) != len(before) {
				t.Fatalf("read %d messages after restart, want %d", len(after), len(before))
			}
			for i := range before {
				b, a := before[i], after[i]
				if a.Seq != b.Seq || a.Subject != b.Subject || string(a.Data) != string(b.Data) {
					t.Fatalf("message %d: got seq %d %s %q, want seq %d %s %q", i, a.Seq, a.Subject, a.Data, b.Seq, b.Subject, b.Data)
				}
			}
			// Optimistic concurrency continues from the recovered per-subject state.
			subj := events.UnitSubject("s1", "u1")
			last, err := st2.LastSubjectSeq(ctx, subj)
			if err != nil || last != 30 {
				t.Fatalf("LastSubjectSeq = %d, %v; want 30", last, err)
			}
			ack, err := st2.Append(ctx, subj, "e30", []byte("next"), last)
			if err != nil || ack.Seq != 31 {
				t.Fatalf("Append after restart = %+v, %v; want seq 31", ack, err)
			}
		})
	}
}

// TestFollowStopsAtGap: a stream that lost a message before it was protected
// must stop a follower loudly at the hole instead of skipping it.
func TestFollowStopsAtGap(t *testing.T) {
	t.Parallel()
	srv := startServer(t, t.TempDir(), false)
	nc := connect(t, srv)
	ctx := testContext(t)
	js := jetStream(t, nc)
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: DefaultStream, Subjects: []string{events.AllSubjects}, Storage: jetstream.FileStorage,
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if _, err := js.Publish(ctx, events.AccessSubject, []byte(strconv.Itoa(i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := stream.DeleteMsg(ctx, 3); err != nil {
		t.Fatal(err)
	}
	st, err := Open(ctx, nc, Config{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	tests := []struct {
		name string
		from uint64
		want []uint64
	}{
		{"from the start", 0, []uint64{1, 2}},
		{"from the hole", 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []uint64
			err := st.Follow(ctx, tt.from, func(m events.Stored) error {
				got = append(got, m.Seq)
				return nil
			})
			if !errors.Is(err, events.ErrGap) {
				t.Fatalf("err = %v, want events.ErrGap", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("seqs = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestConsumersOfOneProcessDoNotCollide: two Follows and a ReadUntil of
// one Store at once each get a consumer of their own name (a shared name
// would make the second an update of the first, which the server refuses).
func TestConsumersOfOneProcessDoNotCollide(t *testing.T) {
	t.Parallel()
	st, _ := newStore(t)
	fixture(t, st)
	ctx, cancel := context.WithCancel(testContext(t))
	defer cancel()
	// Each Follow says when its first message came: its consumer exists.
	first := []chan struct{}{make(chan struct{}), make(chan struct{})}
	errs := make(chan error, 2)
	for i := range 2 {
		go func() {
			var once sync.Once
			errs <- st.Follow(ctx, 1, func(events.Stored) error {
				once.Do(func() { close(first[i]) })
				return nil
			})
		}()
	}
	for i := range 2 {
		select {
		case <-first[i]:
		case err := <-errs:
			t.Fatalf("Follow: %v", err)
		}
	}
	if err := st.ReadUntil(ctx, events.AllSubjects, 1, func(events.Stored) error { return nil }); err != nil {
		t.Fatalf("ReadUntil beside two Follows: %v", err)
	}
	names := consumerNames(t, st)
	if len(names) != 2 || names[0] == names[1] {
		t.Errorf("consumers %v: want two of their own names", names)
	}
	cancel()
	for range 2 {
		if err := <-errs; !errors.Is(err, context.Canceled) {
			t.Errorf("Follow: %v", err)
		}
	}
}

// TestAppendAfter: a checkpoint's append is refused while any message on
// the season's subjects came after the point it names, and accepted at it.
func TestAppendAfter(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	season := "hn-mttq-cum2-2024"
	filter := events.SeasonFilter(season)
	a, err := s.Append(ctx, events.UnitSubject(season, "tay-ho"), "e1", []byte(`1`), 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Append(ctx, events.CommitteeSubject(season), "e2", []byte(`2`), 0)
	if err != nil {
		t.Fatal(err)
	}
	// Another season's message is not the season's.
	if _, err := s.Append(ctx, events.UnitSubject("other-2024", "x"), "e3", []byte(`3`), 0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		last  uint64
		msgID string
		want  error
	}{
		{"behind the season's last event", a.Seq, "cp-1", events.ErrWrongLastSeq},
		{"at nothing, after events", 0, "cp-2", events.ErrWrongLastSeq},
		{"at the season's last event", b.Seq, "cp-3", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := s.LastSeq(ctx)
			ack, err := s.AppendAfter(ctx, events.CheckpointSubject(season), tc.msgID, []byte(`cp`), filter, tc.last)
			after, _ := s.LastSeq(ctx)
			if !errors.Is(err, tc.want) {
				t.Fatalf("AppendAfter(%d): %v, want %v", tc.last, err, tc.want)
			}
			if tc.want != nil && after != before {
				t.Errorf("a refused append moved the log from %d to %d", before, after)
			}
			if tc.want == nil && ack.Seq != after {
				t.Errorf("ack seq %d, log at %d", ack.Seq, after)
			}
		})
	}
}
