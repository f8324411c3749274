package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteReport writes one form of a report to a file (written beside it and
// renamed, so a half-written report never looks whole), or to stdout for
// "-"; "" writes nothing. The audit and the bench both take --json FILE|-.
func WriteReport(path string, stdout io.Writer, write func(io.Writer) error) error {
	switch path {
	case "":
		return nil
	case "-":
		return write(stdout)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".thidua-report-*")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("report %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("report %s: %w", path, err)
	}
	return os.Rename(f.Name(), path)
}
