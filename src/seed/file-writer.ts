import fs from 'node:fs';

/**
 * Writes a file through a buffer (1 MB by default) with synchronous writes: for the generator and the bulk
 * validator, which are CPU-bound single passes where async writes would add nothing but ordering.
 * Each text is encoded into the buffer as it is written, so a row built by concatenation (a rope
 * of many small strings in V8) is not kept alive until the next flush.
 */
export class FileWriter {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private used = 0;
  bytes = 0;

  constructor(
    readonly file: string,
    bufferBytes = 1 << 20,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.buffer = Buffer.allocUnsafe(bufferBytes);
  }

  write(text: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 code unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(text, 'utf8');
        fs.writeSync(this.fd, bytes);
        this.bytes += bytes.length;
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    let done = 0;
    while (done < this.used) done += fs.writeSync(this.fd, this.buffer, done, this.used - done);
    this.bytes += this.used;
    this.used = 0;
  }

  /** Flushes and closes; returns the bytes written. */
  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.bytes;
  }
}
