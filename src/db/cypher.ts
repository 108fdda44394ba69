import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';
import {
  isEntityLabel,
  isRelationshipType,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';

const cypherDir = path.join(projectRoot, 'cypher');
const cache = new Map<string, string>();

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

/**
 * A statement with {{label}} / {{type}} placeholders, which Cypher cannot take as parameters.
 * Only names from the model's allow-lists are substituted; anything else throws.
 */
export function cypherTemplate(
  name: string,
  names: { label?: EntityLabel; type?: RelationshipType },
): string {
  let text = cypher(name);
  if (names.label !== undefined) {
    if (!isEntityLabel(names.label))
      throw new Error(`label not in the allow-list: ${String(names.label)}`);
    text = text.replaceAll('{{label}}', names.label);
  }
  if (names.type !== undefined) {
    if (!isRelationshipType(names.type))
      throw new Error(`relationship type not in the allow-list: ${String(names.type)}`);
    text = text.replaceAll('{{type}}', names.type);
  }
  if (text.includes('{{')) throw new Error(`unfilled placeholder in cypher/${name}.cypher`);
  return text;
}
