import type http from 'node:http';

export type BodyResult =
  { ok: true; text: string } | { ok: false; status: number; code: string; message: string };

const tooLarge = (maxBytes: number): BodyResult => ({
  ok: false,
  status: 413,
  code: 'PAYLOAD_TOO_LARGE',
  message: `The request body is larger than the ${maxBytes} bytes allowed (MAX_BODY_BYTES).`,
});

/**
 * Reads a request body of at most maxBytes as UTF-8 text. An announced length over the limit is
 * refused before a byte is read; a chunked body is cut off when it passes the limit. Invalid
 * UTF-8 is refused rather than silently replaced, so no mangled text reaches a query.
 */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes)
    return Promise.resolve(tooLarge(maxBytes));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (result: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      // Not destroyed: the client still gets the answer, sent with `connection: close`.
      req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => stop(decode(Buffer.concat(chunks)));
    const onError = () =>
      stop({
        ok: false,
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request body was cut off.',
      });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
  });
}

function decode(bytes: Buffer): BodyResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The request body is not valid UTF-8.',
    };
  }
}
