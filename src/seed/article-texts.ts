import { isAscii, isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { TextLookup } from './checker.js';

/**
 * The article texts quotes are checked against, kept as the UTF-8 bytes of their NFC form and
 * searched as bytes: a quote's UTF-8 is looked for in the text's, so a text is neither decoded nor
 * normalized per quote, and the cache holds one byte per byte (about half of the two-byte string
 * most texts decode to). For well-formed text and quote a byte match is exactly a string match
 * (UTF-8 and UTF-16 encode the same code points, and a valid UTF-8 needle only matches at a
 * character boundary), and the first one is the same; the offset reported is in UTF-16 units of
 * the NFC text, as before. A quote that is not well-formed (a lone surrogate from a YAML escape)
 * is searched in the decoded text instead.
 *
 * The bytes are held as a Latin-1 string (one character per byte) on the V8 heap and read through
 * one reused buffer: a Buffer per text read would be memory outside the heap, freed only when V8
 * gets round to collecting its handle, and texts are read hundreds of thousands of times at scale
 * 10 (the peak RSS rose by ~20 MB with them).
 */

/** Texts kept: quotes of one article come together, and an entity file cites them in order. */
const TEXT_CACHE = 256;
/** Bytes per block of the byte → UTF-16 offset table. */
const BLOCK_SHIFT = 6;

const isWellFormed = (text: string) =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();
/** A quote of printable ASCII only is its own UTF-8 (anything else is encoded). */
const NOT_ASCII = /[^ -~]/;

/**
 * What reading a text's bytes found, remembered per document: the texts are read several times
 * (an entity file cites them in its own order, the facts come later), and a text found to be
 * ASCII or valid NFC UTF-8 need not be decoded and normalized again to know it.
 */
const enum Form {
  Unknown = 0,
  Ascii = 1,
  AsIs = 2,
  Normalized = 3,
}

/** One article text: its NFC form's UTF-8, and where its characters fall in UTF-16 units. */
class ArticleText {
  /**
   * UTF-16 units before each block of 2^BLOCK_SHIFT bytes, filled only as far as a hit needs: a
   * text read for one quote (an entity's, in a random article) is counted up to that quote only,
   * not to its end; the quotes of a facts file, all in one text, extend it as they go.
   */
  private blocks: Int32Array | undefined;
  /** How many entries of `blocks` are filled (block 0 always is, once it exists). */
  private filled = 0;

  private constructor(
    /** The UTF-8 bytes, one Latin-1 character each. */
    private readonly bytes: string,
    readonly form: Form,
  ) {}

  /**
   * The text of a file's bytes, decoded as readFileSync(file, 'utf8') would, then NFC; `form` is
   * what an earlier reading of the same file found (Form.Unknown the first time).
   */
  static of(bytes: Buffer, form: Form): ArticleText {
    if (form === Form.Ascii || (form === Form.Unknown && isAscii(bytes)))
      return new ArticleText(bytes.toString('latin1'), Form.Ascii);
    if (form === Form.AsIs) return new ArticleText(bytes.toString('latin1'), Form.AsIs);
    const text = bytes.toString('utf8');
    const nfc = text.normalize('NFC');
    // Valid UTF-8 of an NFC text is its own re-encoding; otherwise encode what was decoded.
    if (nfc === text && isUtf8(bytes)) return new ArticleText(bytes.toString('latin1'), Form.AsIs);
    return new ArticleText(Buffer.from(nfc, 'utf8').toString('latin1'), Form.Normalized);
  }

  /** Where an NFC quote starts, in UTF-16 units of the NFC text, or -1. */
  offsetOf(quote: string): number {
    if (!isWellFormed(quote))
      return Buffer.from(this.bytes, 'latin1').toString('utf8').indexOf(quote);
    const needle = !NOT_ASCII.test(quote) ? quote : Buffer.from(quote, 'utf8').toString('latin1');
    const at = this.bytes.indexOf(needle);
    return at <= 0 || this.form === Form.Ascii ? at : this.unitsBefore(at);
  }

  /** UTF-16 units before byte `at` (a character boundary): a lead byte starts one, a 4-byte one two. */
  private unitsBefore(at: number): number {
    const bytes = this.bytes;
    const block = at >> BLOCK_SHIFT;
    let blocks = this.blocks;
    if (!blocks) {
      blocks = this.blocks = new Int32Array((bytes.length >> BLOCK_SHIFT) + 1);
      this.filled = 1;
    }
    // Fill the table up to the block `at` falls in, from where the last hit left it.
    for (let b = this.filled; b <= block; b++) {
      blocks[b] = blocks[b - 1]! + unitsIn(bytes, (b - 1) << BLOCK_SHIFT, b << BLOCK_SHIFT);
    }
    if (block >= this.filled) this.filled = block + 1;
    return blocks[block]! + unitsIn(bytes, block << BLOCK_SHIFT, at);
  }
}

/** UTF-16 units in bytes [from, to) of `bytes` (one char per byte, from character boundaries). */
function unitsIn(bytes: string, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const c = bytes.charCodeAt(i);
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** Article texts read on demand through a small LRU, by document id. */
export class ArticleTexts implements TextLookup {
  private readonly cache = new Map<string, ArticleText | undefined>();
  /** The Form of each document's text, by the document's position in the entity index. */
  private forms = new Uint8Array(1024);
  /** Where texts are read (grown to the largest). */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  /**
   * @param dir the texts' folder, or undefined when absent (quotes then go unchecked)
   * @param fileOf a document's text file name and its position in the entity index, once indexed
   */
  constructor(
    private readonly dir: string | undefined,
    private readonly fileOf: (documentId: string) => { file: string; position: number } | undefined,
  ) {}

  private text(bytes: Buffer, position: number): ArticleText {
    if (position >= this.forms.length) {
      const grown = new Uint8Array(Math.max(this.forms.length * 2, position + 1));
      grown.set(this.forms);
      this.forms = grown;
    }
    const text = ArticleText.of(bytes, this.forms[position]!);
    this.forms[position] = text.form;
    return text;
  }

  /** A file's bytes, in the scratch buffer (valid until the next read). */
  private read(file: string): Buffer {
    const fd = fs.openSync(file, 'r');
    try {
      let n = 0;
      for (;;) {
        if (n === this.scratch.length) {
          const grown = Buffer.allocUnsafe(this.scratch.length * 2);
          this.scratch.copy(grown, 0, 0, n);
          this.scratch = grown;
        }
        const got = fs.readSync(fd, this.scratch, n, this.scratch.length - n, null);
        if (got === 0) return this.scratch.subarray(0, n);
        n += got;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  private keep(documentId: string, text: ArticleText | undefined): void {
    this.cache.set(documentId, text);
    if (this.cache.size > TEXT_CACHE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** A text already read (for its checksum), so its quotes need not read it again. */
  remember(documentId: string, bytes: Buffer): void {
    const at = this.fileOf(documentId);
    this.keep(documentId, at ? this.text(bytes, at.position) : ArticleText.of(bytes, Form.Unknown));
  }

  find(documentId: string, nfcQuote: string): number | undefined {
    if (this.dir === undefined) return undefined;
    let text: ArticleText | undefined;
    if (this.cache.has(documentId)) {
      text = this.cache.get(documentId);
      this.cache.delete(documentId);
      this.cache.set(documentId, text);
    } else {
      const at = this.fileOf(documentId);
      // A missing text is reported once, with its document entry; its quotes go unchecked.
      try {
        text = at && this.text(this.read(path.join(this.dir, at.file)), at.position);
      } catch {
        text = undefined;
      }
      this.keep(documentId, text);
    }
    return text?.offsetOf(nfcQuote);
  }
}
