package ledger

import (
	"encoding/json"
	"fmt"

	"github.com/thidua/thidua/events"
)

// jsonData is the canonical encoding of a payload built in Go.
func jsonData(p events.Payload) (json.RawMessage, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode payload: %w", err)
	}
	return b, nil
}

// NewEvent builds an event from Go values the way ParseInput would from a
// posted body: canonical data, schema set.
func NewEvent(season, id, typ, unit, date string, author events.Author, p events.Payload, evidence []events.Evidence) (events.Event, error) {
	data, err := jsonData(p)
	if err != nil {
		return events.Event{}, err
	}
	return events.Event{Schema: events.Schema, ID: id, Type: typ, Season: season, Unit: unit, Date: date, Data: data, Evidence: evidence, Author: author}, nil
}
