import {
  Kind,
  parse,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import {
  ENDPOINTS,
  isEntityLabel,
  isRelationshipType,
  type EntityLabel,
  type RelationshipType,
} from './graph-model.js';
import { declaredOrder, SINGLE_EDGE_ORDER, type RelationshipOrder } from './relationship-order.js';
import { loadTypeDefs } from './sdl.js';

/**
 * The relationship model, as the SDL declares it: every field carrying `@fact(type, direction)`
 * is the facts of one relationship type seen from one end. This module is the only reader of
 * that directive; the batched loaders, the query planner, the resolvers, the cost model and the
 * explorer's /explore/model.json all take the fields from here.
 */
export interface FactField {
  /** `Owner.field`, the owner being the type or interface that declares the directive. */
  name: string;
  owner: string;
  field: string;
  type: RelationshipType;
  /** `out`: the parent is the fact's subject; `in`: its object. */
  direction: 'out' | 'in';
  /** The entity labels the parent can have (an interface's: every type implementing it). */
  parents: readonly EntityLabel[];
  /** The field takes `asOf` (only facts holding on that day). */
  temporal: boolean;
  /** The field returns one edge (the first in order), not a connection. */
  single: boolean;
  /** The order its edges come in when the request does not say (its orderBy's SDL default). */
  order: RelationshipOrder;
}

type Definition = ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode;

function isConnection(type: TypeNode): boolean {
  let t = type;
  while (t.kind !== Kind.NAMED_TYPE) t = t.type;
  return t.name.value.endsWith('Connection');
}

function argument(field: FieldDefinitionNode, directive: string, name: string): string {
  const node = field.directives
    ?.find((d) => d.name.value === directive)
    ?.arguments?.find((a) => a.name.value === name);
  if (!node || node.value.kind !== Kind.ENUM) {
    throw new Error(`@${directive} on ${field.name.value} lacks its ${name}`);
  }
  return node.value.value;
}

/**
 * Reads the @fact fields from SDL documents. Throws when a declaration contradicts the model's
 * allow-lists (src/model/graph-model.ts ENDPOINTS), or when a type restates an interface's
 * field with another @fact: the relationship is said once.
 */
export function readFactFields(typeDefs: readonly string[]): Map<string, FactField> {
  const definitions = new Map<string, Definition>();
  for (const source of typeDefs) {
    for (const def of parse(source).definitions) {
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
        definitions.set(def.name.value, def);
      }
    }
  }
  const implementers = (owner: Definition): string[] =>
    owner.kind === Kind.OBJECT_TYPE_DEFINITION
      ? [owner.name.value]
      : [...definitions.values()]
          .filter(
            (d) =>
              d.kind === Kind.OBJECT_TYPE_DEFINITION &&
              d.interfaces?.some((i) => i.name.value === owner.name.value),
          )
          .map((d) => d.name.value);

  const fields = new Map<string, FactField>();
  for (const owner of definitions.values()) {
    for (const field of owner.fields ?? []) {
      if (!field.directives?.some((d) => d.name.value === 'fact')) continue;
      const name = `${owner.name.value}.${field.name.value}`;
      const type = argument(field, 'fact', 'type');
      const direction = argument(field, 'fact', 'direction').toLowerCase();
      if (!isRelationshipType(type)) throw new Error(`${name}: ${type} is not a relationship type`);
      if (direction !== 'out' && direction !== 'in') throw new Error(`${name}: bad direction`);
      const parents = implementers(owner);
      const end = direction === 'out' ? 0 : 1;
      for (const parent of parents) {
        if (!isEntityLabel(parent)) throw new Error(`${name}: ${parent} is not an entity label`);
        if (!ENDPOINTS[type].some((pair) => pair[end] === parent)) {
          throw new Error(
            `${name}: ${type} has no ${parent} ${direction === 'out' ? 'subject' : 'object'}`,
          );
        }
      }
      const single = !isConnection(field.type);
      fields.set(name, {
        name,
        owner: owner.name.value,
        field: field.name.value,
        type,
        direction,
        parents: parents as EntityLabel[],
        temporal: field.arguments?.some((a) => a.name.value === 'asOf') ?? false,
        single,
        order: single ? SINGLE_EDGE_ORDER : declaredOrder(field, name),
      });
    }
  }
  // A type implementing an interface's @fact field inherits it; restating it is a second home.
  for (const fact of [...fields.values()]) {
    if (definitions.get(fact.owner)?.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const parent of fact.parents) {
      if (fields.has(`${parent}.${fact.field}`)) {
        throw new Error(`${parent}.${fact.field} restates @fact of ${fact.name}`);
      }
    }
  }
  return fields;
}

/** Every relationship field of the API, by `Owner.field`. */
export const FACT_FIELDS: ReadonlyMap<string, FactField> = readFactFields(loadTypeDefs());

const byTypeAndField = new Map<string, FactField>();
for (const fact of FACT_FIELDS.values()) {
  for (const parent of fact.parents) byTypeAndField.set(`${parent}.${fact.field}`, fact);
  byTypeAndField.set(fact.name, fact);
}

/** The relationship field `field` of type (or interface) `typeName`, if it is one. */
export function factFieldOf(typeName: string, field: string): FactField | undefined {
  return byTypeAndField.get(`${typeName}.${field}`);
}

/** The relationship fields an entity label has (an interface's included), by field name. */
export function factFieldsOfLabel(label: EntityLabel): Map<string, FactField> {
  const found = new Map<string, FactField>();
  for (const fact of FACT_FIELDS.values()) {
    if (fact.parents.includes(label)) found.set(fact.field, fact);
  }
  return found;
}
