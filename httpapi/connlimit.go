package httpapi

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// ConnLimit keeps the number of open HTTP connections at most Max, below
// the process's file limit, so that connections held open by a few
// clients cannot lock out everyone else (and NATS and SQLite keep the
// descriptors they need). A connection beyond Max first makes room by
// closing a connection that waits for nothing: an idle keep-alive one, or
// one that has sent no request for a second. Only when every connection is
// working is the newcomer refused, with a 503 in the API's error shape and
// Retry-After, instead of a reset or an accept error.
//
// Wrap the listener with Listener and set the server's ConnState to
// ConnState.
type ConnLimit struct {
	max   int
	mu    sync.Mutex
	conns map[net.Conn]*connInfo
	// refusing bounds the goroutines that answer refused connections.
	refusing chan struct{}
	refusal  []byte // the whole answer to a refused connection
}

type connInfo struct {
	state http.ConnState
	since time.Time
}

// NewConnLimit allows n open connections (at least 1).
func NewConnLimit(n int) *ConnLimit {
	refusal := fmt.Sprintf("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"+
		"Retry-After: 1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s", len(refusalBody), refusalBody)
	return &ConnLimit{max: max(n, 1), conns: map[net.Conn]*connInfo{}, refusing: make(chan struct{}, 64), refusal: []byte(refusal)}
}

// Listener wraps ln.
func (l *ConnLimit) Listener(ln net.Listener) net.Listener { return &limitListener{Listener: ln, l: l} }

// ConnState is the http.Server hook that tells idle connections from busy ones.
func (l *ConnLimit) ConnState(c net.Conn, st http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch st {
	case http.StateClosed, http.StateHijacked:
		delete(l.conns, c)
	default:
		if ci, ok := l.conns[c]; ok {
			ci.state, ci.since = st, time.Now()
		}
	}
}

// admit registers c, making room if it must; false: refuse c.
func (l *ConnLimit) admit(c net.Conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.conns) >= l.max {
		victim := l.waiting()
		if victim == nil {
			return false
		}
		// Closed outside the map: the server's goroutine for it sees the
		// error and reports StateClosed, which deletes it.
		delete(l.conns, victim)
		victim.Close()
	}
	l.conns[c] = &connInfo{state: http.StateNew, since: time.Now()}
	return true
}

// waiting returns the connection that has waited longest for nothing: an
// idle keep-alive one first, else a new one silent for over a second.
func (l *ConnLimit) waiting() net.Conn {
	var idle, silent net.Conn
	var idleSince, silentSince time.Time
	quiet := time.Now().Add(-time.Second)
	for c, ci := range l.conns {
		switch {
		case ci.state == http.StateIdle && (idle == nil || ci.since.Before(idleSince)):
			idle, idleSince = c, ci.since
		case ci.state == http.StateNew && ci.since.Before(quiet) && (silent == nil || ci.since.Before(silentSince)):
			silent, silentSince = c, ci.since
		}
	}
	if idle != nil {
		return idle
	}
	return silent
}

// refusalBody is the 503's body, in the API's error shape.
const refusalBody = `{"error":{"code":"unavailable","message":"máy chủ đang có quá nhiều kết nối, xin thử lại sau giây lát / too many connections, retry shortly"}}`

// refuse answers c with a 503 and closes it. The request is read (a little,
// briefly) before the close, so that the client reads the answer rather
// than a reset.
func (l *ConnLimit) refuse(c net.Conn) {
	select {
	case l.refusing <- struct{}{}:
	default:
		c.Close() // a flood: no goroutine for each
		return
	}
	go func() {
		defer func() { <-l.refusing }()
		defer c.Close()
		c.SetDeadline(time.Now().Add(500 * time.Millisecond))
		var buf [4096]byte
		c.Read(buf[:]) // the request line and headers, usually in one read
		if _, err := c.Write(l.refusal); err != nil {
			return
		}
		if tc, ok := c.(interface{ CloseWrite() error }); ok {
			tc.CloseWrite()
		}
		for {
			if _, err := c.Read(buf[:]); err != nil {
				return
			}
		}
	}()
}

type limitListener struct {
	net.Listener
	l *ConnLimit
}

func (ll *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := ll.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if ll.l.admit(c) {
			return c, nil
		}
		ll.l.refuse(c)
	}
}
