package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestTokenCommandNamesTheHolder: thidua token --holder --position issues
// a token to a named person, --list shows who holds which (tab-separated),
// and a holder with a direction-reversing character is refused on its
// field with nothing written.
func TestTokenCommandNamesTheHolder(t *testing.T) {
	ts := startServer(t, "")
	ts.openDemoSeason()
	env := func(k string) string {
		if k == "THIDUA_SERVER" {
			return ts.url
		}
		return ""
	}
	tokenCmd := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), append([]string{"thidua", "token", "--token", testAdmin}, args...), env, nil, &out, io.Discard)
		return out.String(), err
	}
	tok, err := tokenCmd("--role", "unit", "--unit", "cau-giay", "--holder", "Nguyễn Thị Hoa", "--position", "Phó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô")
	if err != nil {
		t.Fatalf("token --holder: %v", err)
	}
	if st, b := ts.do(http.MethodGet, "/api/v1/me", strings.TrimSpace(tok), nil, nil); st != http.StatusOK {
		t.Fatalf("the named token: %d %s", st, b)
	}
	list, err := tokenCmd("--list")
	if err != nil {
		t.Fatalf("token --list: %v", err)
	}
	if !strings.Contains(list, "\tunit\tcau-giay\tNguyễn Thị Hoa\tPhó Chủ tịch Ủy ban MTTQ phường Nghĩa Đô\t") {
		t.Errorf("token --list:\n%s", list)
	}

	before := ts.logLength()
	_, err = tokenCmd("--role", "unit", "--unit", "tay-ho", "--holder", "Đỗ Minh \u202euâhC")
	if err == nil || !strings.Contains(err.Error(), "400") || !strings.Contains(err.Error(), "holder") {
		t.Errorf("a holder with a bidi control: %v", err)
	}
	if after := ts.logLength(); after != before {
		t.Errorf("a refused token moved the log from %d to %d", before, after)
	}
}
