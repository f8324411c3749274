// Package access holds API tokens: their format, generation and the
// constant-time check of a presented token against its stored hash.
package access

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"strings"
)

// Prefix marks thidua tokens so that leaked ones can be found by a scanner.
const Prefix = "thidua_"

var enc = base32.StdEncoding.WithPadding(base32.NoPadding)

// New makes a token: "thidua_<id>_<secret>". The id is public (it names
// the token in logs, events and DELETE /tokens/{id}); the secret is shown
// once and only its SHA-256 is kept.
func New() (token, id, hash string, err error) {
	idb := make([]byte, 5)
	sec := make([]byte, 32)
	if _, err := rand.Read(idb); err != nil {
		return "", "", "", err
	}
	if _, err := rand.Read(sec); err != nil {
		return "", "", "", err
	}
	id = "tok-" + strings.ToLower(enc.EncodeToString(idb))
	secret := strings.ToLower(enc.EncodeToString(sec))
	return Prefix + id + "_" + secret, id, Hash(secret), nil
}

// Hash is the stored form of a secret.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// ErrMalformed is a presented token that is not of thidua's form.
var ErrMalformed = errors.New("malformed token")

// Split returns the id and the secret of a presented token.
func Split(token string) (id, secret string, err error) {
	rest, ok := strings.CutPrefix(token, Prefix)
	if !ok {
		return "", "", ErrMalformed
	}
	id, secret, ok = strings.Cut(rest, "_")
	if !ok || id == "" || secret == "" {
		return "", "", ErrMalformed
	}
	return id, secret, nil
}

// Matches compares a presented secret with a stored hash in constant time.
func Matches(secret, storedHash string) bool {
	return subtle.ConstantTimeCompare([]byte(Hash(secret)), []byte(storedHash)) == 1
}
