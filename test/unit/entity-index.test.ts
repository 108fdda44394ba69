import { describe, expect, it } from 'vitest';
import { EntityIndex } from '../../src/seed/entity-index.js';

/**
 * The validator's compact entity id index: what a Map<string, number> would answer, through its
 * growth (many rehashes), for ids that are absent, prefixes of others, or not one byte per
 * character; a position is the order of adding (the importer's integer id).
 */
describe('the entity id index', () => {
  it('answers like a Map through its growth', () => {
    const index = new EntityIndex();
    const map = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const id = `entity-${i.toString(36)}-${(i * 7919) % 1000}`;
      expect(index.position(id)).toBe(-1);
      expect(index.add(id, i * 3)).toBe(i);
      map.set(id, i * 3);
    }
    expect(index.size).toBe(map.size);
    for (const [id, packed] of map) {
      expect(index.get(id)).toBe(packed);
      expect(index.position(id)).toBe(packed / 3);
    }
    expect(index.get('entity-')).toBeUndefined();
    expect(index.get('entity-0-0x')).toBeUndefined();
    expect(index.position('')).toBe(-1);
  });

  it('answers repeated lookups (the last ids found are kept) as the table does', () => {
    const index = new EntityIndex();
    const ids = ['a', 'b', 'c', 'ab', 'việt'];
    for (const [i, id] of ids.entries()) index.add(id, i * 10);
    // Lookups in a fixed scrambled order, pairs repeated, with misses between them.
    let state = 7;
    for (let n = 0; n < 500; n++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const k = state % (ids.length + 2);
      const id = k < ids.length ? ids[k]! : `missing-${k}`;
      expect(index.position(id), `${n}: ${id}`).toBe(ids.indexOf(id));
      expect(index.get(id)).toBe(k < ids.length ? k * 10 : undefined);
    }
    // A miss is not kept: once added, the id is found (the empty id too).
    for (const id of ['late', '']) {
      expect(index.position(id)).toBe(-1);
      const at = index.add(id, 99);
      expect(index.position(id)).toBe(at);
      expect(index.get(id)).toBe(99);
    }
  });

  it('keeps ids beyond one byte per character, and large packed numbers, exactly', () => {
    const index = new EntityIndex();
    index.add('viet-nam', 2 ** 40 + 5);
    index.add('việt-nam', 7);
    index.add('viet', 9);
    expect(index.get('viet-nam')).toBe(2 ** 40 + 5);
    expect(index.get('việt-nam')).toBe(7);
    expect(index.position('việt-nam')).toBe(1);
    expect(index.get('viet')).toBe(9);
    expect(index.get('vie')).toBeUndefined();
    expect(index.get('việt')).toBeUndefined();
  });
});
