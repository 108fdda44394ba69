import { ENDPOINTS, type EntityLabel, type RelationshipType } from '../model/graph-model.js';

/**
 * Every relationship field of the schema as a fact type seen from one end, so one batched
 * resolver serves them all. `out`: the parent is the fact's subject; `in`: its object.
 */
export interface RelationshipField {
  type: RelationshipType;
  direction: 'out' | 'in';
  /** The labels the parent can have; fields shared by Person and Organization list both. */
  parents: readonly EntityLabel[];
  /** Whether the field takes `asOf` (the fact's effective interval must contain that day). */
  temporal: boolean;
}

const ACTOR: readonly EntityLabel[] = ['Person', 'Organization'];

function field(
  type: RelationshipType,
  direction: 'out' | 'in',
  parents: readonly EntityLabel[],
  temporal = false,
): RelationshipField {
  const end = direction === 'out' ? 0 : 1;
  for (const parent of parents) {
    if (!ENDPOINTS[type].some((pair) => pair[end] === parent)) {
      throw new Error(`${type} ${direction} has no ${parent} end in ENDPOINTS`);
    }
  }
  return { type, direction, parents, temporal };
}

export const RELATIONSHIP_FIELDS = {
  // Person.chaired and Organization.chaired are one field, so a query that reaches both kinds of
  // actor at one level still makes one batch.
  'Actor.chaired': field('CHAIRED', 'out', ACTOR),
  'Actor.participations': field('PARTICIPATED_IN', 'out', ACTOR),
  'Actor.organized': field('ORGANIZED', 'out', ACTOR),
  'Actor.presidencies': field('PRESIDED', 'out', ACTOR, true),
  'Person.positions': field('HELD_POSITION', 'out', ['Person'], true),
  'Organization.hosted': field('HOSTED', 'out', ['Organization']),
  'Organization.presidedBy': field('PRESIDED', 'in', ['Organization'], true),
  'Organization.members': field('MEMBER_OF', 'in', ['Organization'], true),
  'Organization.memberships': field('MEMBER_OF', 'out', ['Organization'], true),
  'Organization.parentOrganization': field('PART_OF', 'out', ['Organization']),
  'Organization.subOrganizations': field('PART_OF', 'in', ['Organization']),
  'Organization.positions': field('HELD_POSITION', 'in', ['Organization'], true),
  'Organization.published': field('PUBLISHED', 'out', ['Organization']),
  'Meeting.chairs': field('CHAIRED', 'in', ['Meeting']),
  'Meeting.participants': field('PARTICIPATED_IN', 'in', ['Meeting']),
  'Meeting.organizers': field('ORGANIZED', 'in', ['Meeting']),
  'Meeting.hosts': field('HOSTED', 'in', ['Meeting']),
  'Meeting.themes': field('COVERED', 'out', ['Meeting']),
  'Meeting.place': field('HELD_IN', 'out', ['Meeting']),
  'Meeting.partOf': field('PART_OF', 'out', ['Meeting']),
  'Meeting.parts': field('PART_OF', 'in', ['Meeting']),
  'Theme.meetings': field('COVERED', 'in', ['Theme']),
  'Place.meetings': field('HELD_IN', 'in', ['Place']),
  'Document.publisher': field('PUBLISHED', 'in', ['Document']),
} as const satisfies Record<string, RelationshipField>;

export type RelationshipFieldName = keyof typeof RELATIONSHIP_FIELDS;
