package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestFlagsEnvironment: a THIDUA_<NAME> value is the default a flag on the
// command line still overrides; one that does not parse is a usage error
// naming the variable, never ignored.
func TestFlagsEnvironment(t *testing.T) {
	env := map[string]string{"THIDUA_DATA_DIR": "/srv", "THIDUA_RUNS": "5", "THIDUA_DEMO": "yes", "THIDUA_EVERY": "2m"}
	fs := NewFlags("thidua x", "x / x", func(k string) string { return env[k] }, &bytes.Buffer{})
	dir := fs.EnvString("data-dir", "./data", "a / a")
	runs := fs.EnvInt("runs", 3, "a / a")
	demo := fs.EnvBool("demo", false, "a / a")
	every := fs.EnvDuration("every", time.Minute, "a / a")
	if err := fs.Parse([]string{"--runs", "7"}); err != nil {
		t.Fatal(err)
	}
	if *dir != "/srv" || *runs != 7 || !*demo || *every != 2*time.Minute {
		t.Errorf("got %q %d %v %v, want /srv 7 true 2m", *dir, *runs, *demo, *every)
	}

	for name, c := range map[string]struct {
		env  map[string]string
		args []string
		want string // in the usage error
	}{
		"bad whole number": {map[string]string{"THIDUA_RUNS": "abc"}, nil, "THIDUA_RUNS"},
		"bad boolean":      {map[string]string{"THIDUA_DEMO": "oui"}, nil, "THIDUA_DEMO"},
		"bad duration":     {map[string]string{"THIDUA_EVERY": "often"}, nil, "THIDUA_EVERY"},
		"unknown flag":     {nil, []string{"--nope"}, "nope"},
	} {
		t.Run(name, func(t *testing.T) {
			fs := NewFlags("thidua x", "x / x", func(k string) string { return c.env[k] }, &bytes.Buffer{})
			fs.EnvInt("runs", 3, "a / a")
			fs.EnvBool("demo", false, "a / a")
			fs.EnvDuration("every", time.Minute, "a / a")
			err := fs.Parse(c.args)
			var ue UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want a usage error naming %s", err, c.want)
			}
		})
	}
}

// TestFlagsHelp: --help is ErrHelp, and the usage names the command, says
// what it does and each flag with its variable.
func TestFlagsHelp(t *testing.T) {
	var out bytes.Buffer
	fs := NewFlags("thidua-bench", "đo / measures", func(string) string { return "" }, &out)
	fs.EnvInt("runs", 3, "lặp / repeat")
	if err := fs.Parse([]string{"--help"}); !errors.Is(err, ErrHelp) {
		t.Fatalf("--help: %v, want ErrHelp", err)
	}
	help := out.String()
	for _, want := range []string{"thidua-bench — đo / measures\n\nCờ / flags:\n", "-runs", "lặp / repeat (biến môi trường / env THIDUA_RUNS)"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
}
