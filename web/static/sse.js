// Server-Sent Events over fetch. EventSource cannot send an Authorization
// header, so the stream is read with fetch + a reader and parsed here
// (the WHATWG event-stream format: lines "field: value", a blank line ends
// a message, lines starting with ":" are comments).

import { errorFrom } from './util.js';

/** SSEParser turns chunks of text into messages {event, data, id}. */
export class SSEParser {
  constructor(onMessage, onComment = () => {}) {
    this.onMessage = onMessage;
    this.onComment = onComment;
    this.buf = '';
    this.reset();
    this.lastId = '';
  }

  reset() {
    this.event = '';
    this.data = [];
  }

  feed(chunk) {
    this.buf += chunk;
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buf);
      if (!m) break;
      // A lone "\r" at the very end may be the first half of "\r\n".
      if (m[0] === '\r' && m.index === this.buf.length - 1) break;
      const line = this.buf.slice(0, m.index);
      this.buf = this.buf.slice(m.index + m[0].length);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.lastId });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    let value = i < 0 ? '' : line.slice(i + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event': this.event = value; break;
      case 'data': this.data.push(value); break;
      case 'id': if (!value.includes('\0')) this.lastId = value; break;
      default: break; // "retry" and unknown fields: the caller owns reconnection
    }
  }
}

/**
 * readStream opens url with the token and calls onMessage for each message
 * until the server ends the stream (resolves) or it fails (rejects: an
 * ApiError for an HTTP error, else the network error). If nothing at all
 * arrives for idleMs (the server sends a keep-alive every 15 s) the
 * connection is taken as dead and the promise rejects.
 */
export async function readStream(url, token, { signal, onOpen, onMessage, idleMs = 45000 }) {
  const ctrl = new AbortController();
  const stop = () => ctrl.abort(signal.reason);
  if (signal.aborted) throw signal.reason ?? new DOMException('aborted', 'AbortError');
  signal.addEventListener('abort', stop, { once: true });
  let idle = false;
  let timer = 0;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { idle = true; ctrl.abort(); }, idleMs);
  };
  try {
    arm();
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal: ctrl.signal,
    });
    if (!res.ok) throw await errorFrom(res);
    if (!res.body) throw new Error('streaming is not supported by this browser');
    onOpen?.();
    const parser = new SSEParser(onMessage);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      arm();
      parser.feed(value);
    }
  } catch (e) {
    if (idle && !signal.aborted) throw new Error('the stream went silent');
    throw e;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
