import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { fastYamlParse } from './fast-yaml.js';
import type { SeedIssue } from './types.js';

/**
 * Part of a large file parsed on its own: consecutive items of the top-level list `key`, starting
 * at item `firstIndex`, whose text starts on line `firstLine` of the file. Paths stay those of the
 * whole file ([key, index, ...]) so messages read the same as for a file parsed whole.
 */
export interface ChunkView {
  key: string;
  firstIndex: number;
  firstLine: number;
  /** The line each item starts on (known to the splitter, so duplicates cost no re-parse). */
  itemLines: number[];
}

/** One parsed YAML file (or chunk of one) that can say where any value in it stands. */
export class YamlSource {
  private doc: Document | undefined;
  private lines: LineCounter | undefined;

  private constructor(
    readonly file: string,
    private readonly text: string,
    private readonly parsed: { value: unknown } | undefined,
    private readonly chunk: ChunkView | undefined,
  ) {}

  /** Parses with `yaml`, keeping positions: every problem is reported with its place. */
  static parse(file: string, text: string): { source: YamlSource; issues: SeedIssue[] } {
    const source = new YamlSource(file, text, undefined, undefined);
    return { source, issues: source.documentIssues() };
  }

  /**
   * Parses with the fast parser when it is installed and the text is clean, and builds the
   * positioned `yaml` document only when a position is asked for (a problem to report). Falls
   * back to `parse` whenever the fast parser objects, so YAML errors read the same either way.
   */
  static parseFast(
    file: string,
    text: string,
    chunk?: ChunkView,
  ): { source: YamlSource; issues: SeedIssue[] } {
    const fast = fastYamlParse(text);
    const source = new YamlSource(file, text, fast.ok ? { value: fast.value } : undefined, chunk);
    if (fast.ok) return { source, issues: [] };
    const issues = source.documentIssues();
    if (issues.length === 0 && fast.error) {
      // The two parsers disagree on this text: report the fast parser's objection.
      issues.push({
        file,
        line: fast.error.line + (chunk ? chunk.firstLine - 1 : 0),
        column: fast.error.column,
        message: `YAML: ${fast.error.message}`,
      });
    }
    return { source, issues };
  }

  private document(): { doc: Document; lines: LineCounter } {
    if (!this.doc || !this.lines) {
      this.lines = new LineCounter();
      this.doc = parseDocument(this.text, {
        lineCounter: this.lines,
        uniqueKeys: true,
        prettyErrors: false,
      });
    }
    return { doc: this.doc, lines: this.lines };
  }

  private documentIssues(): SeedIssue[] {
    const { doc, lines } = this.document();
    return [...doc.errors, ...doc.warnings].map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return {
        file: this.file,
        line: pos.line + this.lineOffset,
        column: pos.col,
        message: `YAML: ${e.message.split('\n')[0]}`,
      };
    });
  }

  private get lineOffset(): number {
    return this.chunk ? this.chunk.firstLine - 1 : 0;
  }

  get value(): unknown {
    return this.parsed ? this.parsed.value : this.document().doc.toJS();
  }

  /** A whole-file path as a path inside this chunk (the chunk's root is its list of items). */
  private localPath(path: ReadonlyArray<string | number>): ReadonlyArray<string | number> {
    if (!this.chunk) return path;
    const [key, index, ...rest] = path;
    if (key !== this.chunk.key || typeof index !== 'number') return [];
    return [index - this.chunk.firstIndex, ...rest];
  }

  /** The position of the value at path, or of its nearest existing parent. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } {
    const { doc, lines } = this.document();
    const local = this.localPath(path);
    for (let depth = local.length; depth >= 0; depth--) {
      const node = doc.getIn(local.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line + this.lineOffset, column: pos.col };
      }
    }
    return { line: 1 + this.lineOffset, column: 1 };
  }

  /** The line of the value at path; cheap for a chunk's items, whose start lines are known. */
  locateLine(path: ReadonlyArray<string | number>): number {
    if (this.chunk && path.length === 2 && path[0] === this.chunk.key) {
      const line = this.chunk.itemLines[(path[1] as number) - this.chunk.firstIndex];
      if (line !== undefined) return line;
    }
    return this.locate(path).line;
  }

  issue(path: ReadonlyArray<string | number>, message: string): SeedIssue {
    return { file: this.file, ...this.locate(path), message };
  }
}
