package natsstore

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
)

func TestDialConfigValidate(t *testing.T) {
	const url = "nats://127.0.0.1:4222"
	tests := []struct {
		name    string
		cfg     DialConfig
		wantErr []string // substrings the error must hold; none = valid
	}{
		{name: "no URL", cfg: DialConfig{}, wantErr: []string{"no NATS URL"}},
		{name: "blank URL", cfg: DialConfig{URLs: " \t"}, wantErr: []string{"no NATS URL"}},
		{name: "user without password", cfg: DialConfig{URLs: url, User: "u"}, wantErr: []string{"needs a password"}},
		{name: "password without user", cfg: DialConfig{URLs: url, Password: "p"}, wantErr: []string{"a password a user"}},
		{
			name:    "user/password and token",
			cfg:     DialConfig{URLs: url, User: "u", Password: "p", Token: "t"},
			wantErr: []string{"choose one way", "user/password and token"},
		},
		{
			name:    "token and nkey",
			cfg:     DialConfig{URLs: url, Token: "t", NKeyFile: "u.nk"},
			wantErr: []string{"choose one way", "token and nkey"},
		},
		{
			name:    "nkey and creds",
			cfg:     DialConfig{URLs: url, NKeyFile: "u.nk", CredsFile: "u.creds"},
			wantErr: []string{"choose one way", "nkey and creds"},
		},
		{
			name:    "user/password, token and creds",
			cfg:     DialConfig{URLs: url, User: "u", Password: "p", Token: "t", CredsFile: "u.creds"},
			wantErr: []string{"choose one way", "user/password and token and creds"},
		},
		{
			name:    "a lone password counts as a way to authenticate",
			cfg:     DialConfig{URLs: url, Password: "p", NKeyFile: "u.nk"},
			wantErr: []string{"a password a user", "user/password and nkey"},
		},
		{name: "cert without key", cfg: DialConfig{URLs: url, TLSCert: "c.pem"}, wantErr: []string{"needs its key"}},
		{name: "key without cert", cfg: DialConfig{URLs: url, TLSKey: "k.pem"}, wantErr: []string{"a key its certificate"}},
		{
			name:    "every problem is reported",
			cfg:     DialConfig{User: "u", Token: "t", TLSKey: "k.pem"},
			wantErr: []string{"no NATS URL", "needs a password", "user/password and token", "needs its key"},
		},
		{name: "no auth", cfg: DialConfig{URLs: url}},
		{name: "several URLs", cfg: DialConfig{URLs: "nats://a:4222,nats://b:4222"}},
		{name: "user and password", cfg: DialConfig{URLs: url, User: "u", Password: "p"}},
		{name: "token", cfg: DialConfig{URLs: url, Token: "t"}},
		{name: "nkey", cfg: DialConfig{URLs: url, NKeyFile: "u.nk"}},
		{name: "creds", cfg: DialConfig{URLs: url, CredsFile: "u.creds"}},
		{name: "CA only", cfg: DialConfig{URLs: url, TLSCA: "ca.pem"}},
		{name: "CA, cert and key", cfg: DialConfig{URLs: url, TLSCA: "ca.pem", TLSCert: "c.pem", TLSKey: "k.pem"}},
		{name: "cert and key without CA", cfg: DialConfig{URLs: url, TLSCert: "c.pem", TLSKey: "k.pem"}},
		{
			name: "one auth method with mutual TLS",
			cfg:  DialConfig{URLs: url, CredsFile: "u.creds", TLSCA: "ca.pem", TLSCert: "c.pem", TLSKey: "k.pem"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want an error mentioning %q", tt.wantErr)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Validate() = %q, want it to mention %q", err, want)
				}
			}
			// Dial must refuse the same configuration before connecting
			// anywhere (nothing listens on port 1).
			bad := tt.cfg
			if strings.TrimSpace(bad.URLs) != "" {
				bad.URLs = "nats://127.0.0.1:1"
			}
			nc, err := Dial(bad)
			if err == nil {
				nc.Close()
				t.Fatal("Dial accepted an invalid configuration")
			}
			if !strings.Contains(err.Error(), tt.wantErr[0]) {
				t.Errorf("Dial() = %q, want the validation error %q", err, tt.wantErr[0])
			}
		})
	}
}

// badDial is a client configuration a server must refuse.
type badDial struct {
	name string
	cfg  DialConfig // URLs is filled in with the server's
	// missing is a file Dial must report as not found; "" = the server
	// must refuse the credentials (nats.ErrAuthorization).
	missing string
}

func TestDialAuthenticates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// setup configures opts to require one way to authenticate and
		// returns a client configuration that passes and some that do not.
		setup func(t *testing.T, opts *server.Options) (DialConfig, []badDial)
	}{
		{
			name: "user and password",
			setup: func(t *testing.T, opts *server.Options) (DialConfig, []badDial) {
				opts.Username, opts.Password = "thidua", "s3cret"
				return DialConfig{User: "thidua", Password: "s3cret"}, []badDial{
					{name: "wrong password", cfg: DialConfig{User: "thidua", Password: "guess"}},
					{name: "wrong user", cfg: DialConfig{User: "other", Password: "s3cret"}},
					{name: "no credentials", cfg: DialConfig{}},
				}
			},
		},
		{
			name: "token",
			setup: func(t *testing.T, opts *server.Options) (DialConfig, []badDial) {
				opts.Authorization = "t0ken"
				return DialConfig{Token: "t0ken"}, []badDial{
					{name: "wrong token", cfg: DialConfig{Token: "t0ken2"}},
					{name: "no credentials", cfg: DialConfig{}},
				}
			},
		},
		{
			name: "nkey",
			setup: func(t *testing.T, opts *server.Options) (DialConfig, []badDial) {
				dir := t.TempDir()
				user := newNKey(t, nkeys.CreateUser)
				opts.Nkeys = []*server.NkeyUser{{Nkey: publicKey(t, user)}}
				missing := filepath.Join(dir, "missing.nk")
				return DialConfig{NKeyFile: writeSeed(t, dir, "user.nk", user)}, []badDial{
					{name: "another nkey", cfg: DialConfig{NKeyFile: writeSeed(t, dir, "other.nk", newNKey(t, nkeys.CreateUser))}},
					{name: "seed file missing", cfg: DialConfig{NKeyFile: missing}, missing: missing},
					{name: "no credentials", cfg: DialConfig{}},
				}
			},
		},
		{
			name: "creds",
			setup: func(t *testing.T, opts *server.Options) (DialConfig, []badDial) {
				dir := t.TempDir()
				operator := newNKey(t, nkeys.CreateOperator)
				account := newNKey(t, nkeys.CreateAccount)
				resolver := &server.MemAccResolver{}
				if err := resolver.Store(publicKey(t, account), encodeAccount(t, account, operator)); err != nil {
					t.Fatalf("store account JWT: %v", err)
				}
				opts.TrustedKeys = []string{publicKey(t, operator)}
				opts.AccountResolver = resolver

				// A user of an account the server does not know.
				stranger := newNKey(t, nkeys.CreateAccount)
				// A valid user JWT with the seed of another user
				// (jwt.FormatUserConfig refuses to write such a file).
				victim, thief := newNKey(t, nkeys.CreateUser), newNKey(t, nkeys.CreateUser)
				stolen := strings.Replace(userCreds(t, account, victim), seed(t, victim), seed(t, thief), 1)
				missing := filepath.Join(dir, "missing.creds")
				return DialConfig{CredsFile: writeFile(t, dir, "user.creds", userCreds(t, account, newNKey(t, nkeys.CreateUser)))}, []badDial{
					{name: "account unknown to the server", cfg: DialConfig{CredsFile: writeFile(t, dir, "stranger.creds", userCreds(t, stranger, newNKey(t, nkeys.CreateUser)))}},
					{name: "seed does not match the JWT", cfg: DialConfig{CredsFile: writeFile(t, dir, "stolen.creds", stolen)}},
					{name: "creds file missing", cfg: DialConfig{CredsFile: missing}, missing: missing},
					{name: "no credentials", cfg: DialConfig{}},
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := dialServerOptions()
			good, bad := tt.setup(t, opts)
			srv := startDialServer(t, opts)
			url := srv.ClientURL()

			t.Run("right credentials", func(t *testing.T) {
				good.URLs, good.Name = url, t.Name()
				nc, err := Dial(good)
				if err != nil {
					t.Fatalf("Dial: %v", err)
				}
				t.Cleanup(nc.Close)
				roundTrip(t, nc)
			})
			for _, b := range bad {
				t.Run(b.name, func(t *testing.T) {
					b.cfg.URLs, b.cfg.Name = url, t.Name()
					nc, err := Dial(b.cfg)
					if err == nil {
						nc.Close()
						t.Fatal("Dial succeeded, want it refused")
					}
					t.Logf("refused: %v", err)
					if b.missing == "" {
						if !errors.Is(err, nats.ErrAuthorization) {
							t.Fatalf("Dial: %v, want nats.ErrAuthorization", err)
						}
					} else if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), b.missing) {
						t.Fatalf("Dial: %v, want fs.ErrNotExist naming %s", err, b.missing)
					}
					if !strings.HasPrefix(err.Error(), "natsstore: ") {
						t.Errorf("Dial: %q, want the natsstore: prefix", err)
					}
				})
			}
		})
	}
}

func TestDialTLS(t *testing.T) {
	t.Parallel()
	pki := newTestPKI(t)
	tests := []struct {
		name   string
		mutual bool // the server requires and verifies a client certificate
		cfg    DialConfig
		// natsURL dials nats://, not the tls:// the server advertises:
		// the client must still upgrade, as the server requires TLS.
		natsURL bool
		// At most one of the following; neither = connects.
		unknownCA bool   // the client must refuse the server's certificate
		alert     string // the server must refuse the client's certificate with this TLS alert
	}{
		{name: "CA given", cfg: DialConfig{TLSCA: pki.ca}},
		{name: "CA given, nats:// URL", cfg: DialConfig{TLSCA: pki.ca}, natsURL: true},
		{name: "no CA", cfg: DialConfig{}, unknownCA: true},
		{name: "another CA", cfg: DialConfig{TLSCA: newTestPKI(t).ca}, unknownCA: true},
		{name: "client cert offered, not asked for", cfg: DialConfig{TLSCA: pki.ca, TLSCert: pki.clientCert, TLSKey: pki.clientKey}},
		{name: "mutual TLS", mutual: true, cfg: DialConfig{TLSCA: pki.ca, TLSCert: pki.clientCert, TLSKey: pki.clientKey}},
		{name: "mutual TLS without client cert", mutual: true, cfg: DialConfig{TLSCA: pki.ca}, alert: "certificate required"},
		{
			// Its extended key usage is server auth only.
			name:   "mutual TLS with a server cert as client cert",
			mutual: true,
			cfg:    DialConfig{TLSCA: pki.ca, TLSCert: pki.serverCert, TLSKey: pki.serverKey},
			alert:  "bad certificate",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tc, err := server.GenTLSConfig(&server.TLSConfigOpts{
				CertFile: pki.serverCert,
				KeyFile:  pki.serverKey,
				CaFile:   pki.ca,
				Verify:   tt.mutual,
			})
			if err != nil {
				t.Fatalf("GenTLSConfig: %v", err)
			}
			opts := dialServerOptions()
			opts.TLS, opts.TLSVerify, opts.TLSConfig = true, tt.mutual, tc
			srv := startDialServer(t, opts)

			cfg := tt.cfg
			cfg.URLs, cfg.Name = srv.ClientURL(), t.Name()
			if tt.natsURL {
				cfg.URLs = "nats://" + strings.TrimPrefix(cfg.URLs, "tls://")
			}
			nc, err := Dial(cfg)
			if !tt.unknownCA && tt.alert == "" {
				if err != nil {
					t.Fatalf("Dial: %v", err)
				}
				t.Cleanup(nc.Close)
				if !nc.TLSRequired() {
					t.Error("connection is not TLS")
				}
				roundTrip(t, nc)
				return
			}
			if err == nil {
				nc.Close()
				t.Fatal("Dial succeeded, want it refused")
			}
			t.Logf("refused: %v", err)
			if tt.unknownCA {
				var unknown x509.UnknownAuthorityError
				if !errors.As(err, &unknown) {
					t.Fatalf("Dial: %v, want an x509.UnknownAuthorityError", err)
				}
				return
			}
			// With TLS 1.3 the client's handshake is over before the server
			// checks the client certificate; the client then learns of the
			// refusal either by reading the server's alert or, if the server
			// has already closed the connection, by failing to write
			// CONNECT, which nats.go reports as nats.ErrTLS.
			if strings.Contains(err.Error(), "remote error: tls: ") {
				if !strings.Contains(err.Error(), "remote error: tls: "+tt.alert) {
					t.Fatalf("Dial: %v, want the alert %q", err, tt.alert)
				}
			} else if !errors.Is(err, nats.ErrTLS) || !strings.Contains(err.Error(), "closed by remote after TLS handshake") {
				t.Fatalf("Dial: %v, want the alert %q or nats.ErrTLS", err, tt.alert)
			}
		})
	}
}

// dialServerOptions is a quiet server on a free loopback port, without
// JetStream: Dial only needs a NATS endpoint.
func dialServerOptions() *server.Options {
	return &server.Options{
		Host:   "127.0.0.1",
		Port:   server.RANDOM_PORT,
		NoSigs: true,
		NoLog:  true,
	}
}

func startDialServer(tb testing.TB, opts *server.Options) *server.Server {
	tb.Helper()
	srv, err := server.NewServer(opts)
	if err != nil {
		tb.Fatalf("NewServer: %v", err)
	}
	go srv.Start()
	tb.Cleanup(func() { stopServer(srv) })
	if !srv.ReadyForConnections(readyTimeout) {
		tb.Fatalf("server not ready after %s", readyTimeout)
	}
	return srv
}

// roundTrip checks nc can publish and subscribe: a request answered by a
// responder on the same connection.
func roundTrip(tb testing.TB, nc *nats.Conn) {
	tb.Helper()
	sub, err := nc.Subscribe("dial.echo", func(m *nats.Msg) {
		if err := m.Respond(append([]byte("echo "), m.Data...)); err != nil {
			tb.Errorf("Respond: %v", err)
		}
	})
	if err != nil {
		tb.Fatalf("Subscribe: %v", err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	reply, err := nc.RequestWithContext(testContext(tb), "dial.echo", []byte("ping"))
	if err != nil {
		tb.Fatalf("Request: %v", err)
	}
	if got := string(reply.Data); got != "echo ping" {
		tb.Fatalf("reply = %q, want %q", got, "echo ping")
	}
}

func newNKey(tb testing.TB, create func() (nkeys.KeyPair, error)) nkeys.KeyPair {
	tb.Helper()
	kp, err := create()
	if err != nil {
		tb.Fatalf("create NKey: %v", err)
	}
	return kp
}

func publicKey(tb testing.TB, kp nkeys.KeyPair) string {
	tb.Helper()
	pub, err := kp.PublicKey()
	if err != nil {
		tb.Fatalf("PublicKey: %v", err)
	}
	return pub
}

func seed(tb testing.TB, kp nkeys.KeyPair) string {
	tb.Helper()
	s, err := kp.Seed()
	if err != nil {
		tb.Fatalf("Seed: %v", err)
	}
	return string(s)
}

func writeSeed(tb testing.TB, dir, name string, kp nkeys.KeyPair) string {
	tb.Helper()
	return writeFile(tb, dir, name, seed(tb, kp)+"\n")
}

func writeFile(tb testing.TB, dir, name, content string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// encodeAccount is an account JWT signed by operator.
func encodeAccount(tb testing.TB, account, operator nkeys.KeyPair) string {
	tb.Helper()
	token, err := jwt.NewAccountClaims(publicKey(tb, account)).Encode(operator)
	if err != nil {
		tb.Fatalf("encode account JWT: %v", err)
	}
	return token
}

// userCreds is the text of a .creds file for user, signed by account.
func userCreds(tb testing.TB, account, user nkeys.KeyPair) string {
	tb.Helper()
	token, err := jwt.NewUserClaims(publicKey(tb, user)).Encode(account)
	if err != nil {
		tb.Fatalf("encode user JWT: %v", err)
	}
	creds, err := jwt.FormatUserConfig(token, []byte(seed(tb, user)))
	if err != nil {
		tb.Fatalf("FormatUserConfig: %v", err)
	}
	return string(creds)
}

// testPKI holds PEM files of a CA, a server certificate for 127.0.0.1 and
// a client certificate, all signed by that CA.
type testPKI struct {
	ca                    string
	serverCert, serverKey string
	clientCert, clientKey string
}

func newTestPKI(tb testing.TB) testPKI {
	tb.Helper()
	dir := tb.TempDir()
	now := time.Now()
	caKey := newECKey(tb)
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "thidua test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		tb.Fatalf("create CA certificate: %v", err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		tb.Fatalf("parse CA certificate: %v", err)
	}

	leaf := func(name string, serial int64, usage x509.ExtKeyUsage) (certFile, keyFile string) {
		key := newECKey(tb)
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial),
			Subject:      pkix.Name{CommonName: name},
			NotBefore:    now.Add(-time.Hour),
			NotAfter:     now.Add(time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{usage},
		}
		if usage == x509.ExtKeyUsageServerAuth {
			tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1)}
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
		if err != nil {
			tb.Fatalf("create %s certificate: %v", name, err)
		}
		keyDER, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			tb.Fatalf("marshal %s key: %v", name, err)
		}
		return writePEM(tb, dir, name+"-cert.pem", "CERTIFICATE", der),
			writePEM(tb, dir, name+"-key.pem", "PRIVATE KEY", keyDER)
	}
	p := testPKI{ca: writePEM(tb, dir, "ca.pem", "CERTIFICATE", caDER)}
	p.serverCert, p.serverKey = leaf("server", 2, x509.ExtKeyUsageServerAuth)
	p.clientCert, p.clientKey = leaf("client", 3, x509.ExtKeyUsageClientAuth)
	return p
}

func newECKey(tb testing.TB) *ecdsa.PrivateKey {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatalf("generate key: %v", err)
	}
	return key
}

func writePEM(tb testing.TB, dir, name, blockType string, der []byte) string {
	tb.Helper()
	return writeFile(tb, dir, name, string(pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der})))
}

func TestRedactURLs(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"no credentials", "nats://a:4222,nats://b:4222", "nats://a:4222,nats://b:4222"},
		{"user and password hidden", "nats://thidua:s3cret@a:4222, tls://b:4222", "nats://redacted@a:4222,tls://b:4222"},
		{"token hidden", "nats://tok3n@a:4222", "nats://redacted@a:4222"},
		{"unparsable", "nats://a:4222,nats://%zz", "nats://a:4222,(unparsable URL)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := RedactURLs(c.in); got != c.want {
				t.Errorf("RedactURLs(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
