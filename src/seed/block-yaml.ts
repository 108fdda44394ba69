/**
 * A parser for the one YAML layout the seed files are written in, much cheaper than a general
 * one: block mappings of `key: value` lines, and under a key a block sequence of mappings
 *
 *     document: some-article
 *     facts:
 *       - type: PARTICIPATED_IN
 *         role: "observer"
 *         evidence:
 *           - quote: "…"
 *
 * with values that are double-quoted strings without escapes or plain slugs; and what the entity
 * files and documents.yaml add to it, read in chunks of items (see list-file.ts): a top-level
 * block sequence, one-line flow mappings of such values (`labels: { en: "…", fr: "…" }`, list
 * items `- { text: "UN", lang: en }`) and plain values such as file names and checksums
 * (`000000_d331b02c.txt`). It gives exactly what js-yaml gives such text (core schema: a plain
 * value that is not null, a boolean or a number is a string; a repeated key is an error), and
 * declines anything else (undefined): a comment, a blank line, flow sequences or flow style over
 * several lines, an escape, a tab, a carriage return, a plain value that could be a number...,
 * which js-yaml then parses as before. Every decline is whole: a text is never half parsed here.
 */

const LF = 10;
const SPACE = 32;
const QUOTE = 34;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const DOT = 46;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** js-yaml's test for characters YAML does not allow (the text must pass it as js-yaml's does). */
/* eslint-disable no-control-regex -- the control characters are what it looks for */
const NON_PRINTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** Any character NON_PRINTABLE may object to (a surrogate, even in a valid pair): one class, fast. */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */

const isKeyChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** What plain values are made of here: slugs, fact types (HELD_IN), file names. */
const isPlainChar = (c: number) => isKeyChar(c) || c === DASH || c === 95 || c === DOT;
/**
 * Whether a plain value that starts with a digit is a string to the core schema: it holds a letter
 * no number can (the core schema's numbers have letters only in an exponent, e/E, and after the
 * prefixes 0x, 0o and 0b, where the digits that follow decide; .inf and .nan start with a dot).
 */
const digitFirstString = (value: string) =>
  /[a-dA-Df-zF-Z]/.test(value) && !/^0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)$/.test(value);
/** The plain values the core schema reads as null or a boolean, not as a string. */
const NOT_STRINGS = new Map<string, null | boolean>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);
/** A plain decimal integer the core schema reads as a number, exactly (a meeting's ordinal). */
const SMALL_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;

class Declined extends Error {}
const DECLINED = new Declined();

class BlockParser {
  pos = 0;

  constructor(private readonly text: string) {}

  private decline(): never {
    throw DECLINED;
  }

  /** Spaces at the start of the line at `pos`. */
  private indentHere(): number {
    let i = this.pos;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - this.pos;
  }

  /** The mapping whose entries start at column `indent`; `first` when its first key is already at pos (after "- "). */
  map(indent: number, first: boolean): Record<string, unknown> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    let entries = 0;
    for (;;) {
      if (!first || entries > 0) {
        if (this.pos >= text.length) break;
        const at = this.indentHere();
        if (at < indent) break;
        if (at > indent) this.decline();
        this.pos += at;
      }
      // key
      const keyStart = this.pos;
      while (isKeyChar(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos === keyStart || text.charCodeAt(this.pos) !== COLON) this.decline();
      const key = text.slice(keyStart, this.pos);
      if (Object.hasOwn(map, key)) this.decline();
      this.pos++;
      const c = text.charCodeAt(this.pos);
      if (c === LF) {
        this.pos++;
        // A block sequence under the key, its dashes two columns in.
        map[key] = this.sequence(indent + 2);
      } else if (c === SPACE) {
        this.pos++;
        map[key] = text.charCodeAt(this.pos) === OPEN_BRACE ? this.flowMap() : this.scalar();
      } else this.decline();
      entries++;
    }
    return map;
  }

  sequence(indent: number): unknown[] {
    const text = this.text;
    const items: unknown[] = [];
    for (;;) {
      if (this.pos >= text.length) break;
      const at = this.indentHere();
      if (at < indent && items.length > 0) break;
      if (at !== indent) this.decline();
      if (text.charCodeAt(this.pos + at) !== DASH || text.charCodeAt(this.pos + at + 1) !== SPACE)
        this.decline();
      this.pos += at + 2;
      items.push(
        text.charCodeAt(this.pos) === OPEN_BRACE ? this.flowMap() : this.map(indent + 2, true),
      );
    }
    if (items.length === 0) this.decline();
    return items;
  }

  /** A value to the end of its line (which is consumed). */
  private scalar(): unknown {
    const value = this.value();
    this.lineEnd();
    return value;
  }

  /** The end of a line: a line feed (consumed) or the end of the text. */
  private lineEnd(): void {
    if (this.pos < this.text.length) {
      if (this.text.charCodeAt(this.pos) !== LF) this.decline();
      this.pos++;
    }
  }

  /**
   * A double-quoted string on one line without escapes, or a plain value: a string, null, a
   * boolean or a small decimal integer, as the core schema reads it.
   */
  private value(): unknown {
    const text = this.text;
    const start = this.pos;
    let value: string;
    if (text.charCodeAt(start) === QUOTE) {
      const end = text.indexOf('"', start + 1);
      const lf = text.indexOf('\n', start + 1);
      if (end < 0 || (lf >= 0 && lf < end)) this.decline();
      value = text.slice(start + 1, end);
      // An escape, or a carriage return (a line break to YAML, folded): js-yaml's to judge.
      if (value.includes('\\') || value.includes('\r')) this.decline();
      this.pos = end + 1;
    } else {
      const c = text.charCodeAt(start);
      // A letter first: never a number, a date, an anchor or a tag in the core schema; a digit
      // first only with a letter that no number has.
      if (!isLetter(c) && !isDigit(c)) this.decline();
      let i = start + 1;
      while (isPlainChar(text.charCodeAt(i))) i++;
      value = text.slice(start, i);
      this.pos = i;
      if (isLetter(c)) {
        const other = NOT_STRINGS.get(value);
        if (other !== undefined) return other;
      } else if (SMALL_INTEGER.test(value)) return Number(value);
      else if (!digitFirstString(value)) this.decline();
    }
    return value;
  }

  /**
   * A flow mapping on the rest of the line, in the generator's spacing only:
   * `{ key: value, key: value }` with values as `value` reads them.
   */
  private flowMap(): Record<string, unknown> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    if (text.charCodeAt(this.pos + 1) !== SPACE) this.decline();
    this.pos += 2;
    for (;;) {
      const keyStart = this.pos;
      while (isKeyChar(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos === keyStart || text.charCodeAt(this.pos) !== COLON) this.decline();
      const key = text.slice(keyStart, this.pos);
      if (Object.hasOwn(map, key)) this.decline();
      if (text.charCodeAt(this.pos + 1) !== SPACE) this.decline();
      this.pos += 2;
      map[key] = this.value();
      const c = text.charCodeAt(this.pos);
      if (c === COMMA && text.charCodeAt(this.pos + 1) === SPACE) {
        this.pos += 2;
        continue;
      }
      if (c === SPACE && text.charCodeAt(this.pos + 1) === CLOSE_BRACE) {
        this.pos += 2;
        this.lineEnd();
        return map;
      }
      this.decline();
    }
  }
}

/**
 * The value of text in the seed files' block layout, or undefined when it is anything else: a
 * mapping at the top, or a block sequence (a chunk of a list file's items, indented as in it).
 */
export function parseBlockYaml(text: string): unknown {
  if (text.length === 0) return undefined;
  const parser = new BlockParser(text);
  try {
    let indent = 0;
    while (text.charCodeAt(indent) === SPACE) indent++;
    const value =
      text.charCodeAt(indent) === DASH && text.charCodeAt(indent + 1) === SPACE
        ? parser.sequence(indent)
        : parser.map(0, false);
    if (parser.pos !== text.length) return undefined;
    if (SUSPECT.test(text) && NON_PRINTABLE.test(text)) return undefined;
    return value;
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}
