package natsstore

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/thidua/thidua/events"
)

// benchUnits spreads appends over several unit subjects, as a season does.
const benchUnits = 100

// benchPayload is about the size of a JSON event envelope.
var benchPayload = []byte(`{"id":"01JBENCHMARKEVENT0000000000","type":"activity.held","v":1,"season":"2025","unit":"unit-042","at":"2025-03-01T08:00:00Z","by":"unit-042-lead","data":{"activity":"cleanup","people":12}}`)

// BenchmarkAppend measures one synchronous append at a time (the API waits for
// each ack) over an in-process connection, for both sync policies: a plain
// publish with no headers as the baseline, and Append with Nats-Msg-Id and
// Nats-Expected-Last-Subject-Sequence.
func BenchmarkAppend(b *testing.B) {
	for _, sync := range []struct {
		name   string
		always bool
	}{
		{"sync=always", true},
		{"sync=interval", false},
	} {
		b.Run(sync.name, func(b *testing.B) {
			b.Run("publish", func(b *testing.B) {
				st, _ := newStoreSync(b, sync.always)
				ctx := testContext(b)
				subjects := benchSubjects()
				i := 0
				for b.Loop() {
					if _, err := st.js.Publish(ctx, subjects[i%benchUnits], benchPayload); err != nil {
						b.Fatal(err)
					}
					i++
				}
				reportEventsPerSec(b)
			})
			b.Run("append", func(b *testing.B) {
				st, _ := newStoreSync(b, sync.always)
				ctx := testContext(b)
				subjects := benchSubjects()
				last := make([]uint64, benchUnits) // known last seq per subject, as a cache would hold
				i := 0
				for b.Loop() {
					u := i % benchUnits
					ack, err := st.Append(ctx, subjects[u], "ev-"+strconv.Itoa(i), benchPayload, last[u])
					if err != nil {
						b.Fatal(err)
					}
					last[u] = ack.Seq
					i++
				}
				reportEventsPerSec(b)
			})
		})
	}
}

// BenchmarkReadUntil measures a replay of b.N stored events through ReadUntil.
func BenchmarkReadUntil(b *testing.B) {
	st, _ := newStoreSync(b, false)
	ctx := testContext(b)
	subjects := benchSubjects()
	// Preload with async publishes: the subject of this benchmark is the read.
	for i := range b.N {
		if _, err := st.js.PublishAsync(subjects[i%benchUnits], benchPayload); err != nil {
			b.Fatal(err)
		}
	}
	select {
	case <-st.js.PublishAsyncComplete():
	case <-ctx.Done():
		b.Fatal(ctx.Err())
	}
	b.ResetTimer()
	n := 0
	if err := st.ReadUntil(ctx, events.AllSubjects, 0, func(events.Stored) error { n++; return nil }); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if n != b.N {
		b.Fatalf("read %d, want %d", n, b.N)
	}
	reportEventsPerSec(b)
}

func benchSubjects() []string {
	s := make([]string, benchUnits)
	for i := range s {
		s[i] = events.UnitSubject("2025", fmt.Sprintf("unit-%03d", i))
	}
	return s
}

func reportEventsPerSec(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
