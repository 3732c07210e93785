/**
 * A bounded cache for values that repeat in long inputs. Two generations: when the young map is
 * full it becomes the old one and the previous old one is dropped; a hit in the old map moves the
 * entry back to the young one. Every operation is O(1); evicting from the front of a single Map
 * instead makes each eviction walk over the deleted slots, which on millions of distinct keys
 * costs more than the lookups it saves.
 */
export class TwoGenerationCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  /** Holds between `limit` and 2 × `limit` entries. */
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
