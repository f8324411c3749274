// Command thidua is the emulation scoring service: one binary with serve,
// submit, token, audit, export, repair and key.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/thidua/thidua/internal/cli"
)

// shutdownDeadline bounds a stop after SIGTERM or Ctrl-C: whatever the
// log or the disk is doing, the process is gone by then. Every
// acknowledged event is already synced to disk, so exiting is safe.
const shutdownDeadline = 20 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		time.Sleep(shutdownDeadline)
		fmt.Fprintf(os.Stderr, "thidua: not stopped %s after the signal: exiting\n", shutdownDeadline)
		os.Exit(1)
	}()
	if err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "thidua:", err)
		os.Exit(exitCode(err))
	}
}

const usage = `thidua — chấm điểm thi đua theo nhật ký sự kiện / event-sourced emulation scoring

Cách dùng / usage:
  thidua serve  [--data DIR] [--http ADDR] [--demo] [--admin-token T] [--checkpoint-every 1m]
                [--nats-url URL,URL,… [NATS] [--replicas 3]] [--signing-key FILE]
  thidua submit --server URL --token TOKEN [--season ID] FILE|-
  thidua token  --server URL --token ADMIN --role unit --unit ID [--holder NAME --position TEXT]
  thidua token  --server URL --token ADMIN --role committee|auditor [--cluster ID] [--holder NAME --position TEXT]
  thidua token  --server URL --token ADMIN --revoke TOKEN_ID
  thidua token  --server URL --token ADMIN --list
  thidua audit  --season ID (--data DIR | --nats-url URL [NATS] | --log FILE) [--key FILE] [--db FILE]
                [--as-of SEQ|RFC3339] [--json FILE|-] [--html FILE]
  thidua export --season ID (--data DIR | --nats-url URL [NATS]) [--out FILE]
  thidua export --season ID (--data DIR | --nats-url URL [NATS] | --log FILE) --xlsx FILE | --csv FILE
                [--table summary|items] [--view claimed|verified|final] [--as-of SEQ|RFC3339]
  thidua repair --data DIR [--nats-url URL [NATS]]   (puts back on the log what it lost, from the read model's copy)
  thidua key    [--data DIR]   (prints the public key that verifies the checkpoints)
  thidua key    --signing-key FILE [--create]   (a key shared by every serve of one log)

NATS (an external server or cluster): --nats-user U --nats-password P | --nats-token T |
  --nats-nkey FILE | --nats-creds FILE; --nats-tls-ca FILE [--nats-tls-cert FILE --nats-tls-key FILE]

  thidua version (--version)   thidua <command> --help

Every flag also reads THIDUA_<NAME> from the environment (e.g. THIDUA_DATA); a value that
does not parse is a usage error naming the variable. / Mỗi cờ cũng đọc biến môi trường
THIDUA_<TÊN>; giá trị sai là lỗi cách dùng, có nêu tên biến.
`

// run is the whole program; tests call it with their own environment.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	err := dispatch(ctx, args, getenv, stdin, stdout, stderr)
	if errors.Is(err, cli.ErrHelp) {
		return nil // --help asked for the usage, which the flag set printed
	}
	return err
}

func dispatch(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return cli.UsageError("no command")
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, getenv, stdout, stderr)
	case "submit":
		return submit(ctx, rest, getenv, stdin, stdout, stderr)
	case "token":
		return token(ctx, rest, getenv, stdout, stderr)
	case "audit":
		return auditCmd(ctx, rest, getenv, stdout, stderr)
	case "key":
		return keyCmd(rest, getenv, stdout, stderr)
	case "export":
		return export(ctx, rest, getenv, stdout, stderr)
	case "repair":
		return repairCmd(ctx, rest, getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	case "version", "--version":
		fmt.Fprintln(stdout, version())
		return nil
	}
	fmt.Fprint(stderr, usage)
	return cli.UsageError("unknown command " + cmd)
}

// version says which build this is, from what the Go toolchain recorded.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "thidua (no build information)"
	}
	v := "thidua " + bi.Main.Version
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision", "vcs.time", "vcs.modified":
			v += " " + s.Key + "=" + s.Value
		}
	}
	return v + " " + bi.GoVersion
}

// auditFailed is returned when the audit ran but something did not verify;
// its message is the report's verdict.
type auditFailed string

func (e auditFailed) Error() string { return string(e) }

// exitCode: 2 for a wrong command line, 1 for any other failure (an audit
// that does not verify included).
func exitCode(err error) int {
	if _, ok := err.(cli.UsageError); ok {
		return 2
	}
	return 1
}
