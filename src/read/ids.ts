import { BadInputError } from './errors.js';

/** Entity ids are slugs (seeds/seed.schema.json): lowercase ASCII words joined by hyphens. */
const ENTITY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 200;

export function isEntityId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && ENTITY_ID.test(id);
}

export function checkEntityId(id: string, what = 'id'): string {
  if (!isEntityId(id)) {
    throw new BadInputError(
      `${what} "${id.slice(0, 60)}" is not an entity id (lowercase words joined by hyphens, e.g. "nguyen-xuan-phuc")`,
    );
  }
  return id;
}

/** Fact ids are the loader's business; only keep out what could never be one. */
export function checkFactId(id: string): string {
  if (id.length === 0 || id.length > MAX_ID_LENGTH || /[\p{C}\s]/u.test(id)) {
    throw new BadInputError(`"${id.slice(0, 60)}" is not a fact id`);
  }
  return id;
}
