package main

import (
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/internal/cli"
)

// natsFlags are the flags of every command that can use an external NATS:
// where it is, how to authenticate and how to check its certificate.
type natsFlags struct {
	url, user, password, token, nkey, creds, tlsCA, tlsCert, tlsKey *string
}

func addNATSFlags(fs *cli.Flags, urlHelp string) *natsFlags {
	return &natsFlags{
		url:      fs.EnvString("nats-url", "", urlHelp),
		user:     fs.EnvString("nats-user", "", "người dùng NATS (cùng --nats-password) / NATS user (with --nats-password)"),
		password: fs.EnvString("nats-password", "", "mật khẩu NATS; nên dùng biến môi trường thay vì dòng lệnh / NATS password; prefer the environment variable to the command line"),
		token:    fs.EnvString("nats-token", "", "mã xác thực NATS / NATS authentication token"),
		nkey:     fs.EnvString("nats-nkey", "", "tệp chứa hạt NKey của người dùng NATS / file holding the NATS user's NKey seed"),
		creds:    fs.EnvString("nats-creds", "", "tệp thông tin xác thực NATS (JWT người dùng và hạt NKey) / NATS credentials file (user JWT and NKey seed)"),
		tlsCA:    fs.EnvString("nats-tls-ca", "", "chứng chỉ CA ký chứng chỉ của các máy chủ NATS (PEM) / CA certificate(s) that sign the NATS servers' certificates (PEM)"),
		tlsCert:  fs.EnvString("nats-tls-cert", "", "chứng chỉ máy khách cho TLS hai chiều với NATS (PEM, cùng --nats-tls-key) / client certificate for mutual TLS with NATS (PEM, with --nats-tls-key)"),
		tlsKey:   fs.EnvString("nats-tls-key", "", "khoá riêng của chứng chỉ máy khách (PEM) / client certificate's private key (PEM)"),
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
			return c, cli.UsageError("the --nats-* connection options need --nats-url")
		}
		return c, nil
	}
	if err := c.Validate(); err != nil {
		return c, cli.UsageError(err.Error())
	}
	return c, nil
}
