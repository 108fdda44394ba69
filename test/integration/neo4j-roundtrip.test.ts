import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testConnection, testDriver } from '../support/neo4j.js';

const driver = testDriver();
const { database } = testConnection();
const marker = randomUUID();

afterAll(async () => {
  await driver.executeQuery(
    'MATCH (n:RoundTripProbe {marker: $marker}) DETACH DELETE n',
    { marker },
    { database },
  );
  await driver.close();
});

describe('a real Neo4j over Bolt', () => {
  it('writes a node and reads it back', async () => {
    await driver.executeQuery(
      'CREATE (:RoundTripProbe {marker: $marker, name: $name, at: date($at)})',
      { marker, name: 'Nguyễn Xuân Phúc', at: '2021-04-01' },
      { database },
    );
    const { records } = await driver.executeQuery(
      'MATCH (n:RoundTripProbe {marker: $marker}) RETURN n.name AS name, toString(n.at) AS at',
      { marker },
      { database, routing: 'READ' },
    );
    expect(records.map((r) => [r.get('name'), r.get('at')])).toEqual([
      ['Nguyễn Xuân Phúc', '2021-04-01'],
    ]);
  });
});
