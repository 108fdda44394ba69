import { isAscii, isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { TextLookup } from './checker.js';

/**
 * The article texts quotes are checked against, kept as the UTF-8 bytes of their NFC form and
 * searched as bytes: a quote is looked for with Buffer#indexOf on its UTF-8, so a text is neither
 * decoded nor normalized per quote, and the cache holds bytes (about half the size of the
 * two-byte strings most texts decode to). For well-formed text and quote, a byte match is exactly
 * a string match (UTF-8 and UTF-16 encode the same code points, and a valid UTF-8 needle can only
 * match at a character boundary), and the first one is the same; the offset reported is in
 * UTF-16 units of the NFC text, as before. A quote that is not well-formed (a lone surrogate from
 * a YAML escape) is searched in the decoded text instead.
 */

/** Texts kept: quotes of one article come together, and an entity file cites them in order. */
const TEXT_CACHE = 256;
/** Bytes per block of the byte → UTF-16 offset table. */
const BLOCK_SHIFT = 6;

const isWellFormed = (text: string) =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** One article text: its NFC form's UTF-8, and where its characters fall in UTF-16 units. */
class ArticleText {
  /** UTF-16 units before each block of 2^BLOCK_SHIFT bytes (built on the first non-ASCII hit). */
  private blocks: Int32Array | undefined;

  private constructor(
    private readonly bytes: Buffer,
    private readonly ascii: boolean,
  ) {}

  /** The text of a file's bytes, decoded as readFileSync(file, 'utf8') would, then NFC. */
  static of(bytes: Buffer): ArticleText {
    if (isAscii(bytes)) return new ArticleText(bytes, true);
    const text = bytes.toString('utf8');
    const nfc = text.normalize('NFC');
    // Valid UTF-8 of an NFC text is its own re-encoding; otherwise encode what was decoded.
    if (nfc === text && isUtf8(bytes)) return new ArticleText(bytes, false);
    return new ArticleText(Buffer.from(nfc, 'utf8'), false);
  }

  /** Where an NFC quote starts, in UTF-16 units of the NFC text, or -1. */
  offsetOf(quote: string): number {
    if (!isWellFormed(quote)) return this.bytes.toString('utf8').indexOf(quote);
    const at = this.bytes.indexOf(quote, 0, 'utf8');
    return at <= 0 || this.ascii ? at : this.unitsBefore(at);
  }

  /** UTF-16 units before byte `at` (a character boundary): each lead byte starts one unit, a 4-byte one two. */
  private unitsBefore(at: number): number {
    const bytes = this.bytes;
    if (!this.blocks) {
      const blocks = new Int32Array((bytes.length >> BLOCK_SHIFT) + 1);
      let units = 0;
      for (let i = 0; i < bytes.length; i++) {
        if ((i & ((1 << BLOCK_SHIFT) - 1)) === 0) blocks[i >> BLOCK_SHIFT] = units;
        const b = bytes[i]!;
        if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
      }
      this.blocks = blocks;
    }
    let units = this.blocks[at >> BLOCK_SHIFT]!;
    for (let i = (at >> BLOCK_SHIFT) << BLOCK_SHIFT; i < at; i++) {
      const b = bytes[i]!;
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
    }
    return units;
  }
}

/** Article texts read on demand through a small LRU, by document id. */
export class ArticleTexts implements TextLookup {
  private readonly cache = new Map<string, ArticleText | undefined>();

  /**
   * @param dir the texts' folder, or undefined when absent (quotes then go unchecked)
   * @param fileOf a document's text file name, once the document is indexed
   */
  constructor(
    private readonly dir: string | undefined,
    private readonly fileOf: (documentId: string) => string | undefined,
  ) {}

  private keep(documentId: string, text: ArticleText | undefined): void {
    this.cache.set(documentId, text);
    if (this.cache.size > TEXT_CACHE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** A text already read (for its checksum), so its quotes need not read it again. */
  remember(documentId: string, bytes: Buffer): void {
    this.keep(documentId, ArticleText.of(bytes));
  }

  find(documentId: string, nfcQuote: string): number | undefined {
    if (this.dir === undefined) return undefined;
    let text: ArticleText | undefined;
    if (this.cache.has(documentId)) {
      text = this.cache.get(documentId);
      this.cache.delete(documentId);
      this.cache.set(documentId, text);
    } else {
      const name = this.fileOf(documentId);
      // A missing text is reported once, with its document entry; its quotes go unchecked.
      try {
        text =
          name === undefined
            ? undefined
            : ArticleText.of(fs.readFileSync(path.join(this.dir, name)));
      } catch {
        text = undefined;
      }
      this.keep(documentId, text);
    }
    return text?.offsetOf(nfcQuote);
  }
}
