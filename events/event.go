// Package events holds the facts of thidua: the envelope, the typed payloads
// of every event type, the wire codec, the schema version, and the log's
// vocabulary (stored events, subjects, append conflicts; log.go). It imports the
// standard library and golang.org/x/text (for Unicode NFC) only.
package events

import (
	"encoding/json"
	"time"
)

// Schema is the version of the envelope and payloads this build writes.
// Every version ever written stays decodable.
const Schema = 1

// Roles that can author events.
const (
	RoleAdmin     = "admin"
	RoleCommittee = "committee"
	RoleUnit      = "unit"
	RoleAuditor   = "auditor"
)

// Event is the envelope as it is stored on the log, one JSON message per event.
type Event struct {
	Schema   int             `json:"schema"`
	ID       string          `json:"id"`
	Type     string          `json:"type"`
	Season   string          `json:"season,omitempty"`
	Unit     string          `json:"unit,omitempty"`
	Date     string          `json:"date,omitempty"`
	Data     json.RawMessage `json:"data"`
	Evidence []Evidence      `json:"evidence,omitempty"`
	Author   Author          `json:"author"`
	// Recorded is when the server accepted the event (UTC, RFC 3339). It is
	// part of the fact, so folds never need a clock.
	Recorded string `json:"recorded"`
	// PrevSeq and Prev chain the event to its predecessor on the same
	// subject: that event's stream sequence and the hex SHA-256 of its
	// stored bytes; both empty for the first. The write path sets them; the
	// audit checks them, and the sequence tells a dropped predecessor from
	// an altered one.
	PrevSeq uint64 `json:"prev_seq,omitempty"`
	Prev    string `json:"prev,omitempty"`
}

// Author says who appended an event: the role and the id of the token used
// (never the token itself).
type Author struct {
	Role  string `json:"role"`
	Unit  string `json:"unit,omitempty"`
	Token string `json:"token,omitempty"`
}

// Evidence backs a fact.
type Evidence struct {
	Kind   string `json:"kind"`
	Title  string `json:"title"`
	DocNo  string `json:"doc_no,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	// File names a file uploaded to the season's evidence store by its
	// SHA-256 (lower-case hex). The server then records what the store holds
	// under that hash, so the log signs the file's size and type as well as
	// its hash, and a sheet can show them without asking the store. All four
	// are left out when empty: events without a file keep their bytes.
	File     string `json:"file,omitempty"`
	FileName string `json:"file_name,omitempty"` // the name given at upload
	FileSize int64  `json:"file_size,omitempty"` // in bytes
	FileType string `json:"file_type,omitempty"` // the content type decided from the bytes
}

// Record is an event as read back from the log, with where it sits.
type Record struct {
	Seq     uint64
	Subject string
	Time    time.Time // the stream's timestamp
	Event   Event
	Payload Payload
}

// Payload is the typed data of one event type.
type Payload interface {
	// validate checks the payload's own fields; v collects the first error.
	validate(v *validator)
}
