import fs from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { countingDriver, portArgs, serve } from './common.js';

/**
 * (b) @neo4j/graphql (the version pinned in package.json) over the same database, with the type
 * definitions in bench/neo4j-graphql/type-defs.graphql, served by graphql-yoga as this project's
 * server is. It needs the APOC core plugin, which the runner loads into the benchmark's Neo4j.
 */
const { neo4jPort, port } = portArgs();
const driver = countingDriver(neo4jPort);
const typeDefs = fs.readFileSync(
  new URL('../neo4j-graphql/type-defs.graphql', import.meta.url),
  'utf8',
);
const library = new Neo4jGraphQL({ typeDefs, driver });
const schema = await library.getSchema();
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: 'warn',
});
serve((req, res) => void yoga(req, res), port);
