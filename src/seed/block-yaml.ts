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
 * with values that are double-quoted strings without escapes or plain lowercase slugs. It gives
 * exactly what js-yaml gives such text (core schema: a slug that is not null, true or false is a
 * string; a repeated key is an error), and declines anything else (undefined): a comment, a blank
 * line, flow style, an escape, a tab, a carriage return, a plain value that could be a number...,
 * which js-yaml then parses as before. Every decline is whole: a text is never half parsed here.
 */

const LF = 10;
const SPACE = 32;
const QUOTE = 34;
const DASH = 45;
const COLON = 58;

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
/** What plain values are made of here: slugs and fact types (HELD_IN). */
const isPlainChar = (c: number) => isKeyChar(c) || c === DASH || c === 95;
/** The plain values the core schema reads as null or a boolean, not as a string. */
const NOT_STRINGS = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
]);

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
        map[key] = this.scalar();
      } else this.decline();
      entries++;
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
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
      items.push(this.map(indent + 2, true));
    }
    if (items.length === 0) this.decline();
    return items;
  }

  /** A value to the end of its line (which is consumed). */
  private scalar(): string {
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
      // A letter first: never a number, a date, an anchor or a tag in the core schema.
      if (!isLetter(c)) this.decline();
      let i = start + 1;
      while (isPlainChar(text.charCodeAt(i))) i++;
      value = text.slice(start, i);
      if (NOT_STRINGS.has(value)) this.decline();
      this.pos = i;
    }
    if (this.pos < text.length) {
      if (text.charCodeAt(this.pos) !== LF) this.decline();
      this.pos++;
    }
    return value;
  }
}

/** The value of text in the seed files' block layout, or undefined when it is anything else. */
export function parseBlockYaml(text: string): Record<string, unknown> | undefined {
  if (text.length === 0) return undefined;
  const parser = new BlockParser(text);
  try {
    const value = parser.map(0, false);
    if (parser.pos !== text.length) return undefined;
    if (SUSPECT.test(text) && NON_PRINTABLE.test(text)) return undefined;
    return value;
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}
