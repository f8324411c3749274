package seal

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/mod/sumdb/tlog"
)

// mth is RFC 6962's Merkle tree hash, written from the definition as an
// oracle for the tree that tlog keeps.
func mth(leaves [][]byte) tlog.Hash {
	switch len(leaves) {
	case 0:
		return sha256.Sum256(nil)
	case 1:
		return sha256.Sum256(append([]byte{0}, leaves[0]...))
	}
	k := 1
	for k*2 < len(leaves) {
		k *= 2
	}
	l, r := mth(leaves[:k]), mth(leaves[k:])
	return sha256.Sum256(append(append([]byte{1}, l[:]...), r[:]...))
}

func TestTreeRootIsRFC6962(t *testing.T) {
	var tree Tree
	var leaves [][]byte
	for n := 1; n <= 33; n++ {
		h := ChainHash([]byte{byte(n)})
		leaves = append(leaves, LeafData(uint64(n*3), "thidua.ev.s.u.a", h))
		if err := tree.Add(LeafHash(uint64(n*3), "thidua.ev.s.u.a", h)); err != nil {
			t.Fatal(err)
		}
	}
	for n := 1; n <= len(leaves); n++ {
		got, err := tree.Root(int64(n))
		if err != nil {
			t.Fatal(err)
		}
		if want := mth(leaves[:n]); got != want {
			t.Errorf("size %d: root %s, RFC 6962 gives %s", n, got, tlog.Hash(want))
		}
	}
	if _, err := tree.Root(34); err == nil {
		t.Error("a root beyond the tree's size")
	}
}

func TestLeafDataBindsPlaceAndBytes(t *testing.T) {
	base := LeafHash(7, "thidua.ev.s.u.a", ChainHash([]byte(`{"id":"x"}`)))
	for _, c := range []struct {
		name    string
		seq     uint64
		subject string
		data    string
	}{
		{"another seq", 8, "thidua.ev.s.u.a", `{"id":"x"}`},
		{"another subject", 7, "thidua.ev.s.u.b", `{"id":"x"}`},
		{"another byte", 7, "thidua.ev.s.u.a", `{"id":"y"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if LeafHash(c.seq, c.subject, ChainHash([]byte(c.data))) == base {
				t.Error("same leaf hash")
			}
		})
	}
}

func TestCheckpointText(t *testing.T) {
	root := tlog.RecordHash([]byte("x"))
	cases := []struct {
		name string
		cp   Checkpoint
	}{
		{"periodic", Checkpoint{Season: "hn-mttq-cum2-2024", Size: 12, Root: root, Seq: 40}},
		{"closing", Checkpoint{Season: "hn-mttq-cum2-2024", Size: 13, Root: root, Seq: 41, FinalRanking: RankingHash([]byte(`[]`)),
			Heads: []Head{{"thidua.ev.hn-mttq-cum2-2024.committee", 41, ChainHash([]byte("a"))}, {"thidua.ev.hn-mttq-cum2-2024.u.cau-giay", 30, ChainHash([]byte("b"))}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseCheckpoint(c.cp.Text())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.cp) {
				t.Errorf("round trip %+v, want %+v", got, c.cp)
			}
		})
	}
	good := cases[1].cp.Text()
	for _, c := range []struct{ name, text string }{
		{"empty", ""},
		{"no final newline", strings.TrimSuffix(good, "\n")},
		{"another origin", strings.Replace(good, "thidua/", "other/", 1)},
		{"size zero", strings.Replace(good, "\n13\n", "\n0\n", 1)},
		{"size with a sign", strings.Replace(good, "\n13\n", "\n+13\n", 1)},
		{"short root", strings.Replace(good, root.String(), "AAAA", 1)},
		{"no seq", strings.Replace(good, "seq 41", "seq", 1)},
		{"upper-case hash", strings.Replace(good, "final-ranking ", "final-ranking "+strings.Repeat("A", 64)+"x", 1)},
		{"an extra line", good + "more\n"},
		{"heads out of order", strings.Replace(good, ".committee", ".zz", 1)},
		{"a head without a hash", strings.Replace(good, " 30 ", " 30 x", 1)},
	} {
		t.Run("refuses "+c.name, func(t *testing.T) {
			if _, err := ParseCheckpoint(c.text); err == nil {
				t.Errorf("accepted %q", c.text)
			}
		})
	}
}

func TestKeySignAndVerify(t *testing.T) {
	dir := t.TempDir()
	s, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	if again.PublicKey() != s.PublicKey() {
		t.Fatal("a second start made another key")
	}
	pub, err := os.ReadFile(filepath.Join(dir, PublicKeyFile))
	if err != nil || strings.TrimSpace(string(pub)) != s.PublicKey() {
		t.Fatalf("public key file %q, %v; want %q", pub, err, s.PublicKey())
	}
	if fi, err := os.Stat(filepath.Join(dir, PrivateKeyFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("private key file: %v %v", fi.Mode(), err)
	}
	cp := Checkpoint{Season: "s-2024", Size: 3, Root: tlog.RecordHash([]byte("r")), Seq: 9}
	msg, err := s.Sign(cp)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVerifier(string(pub))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := v.Open(msg); err != nil || !reflect.DeepEqual(got, cp) {
		t.Fatalf("open: %+v %v", got, err)
	}
	if got, err := ParseSigned(msg); err != nil || !reflect.DeepEqual(got, cp) {
		t.Fatalf("parse unverified: %+v %v", got, err)
	}
	other, err := LoadOrCreateKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	forged, err := other.Sign(cp)
	if err != nil {
		t.Fatal(err)
	}
	altered := []byte(strings.Replace(string(msg), "\n3\n", "\n4\n", 1))
	for name, m := range map[string][]byte{"another key": forged, "altered text": altered} {
		if _, err := v.Open(m); err == nil {
			t.Errorf("%s: verified", name)
		}
	}
}

// TestCreateKeyRace: serve processes sharing a directory that start at
// once agree on one key, and none reads a half-written file.
func TestCreateKeyRace(t *testing.T) {
	dir := t.TempDir()
	priv, pub := filepath.Join(dir, "checkpoint.key"), filepath.Join(dir, "checkpoint.pub")
	const n = 8
	type result struct {
		created bool
		public  string
		err     error
	}
	results := make(chan result, n)
	for range n {
		go func() {
			created, err := CreateKey(priv, pub)
			if err != nil {
				results <- result{err: err}
				return
			}
			s, err := LoadKey(priv)
			if err != nil {
				results <- result{err: err}
				return
			}
			results <- result{created: created, public: s.PublicKey()}
		}()
	}
	made, keys := 0, map[string]bool{}
	for range n {
		r := <-results
		if r.err != nil {
			t.Fatal(r.err)
		}
		if r.created {
			made++
		}
		keys[r.public] = true
	}
	if made != 1 || len(keys) != 1 {
		t.Errorf("%d processes made a key; %d different keys seen", made, len(keys))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}
