package natsstore

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
)

// DialConfig says how to reach an external NATS server or cluster.
type DialConfig struct {
	// URLs is a comma-separated list of seed servers
	// ("nats://a:4222,nats://b:4222"); the client learns the rest of a
	// cluster from them and fails over among all.
	URLs string
	Name string // client name shown by the server's monitoring

	// At most one way to authenticate.
	User, Password string // user and password
	Token          string // a bare token
	NKeyFile       string // a file holding an NKey seed ("SU…")
	CredsFile      string // a .creds file: user JWT and NKey seed (decentralised auth)

	// TLS. CA alone checks the server; Cert and Key together also
	// identify the client (mutual TLS).
	TLSCA, TLSCert, TLSKey string
}

// Validate reports a configuration that cannot work, before anything
// connects: two ways to authenticate, a password without a user, half a
// client certificate.
func (c DialConfig) Validate() error {
	var errs []error
	if strings.TrimSpace(c.URLs) == "" {
		errs = append(errs, errors.New("no NATS URL"))
	}
	var ways []string
	if c.User != "" || c.Password != "" {
		ways = append(ways, "user/password")
		if c.User == "" || c.Password == "" {
			errs = append(errs, errors.New("a NATS user needs a password, and a password a user"))
		}
	}
	if c.Token != "" {
		ways = append(ways, "token")
	}
	if c.NKeyFile != "" {
		ways = append(ways, "nkey")
	}
	if c.CredsFile != "" {
		ways = append(ways, "creds")
	}
	if len(ways) > 1 {
		errs = append(errs, fmt.Errorf("choose one way to authenticate to NATS, not %s", strings.Join(ways, " and ")))
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		errs = append(errs, errors.New("a TLS client certificate needs its key, and a key its certificate"))
	}
	return errors.Join(errs...)
}

// Dial connects to an external NATS. The connection reconnects for ever:
// losing a node of a cluster is a pause, not the end of the service.
func Dial(c DialConfig) (*nats.Conn, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("natsstore: %w", err)
	}
	opts := []nats.Option{
		nats.Name(c.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		// A reconnect replays buffered publishes the caller may have given
		// up on; appends are idempotent (Msg-Id), but a client that was told
		// "unavailable" should not see its write appear minutes later.
		nats.ReconnectBufSize(-1),
		// Without this the client gives up on a server that refuses it
		// twice (a credentials rotation, a node restarted with old config),
		// whatever MaxReconnects says.
		nats.IgnoreAuthErrorAbort(),
	}
	switch {
	case c.User != "":
		opts = append(opts, nats.UserInfo(c.User, c.Password))
	case c.Token != "":
		opts = append(opts, nats.Token(c.Token))
	case c.NKeyFile != "":
		o, err := nats.NkeyOptionFromSeed(c.NKeyFile)
		if err != nil {
			return nil, fmt.Errorf("natsstore: NKey seed: %w", err)
		}
		opts = append(opts, o)
	case c.CredsFile != "":
		opts = append(opts, nats.UserCredentials(c.CredsFile))
	}
	if c.TLSCA != "" {
		opts = append(opts, nats.RootCAs(c.TLSCA))
	}
	if c.TLSCert != "" {
		opts = append(opts, nats.ClientCert(c.TLSCert, c.TLSKey))
	}
	nc, err := nats.Connect(c.URLs, opts...)
	if err != nil {
		return nil, fmt.Errorf("natsstore: connect to NATS at %s: %w", RedactURLs(c.URLs), err)
	}
	return nc, nil
}

// RedactURLs hides credentials written into URLs (nats://user:pass@host
// or nats://token@host, which nats.go accepts) before the URLs reach an
// error, a log or a report.
func RedactURLs(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		u, err := url.Parse(strings.TrimSpace(p))
		switch {
		case err != nil:
			parts[i] = "(unparsable URL)"
		case u.User != nil:
			u.User = url.User("redacted")
			parts[i] = u.String()
		default:
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}
