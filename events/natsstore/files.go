package natsstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DefaultFilesBucket is the Object Store bucket holding every season's
// evidence files; its stream is "OBJ_" + the bucket.
const DefaultFilesBucket = "THIDUA_FILES"

// ErrFileNotFound reports that a season's store holds no file with a hash.
var ErrFileNotFound = errors.New("natsstore: no such file")

// FilesConfig selects the Object Store bucket.
type FilesConfig struct {
	Bucket string // default DefaultFilesBucket
	// Replicas as for the log's stream: 0 keeps an existing bucket's (and
	// creates one with 1).
	Replicas int
	// Existing binds to the bucket only, never creating or changing it:
	// export reads with an auditor's rights.
	Existing bool
}

// Files is the evidence store: one JetStream Object Store bucket on the
// log's connection, so the files live (and replicate, and sync) exactly
// where the log does. An object is named "<season>/<sha256 hex>": the
// content is the key, and a season sees only its own files.
type Files struct {
	obs    jetstream.ObjectStore
	stream jetstream.Stream // the bucket's stream, to count a file's chunks
	bucket string
}

// File describes a stored file.
type File struct {
	SHA256      string // hex, lower case
	Size        int64
	Name        string // the name given at the first upload of these bytes
	ContentType string // decided from the bytes by the uploader's server
}

// Object metadata keys.
const (
	metaName        = "thidua-name"
	metaContentType = "thidua-content-type"
	metaSHA256      = "thidua-sha256"
)

// OpenFiles binds to the bucket, creating it on first use with file
// storage and cfg's replicas (at least 1). An existing bucket must use file
// storage and have no age or size limits: evidence named by the log is kept
// as long as the log.
func OpenFiles(ctx context.Context, nc *nats.Conn, cfg FilesConfig) (*Files, error) {
	if cfg.Bucket == "" {
		cfg.Bucket = DefaultFilesBucket
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("natsstore: jetstream: %w", err)
	}
	want := jetstream.ObjectStoreConfig{
		Bucket:      cfg.Bucket,
		Description: "thidua evidence files, by season and SHA-256; named by the log",
		Storage:     jetstream.FileStorage,
		Replicas:    max(cfg.Replicas, 1),
	}
	obs, err := js.ObjectStore(ctx, cfg.Bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) && !cfg.Existing {
		obs, err = js.CreateObjectStore(ctx, want)
		if errors.Is(err, jetstream.ErrBucketExists) {
			obs, err = js.ObjectStore(ctx, cfg.Bucket) // made concurrently
		}
	}
	if err != nil {
		return nil, fmt.Errorf("natsstore: object store %s: %w", cfg.Bucket, err)
	}
	st, err := obs.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("natsstore: object store %s: %w", cfg.Bucket, err)
	}
	info := st.(*jetstream.ObjectBucketStatus).StreamInfo().Config
	var bad []string
	if info.Storage != jetstream.FileStorage {
		bad = append(bad, "storage is not file")
	}
	if info.MaxAge > 0 || info.MaxBytes > 0 {
		bad = append(bad, "has an age or size limit")
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%w: object store %s: %v", ErrIncompatibleStream, cfg.Bucket, bad)
	}
	if !cfg.Existing && cfg.Replicas > 0 && info.Replicas != cfg.Replicas {
		if _, err = js.UpdateObjectStore(ctx, want); err != nil {
			return nil, fmt.Errorf("natsstore: object store %s: set replicas: %w", cfg.Bucket, err)
		}
	}
	stream, err := js.Stream(ctx, "OBJ_"+cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("natsstore: object store %s: %w", cfg.Bucket, err)
	}
	// The Object Store lets any replica answer a metadata read (direct
	// get), and a replica a step behind answers "no such file" for one
	// just stored: a fact naming it would be refused. Reads go to the
	// leader instead.
	if sc := stream.CachedInfo().Config; sc.AllowDirect && !cfg.Existing {
		sc.AllowDirect = false
		if stream, err = js.UpdateStream(ctx, sc); err != nil {
			return nil, fmt.Errorf("natsstore: object store %s: leader reads: %w", cfg.Bucket, err)
		}
	}
	// Bound again, so that the store sees the stream as it is now.
	if obs, err = js.ObjectStore(ctx, cfg.Bucket); err != nil {
		return nil, fmt.Errorf("natsstore: object store %s: %w", cfg.Bucket, err)
	}
	return &Files{obs: obs, stream: stream, bucket: cfg.Bucket}, nil
}

func objectName(season, sha string) string { return season + "/" + sha }

// putAttempts bounds how often Put stores a file whose read-back fails.
const putAttempts = 3

// Put stores data for season unless the same bytes are already stored
// there; created is false then and nothing is written (the first upload's
// name stays). It returns once every chunk and the metadata are
// acknowledged by JetStream, so under the log's sync policy they are on
// disk (or on a quorum), and once the stored file reads back as these
// bytes.
//
// The read-back is there because the Object Store publishes a file's
// chunks asynchronously: during a leader election a chunk's publish can be
// retried after the next one was stored, and the stored file is then its
// chunks out of order, acknowledged all the same (seen in the failover
// test). A file that does not read back as its hash, or whose chunks are
// missing, is stored again; a Put of a name that exists replaces it and
// purges the old chunks.
func (f *Files) Put(ctx context.Context, season, name, contentType string, data []byte) (File, bool, error) {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	created := false
	for attempt := 0; ; attempt++ {
		info, err := f.stat(ctx, season, sha)
		switch {
		case err == nil:
			verr := f.verify(ctx, info)
			if verr == nil {
				return fileOf(info), created, nil
			}
			if !errors.Is(verr, jetstream.ErrDigestMismatch) {
				return File{}, false, fmt.Errorf("natsstore: read back file %s of %s: %w", sha, season, verr)
			}
		case !errors.Is(err, ErrFileNotFound):
			return File{}, false, err
		}
		if attempt == putAttempts {
			return File{}, false, fmt.Errorf("natsstore: file %s of %s does not read back whole after %d attempts", sha, season, putAttempts)
		}
		meta := jetstream.ObjectMeta{
			Name: objectName(season, sha),
			Metadata: map[string]string{
				metaName:        name,
				metaContentType: contentType,
				metaSHA256:      sha,
			},
		}
		if _, err := f.obs.Put(ctx, meta, bytes.NewReader(data)); err != nil {
			return File{}, false, fmt.Errorf("natsstore: store file %s of %s: %w", sha, season, err)
		}
		created = true
	}
}

// verify reads a stored file to its end: the Object Store checks the bytes
// against the digest stored with them (jetstream.ErrDigestMismatch).
func (f *Files) verify(ctx context.Context, info *jetstream.ObjectInfo) error {
	res, err := f.obs.Get(ctx, info.Name)
	if err != nil {
		return err
	}
	defer res.Close()
	_, err = io.Copy(io.Discard, res)
	return err
}

// Stat describes a season's file, or returns an error wrapping
// ErrFileNotFound.
func (f *Files) Stat(ctx context.Context, season, sha string) (File, error) {
	info, err := f.stat(ctx, season, sha)
	if err != nil {
		return File{}, err
	}
	return fileOf(info), nil
}

// stat returns a file's metadata once every chunk it names is stored. A
// file whose metadata is stored without all its chunks counts as not
// stored: the Object Store publishes a file's chunks and then its metadata
// without waiting in between, and purges the chunks of a Put that fails,
// so a Put that timed out during a leader election (its metadata stored,
// its answer lost) leaves metadata naming chunks that are gone. Were that
// "already stored", a retry would be told 200 for a file that cannot be
// read; as "not stored", the retry stores the file again, whole.
func (f *Files) stat(ctx context.Context, season, sha string) (*jetstream.ObjectInfo, error) {
	info, err := f.obs.GetInfo(ctx, objectName(season, sha))
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return nil, fmt.Errorf("%w: %s in season %s", ErrFileNotFound, sha, season)
	}
	if err != nil {
		return nil, fmt.Errorf("natsstore: file %s of %s: %w", sha, season, err)
	}
	chunks := "$O." + f.bucket + ".C." + info.NUID
	si, err := f.stream.Info(ctx, jetstream.WithSubjectFilter(chunks))
	if err != nil {
		return nil, fmt.Errorf("natsstore: file %s of %s: count its chunks: %w", sha, season, err)
	}
	if have := si.State.Subjects[chunks]; have != uint64(info.Chunks) {
		return nil, fmt.Errorf("%w: %s in season %s has %d of its %d chunks (an interrupted upload)", ErrFileNotFound, sha, season, have, info.Chunks)
	}
	return info, nil
}

// Open returns a season's file and a reader of its bytes; the reader fails
// at the end if the bytes do not match the digest stored with them. The
// caller closes it.
func (f *Files) Open(ctx context.Context, season, sha string) (File, io.ReadCloser, error) {
	if _, err := f.stat(ctx, season, sha); err != nil {
		return File{}, nil, err
	}
	res, err := f.obs.Get(ctx, objectName(season, sha))
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return File{}, nil, fmt.Errorf("%w: %s in season %s", ErrFileNotFound, sha, season)
	}
	if err != nil {
		return File{}, nil, fmt.Errorf("natsstore: file %s of %s: %w", sha, season, err)
	}
	info, err := res.Info()
	if err != nil {
		res.Close()
		return File{}, nil, fmt.Errorf("natsstore: file %s of %s: %w", sha, season, err)
	}
	return fileOf(info), res, nil
}

// Usage counts the files and bytes stored (every season's).
func (f *Files) Usage(ctx context.Context) (files int, bytes uint64, err error) {
	list, err := f.obs.List(ctx)
	if errors.Is(err, jetstream.ErrNoObjectsFound) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("natsstore: list files: %w", err)
	}
	for _, o := range list {
		files++
		bytes += o.Size
	}
	return files, bytes, nil
}

func fileOf(info *jetstream.ObjectInfo) File {
	return File{
		SHA256:      info.Metadata[metaSHA256],
		Size:        int64(info.Size),
		Name:        info.Metadata[metaName],
		ContentType: info.Metadata[metaContentType],
	}
}
