import { describe, expect, it } from 'vitest';
import { FACT_FIELDS, factFieldOf, readFactFields } from '../../src/model/fact-fields.js';
import { ENDPOINTS, RELATIONSHIP_TYPES } from '../../src/model/graph-model.js';

const base = `
  enum RelationshipType { CHAIRED HELD_IN }
  enum FactDirection { OUT IN }
  directive @fact(type: RelationshipType!, direction: FactDirection!) on FIELD_DEFINITION
  input RelationshipOrder { field: String, direction: String }
  interface Actor {
    chaired(orderBy: RelationshipOrder = { field: DATE }): MeetingFactConnection
      @fact(type: CHAIRED, direction: OUT)
  }
  type MeetingFactConnection { totalCount: Int }
  type PlaceFactEdge { cursor: String }
`;

describe('the relationship model declared in the SDL (@fact)', () => {
  it('reads type, direction, parents, asOf and single edges from the schema files', () => {
    expect(factFieldOf('Meeting', 'chairs')).toMatchObject({
      type: 'CHAIRED',
      direction: 'in',
      parents: ['Meeting'],
      temporal: false,
      single: false,
    });
    // Declared once on the interface, it holds for every type implementing it.
    expect(factFieldOf('Person', 'chaired')).toBe(factFieldOf('Organization', 'chaired'));
    expect(factFieldOf('Person', 'chaired')?.parents).toEqual(['Person', 'Organization']);
    expect(factFieldOf('Organization', 'members')).toMatchObject({ temporal: true });
    expect(factFieldOf('Meeting', 'place')).toMatchObject({ type: 'HELD_IN', single: true });
    expect(factFieldOf('Meeting', 'name')).toBeUndefined();
  });

  it('reaches every allowed (subject, object) pair of every type from both of its ends', () => {
    const reached = new Set<string>();
    for (const field of FACT_FIELDS.values()) {
      for (const parent of field.parents) {
        for (const [subject, object] of ENDPOINTS[field.type]) {
          if ((field.direction === 'out' ? subject : object) === parent) {
            reached.add(
              `${subject}-${field.type}->${object} from the ${field.direction === 'out' ? 'subject' : 'object'}`,
            );
          }
        }
      }
    }
    const expected = RELATIONSHIP_TYPES.flatMap((type) =>
      ENDPOINTS[type].flatMap(([subject, object]) => [
        `${subject}-${type}->${object} from the subject`,
        `${subject}-${type}->${object} from the object`,
      ]),
    );
    expect([...reached].sort()).toEqual([...new Set(expected)].sort());
  });

  it('refuses a declaration the model does not allow, or one said twice', () => {
    const withTypes = `${base}
      type Person implements Actor { chaired: MeetingFactConnection }
      type Organization implements Actor { chaired: MeetingFactConnection }`;
    expect(readFactFields([withTypes]).get('Actor.chaired')?.parents).toEqual([
      'Person',
      'Organization',
    ]);
    expect(() =>
      readFactFields([
        withTypes.replace(
          'type Person implements Actor { chaired: MeetingFactConnection }',
          'type Person implements Actor { chaired(orderBy: RelationshipOrder = { field: DATE }): MeetingFactConnection @fact(type: CHAIRED, direction: OUT) }',
        ),
      ]),
    ).toThrow('Person.chaired restates @fact of Actor.chaired');
    expect(() =>
      readFactFields([
        `${base} type Person implements Actor { chaired: MeetingFactConnection }
         type Meeting { place: PlaceFactEdge @fact(type: HELD_IN, direction: IN) }`,
      ]),
    ).toThrow('Meeting.place: HELD_IN has no Meeting object');
    expect(() =>
      readFactFields([
        base.replace(
          'chaired(orderBy: RelationshipOrder = { field: DATE })',
          'chaired(first: Int)',
        ),
      ]),
    ).toThrow('Actor.chaired: a relationship connection takes orderBy with a default');
  });

  it("orders each connection by default as it always was: the other end's sortKey", () => {
    // sortKey (src/seed/load.ts) is a meeting's start and any other entity's folded name: the
    // usual order of a field is DATE when its other end is a meeting, else NAME, ascending.
    for (const field of FACT_FIELDS.values()) {
      const others = ENDPOINTS[field.type]
        .filter((pair) => field.parents.includes(pair[field.direction === 'out' ? 0 : 1]))
        .map((pair) => pair[field.direction === 'out' ? 1 : 0]);
      const meetings = others.every((label) => label === 'Meeting');
      expect(meetings || others.every((label) => label !== 'Meeting'), field.name).toBe(true);
      expect(field.order, field.name).toEqual({
        by: meetings && !field.single ? 'DATE' : 'NAME',
        descending: false,
      });
    }
    expect(readFactFields([base]).get('Actor.chaired')?.order).toEqual({
      by: 'DATE',
      descending: false,
    });
  });
});
