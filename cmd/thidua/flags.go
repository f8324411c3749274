package main

import (
	"io"

	"github.com/thidua/thidua/internal/cli"
)

// newFlags makes the flag set of `thidua name`, whose defaults come from
// THIDUA_<NAME>.
func newFlags(name, about string, getenv func(string) string, stderr io.Writer) *cli.Flags {
	return cli.NewFlags("thidua "+name, about, getenv, stderr)
}
