package seal

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// Checkpoint commits to the first Size events of a season. Its text is a
// C2SP-style checkpoint body (origin, size, root in base64) with extension
// lines:
//
//	thidua/<season>
//	<size>
//	<root hash, base64>
//	seq <stream sequence of the last event covered>
//	final-ranking <hex sha256 of the final ranking>   (closed seasons only)
//	head <subject> <seq> <chain hash>                 (one per subject, sorted)
//
// The heads pin the last event of every subject, which no later event
// chains to: with them an altered or dropped last event is named exactly.
type Checkpoint struct {
	Season string
	Size   int64
	Root   tlog.Hash
	Seq    uint64
	// FinalRanking is RankingHash of the final ranking with the first Size
	// events folded in; set once the season is closed.
	FinalRanking string
	Heads        []Head
}

// Head is the last event on one subject among the events a checkpoint
// covers: its stream sequence and ChainHash.
type Head struct {
	Subject string
	Seq     uint64
	Hash    string
}

// Closing reports whether the checkpoint carries the final ranking.
func (c Checkpoint) Closing() bool { return c.FinalRanking != "" }

// Text is the checkpoint's note text.
func (c Checkpoint) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "thidua/%s\n%d\n%s\nseq %d\n", c.Season, c.Size, base64.StdEncoding.EncodeToString(c.Root[:]), c.Seq)
	if c.FinalRanking != "" {
		fmt.Fprintf(&b, "final-ranking %s\n", c.FinalRanking)
	}
	for _, h := range c.Heads {
		fmt.Fprintf(&b, "head %s %d %s\n", h.Subject, h.Seq, h.Hash)
	}
	return b.String()
}

var (
	hexHash   = regexp.MustCompile(`^[0-9a-f]{64}$`)
	seasonID  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	errFormat = errors.New("not a thidua checkpoint")
)

// ParseCheckpoint reads a checkpoint's note text.
func ParseCheckpoint(text string) (Checkpoint, error) {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 4 || !strings.HasSuffix(text, "\n") {
		return Checkpoint{}, fmt.Errorf("%w: want at least 4 lines", errFormat)
	}
	var c Checkpoint
	var ok bool
	if c.Season, ok = strings.CutPrefix(lines[0], "thidua/"); !ok || !seasonID.MatchString(c.Season) {
		return Checkpoint{}, fmt.Errorf("%w: origin %q", errFormat, lines[0])
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 1 || strconv.FormatInt(size, 10) != lines[1] {
		return Checkpoint{}, fmt.Errorf("%w: size %q", errFormat, lines[1])
	}
	c.Size = size
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return Checkpoint{}, fmt.Errorf("%w: root %q", errFormat, lines[2])
	}
	copy(c.Root[:], root)
	seq, ok := strings.CutPrefix(lines[3], "seq ")
	if c.Seq, err = strconv.ParseUint(seq, 10, 64); !ok || err != nil || c.Seq == 0 {
		return Checkpoint{}, fmt.Errorf("%w: %q", errFormat, lines[3])
	}
	rest := lines[4:]
	if len(rest) > 0 && strings.HasPrefix(rest[0], "final-ranking ") {
		if c.FinalRanking = strings.TrimPrefix(rest[0], "final-ranking "); !hexHash.MatchString(c.FinalRanking) {
			return Checkpoint{}, fmt.Errorf("%w: %q", errFormat, rest[0])
		}
		rest = rest[1:]
	}
	for _, line := range rest {
		f := strings.Fields(line)
		if len(f) != 4 || f[0] != "head" || !hexHash.MatchString(f[3]) {
			return Checkpoint{}, fmt.Errorf("%w: %q", errFormat, line)
		}
		seq, err := strconv.ParseUint(f[2], 10, 64)
		if err != nil || seq == 0 {
			return Checkpoint{}, fmt.Errorf("%w: %q", errFormat, line)
		}
		if n := len(c.Heads); n > 0 && c.Heads[n-1].Subject >= f[1] {
			return Checkpoint{}, fmt.Errorf("%w: heads out of order at %q", errFormat, line)
		}
		c.Heads = append(c.Heads, Head{Subject: f[1], Seq: seq, Hash: f[3]})
	}
	if c.Text() != text {
		return Checkpoint{}, fmt.Errorf("%w: not in canonical form", errFormat)
	}
	return c, nil
}

// Key file names in the data directory.
const (
	PrivateKeyFile = "checkpoint.key"
	PublicKeyFile  = "checkpoint.pub"
)

// keyName names the signer inside every signature line.
const keyName = "thidua"

// Signer signs checkpoints with the committee's Ed25519 key.
type Signer struct {
	signer note.Signer
	public string
}

// LoadOrCreateKey reads the signing key from dir, making it (and its
// public half, in PublicKeyFile) on first start. The private key never
// leaves the file it is written to (mode 0600).
func LoadOrCreateKey(dir string) (*Signer, error) {
	priv := filepath.Join(dir, PrivateKeyFile)
	if _, err := CreateKey(priv, filepath.Join(dir, PublicKeyFile)); err != nil {
		return nil, err
	}
	return LoadKey(priv)
}

// LoadKey reads a signing key file (an error wrapping os.ErrNotExist when
// there is none).
func LoadKey(path string) (*Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read signing key: %w", err)
	}
	skey := strings.TrimSpace(string(b))
	s, err := note.NewSigner(skey)
	if err != nil {
		return nil, fmt.Errorf("signing key %s: %w", path, err)
	}
	pub, err := publicKey(skey)
	if err != nil {
		return nil, fmt.Errorf("signing key %s: %w", path, err)
	}
	return &Signer{signer: s, public: pub}, nil
}

// CreateKey makes a key pair at priv (mode 0600) and pub unless priv
// exists; created says whether it did. The private file appears whole or
// not at all (written aside, then linked into place), so two processes
// starting at once agree on one key and neither reads half of it.
func CreateKey(priv, pub string) (created bool, err error) {
	if _, err := os.Stat(priv); err == nil {
		return false, nil
	}
	skey, vkey, err := note.GenerateKey(rand.Reader, keyName)
	if err != nil {
		return false, fmt.Errorf("make signing key: %w", err)
	}
	dir := filepath.Dir(priv)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false, fmt.Errorf("make signing key: %w", err)
	}
	f, err := os.CreateTemp(dir, ".signing-key-*")
	if err != nil {
		return false, fmt.Errorf("write signing key: %w", err)
	}
	defer os.Remove(f.Name())
	_, werr := f.WriteString(skey + "\n")
	if err := errors.Join(werr, f.Chmod(0o600), f.Sync(), f.Close()); err != nil {
		return false, fmt.Errorf("write signing key: %w", err)
	}
	if err := os.Link(f.Name(), priv); errors.Is(err, os.ErrExist) {
		return false, nil // another process made it first
	} else if err != nil {
		return false, fmt.Errorf("write signing key: %w", err)
	}
	if err := os.WriteFile(pub, []byte(vkey+"\n"), 0o644); err != nil {
		return true, fmt.Errorf("write public key: %w", err)
	}
	return true, nil
}

// publicKey derives the verifier key from a private key string
// ("PRIVATE+KEY+<name>+<hash>+<base64 of 0x01 and the Ed25519 seed>").
func publicKey(skey string) (string, error) {
	parts := strings.SplitN(skey, "+", 5)
	if len(parts) != 5 {
		return "", errors.New("malformed private key")
	}
	key, err := base64.StdEncoding.DecodeString(parts[4])
	if err != nil || len(key) != 1+ed25519.SeedSize || key[0] != 1 {
		return "", errors.New("malformed private key")
	}
	pub := ed25519.NewKeyFromSeed(key[1:]).Public().(ed25519.PublicKey)
	return note.NewEd25519VerifierKey(parts[2], pub)
}

// PublicKey is the verifier key an auditor passes to thidua audit --key.
func (s *Signer) PublicKey() string { return s.public }

// Sign signs a checkpoint as a note.
func (s *Signer) Sign(c Checkpoint) ([]byte, error) {
	return note.Sign(&note.Note{Text: c.Text()}, s.signer)
}

// ErrSignature marks a checkpoint whose signature does not verify with the
// given key (or that the key did not sign).
var ErrSignature = errors.New("checkpoint signature does not verify")

// Verifier checks checkpoints against one public key.
type Verifier struct {
	v note.Verifier
}

// NewVerifier reads a public key as PublicKey writes it.
func NewVerifier(vkey string) (*Verifier, error) {
	v, err := note.NewVerifier(strings.TrimSpace(vkey))
	if err != nil {
		return nil, fmt.Errorf("public key: %w", err)
	}
	return &Verifier{v: v}, nil
}

// Name is the key's name and hash, as signature lines show it.
func (v *Verifier) Name() string { return fmt.Sprintf("%s+%08x", v.v.Name(), v.v.KeyHash()) }

// Open verifies a signed checkpoint and parses it.
func (v *Verifier) Open(msg []byte) (Checkpoint, error) {
	n, err := note.Open(msg, note.VerifierList(v.v))
	if err != nil {
		return Checkpoint{}, fmt.Errorf("%w: %v", ErrSignature, err)
	}
	return ParseCheckpoint(n.Text)
}

// ParseSigned parses a signed checkpoint without checking its signature:
// the read model records what is on the log; the audit verifies.
func ParseSigned(msg []byte) (Checkpoint, error) {
	n, err := note.Open(msg, note.VerifierList())
	var unverified *note.UnverifiedNoteError
	if errors.As(err, &unverified) {
		n, err = unverified.Note, nil
	}
	if err != nil {
		return Checkpoint{}, fmt.Errorf("%w: %v", errFormat, err)
	}
	return ParseCheckpoint(n.Text)
}
