package natsstore

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"testing"

	"github.com/nats-io/nats.go/jetstream"
)

func TestFilesPutStatOpen(t *testing.T) {
	ctx := testContext(t)
	dir := t.TempDir()
	srv := startServer(t, dir, true)
	nc := connect(t, srv)
	files, err := OpenFiles(ctx, nc, FilesConfig{})
	if err != nil {
		t.Fatalf("OpenFiles: %v", err)
	}
	data := bytes.Repeat([]byte("%PDF-1.7 biên bản "), 20000) // several chunks
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])

	f, created, err := files.Put(ctx, "s-2024", "biên-bản.pdf", "application/pdf", data)
	if err != nil || !created {
		t.Fatalf("Put = %+v, %v, %v; want created", f, created, err)
	}
	want := File{SHA256: sha, Size: int64(len(data)), Name: "biên-bản.pdf", ContentType: "application/pdf"}
	if f != want {
		t.Errorf("Put = %+v, want %+v", f, want)
	}
	js := jetStream(t, nc)
	before := streamState(t, js)
	if s, err := js.Stream(ctx, "OBJ_"+DefaultFilesBucket); err != nil || s.CachedInfo().Config.AllowDirect {
		t.Errorf("the bucket's stream allows direct gets (%v): a replica behind could say a stored file is missing", err)
	}

	again, created, err := files.Put(ctx, "s-2024", "other-name.pdf", "application/pdf", data)
	if err != nil || created {
		t.Fatalf("second Put = %v, %v; want not created", created, err)
	}
	if again != want {
		t.Errorf("second Put = %+v, want the first upload's %+v", again, want)
	}
	if after := streamState(t, js); after.Msgs != before.Msgs || after.Bytes != before.Bytes || after.LastSeq != before.LastSeq {
		t.Errorf("the same bytes stored again: stream went from %+v to %+v", before, after)
	}

	// Another season does not see the file.
	if _, err := files.Stat(ctx, "s-2025", sha); !errors.Is(err, ErrFileNotFound) {
		t.Errorf("Stat in another season: %v, want ErrFileNotFound", err)
	}
	got, r, err := files.Open(ctx, "s-2024", sha)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	b, err := io.ReadAll(r)
	r.Close()
	if err != nil || !bytes.Equal(b, data) || got != want {
		t.Errorf("Open = %+v, %d bytes, %v; want %+v and the same bytes", got, len(b), err, want)
	}
	if n, size, err := files.Usage(ctx); err != nil || n != 1 || size != uint64(len(data)) {
		t.Errorf("Usage = %d files, %d bytes, %v; want 1, %d", n, size, err, len(data))
	}

	// After a restart of the server the file is still there.
	nc.Close()
	stopServer(srv)
	srv = startServer(t, dir, true)
	files, err = OpenFiles(ctx, connect(t, srv), FilesConfig{})
	if err != nil {
		t.Fatalf("OpenFiles after restart: %v", err)
	}
	if got, err := files.Stat(ctx, "s-2024", sha); err != nil || got != want {
		t.Errorf("Stat after restart = %+v, %v", got, err)
	}
}

// TestFilesDamaged: a stored file whose chunks are not all there (a Put
// that failed after its metadata was stored), or are out of order (a chunk
// whose publish was retried during an election), is not handed out: Stat
// and Open refuse the first, a download of the second fails its digest,
// and the next Put of the same bytes stores the file again, whole.
func TestFilesDamaged(t *testing.T) {
	tests := []struct {
		name    string
		damage  func(t *testing.T, js jetstream.JetStream, s jetstream.Stream, chunks string)
		missing bool // Stat says not found (else only the bytes are wrong)
	}{
		{"a chunk missing", func(t *testing.T, _ jetstream.JetStream, s jetstream.Stream, chunks string) {
			last, err := s.GetLastMsgForSubject(testContext(t), chunks)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.DeleteMsg(testContext(t), last.Sequence); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"chunks out of order", func(t *testing.T, js jetstream.JetStream, s jetstream.Stream, chunks string) {
			// The first chunk moves to the end, as a late retry puts it.
			ctx := testContext(t)
			first, err := s.GetMsg(ctx, 1)
			if err != nil || first.Subject != chunks {
				t.Fatalf("first message %v on %s, want the first chunk", err, first.Subject)
			}
			if err := s.DeleteMsg(ctx, first.Sequence); err != nil {
				t.Fatal(err)
			}
			if _, err := js.Publish(ctx, chunks, first.Data); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := testContext(t)
			nc := connect(t, startServer(t, t.TempDir(), false))
			js := jetStream(t, nc)
			files, err := OpenFiles(ctx, nc, FilesConfig{})
			if err != nil {
				t.Fatal(err)
			}
			data := bytes.Repeat([]byte("%PDF-1.7 "), 40000) // 3 chunks
			f, _, err := files.Put(ctx, "s", "a.pdf", "application/pdf", data)
			if err != nil {
				t.Fatal(err)
			}
			info, err := files.obs.GetInfo(ctx, objectName("s", f.SHA256))
			if err != nil {
				t.Fatal(err)
			}
			stream, err := js.Stream(ctx, "OBJ_"+DefaultFilesBucket)
			if err != nil {
				t.Fatal(err)
			}
			tc.damage(t, js, stream, "$O."+DefaultFilesBucket+".C."+info.NUID)
			_, err = files.Stat(ctx, "s", f.SHA256)
			if tc.missing != errors.Is(err, ErrFileNotFound) {
				t.Errorf("Stat: %v, want not found %v", err, tc.missing)
			}
			if !tc.missing {
				_, r, err := files.Open(ctx, "s", f.SHA256)
				if err != nil {
					t.Fatal(err)
				}
				_, err = io.ReadAll(r)
				r.Close()
				if !errors.Is(err, jetstream.ErrDigestMismatch) {
					t.Errorf("reading the reordered file: %v, want a digest mismatch", err)
				}
			}
			if _, created, err := files.Put(ctx, "s", "a.pdf", "application/pdf", data); err != nil || !created {
				t.Fatalf("Put again: %v, %v; want stored again", created, err)
			}
			_, r, err := files.Open(ctx, "s", f.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if b, err := io.ReadAll(r); err != nil || !bytes.Equal(b, data) {
				t.Errorf("after the second Put: %d bytes, %v", len(b), err)
			}
		})
	}
}

func TestOpenFilesRefusesALimitedBucket(t *testing.T) {
	ctx := testContext(t)
	nc := connect(t, startServer(t, t.TempDir(), false))
	js := jetStream(t, nc)
	if _, err := js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: DefaultFilesBucket, MaxBytes: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenFiles(ctx, nc, FilesConfig{}); !errors.Is(err, ErrIncompatibleStream) {
		t.Errorf("OpenFiles on a bucket with a size limit: %v, want ErrIncompatibleStream", err)
	}
}

func streamState(t *testing.T, js jetstream.JetStream) jetstream.StreamState {
	t.Helper()
	s, err := js.Stream(testContext(t), "OBJ_"+DefaultFilesBucket)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	return info.State
}
