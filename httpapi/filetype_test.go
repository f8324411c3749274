package httpapi

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"testing"
	"unicode/utf16"

	"github.com/thidua/thidua/domain"
)

func TestSniffType(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // "" = refused
	}{
		{"pdf", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), typePDF},
		{"jpeg", encodeJPEG(t), typeJPEG},
		{"png", encodePNG(t), typePNG},
		{"webp", []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"), typeWebP},
		{"docx", zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), typeDOCX},
		{"xlsx", zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), typeXLSX},
		{"odt", zipOf(t, "mimetype", typeODT, "content.xml", "<office:document-content/>"), typeODT},
		{"ods", zipOf(t, "mimetype", typeODS, "content.xml", "<office:document-content/>"), typeODS},
		{"doc", oleOf("WordDocument"), typeDOC},
		{"xls", oleOf("Workbook"), typeXLS},
		{"xls of Excel 5", oleOf("Book"), typeXLS},

		{"html", []byte("<!doctype html><html><body><script>alert(1)</script></body></html>"), ""},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), ""},
		{"script named .pdf", []byte("#!/bin/sh\nrm -rf /\n"), ""},
		{"javascript", []byte("fetch('/api/v1/tokens',{method:'POST'})"), ""},
		{"pdf after a byte-order mark", []byte("\xEF\xBB\xBF%PDF-1.7"), ""},
		{"text", []byte("Biên bản đại hội"), ""},
		{"plain zip", zipOf(t, "readme.txt", "hello"), ""},
		{"zip with another mimetype", zipOf(t, "mimetype", "application/epub+zip"), ""},
		{"broken zip", []byte("PK\x03\x04garbage"), ""},
		{"ole without a known stream", oleOf("PowerPoint Document"), ""},
		{"short ole", oleMagic, ""},
		{"riff that is not webp", []byte("RIFF\x24\x00\x00\x00WAVEfmt "), ""},
		{"empty", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := sniffType(tc.data)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("sniffType = %q, %v; want %q", got, ok, tc.want)
			}
		})
	}
}

// FuzzSniffType: any bytes at all (the body of an upload) give an answer
// from the list or a refusal, without panicking.
func FuzzSniffType(f *testing.F) {
	f.Add([]byte("%PDF-1.4"))
	f.Add(zipOf(f, "[Content_Types].xml", "<Types/>", "word/document.xml", "x"))
	f.Add(zipOf(f, "mimetype", typeODS))
	f.Add(oleOf("WordDocument"))
	f.Add(oleOf("Workbook"))
	f.Add([]byte("<svg/>"))
	allowed := map[string]bool{typePDF: true, typeJPEG: true, typePNG: true, typeWebP: true, typeDOCX: true,
		typeXLSX: true, typeODT: true, typeODS: true, typeDOC: true, typeXLS: true}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := sniffType(b)
		if ok != allowed[got] {
			t.Errorf("sniffType = %q, %v", got, ok)
		}
	})
}

func TestContentDisposition(t *testing.T) {
	tests := []struct {
		name, ctype, file, want string
	}{
		{"pdf inline, Vietnamese name", typePDF, "Biên bản đại hội.pdf",
			`inline; filename="Bien ban dai hoi.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%C4%91%E1%BA%A1i%20h%E1%BB%99i.pdf`},
		{"image inline", typePNG, "anh.png", `inline; filename="anh.png"; filename*=UTF-8''anh.png`},
		{"docx attachment", typeDOCX, "Báo cáo.docx",
			`attachment; filename="Bao cao.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx`},
		{"quotes and backslashes", typeXLS, `a"b\c.xls`, `attachment; filename="a_b_c.xls"; filename*=UTF-8''a%22b%5Cc.xls`},
		{"Đ upper case", typeODT, "Đề án.odt", `attachment; filename="De an.odt"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n.odt`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := contentDisposition(tc.ctype, tc.file); got != tc.want {
				t.Errorf("contentDisposition = %s\nwant                 %s", got, tc.want)
			}
		})
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		name, raw, want string
		bad             bool
	}{
		{name: "plain", raw: "bien-ban.pdf", want: "bien-ban.pdf"},
		{name: "decomposed Vietnamese is NFC", raw: "Bie\u0302n ba\u0309n.pdf", want: "Biên bản.pdf"},
		{name: "path kept to its last element", raw: "../../etc/passwd.pdf", want: "passwd.pdf"},
		{name: "windows path", raw: `C:\Users\Lan\scan.pdf`, want: "scan.pdf"},
		{name: "missing", raw: "", bad: true},
		{name: "dot dot", raw: "..", bad: true},
		{name: "control character", raw: "a\nb.pdf", bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := fileName(tc.raw)
			if (err != nil) != tc.bad || got != tc.want {
				t.Errorf("fileName(%q) = %q, %v; want %q (error %v)", tc.raw, got, err, tc.want, tc.bad)
			}
		})
	}
}

// countingReader is an endless body that counts what was read of it.
type countingReader struct{ n int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

func TestReadFile(t *testing.T) {
	const limit = 1 << 20
	tests := []struct {
		name    string
		size    int64 // -1: endless
		tooBig  bool
		maxRead int64
	}{
		{"empty", 0, false, 0},
		{"at the limit", limit, false, limit},
		{"one byte over", limit + 1, true, limit + 1},
		{"an endless body", -1, true, limit + 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &countingReader{}
			var body io.Reader = c
			if tc.size >= 0 {
				body = io.LimitReader(c, tc.size)
			}
			b, err := readFile(body, limit)
			if tc.tooBig != (domain.ErrorOf(err).Code == domain.TooLarge) {
				t.Errorf("readFile: %v, too large %v", err, tc.tooBig)
			}
			if !tc.tooBig && int64(len(b)) != tc.size {
				t.Errorf("read %d bytes, want %d", len(b), tc.size)
			}
			if c.n > tc.maxRead {
				t.Errorf("read %d bytes of the body, want at most %d", c.n, tc.maxRead)
			}
		})
	}
}

func encodePNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipOf builds a zip of name, content pairs, in order.
func zipOf(t testing.TB, kv ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < len(kv); i += 2 {
		w, err := zw.Create(kv[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(kv[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// oleOf builds the smallest OLE2 compound file whose directory holds the
// root entry and one stream named stream: a header, one FAT sector and one
// directory sector of 512 bytes.
func oleOf(stream string) []byte {
	le := binary.LittleEndian
	b := make([]byte, 512*3)
	copy(b, oleMagic)
	le.PutUint16(b[0x1A:], 3)      // major version 3
	le.PutUint16(b[0x1C:], 0xFFFE) // little-endian
	le.PutUint16(b[0x1E:], 9)      // 512-byte sectors
	le.PutUint32(b[0x2C:], 1)      // one FAT sector
	le.PutUint32(b[0x30:], 1)      // the directory starts at sector 1
	le.PutUint32(b[0x44:], oleEndOfChain)
	for i := range 109 {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(b[0x4C:], 0) // the FAT is sector 0
	fat := b[512:1024]
	for i := 0; i < 128; i++ {
		le.PutUint32(fat[4*i:], 0xFFFFFFFF)
	}
	le.PutUint32(fat[0:], 0xFFFFFFFD) // sector 0 holds the FAT
	le.PutUint32(fat[4:], oleEndOfChain)
	dir := b[1024:]
	entry := func(i int, name string, typ byte) {
		e := dir[i*oleDirEntry:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = typ
	}
	entry(0, "Root Entry", 5)
	entry(1, stream, 2)
	return b
}
