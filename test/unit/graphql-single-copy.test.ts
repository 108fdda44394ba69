import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, GraphQLObjectType, isObjectType } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';

describe('one copy of graphql under vitest', () => {
  it('shares its classes with @graphql-tools and graphql-yoga', () => {
    const schema = makeExecutableSchema({ typeDefs: 'type Query { a: Int }' });
    expect(schema.getQueryType()).toBeInstanceOf(GraphQLObjectType);
    expect(isObjectType(schema.getQueryType())).toBe(true);
    expect(createGraphQLError('x')).toBeInstanceOf(GraphQLError);
  });
});
