import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/server/body.js';
import { requestIdFrom } from '../../src/server/request-context.js';
import { RequestTracker } from '../../src/server/shutdown.js';

/** A request body as Node delivers it: a stream of chunks with headers. */
function request(chunks: Buffer[], headers: Record<string, string> = {}): http.IncomingMessage {
  return Object.assign(Readable.from(chunks), { headers }) as unknown as http.IncomingMessage;
}

describe('reading a request body', () => {
  it('returns the text of a body within the limit', async () => {
    const body = Buffer.from('{"query":"{ search(text: \\"Nguyễn\\") { totalCount } }"}');
    expect(await readBody(request([body.subarray(0, 10), body.subarray(10)]), 1000)).toEqual({
      ok: true,
      text: body.toString('utf8'),
    });
  });

  it('refuses an announced length over the limit without reading', async () => {
    const req = request([Buffer.from('x')], { 'content-length': '5000' });
    expect(await readBody(req, 1000)).toMatchObject({
      ok: false,
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(req.readableEnded).toBe(false);
  });

  it('cuts off a body with no length once it passes the limit', async () => {
    const chunks = Array.from({ length: 100 }, () => Buffer.alloc(100, 'a'));
    expect(await readBody(request(chunks), 1000)).toMatchObject({ ok: false, status: 413 });
  });

  it('refuses invalid UTF-8 rather than replacing it', async () => {
    const body = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(await readBody(request([body]), 1000)).toMatchObject({
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The request body is not valid UTF-8.',
    });
  });
});

describe('request ids', () => {
  it("keep a caller's well-formed id and replace anything else", () => {
    expect(requestIdFrom('trace-42:a.b_c')).toBe('trace-42:a.b_c');
    for (const bad of [
      undefined,
      null,
      '',
      'with space',
      'x'.repeat(101),
      ['a', 'b'],
      'new\nline',
    ]) {
      expect(requestIdFrom(bad as string)).toMatch(/^[0-9a-f]{8}-[0-9a-f-]{27}$/);
    }
  });
});

describe('the in-flight request count', () => {
  const response = () => new EventEmitter() as unknown as http.ServerResponse;

  it('goes idle when the last response ends, however it ends', async () => {
    const tracker = new RequestTracker();
    const [a, b] = [response(), response()];
    tracker.track(a);
    tracker.track(b);
    expect(tracker.inFlight).toBe(2);
    const idle = tracker.idle(5000);
    a.emit('finish');
    a.emit('close');
    expect(tracker.inFlight).toBe(1);
    b.emit('close');
    expect(await idle).toBe(true);
    expect(tracker.inFlight).toBe(0);
  });

  it('gives up at the deadline', async () => {
    const tracker = new RequestTracker();
    tracker.track(response());
    expect(await tracker.idle(20)).toBe(false);
    expect(tracker.draining).toBe(false);
    tracker.drain();
    expect(tracker.draining).toBe(true);
  });
});
