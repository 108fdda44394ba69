/**
 * The property-graph model: node labels, relationship types and which endpoints each type joins.
 * These are the allow-lists: no label or relationship type reaches Cypher unless it is named here.
 *
 * Stored shape (see README "Graph model"):
 * - every entity node has the label :Entity plus one of ENTITY_LABELS, and the properties
 *   id (slug), name, nameKey (folded, lower-case name for ordering), sortKey (meetings: start date
 *   string, others: nameKey), labelLangs/labelTexts (parallel arrays: per-language names),
 *   aliasTexts/aliasLangs (parallel arrays), searchNames (all names and aliases, for the
 *   full-text index), searchKeys (each of those names as its folded words joined by one space,
 *   for ranking search hits in Cypher), wikidata (QID, when known), kind, and per label: Meeting format, ordinal,
 *   start/end (ISO 8601 at precision) with startPrecision/startMin/startMax and
 *   endPrecision/endMin/endMax (Neo4j dates bounding the period); Document file, title, label,
 *   language, published (+ precision/min/max), sha256, publisher (organization id).
 * - every fact is one relationship between two entities, of a type in RELATIONSHIP_TYPES, with
 *   id (fact id), evidenceCount and its qualifiers: capacity, role, onBehalfOf (organization id),
 *   title, key, and dates start/end/attested each with *Precision, *Min, *Max.
 * - evidence is a node (:Evidence {id, about, quote, offset}) with (:Evidence)-[:CITED_IN]->(:Document);
 *   `about` is the id of the fact or entity it supports, so "why do we believe this edge?" is an
 *   index lookup on Evidence.about and "what does this document support?" a walk from the document.
 * - (:GraphMeta {id: 'seed'}) records the loaded seed version (a hash of the seed files).
 */

export const ENTITY_LABELS = [
  'Person',
  'Organization',
  'Meeting',
  'Theme',
  'Place',
  'Document',
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'CHAIRED',
  'PARTICIPATED_IN',
  'ORGANIZED',
  'HOSTED',
  'COVERED',
  'HELD_IN',
  'PART_OF',
  'HELD_POSITION',
  'MEMBER_OF',
  'PRESIDED',
  'PUBLISHED',
  'FIRST_SINCE',
  'CONTRIBUTED_TO',
  'PROPOSED',
  'COMMITTED_TO',
  'COOPERATED_WITH',
  'HAD_MOTTO',
  'ADOPTED',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Allowed (from label, to label) pairs for each relationship type. */
export const ENDPOINTS: Record<
  RelationshipType,
  ReadonlyArray<readonly [EntityLabel, EntityLabel]>
> = {
  CHAIRED: [
    ['Person', 'Meeting'],
    ['Organization', 'Meeting'],
  ],
  PARTICIPATED_IN: [
    ['Person', 'Meeting'],
    ['Organization', 'Meeting'],
  ],
  ORGANIZED: [
    ['Person', 'Meeting'],
    ['Organization', 'Meeting'],
  ],
  HOSTED: [['Organization', 'Meeting']],
  COVERED: [['Meeting', 'Theme']],
  HELD_IN: [['Meeting', 'Place']],
  PART_OF: [
    ['Meeting', 'Meeting'],
    ['Organization', 'Organization'],
  ],
  HELD_POSITION: [['Person', 'Organization']],
  MEMBER_OF: [['Organization', 'Organization']],
  PRESIDED: [
    ['Organization', 'Organization'],
    ['Person', 'Organization'],
  ],
  PUBLISHED: [['Organization', 'Document']],
  // A meeting that is the first of its kind since an earlier one (the quote says which kind).
  FIRST_SINCE: [['Meeting', 'Meeting']],
  // An actor's contribution to an organization's work; a meeting's to another's results.
  CONTRIBUTED_TO: [
    ['Person', 'Organization'],
    ['Organization', 'Organization'],
    ['Meeting', 'Meeting'],
  ],
  // Proposed or called for (a proposal, a call, a recommendation made by the actor).
  PROPOSED: [
    ['Person', 'Theme'],
    ['Organization', 'Theme'],
  ],
  // Committed to a goal (a pledge, a stated readiness, an affirmed engagement).
  COMMITTED_TO: [
    ['Person', 'Theme'],
    ['Organization', 'Theme'],
  ],
  // Cooperation between organizations; role `pledged` when the text states a readiness only.
  COOPERATED_WITH: [['Organization', 'Organization']],
  // The motto an actor carried (a presidency's or a mandate's).
  HAD_MOTTO: [
    ['Person', 'Theme'],
    ['Organization', 'Theme'],
  ],
  // What a meeting adopted or set: an orientation, a policy, a resolution.
  ADOPTED: [['Meeting', 'Theme']],
};

export const ORGANIZATION_KINDS = [
  'intergovernmental_organization',
  'un_organ',
  'state',
  'ministry',
  'political_party',
  'institute',
  'news_agency',
  'newspaper',
  'delegation',
  'other',
] as const;

export const MEETING_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

export function isEntityLabel(value: string): value is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(value);
}

/** A fact type as it stands in fact ids (PART_OF → part-of), made once per type. */
const TYPE_SLUGS = new Map<string, string>();
function typeSlug(type: string): string {
  let slug = TYPE_SLUGS.get(type);
  if (slug === undefined) TYPE_SLUGS.set(type, (slug = type.toLowerCase().replace(/_/g, '-')));
  return slug;
}

/**
 * A fact's id: its subject, type and object, and the key that tells apart facts of the same
 * three (`vietnam--committed-to--international-peace-and-security`). The seed validator gives
 * every curated fact this id, and a drafted fact takes the id its seed entry will have.
 */
export function factId(from: string, type: string, to: string, key?: string): string {
  return `${from}--${typeSlug(type)}--${to}${key ? `--${key}` : ''}`;
}

/** Folds case and diacritics the way users type names: "Nguyên Xuân Phuc" -> "nguyen xuan phuc". */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded words of a name, for comparing names: case, diacritics and punctuation ignored. */
export function foldedWords(text: string): string[] {
  return foldName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * A name's search key: its folded words joined by one space ("Nguyễn Xuân Phúc" -> "nguyen xuan
 * phuc"). Search ranks hits in Cypher by comparing keys with the folded search text, so words
 * are whole between spaces and a key starts and ends with a word.
 */
export function searchKey(text: string): string {
  return foldedWords(text).join(' ');
}
