import fs from 'node:fs';

/**
 * The lines of a file as byte ranges, read in 64 KB blocks into one reused buffer: the list-file
 * splitter only needs each line's indentation and first characters, so it looks at bytes and
 * decodes nothing (the items' text is decoded once per chunk, see `text`). Lines end after each
 * "\n" (the last one may have none), exactly as splitting the decoded text on "\n" gives them.
 */

const BLOCK = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;

export class LineScanner {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(BLOCK);
  /** Where chunks are read back (grown to the largest): no Buffer per chunk. */
  private scratch = Buffer.allocUnsafe(BLOCK);
  /** Bytes of the buffer holding file data, and the file offset of buffer[0]. */
  private filled = 0;
  private base = 0;
  private eof = false;
  /** The current line: buffer[start, end), its file offset, its number (1-based). */
  start = 0;
  end = 0;
  line = 0;
  /** Spaces before the line's first other byte. */
  indent = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'r');
  }

  /** Where the current line starts in the file. */
  get offset(): number {
    return this.base + this.start;
  }

  /** Moves to the next line; false at the end of the file. */
  next(): boolean {
    let from = this.end;
    for (;;) {
      const lf = this.buffer.indexOf(LF, from);
      if (lf >= 0 && lf < this.filled) return this.found(lf + 1);
      if (this.eof) return this.end < this.filled ? this.found(this.filled) : false;
      from = this.refill();
    }
  }

  private found(end: number): boolean {
    this.start = this.end;
    this.end = end;
    this.line++;
    let i = this.start;
    while (i < end && this.buffer[i] === SPACE) i++;
    this.indent = i - this.start;
    return true;
  }

  /** Drops the lines read, reads the next block after the unfinished one; returns where to look on. */
  private refill(): number {
    if (this.end > 0) {
      this.buffer.copy(this.buffer, 0, this.end, this.filled);
      this.base += this.end;
      this.filled -= this.end;
      this.end = 0;
    }
    if (this.filled === this.buffer.length) {
      // A line longer than the buffer: grow it.
      const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(bigger, 0, 0, this.filled);
      this.buffer = bigger;
    }
    const searched = this.filled;
    const n = fs.readSync(
      this.fd,
      this.buffer,
      this.filled,
      this.buffer.length - this.filled,
      null,
    );
    if (n === 0) this.eof = true;
    this.filled += n;
    return searched;
  }

  /** The current line decoded (only for the rare lines bytes cannot judge). */
  private decoded(): string {
    return this.buffer.toString('utf8', this.start, this.end);
  }

  /** Whether the line is blank or a comment: /^\s*(#.*)?\r?\n?$/ on its text. */
  blankOrComment(): boolean {
    const b = this.buffer;
    const i = this.start + this.indent;
    if (i === this.end) return true;
    const c = b[i]!;
    if (c === LF) return true;
    if (c === HASH) {
      // ".*" stops at "\r", U+2028 and U+2029 (E2 80 A8/A9): let the regex judge those.
      for (let k = i + 1; k < this.end; k++) {
        const d = b[k]!;
        if (d === CR || d === 0xe2) return /^\s*(#.*)?\r?\n?$/.test(this.decoded());
      }
      return true;
    }
    // Other whitespace than spaces (tabs, Unicode spaces, a byte-order mark): the regex decides.
    if (c === 0x09 || c === 0x0b || c === 0x0c || c === CR || c >= 0x80)
      return /^\s*(#.*)?\r?\n?$/.test(this.decoded());
    return false;
  }

  /** Whether the line starts a list item at its indentation: /^ *-( |\r?\n|$)/. */
  itemStart(): boolean {
    const b = this.buffer;
    const i = this.start + this.indent;
    if (i >= this.end || b[i] !== DASH) return false;
    if (i + 1 === this.end) return true;
    const c = b[i + 1]!;
    return c === SPACE || c === LF || (c === CR && i + 2 < this.end && b[i + 2] === LF);
  }

  /** For an item's line: whether the dash stands alone on it, /^ *-\s*$/. */
  dashAlone(): boolean {
    const b = this.buffer;
    for (let k = this.start + this.indent + 1; k < this.end; k++) {
      const c = b[k]!;
      if (c === SPACE || (c >= 0x09 && c <= CR)) continue;
      if (c >= 0x80) return /^ *-\s*$/.test(this.decoded());
      return false;
    }
    return true;
  }

  /** The file's text from byte `from` to the current line's start, as readFileSync decodes it. */
  text(from: number, to = this.offset): string {
    if (to <= from) return '';
    if (to - from > this.scratch.length)
      this.scratch = Buffer.allocUnsafe(Math.max(to - from, this.scratch.length * 2));
    let done = 0;
    while (done < to - from) {
      const n = fs.readSync(this.fd, this.scratch, done, to - from - done, from + done);
      if (n === 0) break;
      done += n;
    }
    return this.scratch.toString('utf8', 0, done);
  }

  /** The end of the file, once next() has returned false. */
  get size(): number {
    return this.base + this.filled;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
