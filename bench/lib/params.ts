import type { Driver } from 'neo4j-driver';
import { cypher } from '../../src/db/cypher.js';
import { cypherTemplate } from '../../src/read/statements.js';
import type { EntityLabel } from '../../src/model/graph-model.js';
import type { Pools } from './queries.js';

/**
 * The parameters requests cycle through, drawn from the loaded graph itself (so any seed works)
 * and the same for the three systems: ids spread evenly over the id order (typical entities,
 * hubs among them as often as the data has them), the most connected entities where a query is
 * about hubs, and names typed without diacritics for the search.
 */

const POOL = 100;

async function ids(driver: Driver, label: EntityLabel, count = POOL): Promise<string[]> {
  const { records } = await driver.executeQuery(
    cypherTemplate('bench/pick-ids', { label }),
    { count },
    { routing: 'READ' },
  );
  return records.map((r) => r.get('id') as string);
}

async function hubs(driver: Driver, label: EntityLabel, count: number): Promise<string[]> {
  const { records } = await driver.executeQuery(
    cypherTemplate('bench/pick-hubs', { label }),
    { count },
    { routing: 'READ' },
  );
  return records.map((r) => r.get('id') as string);
}

export async function drawPools(driver: Driver): Promise<Pools> {
  const { records: names } = await driver.executeQuery(
    cypher('bench/pick-names'),
    { count: POOL },
    { routing: 'READ' },
  );
  const { records: withMembers } = await driver.executeQuery(
    cypher('bench/pick-organizations-with-members'),
    { count: 40 },
    { routing: 'READ' },
  );
  return {
    meetings: await ids(driver, 'Meeting'),
    persons: await ids(driver, 'Person'),
    themes: await ids(driver, 'Theme', 50),
    organizationsWithMembers: withMembers.map((r) => r.get('id') as string),
    // Queries about hubs: the most connected organizations, the UN and ASEAN first.
    hubs: await hubs(driver, 'Organization', 5),
    participants: await hubs(driver, 'Organization', 10),
    personNames: names.map((r) => r.get('name') as string),
    years: Array.from({ length: 30 }, (_, i) => 1994 + i),
    kinds: [['meeting', 'conference'], ['dialogue'], ['workshop', 'session'], ['meeting']],
  };
}
