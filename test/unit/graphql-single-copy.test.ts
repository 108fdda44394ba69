import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLObjectType, isObjectType } from 'graphql';
import { expect, test } from 'vitest';

// vitest.config.ts aliases `graphql` to the build the libraries load: with two copies, graphql's
// own instanceof-based helpers reject the schema the server builds.
test('the schema @graphql-tools builds and our code share one graphql-js', () => {
  const schema = makeExecutableSchema({ typeDefs: 'type Query { a: Int }' });
  expect(schema.getQueryType()).toBeInstanceOf(GraphQLObjectType);
  expect(isObjectType(schema.getQueryType())).toBe(true);
});
