package main

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/thidua/thidua/events/natsstore"
)

// natsPassword is the thidua user's password in the test cluster; the
// compose file takes it from the environment the same way.
const (
	natsPassword     = "test-cluster-password"
	auditorPassword  = "test-auditor-password"
	operatorPassword = "test-operator-password"
)

// natsCluster is three real nats-servers with JetStream clustered over
// loopback, each configured from deploy/nats/nats.conf (the compose
// file's configuration, accounts and permissions included) with only the
// names, ports and directories changed.
type natsCluster struct {
	t     *testing.T
	opts  []*server.Options
	nodes []*server.Server // nil while a node is stopped
}

func startNATSCluster(t *testing.T) *natsCluster {
	t.Helper()
	// The configuration reads these from the environment, as in compose.
	t.Setenv("THIDUA_NATS_PASSWORD", natsPassword)
	t.Setenv("THIDUA_AUDITOR_NATS_PASSWORD", auditorPassword)
	t.Setenv("THIDUA_OPERATOR_NATS_PASSWORD", operatorPassword)
	const n = 3
	clients, routes := make([]string, n), make([]string, n)
	for i := range n {
		clients[i], routes[i] = freeAddr(t), freeAddr(t)
	}
	c := &natsCluster{t: t, nodes: make([]*server.Server, n)}
	for i := range n {
		t.Setenv("NATS_SERVER_NAME", fmt.Sprintf("nats-%d", i+1))
		o, err := server.ProcessConfigFile(filepath.Join("..", "..", "deploy", "nats", "nats.conf"))
		if err != nil {
			t.Fatalf("deploy/nats/nats.conf: %v", err)
		}
		o.Host, o.Port = splitAddr(t, clients[i])
		o.Cluster.Host, o.Cluster.Port = splitAddr(t, routes[i])
		var rs []string
		for _, r := range routes {
			rs = append(rs, "nats-route://"+r)
		}
		o.Routes = server.RoutesFromStr(strings.Join(rs, ","))
		o.HTTPHost, o.HTTPPort = "", 0
		o.StoreDir = t.TempDir()
		o.NoSigs, o.NoLog = true, true
		c.opts = append(c.opts, o)
	}
	for i := range n {
		c.start(i)
	}
	t.Cleanup(func() {
		for i := range c.nodes {
			c.stop(i)
		}
	})
	for i, s := range c.nodes {
		if !s.ReadyForConnections(20 * time.Second) {
			t.Fatalf("nats-%d not ready", i+1)
		}
	}
	c.waitJetStream()
	return c
}

func splitAddr(t *testing.T, addr string) (string, int) {
	t.Helper()
	u, err := url.Parse("nats://" + addr)
	if err != nil {
		t.Fatal(err)
	}
	var port int
	fmt.Sscanf(u.Port(), "%d", &port)
	return u.Hostname(), port
}

func (c *natsCluster) start(i int) {
	c.t.Helper()
	s, err := server.NewServer(c.opts[i].Clone())
	if err != nil {
		c.t.Fatalf("nats-%d: %v", i+1, err)
	}
	go s.Start()
	c.nodes[i] = s
}

// stop shuts node i down as a lost machine would leave: its store stays
// on disk for a restart.
func (c *natsCluster) stop(i int) {
	if s := c.nodes[i]; s != nil {
		s.Shutdown()
		s.WaitForShutdown()
		c.nodes[i] = nil
	}
}

// urls are the seed URLs a thidua serve is given.
func (c *natsCluster) urls() string {
	var us []string
	for _, o := range c.opts {
		us = append(us, fmt.Sprintf("nats://%s:%d", o.Host, o.Port))
	}
	return strings.Join(us, ",")
}

// dial connects as the service's user, through the same code serve uses.
func (c *natsCluster) dial() natsstore.DialConfig {
	return natsstore.DialConfig{URLs: c.urls(), Name: "test", User: "thidua", Password: natsPassword}
}

// waitJetStream waits until the cluster has a JetStream meta leader, so
// that the first stream creation does not race the election.
func (c *natsCluster) waitJetStream() {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		for _, s := range c.nodes {
			if s != nil && s.JetStreamIsLeader() {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	c.t.Fatal("no JetStream meta leader after 30 s")
}

// streamLeader is the index of the node leading the log's stream.
func (c *natsCluster) streamLeader(ctx context.Context) (int, jetstream.StreamInfo) {
	c.t.Helper()
	return c.leaderOf(ctx, natsstore.DefaultStream)
}

// filesStream is the stream of the evidence files' Object Store bucket.
const filesStream = "OBJ_" + natsstore.DefaultFilesBucket

// colocate moves the leadership of stream to node i (stepping its leader
// down until the election lands there), so that stopping node i loses the
// leader of both the log and the files.
func (c *natsCluster) colocate(ctx context.Context, stream string, i int) {
	c.t.Helper()
	for range 30 {
		leader, _ := c.leaderOf(ctx, stream)
		if leader == i {
			return
		}
		if err := c.nodes[leader].JetStreamStepdownStream("THIDUA", stream); err != nil {
			c.t.Fatalf("step down %s on nats-%d: %v", stream, leader+1, err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for l, _ := c.leaderOf(ctx, stream); l == leader && time.Now().Before(deadline); l, _ = c.leaderOf(ctx, stream) {
			time.Sleep(50 * time.Millisecond)
		}
	}
	c.t.Fatalf("the leader of %s did not move to nats-%d", stream, i+1)
}

// leaderOf returns the index of the node leading stream, and its info.
func (c *natsCluster) leaderOf(ctx context.Context, stream string) (int, jetstream.StreamInfo) {
	c.t.Helper()
	nc, err := natsstore.Dial(c.dial())
	if err != nil {
		c.t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		c.t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err := js.Stream(ctx, stream)
		if err == nil {
			info := st.CachedInfo()
			if info.Cluster != nil && info.Cluster.Leader != "" {
				for i, o := range c.opts {
					if o.ServerName == info.Cluster.Leader {
						return i, *info
					}
				}
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no stream leader after 30 s (last error %v)", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitCurrent waits until every replica of the stream is online and
// caught up: a node restarted after a round is back as a full replica
// before the next leader is stopped.
func (c *natsCluster) waitCurrent(ctx context.Context) {
	c.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, info := c.streamLeader(ctx)
		current := 0
		for _, r := range info.Cluster.Replicas {
			if r.Current && !r.Offline {
				current++
			}
		}
		if current == len(c.opts)-1 {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("stream replicas not current after 60 s: %+v", info.Cluster.Replicas)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkOperatorReadsOnly connects as accounts.conf's operator user: it
// lists the streams and the consumers (named for whose they are) and reads
// a stream's state, and it can neither read an event, nor write one, nor
// delete the stream.
func (c *natsCluster) checkOperatorReadsOnly() {
	t := c.t
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	nc, err := natsstore.Dial(natsstore.DialConfig{URLs: c.urls(), Name: "operator", User: "operator", Password: operatorPassword})
	if err != nil {
		t.Fatalf("operator: %v", err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	var streams []string
	names := js.StreamNames(ctx)
	for n := range names.Name() {
		streams = append(streams, n)
	}
	if err := names.Err(); err != nil || !slices.Contains(streams, natsstore.DefaultStream) {
		t.Fatalf("operator: nats stream ls: %v, %v", streams, err)
	}
	st, err := js.Stream(ctx, natsstore.DefaultStream)
	if err != nil {
		t.Fatalf("operator: nats stream info: %v", err)
	}
	if st.CachedInfo().State.Msgs == 0 {
		t.Error("operator: the stream's state shows no messages")
	}
	var consumers []string
	cl := st.ConsumerNames(ctx)
	for n := range cl.Name() {
		consumers = append(consumers, n)
	}
	if err := cl.Err(); err != nil {
		t.Fatalf("operator: nats consumer ls: %v", err)
	}
	if !slices.ContainsFunc(consumers, func(n string) bool { return strings.HasPrefix(n, "thidua-projector-") }) {
		t.Errorf("operator: consumers %v: none named thidua-projector-…", consumers)
	}
	short := func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, 2*time.Second) }
	c1, cancel1 := short()
	defer cancel1()
	if _, err := st.GetMsg(c1, 1); err == nil {
		t.Error("operator: read an event")
	}
	c2, cancel2 := short()
	defer cancel2()
	if _, err := js.Publish(c2, "thidua.ev.x.committee", []byte("{}")); err == nil {
		t.Error("operator: wrote to the log")
	}
	c3, cancel3 := short()
	defer cancel3()
	if err := js.DeleteStream(c3, natsstore.DefaultStream); err == nil {
		t.Error("operator: deleted the log's stream")
	}
}
