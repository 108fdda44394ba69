import { cypher, cypherColumns } from '../db/cypher.js';
import {
  ENTITY_LABELS,
  isEntityLabel,
  isRelationshipType,
  RELATIONSHIP_TYPES,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';
import type { RelationshipOrderField } from '../model/relationship-order.js';

/**
 * Cypher cannot take labels, relationship types or a pattern's direction as parameters, so a few
 * statements have {{token}} placeholders. Tokens are filled only with fragments built here from
 * the model's allow-lists; a statement never sees a caller's string.
 */
declare const fragmentBrand: unique symbol;
export type Fragment = string & { readonly [fragmentBrand]: true };

const asFragment = (text: string) => text as Fragment;

/** A label expression such as `Person|Organization`. */
export function labelExpression(labels: readonly EntityLabel[] = ENTITY_LABELS): Fragment {
  if (labels.length === 0 || !labels.every(isEntityLabel)) {
    throw new Error(`labels not in the allow-list: ${labels.join(', ')}`);
  }
  return asFragment(labels.join('|'));
}

/** A relationship type expression such as `CHAIRED|PARTICIPATED_IN`. */
export function typeExpression(types: readonly RelationshipType[] = RELATIONSHIP_TYPES): Fragment {
  if (types.length === 0 || !types.every(isRelationshipType)) {
    throw new Error(`relationship types not in the allow-list: ${types.join(', ')}`);
  }
  return asFragment(types.join('|'));
}

/** Which way a page query reads its sort order. */
export function orderDirection(descending: boolean): Fragment {
  return asFragment(descending ? 'DESC' : 'ASC');
}

/** The properties lists are kept in order by (range indexes on (key, id), see cypher/seed). */
export function sortProperty(property: 'sortKey' | 'nameKey'): Fragment {
  if (property !== 'sortKey' && property !== 'nameKey')
    throw new Error(`not a sort key: ${property}`);
  return asFragment(property);
}

/** The relationship `r` (or `variable`) of one type, pointing away from (`out`) or towards (`in`) the left node. */
export function relationshipPattern(
  type: RelationshipType,
  direction: 'out' | 'in',
  variable: Fragment = asFragment('r'),
): Fragment {
  const types = typeExpression([type]);
  return asFragment(
    direction === 'out' ? `-[${variable}:${types}]->` : `<-[${variable}:${types}]-`,
  );
}

/** A Cypher variable the statement builder chose (`r`, `n3`). */
export function variableName(name: string): Fragment {
  if (!/^[a-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a variable name: ${name}`);
  return asFragment(name);
}

/** A parameter reference (`$asOf`, `$p3_limit`). */
export function parameterName(name: string): Fragment {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a parameter name: ${name}`);
  return asFragment(`$${name}`);
}

/** Cypher pieces put together by code (the query planner), each built from Fragments. */
export function joinFragments(parts: readonly Fragment[], separator: string): Fragment {
  if (!/^[\s,]*$/.test(separator)) throw new Error('a separator is blanks and commas');
  return asFragment(parts.join(separator));
}

/**
 * A piece of Cypher written in code around Fragments: cypherPiece`${v} {.id}`. Only Fragments
 * can be interpolated, so no caller's string reaches the text.
 */
export function cypherPiece(strings: TemplateStringsArray, ...parts: Fragment[]): Fragment {
  return asFragment(strings.reduce((text, s, i) => text + (i > 0 ? parts[i - 1] : '') + s, ''));
}

/**
 * The text of a Statement rendered by `statement` (from cypher/ and allow-listed tokens), as a
 * Fragment to embed in a larger statement.
 */
export function trustedStatementText(text: string): Fragment {
  return asFragment(text);
}

/** A map key or property name from the schema's field names (`name`, `@chairs`, `@e:evidence`). */
export function mapKey(name: string): Fragment {
  if (!/^@?([a-z]:)?[_A-Za-z][_A-Za-z0-9]*$/.test(name)) throw new Error(`not a map key: ${name}`);
  return asFragment(name.startsWith('@') ? `\`${name}\`` : name);
}

/** Tokens of cypher/read/fragments/as-of for fact `r` and the parameter $asOf. */
export const AS_OF_ON_R = { fact: asFragment('r'), day: asFragment('$asOf') };

/**
 * The sort key of a relationship page under orderBy `by` (cypher/read/fragments/order-key-*),
 * for `fact` and the entity `other` at its other end (`r` and `o` by default). When the other
 * end's label is known (`otherLabel`, from the field's type), the date key is the branch the
 * general key's CASE would take for it: Neo4j then reads one property per row instead of
 * testing labels (q3: ~10 % less of Neo4j's CPU).
 */
export function orderKey(
  by: RelationshipOrderField,
  fact: Fragment = asFragment('r'),
  other: Fragment = asFragment('o'),
  otherLabel: EntityLabel | null = null,
): Fragment {
  if (by === 'NAME') return fillTemplate('read/fragments/order-key-name', { other });
  if (by !== 'DATE') throw new Error(`not an order: ${String(by)}`);
  if (otherLabel === null) return fillTemplate('read/fragments/order-key-date', { fact, other });
  if (otherLabel === 'Meeting')
    return fillTemplate('read/fragments/order-key-date-meeting', { other });
  if (otherLabel === 'Document') {
    return fillTemplate('read/fragments/order-key-date-document', { other });
  }
  return fillTemplate('read/fragments/order-key-date-fact', { fact });
}

/** What a list page returns of its `node`: its properties and labels (columns node, labels). */
export const RETURNED_PROPERTIES = asFragment('properties(node) AS node, labels(node) AS labels');

/** The node itself (column node), for the query planner to project. */
export const RETURNED_NODE = asFragment('node');

export interface Statement {
  /** The file under cypher/, for logs. */
  name: string;
  text: string;
  /** The columns it returns, when its file declares them: it can then share a round trip. */
  columns?: readonly string[] | null;
}

// Statements are rendered once per name and tokens: relationship fields ask for theirs per item.
const renderedStatements = new Map<string, Statement>();

/**
 * Loads cypher/<name>.cypher, pastes in the files it includes (`{{> read/fragments/as-of}}`, so a
 * filter shared by a page query and its count is written once) and fills its tokens; a missing
 * or unused token is a bug.
 */
export function statement(name: string, tokens: Record<string, Fragment> = {}): Statement {
  const key = `${name} ${JSON.stringify(tokens)}`;
  let rendered = renderedStatements.get(key);
  if (rendered === undefined) {
    rendered = render(name, tokens);
    renderedStatements.set(key, rendered);
  }
  return rendered;
}

function render(name: string, tokens: Record<string, Fragment>): Statement {
  return { name, text: fillTemplate(name, tokens), columns: cypherColumns(name) };
}

/**
 * cypher/<name>.cypher with its includes pasted in and its tokens filled (see statement); the
 * query planner assembles its statements from such pieces.
 */
export function fillTemplate(name: string, tokens: Record<string, Fragment>): Fragment {
  const unused = new Set(Object.keys(tokens));
  const text = withIncludes(name).replace(/\{\{(\w+)\}\}/g, (_, token: string) => {
    const value = tokens[token];
    if (value === undefined) throw new Error(`cypher/${name}.cypher: no value for {{${token}}}`);
    unused.delete(token);
    return value;
  });
  if (unused.size > 0) {
    throw new Error(`cypher/${name}.cypher has no {{${[...unused].join('}}, {{')}}}`);
  }
  return asFragment(text);
}

function withIncludes(name: string, depth = 0): string {
  if (depth > 3) throw new Error(`cypher/${name}.cypher: includes nest too deep`);
  return cypher(name).replace(/\{\{>\s*([\w/-]+)\s*\}\}/g, (_, included: string) =>
    withIncludes(included, depth + 1),
  );
}

/**
 * A statement of one label or relationship type ({{label}}, {{type}}: the loaders write each
 * label and type with its own statement), rendered by the same engine as every other.
 */
export function cypherTemplate(
  name: string,
  names: { label?: EntityLabel; type?: RelationshipType },
): string {
  const tokens: Record<string, Fragment> = {};
  if (names.label !== undefined) tokens.label = labelExpression([names.label]);
  if (names.type !== undefined) tokens.type = typeExpression([names.type]);
  return statement(name, tokens).text;
}
