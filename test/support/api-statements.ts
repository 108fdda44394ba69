import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/env.js';
import {
  AS_OF_ON_R,
  labelExpression,
  orderKey,
  orderDirection,
  relationshipPattern,
  RETURNED_PROPERTIES,
  sortProperty,
  statement,
  typeExpression,
  type Fragment,
  type Statement,
} from '../../src/read/statements.js';

/**
 * The statements of the batched read path, by name under cypher/read (`lookups/entities-by-id`):
 * one folder per family; not the fragments they include, nor the query planner's templates.
 */
export function apiStatementFiles(): string[] {
  const read = path.join(projectRoot, 'cypher', 'read');
  return fs
    .readdirSync(read, { withFileTypes: true })
    .filter((family) => family.isDirectory() && !['fragments', 'planner'].includes(family.name))
    .flatMap((family) =>
      fs
        .readdirSync(path.join(read, family.name))
        .filter((f) => f.endsWith('.cypher'))
        .map((f) => `${family.name}/${f.replace(/\.cypher$/, '')}`),
    );
}

/** A statement under cypher/read rendered with tokens of the kind its callers give. */
export function apiStatement(name: string): Statement {
  const order = orderDirection(false);
  const tokens: Record<string, Record<string, Fragment>> = {
    'relationship-page': {
      rel: relationshipPattern('CHAIRED', 'in'),
      order,
      ...AS_OF_ON_R,
      orderKey: orderKey('NAME'),
    },
    'entity-page': {
      labels: labelExpression(['Theme']),
      key: sortProperty('sortKey'),
      order,
      returned: RETURNED_PROPERTIES,
      ...AS_OF_ON_R,
    },
    'entity-count': { labels: labelExpression(['Theme']), ...AS_OF_ON_R },
    'meeting-page': { key: sortProperty('nameKey'), order, returned: RETURNED_PROPERTIES },
    'facts-by-id': { types: typeExpression() },
    'document-facts-page': { types: typeExpression(), order },
    'meeting-documents-page': { order },
  };
  return statement(`read/${name}`, tokens[path.basename(name)] ?? {});
}
