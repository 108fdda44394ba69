import fs from 'node:fs';
import type { Located, Raw } from './checker.js';
import { schemaIssues, validatorFor } from './schema.js';
import type { SeedIssue } from './types.js';
import { LineScanner } from './line-scanner.js';
import { YamlSource } from './yaml-source.js';

/**
 * Streams the items of a seed file that is one top-level list (documents.yaml, entities/*.yaml),
 * however large, in chunks of items parsed on their own, so memory does not grow with the file.
 * It relies on the block layout the seed files use:
 *
 *     persons:
 *       - id: ...
 *         name: ...
 *
 * Any other layout (flow style, a key after the list, a document marker) is parsed whole instead:
 * correct, only not streamed. Every item is checked against the schema's item definition and
 * reported with its whole-file path and line, exactly as if the file had been parsed whole.
 */

const CHUNK_ITEMS = 500;
const READ_BYTES = 1 << 20;

export interface ListFileOptions {
  seedsDir: string;
  /** The file as shown in messages. */
  display: string;
  key: string;
  fileDef: string;
  itemDef: string;
  /** Receives each file-level text read, in order (for the seed version hash). */
  onText?: (text: string) => void;
}

/** Lines of a UTF-8 file (each with its newline), read in 1 MB blocks: memory stays flat. */
export function* fileLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(READ_BYTES);
    // Keep a byte-order mark: the version hash is over the text as readFileSync gives it.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let rest = '';
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, READ_BYTES, null);
      const text = rest + decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) yield `${line}\n`;
      if (n === 0) break;
    }
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

type Piece =
  | { kind: 'header'; text: string }
  | { kind: 'items'; text: string; firstLine: number; itemLines: number[] };

/** How the current line stands in the layout, once the items' indentation is known. */
function lineRole(lines: LineScanner, itemIndent: number): 'item' | 'inside' | 'outside' {
  if (lines.blankOrComment()) return 'inside';
  if (lines.indent === itemIndent && lines.itemStart()) return 'item';
  return lines.indent > itemIndent ? 'inside' : 'outside';
}

/**
 * Whether the file has the streaming layout: a header, then only the list's items (checked by a
 * scan before anything is yielded, so a file is never read half one way and half the other).
 * The scan looks at bytes only (see LineScanner).
 */
function streamable(file: string): boolean {
  const lines = new LineScanner(file);
  try {
    let itemIndent = -1;
    while (lines.next()) {
      if (itemIndent < 0) {
        if (lines.itemStart()) itemIndent = lines.indent;
        continue;
      }
      if (lineRole(lines, itemIndent) === 'outside') return false;
    }
    return true;
  } finally {
    lines.close();
  }
}

/**
 * Splits a streamable file into its header and chunks of items: the lines are told apart by
 * their bytes, and a chunk's text is read back and decoded once, whole, when it is complete.
 */
function* pieces(file: string): Generator<Piece> {
  const lines = new LineScanner(file);
  try {
    let itemIndent = -1;
    let itemLines: number[] = [];
    let chunkStart = 0;
    let chunkOffset = 0;
    while (lines.next()) {
      if (itemIndent < 0) {
        if (!lines.itemStart()) continue;
        itemIndent = lines.indent;
        yield { kind: 'header', text: lines.text(0) };
      }
      if (lineRole(lines, itemIndent) !== 'item') continue;
      if (itemLines.length >= CHUNK_ITEMS) {
        yield { kind: 'items', text: lines.text(chunkOffset), firstLine: chunkStart, itemLines };
        itemLines = [];
      }
      if (itemLines.length === 0) {
        chunkStart = lines.line;
        chunkOffset = lines.offset;
      }
      // An item written "-" alone on its line starts on the next.
      itemLines.push(lines.dashAlone() ? lines.line + 1 : lines.line);
    }
    if (itemIndent < 0) yield { kind: 'header', text: lines.text(0, lines.size) };
    else if (itemLines.length > 0)
      yield {
        kind: 'items',
        text: lines.text(chunkOffset, lines.size),
        firstLine: chunkStart,
        itemLines,
      };
  } finally {
    lines.close();
  }
}

/**
 * The items of a list file in file order, each with its location and whether it passed the
 * schema. Problems of the file itself (YAML, file-level schema) go to `report`; the items of a
 * chunk that is not valid YAML are skipped once reported.
 */
export function* listFileItems(
  file: string,
  options: ListFileOptions,
  report: (...issues: SeedIssue[]) => void,
): Generator<{ item: Located<Raw>; valid: boolean }> {
  const { key, display } = options;
  const validateItem = validatorFor(options.seedsDir, options.itemDef);
  const validateFile = validatorFor(options.seedsDir, options.fileDef);
  const check = (source: YamlSource, value: Raw, index: number) => {
    const valid = validateItem(value);
    if (!valid) report(...schemaIssues(source, validateItem.errors ?? [], [key, index]));
    return { item: { value, source, path: [key, index] }, valid };
  };
  /** File-level shape: the schema of the whole file, its items left to the item checks. */
  const checkFile = (source: YamlSource, root: unknown) => {
    if (validateFile(root)) return;
    const inItem = new RegExp(`^/${key}/\\d+(/|$)`);
    const errors = (validateFile.errors ?? []).filter((e) => !inItem.test(e.instancePath));
    report(...schemaIssues(source, errors));
  };
  let textSeen = 0;
  const feed = (text: string) => {
    options.onText?.(text);
    textSeen += text.length;
  };
  /** Not the streaming layout: parse the file whole, as readSeeds does. */
  function* whole(): Generator<{ item: Located<Raw>; valid: boolean }> {
    const text = fs.readFileSync(file, 'utf8');
    feed(text.slice(textSeen));
    const parsed = YamlSource.parseFast(display, text);
    report(...parsed.issues);
    if (parsed.issues.length > 0) return;
    const root = parsed.source.value;
    checkFile(parsed.source, root);
    const items = isMap(root) ? root[key] : undefined;
    if (!Array.isArray(items)) return;
    for (let i = 0; i < items.length; i++) yield check(parsed.source, items[i] as Raw, i);
  }

  if (!streamable(file)) return yield* whole();
  let header: { source: YamlSource; value: Raw } | undefined;
  let index = 0;
  let fileChecked = false;
  for (const piece of pieces(file)) {
    if (piece.kind === 'header') {
      const parsed = YamlSource.parseFast(display, piece.text);
      const value = parsed.issues.length === 0 ? parsed.source.value : undefined;
      // Anything but "key:" (with the items below) or "key: [...]" takes the whole-file path.
      if (!isMap(value) || !(key in value) || (value[key] !== null && !Array.isArray(value[key])))
        return yield* whole();
      feed(piece.text);
      header = { source: parsed.source, value };
      const inline = value[key];
      if (Array.isArray(inline)) {
        checkFile(header.source, value);
        fileChecked = true;
        for (; index < inline.length; index++)
          yield check(header.source, inline[index] as Raw, index);
      }
      continue;
    }
    feed(piece.text);
    const parsed = YamlSource.parseFast(display, piece.text, {
      key,
      firstIndex: index,
      firstLine: piece.firstLine,
      itemLines: piece.itemLines,
    });
    report(...parsed.issues);
    const items = parsed.issues.length === 0 ? parsed.source.value : undefined;
    if (Array.isArray(items) && items.length !== piece.itemLines.length) {
      report({
        file: display,
        line: piece.firstLine,
        column: 1,
        message: `YAML: expected ${piece.itemLines.length} list items from this line on, read ${items.length}`,
      });
    }
    if (!Array.isArray(items) || items.length !== piece.itemLines.length) {
      // The list has items, only unreadable ones: no file-level "must be array" echo.
      fileChecked = true;
      index += piece.itemLines.length;
      continue;
    }
    if (!fileChecked && header) {
      checkFile(header.source, { ...header.value, [key]: items.slice(0, 1) });
      fileChecked = true;
    }
    for (const value of items) yield check(parsed.source, value as Raw, index++);
  }
  if (!fileChecked && header) checkFile(header.source, header.value);
}

function isMap(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
