package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// newFlags makes a flag set whose defaults come from THIDUA_<NAME>.
type flags struct {
	*flag.FlagSet
	getenv func(string) string
	envErr error // an environment value that does not parse
}

// about says what the command does, in Vietnamese and English; --help
// prints it above the flags.
func newFlags(name, about string, getenv func(string) string, stderr io.Writer) *flags {
	fs := flag.NewFlagSet("thidua "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "thidua %s — %s\n\nCờ / flags:\n", name, about)
		fs.PrintDefaults()
	}
	return &flags{FlagSet: fs, getenv: getenv}
}

func envName(flagName string) string {
	return "THIDUA_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func (f *flags) str(name, def, help string) *string {
	if v := f.getenv(envName(name)); v != "" {
		def = v
	}
	return f.String(name, def, help+" (biến môi trường / env "+envName(name)+")")
}

func (f *flags) boolean(name string, def bool, help string) *bool {
	switch v := f.getenv(envName(name)); strings.ToLower(v) {
	case "":
	case "1", "true", "yes":
		def = true
	case "0", "false", "no":
		def = false
	default:
		f.bad(name, v, "true or false (1/0, yes/no)")
	}
	return f.Bool(name, def, help+" (biến môi trường / env "+envName(name)+")")
}

func (f *flags) integer(name string, def int, help string) *int {
	if v := f.getenv(envName(name)); v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			f.bad(name, v, "a whole number")
		}
		def = n
	}
	return f.Int(name, def, help+" (biến môi trường / env "+envName(name)+")")
}

// bad keeps the first environment value that does not parse, to be
// reported as a usage error naming the variable.
func (f *flags) bad(name, value, want string) {
	if f.envErr == nil {
		f.envErr = fmt.Errorf("%s=%q is not %s", envName(name), value, want)
	}
}

func (f *flags) duration(name string, def time.Duration, help string) *time.Duration {
	if v := f.getenv(envName(name)); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			f.bad(name, v, "a duration (30s, 1m)")
		}
		def = d
	}
	return f.Duration(name, def, help+" (biến môi trường / env "+envName(name)+")")
}

func (f *flags) parse(args []string) error {
	if f.envErr != nil {
		return usageError(f.envErr.Error())
	}
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageError(err.Error())
	}
	return nil
}
