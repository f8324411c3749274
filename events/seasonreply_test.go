package events

import (
	"bytes"
	"strings"
	"testing"
)

// TestSeasonReplyOpensASeason: the season reply's own fields (season,
// closed) are accepted in season.opened's data and not stored; any other
// unknown field is still refused.
func TestSeasonReplyOpensASeason(t *testing.T) {
	body := strings.Replace(seasonOpenedBody(nil), `"data":{`, `"data":{"season":"hn-mttq-cum2-2024","closed":true,`, 1)
	ev, _, err := ParseInput([]byte(body))
	if err != nil {
		t.Fatalf("the reply's shape was refused: %v", err)
	}
	if bytes.Contains(ev.Data, []byte(`"season"`)) || bytes.Contains(ev.Data, []byte(`"closed"`)) {
		t.Errorf("the reply's own fields were stored: %s", ev.Data)
	}
	plain, _, err := ParseInput([]byte(seasonOpenedBody(nil)))
	if err != nil || !bytes.Equal(plain.Data, ev.Data) {
		t.Errorf("the same season stores other bytes with the reply's fields: %v", err)
	}
	other := strings.Replace(seasonOpenedBody(nil), `"data":{`, `"data":{"closing":true,`, 1)
	if _, _, err := ParseInput([]byte(other)); err == nil || !strings.Contains(err.Error(), "data.closing") {
		t.Errorf("an unknown field: %v", err)
	}
}
