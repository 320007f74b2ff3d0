/**
 * An entropy estimate of JPEG's baseline coding of quantised blocks (T.81 F.1.2): DC as the
 * difference from the previous block's DC (category symbol + that many raw bits), AC in zig-zag
 * order as (run, size) symbols with ZRL for 16 zeros and EOB after the last non-zero, each
 * followed by `size` raw bits. The symbols cost their Shannon information −log2 p under the image's
 * own frequencies (what optimised Huffman tables approach from above, within a bit per symbol);
 * headers and tables are not counted.
 */
import { ZIGZAG } from './quant.js';

/** Bits needed for |v|: 0 for 0, else ⌊log2|v|⌋ + 1 (JPEG's SSSS category). */
export function category(v: number): number {
  let a = Math.abs(v);
  let s = 0;
  while (a > 0) {
    s++;
    a >>= 1;
  }
  return s;
}

/** Symbol counts and raw bits of one coding class (the luminance or the chrominance tables). */
export class SymbolTally {
  readonly dc = new Float64Array(17);
  readonly ac = new Float64Array(256);
  rawBits = 0;

  /** Add the blocks of one component: `q` is [nb, 64] quantised coefficients in natural order. */
  addComponent(q: Int32Array, nb: number): void {
    let prev = 0;
    for (let b = 0; b < nb; b++) {
      const base = b * 64;
      const dc = q[base];
      const s = category(dc - prev);
      prev = dc;
      this.dc[s]++;
      this.rawBits += s;
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const v = q[base + ZIGZAG[k]];
        if (v === 0) {
          run++;
          continue;
        }
        while (run > 15) {
          this.ac[0xf0]++; // ZRL
          run -= 16;
        }
        const size = category(v);
        this.ac[(run << 4) | size]++;
        this.rawBits += size;
        run = 0;
      }
      if (run > 0) this.ac[0x00]++; // EOB
    }
  }

  /** Total bits: Σ count · −log2(count / total) over both alphabets, plus the raw bits. */
  bits(): number {
    return shannonBits(this.dc) + shannonBits(this.ac) + this.rawBits;
  }
}

function shannonBits(counts: Float64Array): number {
  let total = 0;
  for (const c of counts) total += c;
  let bits = 0;
  for (const c of counts) if (c > 0) bits -= c * Math.log2(c / total);
  return bits;
}
