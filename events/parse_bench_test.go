package events

import (
	"strings"
	"testing"
)

// BenchmarkParseInput parses a fact as a unit posts it, with Vietnamese
// text already in NFC (asWritten), and the same fact with one escape,
// which takes the normalised copy.
func BenchmarkParseInput(b *testing.B) {
	body := `{"id":"ev-1","type":"activity.held","unit":"tay-ho","date":"2024-10-10",` +
		`"data":{"kind":"commemoration","occasion":"gptd70","title":"Lễ kỷ niệm 70 năm Ngày Giải phóng Thủ đô tại phường Bưởi"},` +
		`"evidence":[{"kind":"photo","title":"Ảnh buổi lễ","url":"https://example.org/anh.jpg"}]}`
	for _, c := range []struct{ name, body string }{
		{"as-written", body},
		{"normalised", strings.Replace(body, "Bưởi", `B\u01b0\u1edfi`, 1)},
	} {
		b.Run(c.name, func(b *testing.B) {
			if _, _, err := ParseInput([]byte(c.body)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ParseInput([]byte(c.body)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
