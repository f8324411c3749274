package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"github.com/thidua/thidua/events"
)

// CheckFile: a file an event names is missing, or is not the file named.
const CheckFile = "file"

// FilesCheck says what the audit did with the evidence files the season's
// events name (by SHA-256, in evidence[i].file).
type FilesCheck struct {
	// Checked is false when no files were given (thidua audit without
	// --files): the log is verified, the files behind it are not.
	Checked bool `json:"checked"`
	Named   int  `json:"named"`    // distinct files the events name
	Present int  `json:"verified"` // of those, present and hashing to their name (when checked)
}

// namedFile is one evidence item naming a file.
type namedFile struct {
	seq     uint64
	id      string
	subject string
	item    int
	sha     string
	size    int64 // as the event records it
}

// files records the files an event names.
func (v *verifier) files(seq uint64, subject string, ev events.Event) {
	for i, e := range ev.Evidence {
		if e.File != "" {
			v.named = append(v.named, namedFile{seq: seq, id: ev.ID, subject: subject, item: i, sha: e.File, size: e.FileSize})
		}
	}
}

// checkFiles looks up every named file in dir, a directory that holds each
// file under its hash (thidua export --files): each must be present, hash
// to its name and have the size the event records. Each event that names a
// bad file is a problem of its own.
func (v *verifier) checkFiles(dir fs.FS) FilesCheck {
	type verdict struct {
		ok   bool
		what string
	}
	seen := map[string]bool{}
	res := FilesCheck{Checked: dir != nil}
	for _, n := range v.named {
		if !seen[n.sha] {
			res.Named++
			seen[n.sha] = true
		}
	}
	if dir == nil {
		return res
	}
	judged := map[string]verdict{}
	judge := func(sha string) verdict {
		if !events.IsFileHash(sha) {
			return verdict{what: fmt.Sprintf("names %q, which is not a file's SHA-256", sha)}
		}
		b, err := fs.ReadFile(dir, sha)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return verdict{what: fmt.Sprintf("names the file %s, which is missing", sha)}
		case err != nil:
			return verdict{what: fmt.Sprintf("names the file %s, which cannot be read: %v", sha, err)}
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != sha {
			return verdict{what: fmt.Sprintf("names the file %s, but the file of that name hashes to %s: it was altered or replaced", sha, got)}
		}
		return verdict{ok: true}
	}
	for _, n := range v.named {
		vd, ok := judged[n.sha]
		if !ok {
			vd = judge(n.sha)
			judged[n.sha] = vd
			if vd.ok {
				res.Present++
			}
		}
		if !vd.ok {
			v.fail(n.seq, n.id, n.subject, CheckFile, "evidence[%d] %s", n.item, vd.what)
			continue
		}
		if b, _ := fs.Stat(dir, n.sha); b != nil && n.size != 0 && b.Size() != n.size {
			v.fail(n.seq, n.id, n.subject, CheckFile, "evidence[%d] records the file %s as %d bytes, but it has %d", n.item, n.sha, n.size, b.Size())
		}
	}
	return res
}
