/**
 * Valid cross-correlation by the convolution theorem, on one thread: the stages of
 * fftStages.ts run over their whole ranges.
 *
 * Without `cacheSources`, each term's source is row-transformed into a reused work buffer
 * (scratch.ts) and the column pass transforms, multiplies and inverts in one sweep, so nothing
 * big is allocated per call. With `cacheSources` (masked scores correlate one plane with
 * several kernels), each source's full 2-D spectrum is kept for the correlator's life.
 */
import type { Correlator, Source, Term } from './correlate.js';
import { columnPass, columnTransform, emitRows, type FftGeometry, fftGeometry, kernelRows, rowPass } from './fftStages.js';
import { giveBuffer, takeBuffer } from './scratch.js';

export class FftCorrelator implements Correlator {
  readonly g: FftGeometry;
  readonly outH: number;
  readonly outW: number;
  /** Transform height (≥ H, 5-smooth). */
  readonly N: number;
  private readonly cache = new Map<Source, Float64Array>();

  constructor(
    readonly height: number,
    readonly width: number,
    readonly h: number,
    readonly w: number,
    readonly cacheSources = false,
  ) {
    this.g = fftGeometry(height, width, h, w);
    this.outH = this.g.outH;
    this.outW = this.g.outW;
    this.N = this.g.N;
  }

  sum(terms: readonly Term[]): Float64Array {
    const out = new Float64Array(this.outH * this.outW); // [outH, outW]
    this.sumRows(terms, (y, row) => out.set(row, y * this.outW));
    return out;
  }

  /** Σ_terms correlate(src, kernel), handed out one output row at a time, in order (`row` [outW] is reused). */
  sumRows(terms: readonly Term[], emit: (y: number, row: Float64Array) => void): void {
    const g = this.g;
    const size = 2 * g.bins * g.N;
    const kRows = terms.map((t) => kernelRows(g, t.kernel)); // [bins, h] complex each
    const acc = takeBuffer(size); // [bins, N] complex: Σ S · conj(K), then its inverse down the columns
    if (this.cacheSources) {
      columnPass(
        g,
        terms.map((t) => this.spectrum(t.src)),
        kRows,
        acc,
        0,
        g.bins,
        true,
      );
    } else {
      const work = terms.map((_, t) => (t === 0 ? acc : takeBuffer(size)));
      terms.forEach((t, i) => {
        rowPass(g, t.src.plane, t.src.square, work[i], 0, g.H);
      });
      columnPass(g, work, kRows, acc, 0, g.bins);
      for (const b of work.slice(1)) giveBuffer(b);
    }
    emitRows(g, acc, 0, g.outH, emit);
    giveBuffer(acc);
  }

  /** A source's full 2-D spectrum [bins, N] (cached). */
  private spectrum(src: Source): Float64Array {
    let s = this.cache.get(src);
    if (s === undefined) {
      s = new Float64Array(2 * this.g.bins * this.g.N);
      rowPass(this.g, src.plane, src.square, s, 0, this.g.H);
      columnTransform(this.g, s, 0, this.g.bins);
      this.cache.set(src, s);
    }
    return s;
  }
}
