import { describe, expect, it } from 'vitest';
import {
  AS_OF_ON_R,
  orderKey,
  labelExpression,
  orderDirection,
  relationshipPattern,
  sortProperty,
  statement,
  typeExpression,
} from '../../../src/read/statements.js';
import type { EntityLabel, RelationshipType } from '../../../src/model/graph-model.js';
import { apiStatement, apiStatementFiles } from '../../support/api-statements.js';

describe('Cypher templates', () => {
  it('take labels and relationship types only from the allow-lists', () => {
    expect(labelExpression(['Person', 'Organization'])).toBe('Person|Organization');
    expect(typeExpression(['CHAIRED'])).toBe('CHAIRED');
    expect(relationshipPattern('CHAIRED', 'out')).toBe('-[r:CHAIRED]->');
    expect(relationshipPattern('PART_OF', 'in')).toBe('<-[r:PART_OF]-');
    expect(() => labelExpression(['Person', 'Person) DETACH DELETE (n' as EntityLabel])).toThrow(
      /allow-list/,
    );
    expect(() => typeExpression(['CHAIRED]->() DELETE r //' as RelationshipType])).toThrow(
      /allow-list/,
    );
    expect(() => labelExpression([])).toThrow(/allow-list/);
    expect(() => sortProperty('name} DETACH DELETE n //' as 'sortKey')).toThrow(/not a sort key/);
  });

  it('fill every token of a statement and nothing else', () => {
    const page = statement('read/relationship-pages/relationship-page', {
      rel: relationshipPattern('COVERED', 'out'),
      order: orderDirection(true),
      ...AS_OF_ON_R,
      orderKey: orderKey('NAME'),
    });
    expect(page.text).toContain('MATCH (p)-[r:COVERED]->(o:Entity)');
    // The sort key is the requested order's own fragment, chosen when the text is written.
    expect(page.text).toContain("WITH r, o, coalesce(o.nameKey, '') AS key");
    expect(
      statement('read/relationship-pages/relationship-page', {
        rel: relationshipPattern('COVERED', 'out'),
        order: orderDirection(true),
        ...AS_OF_ON_R,
        orderKey: orderKey('DATE'),
      }).text,
    ).toContain('ELSE coalesce(r.start, r.attested)');
    expect(() => orderKey('START' as 'DATE')).toThrow(/not an order/);
    expect(page.text).toContain('ORDER BY key DESC, r.id DESC');
    // The included as-of filter is pasted in where the page and the dated count use it.
    expect(page.text.match(/coalesce\(r\.startMin, r\.attestedMin, \$asOf\)/g)).toHaveLength(2);
    expect(page.text).not.toContain('{{');
    expect(() =>
      statement('read/relationship-pages/relationship-page', { order: orderDirection(false) }),
    ).toThrow(/no value for \{\{rel\}\}/);
    expect(() =>
      statement('read/lookups/entities-by-id', { labels: labelExpression(['Person']) }),
    ).toThrow(/has no \{\{labels\}\}/);
  });

  it('every statement of the batched read path (cypher/read) loads, with the tokens its callers give', () => {
    const files = apiStatementFiles();
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const name of files) {
      const { text } = apiStatement(name);
      expect(text).not.toMatch(/\{\{|\}\}/);
    }
  });
});
