import type { Driver } from 'neo4j-driver';

/**
 * A canonical text dump of everything the loader owns (nodes with labels and properties,
 * relationships with endpoints and properties), for comparing two graphs exactly. With `types`,
 * each property also carries its Cypher type (a float and an integer print alike otherwise).
 */
export async function dumpGraph(
  driver: Driver,
  database: string | undefined,
  options: { types?: boolean } = {},
): Promise<string[]> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE n:Entity OR n:Evidence OR n:GraphMeta
     RETURN labels(n) AS labels, properties(n) AS props,
            [k IN keys(n) WHERE k <> 'loadedAt' | k + ': ' + valueType(n[k])] AS types`,
    {},
    { database, routing: 'READ' },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE (a:Entity OR a:Evidence) AND (b:Entity OR b:Evidence)
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props,
            [k IN keys(r) | k + ': ' + valueType(r[k])] AS types`,
    {},
    { database, routing: 'READ' },
  );
  const stable = (props: Record<string, unknown>, types: string[]) => {
    const { loadedAt: _ignored, ...rest } = props;
    return (
      JSON.stringify(
        Object.entries(rest)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, String(v)]),
      ) + (options.types ? ` ${JSON.stringify(types.sort())}` : '')
    );
  };
  return [
    ...nodes.records.map(
      (r) =>
        `${(r.get('labels') as string[]).sort().join(':')} ${stable(r.get('props'), r.get('types'))}`,
    ),
    ...rels.records.map(
      (r) =>
        `${r.get('from')}-[${r.get('type')}]->${r.get('to')} ${stable(r.get('props'), r.get('types'))}`,
    ),
  ].sort();
}
