// Package cli holds what thidua's commands share on their command line:
// flag sets whose defaults come from THIDUA_<NAME>, bilingual --help, and
// the usage error that exits 2. It is its own package so that thidua and
// thidua-bench parse flags the same way.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// UsageError is a wrong command line: the command exits 2.
type UsageError string

func (e UsageError) Error() string { return string(e) }

// ErrHelp is a command's --help, answered with its usage and exit 0.
var ErrHelp = errors.New("help requested")

// Flags is a flag set whose Env* flags take their default from
// THIDUA_<NAME>.
type Flags struct {
	*flag.FlagSet
	getenv func(string) string
	envErr error // an environment value that does not parse
}

// NewFlags makes the flag set of command (e.g. "thidua serve"); about
// says what the command does, in Vietnamese and English, and --help prints
// it above the flags.
func NewFlags(command, about string, getenv func(string) string, stderr io.Writer) *Flags {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s — %s\n\nCờ / flags:\n", command, about)
		fs.PrintDefaults()
	}
	return &Flags{FlagSet: fs, getenv: getenv}
}

// EnvName is the environment variable a flag reads.
func EnvName(flagName string) string {
	return "THIDUA_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func (f *Flags) EnvString(name, def, help string) *string {
	if v := f.getenv(EnvName(name)); v != "" {
		def = v
	}
	return f.String(name, def, help+" (biến môi trường / env "+EnvName(name)+")")
}

func (f *Flags) EnvBool(name string, def bool, help string) *bool {
	switch v := f.getenv(EnvName(name)); strings.ToLower(v) {
	case "":
	case "1", "true", "yes":
		def = true
	case "0", "false", "no":
		def = false
	default:
		f.bad(name, v, "true or false (1/0, yes/no)")
	}
	return f.Bool(name, def, help+" (biến môi trường / env "+EnvName(name)+")")
}

func (f *Flags) EnvInt(name string, def int, help string) *int {
	if v := f.getenv(EnvName(name)); v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			f.bad(name, v, "a whole number")
		}
		def = n
	}
	return f.Int(name, def, help+" (biến môi trường / env "+EnvName(name)+")")
}

func (f *Flags) EnvDuration(name string, def time.Duration, help string) *time.Duration {
	if v := f.getenv(EnvName(name)); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			f.bad(name, v, "a duration (30s, 1m)")
		}
		def = d
	}
	return f.Duration(name, def, help+" (biến môi trường / env "+EnvName(name)+")")
}

// bad keeps the first environment value that does not parse, to be
// reported as a usage error naming the variable.
func (f *Flags) bad(name, value, want string) {
	if f.envErr == nil {
		f.envErr = fmt.Errorf("%s=%q is not %s", EnvName(name), value, want)
	}
}

// Parse parses args like flag.FlagSet.Parse, but says what went wrong as
// the commands need it: ErrHelp for --help, a UsageError for a bad flag or
// environment value.
func (f *Flags) Parse(args []string) error {
	if f.envErr != nil {
		return UsageError(f.envErr.Error())
	}
	if err := f.FlagSet.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ErrHelp
		}
		return UsageError(err.Error())
	}
	return nil
}
