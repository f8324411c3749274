package events_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Only the JetStream adapter speaks NATS: every other package names the
// log in this package's words (Stored, Ack, subjects, LogReader), so the
// log's store can be tested, replaced or read from a file without NATS.
// Tests may use NATS directly (a real server is the honest fixture).
func TestOnlyNatsstoreImportsNATS(t *testing.T) {
	allowed := []string{"events/natsstore", "events/natsstore/natstest"}
	root := moduleRoot(t)
	var adapter []string // files of the allowed packages that import NATS
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, "github.com/nats-io/") {
				continue
			}
			if slices.Contains(allowed, filepath.ToSlash(filepath.Dir(rel))) {
				adapter = append(adapter, rel)
			} else {
				t.Errorf("%s imports %s: only %v may import NATS", rel, p, allowed)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(adapter) == 0 {
		t.Fatalf("no file of %v imports NATS: the walk from %s found nothing to check", allowed, root)
	}
}

// moduleRoot is the directory of the go.mod above the test's.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
