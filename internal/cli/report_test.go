package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteReport: a report goes whole to its file or to stdout, and one
// whose writing fails leaves neither a file nor a temporary beside it.
func TestWriteReport(t *testing.T) {
	dir := t.TempDir()
	hello := func(w io.Writer) error { _, err := io.WriteString(w, "report\n"); return err }
	broken := func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("disk gone") }

	var stdout bytes.Buffer
	if err := WriteReport("", &stdout, hello); err != nil || stdout.Len() != 0 {
		t.Errorf(`"": %v %q, want nothing written`, err, stdout.String())
	}
	if err := WriteReport("-", &stdout, hello); err != nil || stdout.String() != "report\n" {
		t.Errorf(`"-": %v %q`, err, stdout.String())
	}
	file := filepath.Join(dir, "r.json")
	if err := WriteReport(file, &stdout, hello); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "report\n" {
		t.Errorf("file: %q %v", b, err)
	}
	failed := filepath.Join(dir, "failed.json")
	if err := WriteReport(failed, &stdout, broken); err == nil {
		t.Error("a failed write reported no error")
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("after a failed write the directory holds %v, want only r.json", left)
	}
}
