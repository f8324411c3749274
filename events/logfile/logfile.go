// Package logfile is the log's file form: a season's events exported as JSON
// lines, each message exactly as the stream stores it, with its sequence,
// subject, storage time and headers. It is what an inspector receives.
package logfile

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/thidua/thidua/events"
)

// Line is one stored message. Data is the stored bytes, base64 in JSON (as
// in JetStream's own API), so that every byte the hashes cover survives the
// file unchanged.
type Line struct {
	Seq     uint64              `json:"seq"`
	Subject string              `json:"subject"`
	Time    time.Time           `json:"time"`
	Headers map[string][]string `json:"headers,omitempty"`
	Data    []byte              `json:"data"`
}

// FromStored is the line of a stored message.
func FromStored(m events.Stored) Line {
	l := Line{Seq: m.Seq, Subject: m.Subject, Time: m.Time.UTC(), Data: m.Data}
	if len(m.Header) > 0 {
		l.Headers = map[string][]string(m.Header)
	}
	return l
}

// Stored is the stored message a line records.
func (l Line) Stored() events.Stored {
	return events.Stored{Seq: l.Seq, Subject: l.Subject, Time: l.Time, Data: l.Data, Header: l.Headers}
}

// Writer writes lines in stream order.
type Writer struct {
	w    *bufio.Writer
	last uint64
}

// NewWriter writes to w; call Flush at the end.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write appends one message; sequences must increase.
func (w *Writer) Write(m events.Stored) error {
	if m.Seq <= w.last {
		return fmt.Errorf("logfile: seq %d after seq %d", m.Seq, w.last)
	}
	b, err := json.Marshal(FromStored(m))
	if err != nil {
		return fmt.Errorf("logfile: encode seq %d: %w", m.Seq, err)
	}
	w.last = m.Seq
	b = append(b, '\n')
	_, err = w.w.Write(b)
	return err
}

// Flush writes what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }

// ErrFormat marks a file that is not a log file: the audit reports it as a
// failed verification, naming the line.
var ErrFormat = errors.New("not a thidua log file")

// FormatError is a line that is not a log line, or not in stream order.
// Seq is the line's sequence when it could be read.
type FormatError struct {
	Line int
	Seq  uint64
	Msg  string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("%v: line %d: %s", ErrFormat, e.Line, e.Msg)
}

// Is makes a FormatError match ErrFormat.
func (e *FormatError) Is(target error) bool { return target == ErrFormat }

// Read hands every line to fn in file order. A line that does not decode,
// has unknown fields, or does not come after the one before it in stream
// order is a *FormatError (matching ErrFormat) naming its line number.
func Read(r io.Reader, fn func(Line) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20) // an event body is at most 256 KiB
	var last uint64
	n := 0
	for sc.Scan() {
		n++
		var l Line
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return &FormatError{Line: n, Msg: err.Error()}
		}
		if dec.More() {
			return &FormatError{Line: n, Seq: l.Seq, Msg: "more than one JSON value"}
		}
		if l.Seq == 0 || l.Subject == "" || l.Data == nil {
			return &FormatError{Line: n, Seq: l.Seq, Msg: "seq, subject and data are required"}
		}
		if l.Seq <= last {
			return &FormatError{Line: n, Seq: l.Seq, Msg: fmt.Sprintf("seq %d does not come after seq %d: lines are out of stream order", l.Seq, last)}
		}
		last = l.Seq
		if err := fn(l); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &FormatError{Line: n + 1, Msg: err.Error()}
	}
	return nil
}

// Log reads a log file as the log itself reads: it is an events.LogReader,
// so the audit and the exports read a file and the stream alike. Each read
// goes through the file from its start (the audit reads twice when the log
// sets seqs aside), and a line that is not a log line stops it with a
// *FormatError.
type Log struct{ r io.ReadSeeker }

var _ events.LogReader = (*Log)(nil)

// NewLog reads the log file r.
func NewLog(r io.ReadSeeker) *Log { return &Log{r: r} }

// LastSeq is the seq of the file's last line, 0 for an empty file.
func (l *Log) LastSeq(ctx context.Context) (uint64, error) {
	var last uint64
	err := l.each(ctx, func(line Line) error { last = line.Seq; return nil })
	return last, err
}

// ReadUntil delivers, in file order, every message whose subject matches
// filter from fromSeq on (a file does not grow, so "until" is its end).
func (l *Log) ReadUntil(ctx context.Context, filter string, fromSeq uint64, fn func(events.Stored) error) error {
	return l.each(ctx, func(line Line) error {
		if line.Seq < fromSeq || !events.MatchSubject(filter, line.Subject) {
			return nil
		}
		return fn(line.Stored())
	})
}

func (l *Log) each(ctx context.Context, fn func(Line) error) error {
	if _, err := l.r.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("logfile: rewind: %w", err)
	}
	return Read(l.r, func(line Line) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(line)
	})
}
