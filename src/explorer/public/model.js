/**
 * The graph model as the server derives it from the SDL (/explore/model.json): the entity labels
 * and the relationship types. The page reads it at start instead of keeping a copy, so a type
 * declared in the schema shows up here by itself (and introspection may be off in production).
 */
const response = await fetch('/explore/model.json');
if (!response.ok) throw new Error(`the graph model did not load (HTTP ${response.status})`);
const model = await response.json();

/** Relationship types, as the schema's enum RelationshipType lists them. */
export const RELATIONSHIP_TYPES = model.relationshipTypes.map((t) => t.type);

/** Entity labels by the API's upper-case type name (PERSON → Person). */
export const TYPE_NAMES = Object.fromEntries(
  model.labels.map((label) => [label.toUpperCase(), label]),
);
