import type { Driver } from 'neo4j-driver';

/**
 * A canonical text dump of everything the loader owns (nodes with labels and properties,
 * relationships with endpoints and properties), for comparing two graphs exactly.
 */
export async function dumpGraph(driver: Driver, database: string | undefined): Promise<string[]> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE n:Entity OR n:Evidence OR n:GraphMeta
     RETURN labels(n) AS labels, properties(n) AS props`,
    {},
    { database, routing: 'READ' },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE (a:Entity OR a:Evidence) AND (b:Entity OR b:Evidence)
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
    {},
    { database, routing: 'READ' },
  );
  const stable = (props: Record<string, unknown>) => {
    const { loadedAt: _ignored, ...rest } = props;
    return JSON.stringify(
      Object.entries(rest)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, String(v)]),
    );
  };
  return [
    ...nodes.records.map(
      (r) => `${(r.get('labels') as string[]).sort().join(':')} ${stable(r.get('props'))}`,
    ),
    ...rels.records.map(
      (r) => `${r.get('from')}-[${r.get('type')}]->${r.get('to')} ${stable(r.get('props'))}`,
    ),
  ].sort();
}
