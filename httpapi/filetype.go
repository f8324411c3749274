package httpapi

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"unicode/utf16"
)

// The content types the evidence store keeps: documents and images a unit
// scans or writes, nothing a browser would run.
const (
	typePDF  = "application/pdf"
	typeJPEG = "image/jpeg"
	typePNG  = "image/png"
	typeWebP = "image/webp"
	typeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	typeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	typeODT  = "application/vnd.oasis.opendocument.text"
	typeODS  = "application/vnd.oasis.opendocument.spreadsheet"
	typeDOC  = "application/msword"
	typeXLS  = "application/vnd.ms-excel"
)

// inline reports whether a browser may show a type in a tab rather than
// save it: images and PDFs, which run no script of this origin.
func inline(contentType string) bool {
	return contentType == typePDF || strings.HasPrefix(contentType, "image/")
}

// sniffType decides what a file is from its bytes alone; the client's name
// and Content-Type are never trusted. ok is false for anything else (HTML,
// SVG, scripts, archives, executables, text), however it is named.
func sniffType(b []byte) (contentType string, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return typePDF, true
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return typeJPEG, true
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return typePNG, true
	case len(b) >= 12 && bytes.HasPrefix(b, []byte("RIFF")) && string(b[8:12]) == "WEBP":
		return typeWebP, true
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return sniffZip(b)
	case bytes.HasPrefix(b, oleMagic):
		return sniffOLE(b)
	}
	return "", false
}

// sniffZip tells the office formats that are zip archives apart by what
// they must hold: OpenDocument its "mimetype" entry, Office Open XML its
// content types and main part. Any other zip is refused.
func sniffZip(b []byte) (string, bool) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", false
	}
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	if f := entries["mimetype"]; f != nil && f.UncompressedSize64 < 128 {
		rc, err := f.Open()
		if err != nil {
			return "", false
		}
		m, err := io.ReadAll(io.LimitReader(rc, 128))
		rc.Close()
		if err != nil {
			return "", false
		}
		switch string(m) {
		case typeODT:
			return typeODT, true
		case typeODS:
			return typeODS, true
		}
		return "", false
	}
	if entries["[Content_Types].xml"] == nil {
		return "", false
	}
	switch {
	case entries["word/document.xml"] != nil:
		return typeDOCX, true
	case entries["xl/workbook.xml"] != nil:
		return typeXLSX, true
	}
	return "", false
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// OLE2 compound file constants.
const (
	oleEndOfChain = 0xFFFFFFFE
	oleMaxRegular = 0xFFFFFFFA // ids from here on are markers, not sectors
	oleDirEntry   = 128
)

// sniffOLE tells Word 97–2003 from Excel 97–2003 documents, both OLE2
// compound files, by the stream their directory names: "WordDocument" or
// "Workbook" (or Excel 5's "Book"). It follows the file allocation table
// to read the whole directory; every loop is bounded by the file's size,
// so a crafted file cannot make it run long.
func sniffOLE(b []byte) (string, bool) {
	if len(b) < 512 {
		return "", false
	}
	le := binary.LittleEndian
	shift := le.Uint16(b[0x1E:])
	if shift != 9 && shift != 12 {
		return "", false
	}
	size := 1 << shift
	sectors := uint32((len(b) - 512 + size - 1) / size)
	sector := func(id uint32) []byte {
		if id >= sectors {
			return nil
		}
		off := (int(id) + 1) * size
		return b[off:min(off+size, len(b))]
	}
	// The FAT's own sectors: 109 in the header, the rest in a DIFAT chain.
	var fatSectors []uint32
	for i := range 109 {
		if id := le.Uint32(b[0x4C+4*i:]); id < oleMaxRegular {
			fatSectors = append(fatSectors, id)
		}
	}
	next := le.Uint32(b[0x44:])
	for steps := uint32(0); next < oleMaxRegular && steps <= sectors; steps++ {
		s := sector(next)
		if len(s) < size {
			return "", false
		}
		for i := 0; i < size/4-1; i++ {
			if id := le.Uint32(s[4*i:]); id < oleMaxRegular {
				fatSectors = append(fatSectors, id)
			}
		}
		next = le.Uint32(s[size-4:])
	}
	if uint32(len(fatSectors)) > sectors {
		return "", false
	}
	fat := make([]uint32, 0, len(fatSectors)*size/4)
	for _, id := range fatSectors {
		s := sector(id)
		for i := 0; i+4 <= len(s); i += 4 {
			fat = append(fat, le.Uint32(s[i:]))
		}
	}
	id := le.Uint32(b[0x30:])
	for steps := uint32(0); id < oleMaxRegular && steps <= sectors; steps++ {
		s := sector(id)
		for off := 0; off+oleDirEntry <= len(s); off += oleDirEntry {
			switch oleName(s[off : off+oleDirEntry]) {
			case "WordDocument":
				return typeDOC, true
			case "Workbook", "Book":
				return typeXLS, true
			}
		}
		if int(id) >= len(fat) {
			break
		}
		id = fat[id]
	}
	return "", false
}

// oleName is a directory entry's name: UTF-16LE, its length in bytes
// (with the terminating zero) at 0x40.
func oleName(e []byte) string {
	n := int(binary.LittleEndian.Uint16(e[0x40:]))
	if n < 2 || n > 64 || n%2 != 0 {
		return ""
	}
	u := make([]uint16, 0, n/2-1)
	for i := 0; i+1 < n-2; i += 2 {
		u = append(u, binary.LittleEndian.Uint16(e[i:]))
	}
	return string(utf16.Decode(u))
}
