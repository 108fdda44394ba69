/**
 * The validator's entity id index, compact: every entity id of a seed (one byte per character:
 * ids are slugs) in one byte array, an open-addressing hash table over them, and one number per
 * entity (where it was defined and what it is, packed by the checker). About 40 bytes per entity
 * instead of the ~160 of a Map of strings, and off the V8 heap (typed arrays).
 *
 * An entity's position in the index (0, 1, 2 ... in the order ids were added) is also its integer
 * id for Neo4j's importer (`--id-type=integer`). Ids with a character beyond U+00FF (never a valid
 * slug, but the index does not rely on the schema) are kept in a small Map beside.
 */

/** FNV-1a over an id's characters (or over the same characters as bytes: the same hash). */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashOfBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

const isNarrow = (id: string) => {
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) > 0xff) return false;
  return true;
};

export class EntityIndex {
  private keys: Uint8Array;
  private keyBytes = 0;
  /** Where each entity's id starts in `keys` (entity i's id ends where i + 1's starts). */
  private starts: Int32Array;
  private packed: Float64Array;
  /** Entity position + 1 per slot, 0 for an empty slot; its length is a power of two. */
  private table: Int32Array;
  private count = 0;
  /** Ids that do not fit one byte per character, with their position. */
  private readonly wide = new Map<string, number>();

  constructor() {
    this.keys = new Uint8Array(1 << 16);
    this.starts = new Int32Array(1 << 10);
    this.packed = new Float64Array(1 << 10);
    this.table = new Int32Array(1 << 11);
  }

  get size(): number {
    return this.count;
  }

  /**
   * The last two ids found and their positions: a fact's two ends are looked up by the checker and
   * then again by the import sink's encoder, right after; the table is megabytes at scale, and a
   * lookup there is a few cache misses, which these spare. Only ids found are kept (a position
   * never changes once given, while an id not found yet may be added later).
   */
  private recent0: string | undefined;
  private recent1: string | undefined;
  private recentAt0 = -1;
  private recentAt1 = -1;

  /** The position of an id, or -1. */
  position(id: string): number {
    if (id === this.recent0) return this.recentAt0;
    if (id === this.recent1) return this.recentAt1;
    const at = this.lookup(id);
    if (at >= 0) {
      this.recent1 = this.recent0;
      this.recentAt1 = this.recentAt0;
      this.recent0 = id;
      this.recentAt0 = at;
    }
    return at;
  }

  private lookup(id: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c > 0xff) return this.wide.get(id) ?? -1;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const mask = this.table.length - 1;
    for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      if (this.matches(entry - 1, id)) return entry - 1;
    }
  }

  /** The packed number of an id, or undefined. */
  get(id: string): number | undefined {
    const i = this.position(id);
    return i < 0 ? undefined : this.packed[i];
  }

  private matches(i: number, id: string): boolean {
    const start = this.starts[i]!;
    const end = i + 1 < this.count ? this.starts[i + 1]! : this.keyBytes;
    if (end - start !== id.length) return false;
    const keys = this.keys;
    for (let k = 0; k < id.length; k++) if (keys[start + k] !== id.charCodeAt(k)) return false;
    return true;
  }

  /** Adds an id not in the index yet (check with position first); returns its position. */
  add(id: string, packed: number): number {
    const i = this.count;
    if (i + 1 > this.starts.length) {
      this.starts = grow(this.starts, this.starts.length * 2);
      this.packed = grow(this.packed, this.packed.length * 2);
    }
    if ((i + 1) * 2 > this.table.length) this.rehash(this.table.length * 2);
    this.starts[i] = this.keyBytes;
    this.packed[i] = packed;
    this.count++;
    if (!isNarrow(id)) {
      this.wide.set(id, i);
      return i;
    }
    if (this.keyBytes + id.length > this.keys.length)
      this.keys = grow(this.keys, Math.max(this.keys.length * 2, this.keyBytes + id.length));
    for (let k = 0; k < id.length; k++) this.keys[this.keyBytes + k] = id.charCodeAt(k);
    this.keyBytes += id.length;
    this.insert(hashOf(id), i);
    return i;
  }

  private insert(hash: number, i: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = i + 1;
  }

  private rehash(length: number): void {
    this.table = new Int32Array(length);
    const wide = new Set(this.wide.values());
    for (let i = 0; i < this.count; i++) {
      if (wide.has(i)) continue;
      const start = this.starts[i]!;
      const end = i + 1 < this.count ? this.starts[i + 1]! : this.keyBytes;
      this.insert(hashOfBytes(this.keys, start, end), i);
    }
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
