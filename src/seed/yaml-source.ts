import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { SeedIssue } from './types.js';

/** One parsed YAML file that can say where any value in it stands. */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  static parse(file: string, text: string): { source: YamlSource; issues: SeedIssue[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const source = new YamlSource(file, doc, lines);
    const issues = [...doc.errors, ...doc.warnings].map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return {
        file,
        line: pos.line,
        column: pos.col,
        message: `YAML: ${e.message.split('\n')[0]}`,
      };
    });
    return { source, issues };
  }

  get value(): unknown {
    return this.doc.toJS();
  }

  /** The position of the value at path, or of its nearest existing parent. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = this.lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  }

  issue(path: ReadonlyArray<string | number>, message: string): SeedIssue {
    return { file: this.file, ...this.locate(path), message };
  }
}
