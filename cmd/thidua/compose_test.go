package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"gopkg.in/yaml.v3"
)

// composeFile is the part of the compose specification the file uses.
type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Build       string            `yaml:"build"`
	Image       string            `yaml:"image"`
	Command     []string          `yaml:"command"`
	Environment map[string]string `yaml:"environment"`
	Volumes     []string          `yaml:"volumes"`
	Ports       []string          `yaml:"ports"`
	DependsOn   map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
	Healthcheck struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
}

// composeEnv stands for the operator's environment: the file demands
// these and nothing else.
var composeEnv = map[string]string{
	"THIDUA_NATS_PASSWORD":          "nats-secret",
	"THIDUA_AUDITOR_NATS_PASSWORD":  "auditor-secret",
	"THIDUA_OPERATOR_NATS_PASSWORD": "operator-secret",
	"THIDUA_ADMIN_TOKEN":            "admin-secret",
}

// interpolate resolves ${VAR:?message}, the only form the file may use:
// a missing secret must stop compose, not become an empty password.
func interpolate(t *testing.T, text string) string {
	t.Helper()
	re := regexp.MustCompile(`\$\{([^}]*)\}`)
	return re.ReplaceAllStringFunc(text, func(m string) string {
		name, _, required := strings.Cut(m[2:len(m)-1], ":?")
		v, ok := composeEnv[name]
		if !required || !ok {
			t.Errorf("docker-compose.yml: %s: use ${NAME:?message} with one of %v", m, slices.Sorted(mapsKeys(composeEnv)))
		}
		return v
	})
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func declared(f composeFile, volume string) bool {
	_, ok := f.Volumes[volume]
	return ok
}

// mount finds the volume or directory mounted at target in a service.
func (s composeService) mount(target string) (source string, ok bool) {
	for _, v := range s.Volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 && parts[1] == target {
			return parts[0], true
		}
	}
	return "", false
}

// mountOf finds the mount that holds path.
func (s composeService) mountOf(path string) (source, target string, ok bool) {
	for _, v := range s.Volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 && (path == parts[1] || strings.HasPrefix(path, parts[1]+"/")) {
			return parts[0], parts[1], true
		}
	}
	return "", "", false
}

// TestComposeFile checks docker-compose.yml against what the binary and
// nats-server really accept: every thidua command parses with the real
// flags, the NATS configuration it mounts loads, and the names, ports,
// users, volumes and health checks agree with each other.
func TestComposeFile(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var f composeFile
	if err := yaml.Unmarshal([]byte(interpolate(t, string(raw))), &f); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	var natsNodes, serves []string
	for name, s := range f.Services {
		switch {
		case len(s.Command) > 0 && s.Command[0] == "serve":
			serves = append(serves, name)
		case strings.HasPrefix(s.Image, "nats:"):
			natsNodes = append(natsNodes, name)
		}
		for _, v := range s.Volumes {
			src := strings.Split(v, ":")[0]
			if !declared(f, src) && !strings.HasPrefix(src, ".") {
				t.Errorf("%s mounts volume %q, not declared under volumes", name, src)
			}
		}
	}
	slices.Sort(natsNodes)
	slices.Sort(serves)
	if !slices.Equal(natsNodes, []string{"nats-1", "nats-2", "nats-3"}) || len(serves) != 2 {
		t.Fatalf("want three NATS nodes and two thidua serve, have %v and %v", natsNodes, serves)
	}

	// The NATS nodes: the mounted configuration loads as each node.
	var natsConf *server.Options
	for _, name := range natsNodes {
		s := f.Services[name]
		if !slices.Equal(s.Command, []string{"--config", "/etc/nats/nats.conf"}) {
			t.Errorf("%s: command %q", name, s.Command)
		}
		if src, ok := s.mount("/etc/nats"); !ok || src != "./deploy/nats" {
			t.Errorf("%s: ./deploy/nats is not mounted at /etc/nats", name)
		}
		for k, v := range s.Environment {
			t.Setenv(k, v)
		}
		if s.Environment["NATS_SERVER_NAME"] != name {
			t.Errorf("%s: NATS_SERVER_NAME is %q", name, s.Environment["NATS_SERVER_NAME"])
		}
		o, err := server.ProcessConfigFile(filepath.Join("..", "..", "deploy", "nats", "nats.conf"))
		if err != nil {
			t.Fatalf("%s: nats.conf: %v", name, err)
		}
		if o.ServerName != name {
			t.Errorf("%s: server_name %q", name, o.ServerName)
		}
		if !o.JetStream || !o.SyncAlways || o.Cluster.Name == "" {
			t.Errorf("%s: jetstream %v, sync always %v, cluster %q: want a clustered JetStream that fsyncs every write", name, o.JetStream, o.SyncAlways, o.Cluster.Name)
		}
		if src, ok := s.mount(o.StoreDir); !ok || !declared(f, src) {
			t.Errorf("%s: the JetStream store %s is not on a volume", name, o.StoreDir)
		}
		var routes []string
		for _, r := range o.Routes {
			if r.Port() != portOf(o.Cluster.Port) {
				t.Errorf("%s: route %s, cluster listens on %d", name, r, o.Cluster.Port)
			}
			routes = append(routes, r.Hostname())
		}
		if slices.Sort(routes); !slices.Equal(routes, natsNodes) {
			t.Errorf("%s: routes to %v, the nodes are %v", name, routes, natsNodes)
		}
		if hc := strings.Join(s.Healthcheck.Test, " "); !strings.Contains(hc, "127.0.0.1:"+portOf(o.HTTPPort)+"/healthz") {
			t.Errorf("%s: health check %q does not ask the monitoring port %d", name, hc, o.HTTPPort)
		}
		natsConf = o
	}
	users := map[string]bool{}
	for _, u := range natsConf.Users {
		users[u.Username] = u.Permissions != nil
	}

	// The thidua processes: the command parses with serve's real flags and
	// points at the nodes, users and volumes above.
	keygen := f.Services["keygen"]
	dataVolumes := map[string]bool{}
	for _, name := range serves {
		s := f.Services[name]
		getenv := func(k string) string { return s.Environment[k] }
		c, err := parseServe(s.Command[1:], getenv, io.Discard)
		if err != nil {
			t.Fatalf("%s: thidua %s: %v", name, strings.Join(s.Command, " "), err)
		}
		var hosts []string
		for u := range strings.SplitSeq(c.NATS.URLs, ",") {
			pu, err := url.Parse(u)
			if err != nil || pu.Port() != portOf(natsConf.Port) {
				t.Errorf("%s: NATS URL %q, the nodes listen on %d", name, u, natsConf.Port)
				continue
			}
			hosts = append(hosts, pu.Hostname())
		}
		if slices.Sort(hosts); !slices.Equal(hosts, natsNodes) {
			t.Errorf("%s: NATS URLs name %v, the nodes are %v", name, hosts, natsNodes)
		}
		if c.Replicas != len(natsNodes) {
			t.Errorf("%s: --replicas %d on %d nodes", name, c.Replicas, len(natsNodes))
		}
		if !users[c.NATS.User] || c.NATS.Password != composeEnv["THIDUA_NATS_PASSWORD"] {
			t.Errorf("%s: NATS user %q (password set: %v) is not a user with permissions in accounts.conf", name, c.NATS.User, c.NATS.Password != "")
		}
		if c.AdminToken == "" {
			t.Errorf("%s: no admin token", name)
		}
		src, ok := s.mount(c.Data)
		if !ok || dataVolumes[src] {
			t.Errorf("%s: data %s must be a volume of its own (have %q)", name, c.Data, src)
		}
		dataVolumes[src] = true
		keySrc, keyTarget, ok := s.mountOf(c.SigningKey)
		if !ok || c.SigningKey == "" {
			t.Errorf("%s: signing key %q is not on a mounted volume", name, c.SigningKey)
		}
		if ks, kt, _ := keygen.mountOf(c.SigningKey); ks != keySrc || kt != keyTarget || keygen.Command[2] != c.SigningKey {
			t.Errorf("%s: signs with %s, which keygen does not make (%q)", name, c.SigningKey, keygen.Command)
		}
		_, port, _ := net.SplitHostPort(c.HTTPAddr)
		if hc := strings.Join(s.Healthcheck.Test, " "); !strings.Contains(hc, "127.0.0.1:"+port+"/readyz") {
			t.Errorf("%s: health check %q does not ask /readyz on port %s", name, hc, port)
		}
		for _, n := range natsNodes {
			if s.DependsOn[n].Condition != "service_healthy" {
				t.Errorf("%s: does not wait for %s to be healthy", name, n)
			}
		}
		if s.DependsOn["keygen"].Condition != "service_completed_successfully" {
			t.Errorf("%s: does not wait for keygen", name)
		}
		if s.Build != "." || s.Image != keygen.Image {
			t.Errorf("%s: build %q image %q; keygen's image is %q", name, s.Build, s.Image, keygen.Image)
		}
	}

	// keygen runs as written (its key path moved into a temp dir), twice:
	// the second run keeps the key the first made.
	dir := t.TempDir()
	args := slices.Clone(keygen.Command)
	for i, a := range args {
		args[i] = strings.Replace(a, "/keys", dir, 1)
	}
	var first, second bytes.Buffer
	for _, out := range []*bytes.Buffer{&first, &second} {
		if err := run(context.Background(), append([]string{"thidua"}, args...), noEnv, nil, out, io.Discard); err != nil {
			t.Fatalf("keygen: thidua %s: %v", strings.Join(args, " "), err)
		}
	}
	if !strings.HasPrefix(first.String(), "thidua+") || first.String() != second.String() {
		t.Errorf("keygen printed %q, then %q", first.String(), second.String())
	}
}

func portOf(p int) string { return strconv.Itoa(p) }
