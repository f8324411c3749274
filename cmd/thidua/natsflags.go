package main

import (
	"github.com/thidua/thidua/events/natsstore"
)

// natsFlags are the flags of every command that can use an external NATS:
// where it is, how to authenticate and how to check its certificate.
type natsFlags struct {
	url, user, password, token, nkey, creds, tlsCA, tlsCert, tlsKey *string
}

func addNATSFlags(fs *flags, urlHelp string) *natsFlags {
	return &natsFlags{
		url:      fs.str("nats-url", "", urlHelp),
		user:     fs.str("nats-user", "", "NATS user (with --nats-password)"),
		password: fs.str("nats-password", "", "NATS password; prefer the environment variable to the command line"),
		token:    fs.str("nats-token", "", "NATS authentication token"),
		nkey:     fs.str("nats-nkey", "", "file holding the NATS user's NKey seed"),
		creds:    fs.str("nats-creds", "", "NATS credentials file (user JWT and NKey seed)"),
		tlsCA:    fs.str("nats-tls-ca", "", "CA certificate(s) that sign the NATS servers' certificates (PEM)"),
		tlsCert:  fs.str("nats-tls-cert", "", "client certificate for mutual TLS with NATS (PEM, with --nats-tls-key)"),
		tlsKey:   fs.str("nats-tls-key", "", "client certificate's private key (PEM)"),
	}
}

// config is the dial configuration, or a usage error when it cannot work.
// No URL means the embedded server: connection options then have nothing
// to apply to, and saying so beats ignoring them.
func (n *natsFlags) config() (natsstore.DialConfig, error) {
	c := natsstore.DialConfig{
		URLs: *n.url, Name: "thidua",
		User: *n.user, Password: *n.password, Token: *n.token,
		NKeyFile: *n.nkey, CredsFile: *n.creds,
		TLSCA: *n.tlsCA, TLSCert: *n.tlsCert, TLSKey: *n.tlsKey,
	}
	if c.URLs == "" {
		if c != (natsstore.DialConfig{Name: "thidua"}) {
			return c, usageError("the --nats-* connection options need --nats-url")
		}
		return c, nil
	}
	if err := c.Validate(); err != nil {
		return c, usageError(err.Error())
	}
	return c, nil
}
