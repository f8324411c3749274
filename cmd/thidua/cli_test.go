package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/internal/cli"
)

// TestDemo: `serve --demo` on an empty store opens the demo seasons of
// 2024 and 2025 and prints a token per role, and the printed tokens work.
func TestDemo(t *testing.T) {
	ts := startServer(t, "", "--demo")
	var out string
	for i := 0; i < 200 && !strings.Contains(out, "phuong-thanh-xuan"); i++ {
		out = ts.stdout.String()
		if i > 0 {
			time.Sleep(20 * time.Millisecond)
		}
	}
	tokens := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s+(committee|auditor|unit [a-z-]+)\s+(thidua_\S+)$`).FindAllStringSubmatch(out, -1) {
		tokens[m[1]] = m[2]
	}
	if len(tokens) != 2+6+8 {
		t.Fatalf("want a committee, an auditor, six 2024 and eight 2025 unit tokens, got %d in:\n%s", len(tokens), out)
	}
	if !strings.Contains(out, "#token="+tokens["auditor"]+"\n") {
		t.Errorf("no live rankings link with the auditor's token in:\n%s", out)
	}
	// The same tokens as shell variables, for the README's first steps.
	for i := 0; i < 200 && !strings.Contains(ts.stdout.String(), "demo-tokens.sh"); i++ {
		time.Sleep(20 * time.Millisecond)
	}
	file := filepath.Join(ts.data, "demo-tokens.sh")
	sh, err := exec.Command("bash", "-c", `. "$1" && printf '%s %s %s' "$UNIT_TOKEN" "$COMMITTEE_TOKEN" "$ADMIN_TOKEN"`, "-", file).Output()
	if err != nil || string(sh) != tokens["unit cau-giay"]+" "+tokens["committee"]+" "+testAdmin {
		t.Errorf("%s as shell variables: %v %q", file, err, sh)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("%s: %v, mode %v, want 0600", file, err, st.Mode())
	}
	page, _ := ts.do(http.MethodGet, "/", "", nil, nil)
	if page != http.StatusOK {
		t.Errorf("GET /: %d", page)
	}
	var season struct{ Members []struct{ ID string } }
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID, tokens["auditor"], nil, &season); st != 200 || len(season.Members) != 6 {
		t.Fatalf("demo season: %d %s", st, b)
	}
	st, b, _ := ts.post(tokens["unit cau-giay"], `{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"propaganda","title":"Tuyên truyền"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`)
	if st != http.StatusCreated {
		t.Errorf("demo unit token: %d %s", st, b)
	}
	// 2025: a season of its own vocabulary, wards as members.
	var s25 struct {
		Members   []struct{ ID string }
		Catalogue events.Catalogue
	}
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeason2025ID, tokens["auditor"], nil, &s25); st != 200 || len(s25.Members) != 8 {
		t.Fatalf("2025 demo season: %d %s", st, b)
	}
	if _, ok := s25.Catalogue.Occasion("gpmn50"); !ok {
		t.Errorf("2025 occasions: %+v", s25.Catalogue.Occasions)
	}
	fact := `{"type":"activity.held","unit":"phuong-nghia-do","date":"2025-09-02","data":{"kind":"commemoration","occasion":"qk80","title":"Kỷ niệm 80 năm Quốc khánh"},"evidence":[{"kind":"document","title":"Báo cáo"}]}`
	path := "/api/v1/seasons/" + domain.DemoSeason2025ID + "/events"
	st, b = ts.do(http.MethodPost, path, tokens["unit phuong-nghia-do"], []byte(fact), nil)
	if st != http.StatusCreated {
		t.Errorf("a 2025 fact: %d %s", st, b)
	}
	old := strings.Replace(fact, `"qk80"`, `"dbp70"`, 1)
	if st, b = ts.do(http.MethodPost, path, tokens["unit phuong-nghia-do"], []byte(old), nil); st != http.StatusBadRequest || !strings.Contains(string(b), `"field":"data.occasion"`) {
		t.Errorf("a 2024 occasion in 2025: %d %s", st, b)
	}
	// The committee's and the auditor's tokens are bound to the demo's
	// cluster: they act there and nowhere else, and say so.
	cluster := domain.DemoSeason().Cluster.ID
	if !strings.Contains(out, "bound to cluster "+cluster) {
		t.Errorf("the demo does not say its tokens are bound to %s:\n%s", cluster, out)
	}
	for _, c := range []struct {
		name   string
		req    map[string]string
		status int
	}{
		{"a committee token of its cluster", map[string]string{"role": "committee", "cluster": cluster}, http.StatusCreated},
		{"an unbound committee token", map[string]string{"role": "committee"}, http.StatusForbidden},
	} {
		if st, _, _, b := ts.issueAs(tokens["committee"], c.req); st != c.status {
			t.Errorf("the demo committee issuing %s: %d %s, want %d", c.name, st, b, c.status)
		}
	}
	other := domain.DemoSeason()
	other.Cluster.ID = "hn-mttq-cum3"
	ts.openSeason("hn-mttq-cum3-2024", other)
	for _, who := range []string{"committee", "auditor"} {
		if st, b := ts.do(http.MethodGet, "/api/v1/seasons/hn-mttq-cum3-2024", tokens[who], nil, nil); st != http.StatusForbidden {
			t.Errorf("the demo %s reads another cluster's season: %d %s", who, st, b)
		}
	}
}

// TestSubmitAndTokenCommands drives the client commands against a server.
func TestSubmitAndTokenCommands(t *testing.T) {
	ts := startServer(t, "")
	ts.openDemoSeason()
	env := func(k string) string {
		if k == "THIDUA_SERVER" {
			return ts.url // flags read THIDUA_<NAME>
		}
		return ""
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"thidua", "token", "--token", testAdmin, "--role", "unit", "--unit", "tay-ho"}, env, nil, &out, &errOut); err != nil {
		t.Fatalf("token: %v %s", err, errOut.String())
	}
	tok := strings.TrimSpace(out.String())
	if !strings.HasPrefix(tok, "thidua_tok-") || strings.Contains(tok, "\n") {
		t.Fatalf("token printed %q, want the token alone", out.String())
	}
	file := filepath.Join(t.TempDir(), "fact.json")
	os.WriteFile(file, []byte(`{"id":"th-1","type":"model.recognized","unit":"tay-ho","date":"2024-09-01","data":{"model":"pho-xanh","name":"Phố xanh","level":"city"},"evidence":[{"kind":"decision","title":"Quyết định công nhận"}]}`), 0o600)
	out.Reset()
	if err := run(context.Background(), []string{"thidua", "submit", "--token", tok, file}, env, nil, &out, io.Discard); err != nil {
		t.Fatalf("submit: %v", err)
	}
	if !strings.Contains(out.String(), `"id":"th-1"`) {
		t.Errorf("submit printed %s", out.String())
	}
	// A refused event is an error that names the code and the field.
	err := run(context.Background(), []string{"thidua", "submit", "--token", tok, "-"}, env,
		strings.NewReader(`{"type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"other","title":"x"},"evidence":[{"kind":"document","title":"y"}]}`), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "403 forbidden") {
		t.Errorf("submit for another unit: %v", err)
	}

	// --cluster binds a committee or auditor token.
	other := domain.DemoSeason()
	other.Cluster.ID = "hn-mttq-cum3"
	ts.openSeason("hn-mttq-cum3-2024", other)
	out.Reset()
	if err := run(context.Background(), []string{"thidua", "token", "--token", testAdmin, "--role", "auditor", "--cluster", "hn-mttq-cum3"}, env, nil, &out, io.Discard); err != nil {
		t.Fatalf("token --cluster: %v", err)
	}
	bound := strings.TrimSpace(out.String())
	for season, want := range map[string]int{"hn-mttq-cum3-2024": http.StatusOK, domain.DemoSeasonID: http.StatusForbidden} {
		if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+season, bound, nil, nil); st != want {
			t.Errorf("a token bound with --cluster reads %s: %d %s, want %d", season, st, b, want)
		}
	}
}

func TestUsage(t *testing.T) {
	for name, args := range map[string][]string{
		"no command":                    {"thidua"},
		"unknown command":               {"thidua", "dance"},
		"bad flag":                      {"thidua", "serve", "--no-such-flag"},
		"audit sources":                 {"thidua", "audit", "--season", "x"},
		"nats options without a URL":    {"thidua", "serve", "--nats-user", "u", "--nats-password", "p"},
		"two ways to authenticate":      {"thidua", "serve", "--nats-url", "nats://a", "--nats-token", "t", "--nats-creds", "c"},
		"user without password":         {"thidua", "serve", "--nats-url", "nats://a", "--nats-user", "u"},
		"certificate without its key":   {"thidua", "export", "--season", "s", "--nats-url", "nats://a", "--nats-tls-cert", "c.pem"},
		"replicas on the embedded node": {"thidua", "serve", "--replicas", "3"},
		"too many replicas":             {"thidua", "serve", "--nats-url", "nats://a", "--replicas", "7"},
		"serve arguments":               {"thidua", "serve", "extra"},
		"create without a key file":     {"thidua", "key", "--create"},
	} {
		t.Run(name, func(t *testing.T) {
			err := run(context.Background(), args, func(string) string { return "" }, nil, io.Discard, io.Discard)
			if _, ok := err.(cli.UsageError); !ok || exitCode(err) != 2 {
				t.Errorf("got %v, want a usage error (exit 2)", err)
			}
		})
	}
}

// TestSharedSigningKey: the key every serve of one cluster shares is made
// once by thidua key --create, kept on later runs, and signs in serve.
func TestSharedSigningKey(t *testing.T) {
	file := filepath.Join(t.TempDir(), "keys", "checkpoint.key")
	missing := run(context.Background(), []string{"thidua", "serve", "--data", t.TempDir(), "--http", "127.0.0.1:0", "--signing-key", file}, noEnv, nil, io.Discard, io.Discard)
	if missing == nil || !strings.Contains(missing.Error(), "thidua key --signing-key "+file+" --create") {
		t.Errorf("serve with a missing key: %v, want how to make it", missing)
	}
	pub := runOK(t, "key", "--signing-key", file, "--create")
	if again := runOK(t, "key", "--signing-key", file, "--create"); again != pub {
		t.Errorf("a second --create changed the key: %q then %q", pub, again)
	}
	if shown := runOK(t, "key", "--signing-key", file); shown != pub {
		t.Errorf("key printed %q, --create printed %q", shown, pub)
	}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "checkpoint.pub")); err != nil || string(b) != pub {
		t.Errorf("checkpoint.pub beside the key: %q %v, want %q", b, err, pub)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v %v, want mode 0600", fi, err)
	}
	ts := startServer(t, "", "--signing-key", file)
	ts.openDemoSeason()
	var r struct {
		PublicKey string `json:"public_key"`
	}
	if st, b := ts.do(http.MethodGet, "/api/v1/seasons/"+domain.DemoSeasonID+"/checkpoints", testAdmin, nil, &r); st != http.StatusOK || r.PublicKey+"\n" != pub {
		t.Errorf("serve signs with %q (%d %s), want %q", r.PublicKey, st, b, pub)
	}
	if _, err := os.Stat(filepath.Join(ts.data, "checkpoint.key")); !os.IsNotExist(err) {
		t.Errorf("serve with --signing-key made a key of its own in its data dir: %v", err)
	}
}

// TestHelpVersionAndEnvironment: --help answers every command with what
// it does and its flags, each in Vietnamese and English, and exit 0; version says the build; an environment value that does
// not parse is a usage error (exit 2) naming the variable, never ignored.
func TestHelpVersionAndEnvironment(t *testing.T) {
	for _, cmd := range []string{"serve", "submit", "token", "audit", "export", "repair", "key"} {
		for _, h := range []string{"--help", "-h"} {
			t.Run(cmd+" "+h, func(t *testing.T) {
				var errOut bytes.Buffer
				if err := run(context.Background(), []string{"thidua", cmd, h}, noEnv, nil, io.Discard, &errOut); err != nil {
					t.Errorf("exit %d: %v", exitCode(err), err)
				}
				help := errOut.String()
				if !strings.HasPrefix(help, "thidua "+cmd+" — ") || !strings.Contains(help, "Cờ / flags:") {
					t.Fatalf("no usage of %s printed: %q", cmd, help)
				}
				// Each flag's description is "Vietnamese / English".
				for _, line := range strings.Split(help, "\n") {
					if strings.HasPrefix(line, "    \t") && !strings.Contains(line, " / ") {
						t.Errorf("%s: a flag described in one language: %q", cmd, line)
					}
				}
			})
		}
	}
	for _, args := range [][]string{{"thidua", "version"}, {"thidua", "--version"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, noEnv, nil, &out, io.Discard); err != nil || !strings.HasPrefix(out.String(), "thidua ") {
			t.Errorf("%v: %v %q", args[1:], err, out.String())
		}
	}
	for _, c := range []struct {
		cmd, name, value string
	}{
		{"serve", "THIDUA_MAX_CONNS", "many"},
		{"serve", "THIDUA_DEMO", "oui"},
		{"serve", "THIDUA_CHECKPOINT_EVERY", "often"},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := func(k string) string {
				if k == c.name {
					return c.value
				}
				return ""
			}
			err := run(context.Background(), []string{"thidua", c.cmd, "--data", t.TempDir()}, env, nil, io.Discard, io.Discard)
			if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), c.name) {
				t.Errorf("%s=%s: %v (exit %d), want a usage error naming the variable", c.name, c.value, err, exitCode(err))
			}
		})
	}
}
