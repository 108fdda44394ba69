import fs from 'node:fs';

/**
 * Writes a file through a buffer (1 MB by default) with synchronous writes: for the generator and the bulk
 * validator, which are CPU-bound single passes where async writes would add nothing but ordering.
 */
export class FileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  bytes = 0;

  constructor(
    readonly file: string,
    private readonly bufferChars = 1 << 20,
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending > this.bufferChars) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const buffer = Buffer.from(this.parts.join(''), 'utf8');
    fs.writeSync(this.fd, buffer);
    this.bytes += buffer.length;
    this.parts = [];
    this.pending = 0;
  }

  /** Flushes and closes; returns the bytes written. */
  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.bytes;
  }
}
