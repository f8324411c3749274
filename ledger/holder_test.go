package ledger

import (
	"errors"
	"strings"
	"testing"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// TestCheckHolder: the person named in a token request follows the text
// rules of names, and a refusal names the request's own field.
func TestCheckHolder(t *testing.T) {
	cases := []struct {
		name  string
		req   TokenRequest
		field string // "" when accepted
	}{
		{name: "nobody named", req: TokenRequest{Role: "unit", Unit: "cau-giay"}},
		{name: "a holder and a position", req: TokenRequest{Holder: "Nguyễn Thị Hoa", Position: "Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô"}},
		{name: "a holder alone", req: TokenRequest{Holder: "Nguyễn Thị Hoa"}},
		{name: "spaces only are nobody", req: TokenRequest{Holder: "   "}},
		{name: "a bidi control in the holder", req: TokenRequest{Holder: "Hoa \u202egnp.exe"}, field: "holder"},
		{name: "a bidi control in the position", req: TokenRequest{Holder: "Hoa", Position: "\u2066Phó Chủ tịch"}, field: "position"},
		{name: "a holder too long", req: TokenRequest{Holder: strings.Repeat("Đ", events.MaxText+1)}, field: "holder"},
		{name: "a position without a holder", req: TokenRequest{Position: "Phó Chủ tịch"}, field: "holder"},
		{name: "invalid UTF-8", req: TokenRequest{Holder: "Hoa \xff"}, field: "holder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := checkHolder(c.req)
			var de *domain.Error
			switch {
			case c.field == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.field != "" && (!errors.As(err, &de) || de.Code != domain.Invalid || de.Field != c.field):
				t.Errorf("got %v, want a 400 on %q", err, c.field)
			}
		})
	}
}
