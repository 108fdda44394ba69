import {
  buildSchema,
  isEnumType,
  isInterfaceType,
  isObjectType,
  getNamedType,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { FACT_FIELDS, factFieldOf } from '../../src/model/fact-fields.js';
import { resolvers } from '../../src/graphql/resolvers.js';
import { MEETING_FORMATS, ORGANIZATION_KINDS } from '../../src/graphql/resolvers/enums.js';
import { loadTypeDefs } from '../../src/model/sdl.js';
import { ENDPOINTS, ENTITY_LABELS, RELATIONSHIP_TYPES } from '../../src/model/graph-model.js';

// The SDL in schema/ is the API's contract: this file guards it against unnoticed change and
// checks that it agrees with the model's allow-lists and with the resolver table.
const schema: GraphQLSchema = buildSchema(loadTypeDefs().join('\n'));

const enumValues = (name: string) => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
  return type.getValues().map((v) => v.name);
};

describe('the schema', () => {
  it('matches its snapshot (update with vitest -u after an intended change)', async () => {
    await expect(printSchema(schema)).toMatchFileSnapshot('../__snapshots__/schema.graphql.snap');
  });

  it('spells the model allow-lists as its enums', () => {
    expect(enumValues('RelationshipType')).toEqual([...RELATIONSHIP_TYPES]);
    expect(enumValues('OrganizationKind')).toEqual(ORGANIZATION_KINDS);
    expect(enumValues('MeetingFormat')).toEqual(MEETING_FORMATS);
    expect(enumValues('EntityType')).toEqual(ENTITY_LABELS.map((l) => l.toUpperCase()));
  });

  it('has one type per entity label, each a Node and an Entity', () => {
    for (const label of ENTITY_LABELS) {
      const type = schema.getType(label);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toEqual(
        expect.arrayContaining(['Node', 'Entity']),
      );
    }
  });

  it('serves every relationship field from its @fact declaration, with the right node type', () => {
    const fieldsOf = (typeName: string) => {
      const type = schema.getType(typeName);
      if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`${typeName}?`);
      return type.getFields();
    };
    const namedTypeOf = (typeName: string, field: string) =>
      getNamedType(fieldsOf(typeName)[field]!.type).name;
    /** The node type behind a *FactConnection or *FactEdge. */
    const nodeTypeOf = (returned: string) =>
      namedTypeOf(
        returned.endsWith('Connection') ? namedTypeOf(returned, 'edges') : returned,
        'node',
      );

    const served: string[] = [];
    for (const typeName of ['Actor', ...ENTITY_LABELS]) {
      for (const field of Object.values(fieldsOf(typeName))) {
        const returned = getNamedType(field.type).name;
        if (/FactConnection$|FactEdge$/.test(returned) && !returned.startsWith('Supported')) {
          served.push(`${typeName}.${field.name}`);
        }
      }
    }
    for (const name of served) {
      const [typeName, fieldName] = name.split('.') as [string, string];
      // Person.chaired and Organization.chaired inherit Actor.chaired's @fact.
      const field = factFieldOf(typeName, fieldName);
      expect(field, `${name} has no @fact`).toBeDefined();
      // The labels the fact type joins the parent to, seen from the parent's end.
      const [near, far] = field!.direction === 'out' ? [0, 1] : [1, 0];
      const others = new Set(
        ENDPOINTS[field!.type]
          .filter((pair) =>
            typeName === 'Actor'
              ? pair[near] === 'Person' || pair[near] === 'Organization'
              : pair[near] === typeName,
          )
          .map((pair) => pair[far]),
      );
      const expected = others.size > 1 ? 'Actor' : [...others][0];
      expect(`${name} -> ${nodeTypeOf(namedTypeOf(typeName, fieldName))}`).toBe(
        `${name} -> ${expected}`,
      );
      if (typeName !== 'Actor') {
        const typeResolvers = (resolvers as Record<string, Record<string, unknown>>)[typeName];
        expect(typeResolvers?.[fieldName], `${name} has no resolver`).toBeTypeOf('function');
      }
    }
    // And the table has nothing the schema does not serve.
    expect([...FACT_FIELDS.keys()].filter((t) => !served.includes(t))).toEqual([]);
  });
});
