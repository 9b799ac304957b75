// The shared-memory form of a QuadIndex: plain SharedArrayBuffers and counts, postable to worker threads as workerData.

/**
 * Everything a thread needs to attach to the index without copying. Terms are numbered 0..termCount-1 in
 * first-seen order; quads are Uint32 rows of term ids (s, p, o, g), stored once per sort order.
 */
export interface QuadIndexBuffers {
  readonly termCount: number;
  readonly quadCount: number;
  /** Every term's key (see termKey), UTF-8, back to back. */
  readonly termBytes: SharedArrayBuffer;
  /** Uint32 × (termCount + 1): term i's key is termBytes[offsets[i], offsets[i + 1]). */
  readonly termOffsets: SharedArrayBuffer;
  /** Uint32 open-addressing table (power-of-two length, linear probing) holding id + 1 per slot, 0 for empty. */
  readonly termHash: SharedArrayBuffer;
  /** One Uint32 × (4 × quadCount) buffer per entry of quadOrders.orders, rows sorted in that order. */
  readonly orders: readonly SharedArrayBuffer[];
}
