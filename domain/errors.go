// Package domain holds the rules of emulation scoring with no I/O: the season
// as folded from its events, the validation of a new event against it, the
// six rule kinds, classification, ranking, gates and awards, and the views.
// Everything here is deterministic: time comes from events, never a clock.
package domain

import (
	"errors"
	"fmt"

	"github.com/thidua/thidua/events"
)

// Code classifies an error for the edges; each edge maps codes once.
type Code string

// The codes users can see.
const (
	Invalid      Code = "invalid"
	Unauthorized Code = "unauthorized"
	Forbidden    Code = "forbidden"
	NotFound     Code = "not_found"
	Conflict     Code = "conflict"
	TooLarge     Code = "too_large"
	// LogLostEvents: the log lacks or changed events it acknowledged;
	// writes wait for thidua repair.
	LogLostEvents Code = "log_lost_events"
	// StorageFull: the log's disk has no room; writes resume by
	// themselves once space is freed.
	StorageFull Code = "storage_full"
	// UnsupportedType: an uploaded file is not a kind of document or image
	// the evidence store keeps.
	UnsupportedType Code = "unsupported_type"
	Unavailable     Code = "unavailable"
	Internal        Code = "internal"
)

// Error is a failure a user can act on: a code, a message and, when one
// input is to blame, the field.
type Error struct {
	Code    Code
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds an *Error.
func Errorf(code Code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorOf finds the *Error in err's chain and turns an events validation
// error into an Invalid one. Anything else is Internal, with a message that
// reveals nothing.
func ErrorOf(err error) *Error {
	var de *Error
	if errors.As(err, &de) {
		return de
	}
	var ve *events.ValidationError
	if errors.As(err, &ve) {
		return &Error{Code: Invalid, Field: ve.Field, Message: ve.Message}
	}
	return &Error{Code: Internal, Message: "internal error"}
}
