import type { Row } from './db.js';
import type { Statement } from './statements.js';

export interface StatementCall {
  statement: Statement;
  params: Record<string, unknown>;
}

export interface CombinedStatement {
  statement: Statement;
  params: Record<string, unknown>;
  /** The combined statement's rows, back as each part's own rows, in the order of the parts. */
  split(rows: Row[]): Row[][];
}

// Texts are built once per set of statements; the parts of a request come in varying orders, so
// they are sorted by a number given to each statement the first time it is combined.
const statementNumbers = new WeakMap<Statement, number>();
let numbered = 0;
const combinedTexts = new Map<string, string>();

function numberOf(statement: Statement): number {
  let n = statementNumbers.get(statement);
  if (n === undefined) {
    n = numbered++;
    statementNumbers.set(statement, n);
  }
  return n;
}

/** `$ids` becomes `$p2_ids`: each part keeps its own parameters. */
export function prefixParameters(text: string, prefix: string): string {
  return text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => `$${prefix}${name}`);
}

/**
 * Several statements that declare their columns as one: each runs as a subquery whose rows are
 * collected (in its own order) into one row tagged with the part's number,
 *
 *   CALL () { <statement 0> } WITH collect({a: a, b: b}) AS rows RETURN 0 AS part, rows
 *   UNION ALL
 *   CALL () { <statement 1> } ...
 *
 * so one transaction and one Bolt round trip serve them all. Only texts from cypher/ (rendered
 * from allow-lists) are combined; values stay parameters, renamed per part.
 */
export function combineStatements(calls: readonly StatementCall[]): CombinedStatement {
  const order = calls
    .map((call, index) => ({ call, index, n: numberOf(call.statement) }))
    .sort((a, b) => a.n - b.n);
  const key = order.map((o) => o.n).join(',');
  let text = combinedTexts.get(key);
  if (text === undefined) {
    text = order
      .map(({ call }, part) => {
        const columns = call.statement.columns;
        if (!columns) throw new Error(`cypher/${call.statement.name} declares no columns`);
        const row = columns.map((c) => `${c}: ${c}`).join(', ');
        return `CALL () {\n${prefixParameters(call.statement.text, `p${part}_`)}\n}\nWITH collect({${row}}) AS rows\nRETURN ${part} AS part, rows`;
      })
      .join('\nUNION ALL\n');
    // Sets of statements are few in practice; the cap only bounds a pathological mix.
    if (combinedTexts.size >= 1000) combinedTexts.clear();
    combinedTexts.set(key, text);
  }
  const params: Record<string, unknown> = {};
  order.forEach(({ call }, part) => {
    for (const [name, value] of Object.entries(call.params)) params[`p${part}_${name}`] = value;
  });
  return {
    statement: { name: `combined(${order.map((o) => o.call.statement.name).join('+')})`, text },
    params,
    split(rows) {
      const parts: Row[][] = calls.map(() => []);
      for (const row of rows) {
        const { index } = order[Number(row.part)]!;
        parts[index] = row.rows as Row[];
      }
      return parts;
    },
  };
}
