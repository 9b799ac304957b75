// A least-recently-used store of whole HTTP answers, bounded by the bytes they hold.

/** One stored answer: always a 200; the headers that belong to the representation, and its bytes. */
export interface CachedResponse {
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body: Buffer;
}

export interface ResponseCacheOptions {
  /** The budget in bytes; 0 disables the cache (nothing is stored, every lookup misses). */
  readonly maxBytes: number;
  /**
   * The largest share of the budget one entry may take (default 1/8): a huge answer (a big SPARQL result,
   * a dump) is sent but not kept, so it cannot evict everything else.
   */
  readonly maxEntryShare?: number;
}

export interface ResponseCacheStats {
  readonly enabled: boolean;
  readonly hits: number;
  readonly misses: number;
  /** Entries dropped to make room for newer ones. */
  readonly evictions: number;
  /** Answers not kept because one would take more than its share of the budget. */
  readonly tooLarge: number;
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
}

interface Slot {
  readonly response: CachedResponse;
  readonly size: number;
}

/** What an entry costs beyond its body and headers (the Map slot, the objects): a rough, fixed estimate. */
const entryOverhead = 128;

/**
 * A Map keeps insertion order, so deleting and re-inserting on every hit keeps the least recently used
 * entry first: eviction takes from the front until the new entry fits.
 */
export class ResponseCache {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
  private readonly slots = new Map<string, Slot>();
  private used = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private tooLarge = 0;

  constructor(options: ResponseCacheOptions) {
    const share = options.maxEntryShare ?? 1 / 8;
    if (!Number.isInteger(options.maxBytes) || options.maxBytes < 0) throw new RangeError(`maxBytes must be a whole number >= 0, got ${options.maxBytes}`);
    if (!(share > 0 && share <= 1)) throw new RangeError(`maxEntryShare must be in (0, 1], got ${share}`);
    this.maxBytes = options.maxBytes;
    this.maxEntryBytes = Math.floor(options.maxBytes * share);
  }

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The stored answer, now the most recently used; counts a hit or a miss. */
  get(key: string): CachedResponse | undefined {
    const slot = this.slots.get(key);
    if (!slot) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.response;
  }

  /** Keeps an answer, evicting the least recently used ones until it fits; false when it is too large to keep. */
  set(key: string, response: CachedResponse): boolean {
    if (!this.enabled) return false;
    const size = sizeOf(key, response);
    if (size > this.maxEntryBytes) {
      this.tooLarge += 1;
      return false;
    }
    this.delete(key);
    for (const [oldest, slot] of this.slots) {
      if (this.used + size <= this.maxBytes) break;
      this.slots.delete(oldest);
      this.used -= slot.size;
      this.evictions += 1;
    }
    this.slots.set(key, { response, size });
    this.used += size;
    return true;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  stats(): ResponseCacheStats {
    return {
      enabled: this.enabled,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      tooLarge: this.tooLarge,
      entries: this.slots.size,
      bytes: this.used,
      maxBytes: this.maxBytes,
    };
  }

  private delete(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.used -= slot.size;
  }
}

/** Bytes of the body, the key and the header text (UTF-16 strings counted at two bytes a character). */
function sizeOf(key: string, { headers, body }: CachedResponse): number {
  let text = key.length;
  for (const [name, value] of Object.entries(headers)) {
    text += name.length + (typeof value === 'string' ? value.length : value.reduce((sum, v) => sum + v.length, 0));
  }
  return body.length + 2 * text + entryOverhead;
}
