package events

import (
	"bytes"
	"testing"
)

// TestEvidenceFileFields: an item naming a stored file keeps the file's
// hash, name, size and type on the log; an item without one encodes
// exactly as before the field existed.
func TestEvidenceFileFields(t *testing.T) {
	ev := Event{Schema: Schema, ID: "e1", Type: TypeActivityHeld, Season: "s", Unit: "tay-ho", Date: "2024-05-07",
		Data: []byte(`{"kind":"propaganda","title":"T"}`), Author: Author{Role: RoleUnit, Unit: "tay-ho"}, Recorded: "2024-05-07T00:00:00Z"}
	tests := []struct {
		name     string
		evidence Evidence
		want     string
	}{
		{"without a file", Evidence{Kind: "document", Title: "Báo cáo", SHA256: testSHA256},
			`"evidence":[{"kind":"document","title":"Báo cáo","sha256":"` + testSHA256 + `"}]`},
		{"with a file", Evidence{Kind: "file", Title: "Biên bản", File: testSHA256, FileName: "biên-bản.pdf", FileSize: 1234, FileType: "application/pdf"},
			`"evidence":[{"kind":"file","title":"Biên bản","file":"` + testSHA256 + `","file_name":"biên-bản.pdf","file_size":1234,"file_type":"application/pdf"}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := ev
			e.Evidence = []Evidence{tc.evidence}
			b, err := Encode(e)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(tc.want)) {
				t.Errorf("Encode = %s\nwant it to contain %s", b, tc.want)
			}
			back, _, err := Decode(b)
			if err != nil || back.Evidence[0] != tc.evidence {
				t.Errorf("Decode = %+v, %v; want %+v", back.Evidence, err, tc.evidence)
			}
		})
	}
}

func TestParseInputAcceptsAFileHash(t *testing.T) {
	ev, _, err := ParseInput([]byte(factEv(`[{"kind":"file","title":"Biên bản","file":"` + testSHA256 + `"}]`)))
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.Evidence[0].File; got != testSHA256 {
		t.Errorf("file = %q, want %q", got, testSHA256)
	}
}
