import {
  isEntityLabel,
  isRelationshipType,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';
import type { PageInfo } from './pagination.js';

/** The data layer's view of the stored graph (see the header of src/model/graph-model.ts). */

/**
 * Values the query planner read for a record's fields, by response key (src/read/planner): the
 * field's resolver returns them instead of loading.
 */
export type Planned = Record<string, unknown>;

export interface LocalizedName {
  text: string;
  language: string;
}

export type Props = Readonly<Record<string, unknown>>;

export interface EntityRecord {
  label: EntityLabel;
  id: string;
  name: string;
  names: LocalizedName[];
  aliases: LocalizedName[];
  wikidataId: string | null;
  /** Every stored property, for the label-specific fields (kind, start, title ...). */
  props: Props;
  planned?: Planned;
}

export interface FactRecord {
  id: string;
  type: RelationshipType;
  subjectId: string;
  objectId: string;
  /** The relationship's stored properties: qualifiers and dates. */
  props: Props;
  planned?: Planned;
}

/** An edge of a relationship field: a fact seen from one of its ends. */
export interface FactEdgeRecord {
  cursor: string;
  fact: FactRecord;
  /** The entity at the other end. */
  node: EntityRecord;
  planned?: Planned;
}

export interface EvidenceRecord {
  id: string;
  about: string;
  quote: string;
  offset: number | null;
  documentId: string;
  planned?: Planned;
}

export interface Connection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A relationship field's page: its total is counted only when the query selects it. */
export interface RelationshipConnection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number | null;
}

export type FactConnectionRecord = RelationshipConnection<FactEdgeRecord>;

/** A root list: its total costs a count over the whole list, so it runs only when asked for. */
export interface LazyConnection<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

export interface EntityEdge {
  cursor: string;
  node: EntityRecord;
}

export type EntityConnection = LazyConnection<EntityEdge>;

export interface SupportedFactEdgeRecord {
  cursor: string;
  node: FactRecord;
  evidence: EvidenceRecord[];
}

export interface SearchHitRecord {
  cursor: string;
  node: EntityRecord;
  score: number;
  matchedName: string;
  matchedLanguage: string | null;
}

/**
 * The stored properties `names` from their values, read by position from `values` at `at` on:
 * statements return lists rather than maps, which the driver decodes into slow objects.
 */
export function propsFrom(names: readonly string[], values: readonly unknown[], at = 0): Props {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) props[names[i]!] = values[at + i];
  return props;
}

export function stringProp(props: Props, name: string): string | null {
  const value = props[name];
  return typeof value === 'string' ? value : null;
}

/** A property the stored shape always has; its absence is a loader bug, not a null. */
export function requiredString(props: Props, name: string): string {
  const value = stringProp(props, name);
  if (value === null) throw new Error(`stored entity ${String(props.id)} lacks "${name}"`);
  return value;
}

export function numberProp(props: Props, name: string): number | null {
  const value = props[name];
  return typeof value === 'number' ? value : null;
}

function stringList(props: Props, name: string): string[] {
  const value = props[name];
  return Array.isArray(value) ? value.map(String) : [];
}

/** Zips the parallel arrays the loader stores (texts and their languages). */
function localized(props: Props, texts: string, langs: string): LocalizedName[] {
  const languages = stringList(props, langs);
  return stringList(props, texts).map((text, i) => ({ text, language: languages[i] ?? 'und' }));
}

/** An entity from `properties(n)` and `labels(n)`. */
export function toEntity(props: Props, labels: unknown): EntityRecord {
  const label = (Array.isArray(labels) ? labels : []).find(
    (l): l is EntityLabel => typeof l === 'string' && isEntityLabel(l),
  );
  const id = stringProp(props, 'id');
  if (!label || id === null) throw new Error(`not an entity: ${JSON.stringify(labels)}`);
  return {
    label,
    id,
    name: stringProp(props, 'name') ?? id,
    names: localized(props, 'labelTexts', 'labelLangs'),
    aliases: localized(props, 'aliasTexts', 'aliasLangs'),
    wikidataId: stringProp(props, 'wikidata'),
    props,
  };
}

export function toFact(
  type: unknown,
  props: Props,
  subjectId: unknown,
  objectId: unknown,
): FactRecord {
  const id = stringProp(props, 'id');
  if (typeof type !== 'string' || !isRelationshipType(type) || id === null) {
    throw new Error(`not a fact: ${String(type)}`);
  }
  return { id, type, subjectId: String(subjectId), objectId: String(objectId), props };
}

export function toEvidence(props: Props, documentId: unknown): EvidenceRecord {
  return {
    id: String(props.id),
    about: String(props.about),
    quote: String(props.quote),
    offset: numberProp(props, 'offset'),
    documentId: String(documentId),
  };
}
