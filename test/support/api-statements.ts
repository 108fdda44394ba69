import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/env.js';
import {
  AS_OF_ON_R,
  labelExpression,
  ORDER_KEY_ON_R,
  orderDirection,
  relationshipPattern,
  RETURNED_PROPERTIES,
  sortProperty,
  statement,
  typeExpression,
  type Fragment,
  type Statement,
} from '../../src/data/statements.js';

/** The statements under cypher/api, by name (without the folder). */
export function apiStatementFiles(): string[] {
  return fs
    .readdirSync(path.join(projectRoot, 'cypher', 'api'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.replace(/\.cypher$/, ''));
}

/** A statement under cypher/api rendered with tokens of the kind its callers give. */
export function apiStatement(name: string): Statement {
  const order = orderDirection(false);
  const tokens: Record<string, Record<string, Fragment>> = {
    'relationship-page': {
      rel: relationshipPattern('CHAIRED', 'in'),
      order,
      ...AS_OF_ON_R,
      ...ORDER_KEY_ON_R,
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
  return statement(`api/${name}`, tokens[name] ?? {});
}
