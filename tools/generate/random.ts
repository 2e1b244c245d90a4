// Deterministic randomness for the synthetic region: the same seed gives the
// same region, and every learner's data can be regenerated from its index
// alone (each table is written in its own pass without keeping rows around).

/** mulberry32: small, fast, good enough for synthetic data (not for secrets). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of two integers (murmur3 finaliser), for per-entity seeds. */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Random = ReturnType<typeof rng>;

export const int = (r: Random, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
export const chance = (r: Random, p: number): boolean => r() < p;
export const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** Picks from [value, weight] pairs. */
export function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [value, w] of items) {
    x -= w;
    if (x < 0) return value;
  }
  return items[items.length - 1]![0];
}

/** Cumulative weights for fast repeated picks from a long list (binary search). */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i]!;
  return out;
}

export function pickCumulative(r: Random, cum: Float64Array): number {
  const x = r() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const TABLE_CODES = new Map<string, number>();

/**
 * A UUID for row `index` of `table`: random-looking in front (so B-tree
 * inserts scatter like the application's v4 ids) and the index in the last
 * 12 hex digits (so ids never collide and can be recomputed from the index).
 */
export function idFor(table: string, index: number): string {
  let code = TABLE_CODES.get(table);
  if (code === undefined) {
    code = [...table].reduce((h, c) => mix(h, c.charCodeAt(0)), 7);
    TABLE_CODES.set(table, code);
  }
  const a = mix(code, index).toString(16).padStart(8, "0");
  const b = mix(index, code).toString(16).padStart(8, "0");
  const tail = index.toString(16).padStart(12, "0");
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${code.toString(16).padStart(3, "0").slice(0, 3)}-${tail}`;
}
