/**
 * Ranking a row of scores: the k best (topK) and the whole order (rankDescending, an LSD radix
 * sort on order-preserving float keys, O(n), stable: equal scores keep index order), and
 * average precision over the full ranking.
 */

/**
 * The k best entries of `scores` (highest first, or lowest first with `ascending`), ties to
 * the lower index. Writes indices into `idx` and scores into `val` (length >= k); returns the
 * number found (min(k, n)).
 */
export function topK(scores: Float32Array, k: number, idx: Int32Array, val: Float32Array, ascending = false, n = scores.length): number {
  const m = Math.min(k, n);
  if (m <= 0) return 0;
  const sign = ascending ? -1 : 1;
  let filled = 0;
  for (let j = 0; j < n; j++) {
    const s = sign * scores[j];
    if (filled === m && !(s > sign * val[m - 1])) continue;
    let p = filled < m ? filled++ : m - 1;
    while (p > 0 && s > sign * val[p - 1]) {
      val[p] = val[p - 1];
      idx[p] = idx[p - 1];
      p--;
    }
    val[p] = scores[j];
    idx[p] = j;
  }
  return m;
}

/** Reusable buffers of rankDescending. */
export class RankScratch {
  keys = new Uint32Array(0);
  keys2 = new Uint32Array(0);
  order = new Int32Array(0);
  order2 = new Int32Array(0);
  private readonly f = new Float32Array(1);
  private readonly u = new Uint32Array(this.f.buffer);

  ensure(n: number): void {
    if (this.keys.length >= n) return;
    this.keys = new Uint32Array(n);
    this.keys2 = new Uint32Array(n);
    this.order = new Int32Array(n);
    this.order2 = new Int32Array(n);
  }

  /** The float's bits mapped so that unsigned order = descending score order (-0 = +0, NaN last). */
  key(s: number): number {
    if (Number.isNaN(s)) return 0xffffffff;
    this.f[0] = s === 0 ? 0 : s;
    const b = this.u[0];
    const asc = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    return ~asc >>> 0;
  }
}

const HIST = new Uint32Array(2048);

/** Indices of scores[0..n) from highest to lowest score (stable); a view into `scratch`. */
export function rankDescending(scores: Float32Array, scratch: RankScratch, n = scores.length): Int32Array {
  scratch.ensure(n);
  let keys = scratch.keys;
  let keys2 = scratch.keys2;
  let order = scratch.order;
  let order2 = scratch.order2;
  for (let j = 0; j < n; j++) {
    keys[j] = scratch.key(scores[j]);
    order[j] = j;
  }
  for (const [shift, bits] of [
    [0, 11],
    [11, 11],
    [22, 10],
  ]) {
    const mask = (1 << bits) - 1;
    HIST.fill(0, 0, mask + 1);
    for (let j = 0; j < n; j++) HIST[(keys[j] >>> shift) & mask]++;
    let sum = 0;
    for (let b = 0; b <= mask; b++) {
      const c = HIST[b];
      HIST[b] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const p = HIST[(keys[j] >>> shift) & mask]++;
      keys2[p] = keys[j];
      order2[p] = order[j];
    }
    [keys, keys2] = [keys2, keys];
    [order, order2] = [order2, order];
  }
  // Three passes: the result sits in the buffers that started as keys2 / order2.
  return order.subarray(0, n);
}

/**
 * Average precision of one query over a full ranking: the mean, over the relevant items, of
 * the precision at each one's rank. `relevant(j)` says whether gallery item j is relevant;
 * `total` is the number of relevant items (AP is 0 when there are none).
 */
export function averagePrecision(order: ArrayLike<number>, relevant: (j: number) => boolean, total: number): number {
  if (total === 0) return 0;
  let hits = 0;
  let sum = 0;
  for (let r = 0; r < order.length && hits < total; r++) {
    if (relevant(order[r])) {
      hits++;
      sum += hits / (r + 1);
    }
  }
  return sum / total;
}
