import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';

const cypherDir = path.join(projectRoot, 'cypher');
const cache = new Map<string, string>();
const columnsCache = new Map<string, readonly string[] | null>();

/**
 * Loads a Cypher statement from cypher/<name>.cypher. Every query has one home there; code refers
 * to it by name and sends values only as parameters.
 */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(name)) throw new Error(`bad Cypher file name: ${name}`);
  const file = path.join(cypherDir, `${name}.cypher`);
  const text = stripComments(fs.readFileSync(file, 'utf8')).trim();
  if (!text) throw new Error(`Cypher file is empty: ${file}`);
  cache.set(name, text);
  return text;
}

/**
 * The columns a statement returns, as its file declares them in a `// columns: a, b, c` comment
 * line; null when it declares none. A statement that declares them can share a round trip with
 * others (src/read/db.ts wraps each in a subquery and needs its column names to do so).
 */
export function cypherColumns(name: string): readonly string[] | null {
  const cached = columnsCache.get(name);
  if (cached !== undefined) return cached;
  cypher(name); // checks the name and that the file exists
  const raw = fs.readFileSync(path.join(cypherDir, `${name}.cypher`), 'utf8');
  const line = /^\s*\/\/\s*columns:(.*)$/m.exec(raw);
  const columns = line ? line[1]!.split(',').map((c) => c.trim()) : null;
  if (columns && !columns.every((c) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(c))) {
    throw new Error(`cypher/${name}.cypher: bad columns line: ${line![0]}`);
  }
  columnsCache.set(name, columns);
  return columns;
}

/** A file may hold several statements separated by lines holding only ";" (schema files do). */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}
