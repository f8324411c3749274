package access

import (
	"strings"
	"testing"
)

func TestNewSplitMatches(t *testing.T) {
	tok, id, hash, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, Prefix+id+"_") || len(hash) != 64 {
		t.Fatalf("token %q id %q hash %q", tok, id, hash)
	}
	gotID, secret, err := Split(tok)
	if err != nil || gotID != id {
		t.Fatalf("Split: %q %v", gotID, err)
	}
	if !Matches(secret, hash) {
		t.Error("the secret does not match its own hash")
	}
	if Matches(secret+"x", hash) || Matches("", hash) {
		t.Error("a wrong secret matches")
	}
	if strings.Contains(hash, secret) {
		t.Error("the stored hash reveals the secret")
	}
	tok2, id2, _, _ := New()
	if tok2 == tok || id2 == id {
		t.Error("two tokens are equal")
	}
}

func TestSplitRefusesMalformed(t *testing.T) {
	for name, tok := range map[string]string{
		"empty":     "",
		"no prefix": "tok-abc_secret",
		"no secret": "thidua_tok-abc",
		"no id":     "thidua__secret",
		"only id":   "thidua_tok-abc_",
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := Split(tok); err != ErrMalformed {
				t.Errorf("Split(%q) = %v, want ErrMalformed", tok, err)
			}
		})
	}
}
