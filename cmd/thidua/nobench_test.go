package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// TestNoBenchInTheProduct: the benchmark is cmd/thidua-bench, so thidua and
// its image ship none: `thidua bench` (and its old hidden child mode) is an
// unknown command, exit 2, and thidua's help does not list it.
func TestNoBenchInTheProduct(t *testing.T) {
	for _, args := range [][]string{{"thidua", "bench"}, {"thidua", "bench", "--child", "replay"}} {
		var errOut bytes.Buffer
		err := run(context.Background(), args, noEnv, nil, io.Discard, &errOut)
		if err == nil || exitCode(err) != 2 || err.Error() != "unknown command bench" {
			t.Errorf("%v: %v (exit %d), want the usage error unknown command bench", args[1:], err, exitCode(err))
		}
		if !strings.Contains(errOut.String(), "Cách dùng / usage:") {
			t.Errorf("%v: no usage printed: %q", args[1:], errOut.String())
		}
	}
	for _, h := range []string{"--help", "help", "-h"} {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"thidua", h}, noEnv, nil, &out, io.Discard); err != nil {
			t.Fatalf("thidua %s: %v", h, err)
		}
		if !strings.Contains(out.String(), "thidua serve") {
			t.Fatalf("thidua %s printed no usage: %q", h, out.String())
		}
		if strings.Contains(out.String(), "bench") {
			t.Errorf("thidua %s still mentions the bench:\n%s", h, out.String())
		}
	}
}
