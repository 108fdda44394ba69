import {
  MEETING_FORMATS as STORED_MEETING_FORMATS,
  ORGANIZATION_KINDS as STORED_ORGANIZATION_KINDS,
  type EntityLabel,
} from '../../model/graph-model.js';
import type { EntityType, MeetingFormat, OrganizationKind } from '../generated/resolvers-types.js';

/**
 * The graph stores kinds and formats in lower case (`un_organ`); the schema's enums spell them in
 * upper case (`UN_ORGAN`). Values outside the enum are a loader bug, so they throw.
 */
function toEnum<T extends string>(stored: string | null, values: readonly T[], what: string): T {
  const value = stored?.toUpperCase();
  if (value === undefined || !(values as readonly string[]).includes(value)) {
    throw new Error(`stored ${what} "${String(stored)}" is not in the schema's enum`);
  }
  return value as T;
}

// The model's allow-lists, spelled as the schema's enums (test/unit/api-schema.test.ts checks
// that the SDL lists the same values).
export const ORGANIZATION_KINDS = STORED_ORGANIZATION_KINDS.map(
  (kind) => kind.toUpperCase() as OrganizationKind,
);
export const MEETING_FORMATS = STORED_MEETING_FORMATS.map(
  (format) => format.toUpperCase() as MeetingFormat,
);

export const organizationKind = (stored: string | null) =>
  toEnum(stored, ORGANIZATION_KINDS, 'organization kind');

export const meetingFormat = (stored: string | null) =>
  stored === null ? null : toEnum(stored, MEETING_FORMATS, 'meeting format');

export const storedKinds = (kinds: readonly string[] | null | undefined) =>
  kinds ? kinds.map((k) => k.toLowerCase()) : null;

export const LABEL_OF_TYPE: Record<EntityType, EntityLabel> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  MEETING: 'Meeting',
  THEME: 'Theme',
  PLACE: 'Place',
  DOCUMENT: 'Document',
};
