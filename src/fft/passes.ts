/**
 * Plain-TS Stockham radix passes on interleaved complex float64 buffers (pocketfft's `passN`
 * layout, https://gitlab.mpcdf.mpg.de/mtr/pocketfft). A transform of n = r1·r2·…·rk runs one
 * pass per factor, ping-ponging two buffers, with no bit-reversal (autosort). For a pass of
 * radix p after l1 points have been combined, with ido = n / (l1·p):
 *
 *   in  CC(i, m, k) = cc[i + ido·(m + p·k)]      // [l1, p, ido]
 *   out CH(i, k, j) = ch[i + ido·(k + l1·j)]     // [p, l1, ido]
 *   CH(i, k, j) = tw(j, i) · Σ_m CC(i, m, k) · e^{∓2πi·j·m/p},   tw(j, i) = e^{∓2πi·j·l1·i/n}
 *
 * `tw` holds tw(j, i) at tw[2·((j−1)·ido + i)] (re, im) starting at `tb`, for the direction
 * being computed; `bwd` selects e^{+2πi…} (unnormalised inverse) in the butterflies.
 * These are the reference the WASM kernels in assembly/fft.ts must match.
 */

export type Pass = (ido: number, l1: number, cc: Float64Array, ch: Float64Array, tw: Float64Array, tb: number, bwd: boolean) => void;

export function pass2(ido: number, l1: number, cc: Float64Array, ch: Float64Array, tw: Float64Array, tb: number): void {
  const outStride = 2 * ido * l1; // j → j+1 in CH
  for (let k = 0; k < l1; k++) {
    let a = 4 * ido * k;
    let o = 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, o += 2) {
      const b = a + 2 * ido;
      const ar = cc[a];
      const ai = cc[a + 1];
      const br = cc[b];
      const bi = cc[b + 1];
      ch[o] = ar + br;
      ch[o + 1] = ai + bi;
      const tr = ar - br;
      const ti = ai - bi;
      const w = tb + 2 * i;
      const wr = tw[w];
      const wi = tw[w + 1];
      ch[o + outStride] = tr * wr - ti * wi;
      ch[o + outStride + 1] = tr * wi + ti * wr;
    }
  }
}

const SIN60 = Math.sqrt(3) / 2;

export function pass3(ido: number, l1: number, cc: Float64Array, ch: Float64Array, tw: Float64Array, tb: number, bwd: boolean): void {
  const s = bwd ? SIN60 : -SIN60; // Im e^{∓2πi/3}
  const os = 2 * ido * l1;
  const is = 2 * ido;
  const tw2 = tb + 2 * ido;
  for (let k = 0; k < l1; k++) {
    let a = 6 * ido * k;
    let o = 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, o += 2) {
      const c0r = cc[a];
      const c0i = cc[a + 1];
      const t1r = cc[a + is] + cc[a + 2 * is];
      const t1i = cc[a + is + 1] + cc[a + 2 * is + 1];
      const t2r = cc[a + is] - cc[a + 2 * is];
      const t2i = cc[a + is + 1] - cc[a + 2 * is + 1];
      ch[o] = c0r + t1r;
      ch[o + 1] = c0i + t1i;
      const ar = c0r - 0.5 * t1r;
      const ai = c0i - 0.5 * t1i;
      // i·s·t2 = (−s·t2i, s·t2r)
      const br = -s * t2i;
      const bi = s * t2r;
      mulStore(ch, o + os, ar + br, ai + bi, tw, tb + 2 * i);
      mulStore(ch, o + 2 * os, ar - br, ai - bi, tw, tw2 + 2 * i);
    }
  }
}

export function pass4(ido: number, l1: number, cc: Float64Array, ch: Float64Array, tw: Float64Array, tb: number, bwd: boolean): void {
  const os = 2 * ido * l1;
  const is = 2 * ido;
  const tw2 = tb + 2 * ido;
  const tw3 = tb + 4 * ido;
  for (let k = 0; k < l1; k++) {
    let a = 8 * ido * k;
    let o = 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, o += 2) {
      const c0r = cc[a];
      const c0i = cc[a + 1];
      const c1r = cc[a + is];
      const c1i = cc[a + is + 1];
      const c2r = cc[a + 2 * is];
      const c2i = cc[a + 2 * is + 1];
      const c3r = cc[a + 3 * is];
      const c3i = cc[a + 3 * is + 1];
      const t1r = c0r + c2r;
      const t1i = c0i + c2i;
      const t2r = c0r - c2r;
      const t2i = c0i - c2i;
      const t3r = c1r + c3r;
      const t3i = c1i + c3i;
      // forward: y1 = t2 − i·t4, y3 = t2 + i·t4 with t4 = c1 − c3; backward swaps them
      let t4r = c1r - c3r;
      let t4i = c1i - c3i;
      if (bwd) {
        t4r = -t4r;
        t4i = -t4i;
      }
      ch[o] = t1r + t3r;
      ch[o + 1] = t1i + t3i;
      mulStore(ch, o + os, t2r + t4i, t2i - t4r, tw, tb + 2 * i);
      mulStore(ch, o + 2 * os, t1r - t3r, t1i - t3i, tw, tw2 + 2 * i);
      mulStore(ch, o + 3 * os, t2r - t4i, t2i + t4r, tw, tw3 + 2 * i);
    }
  }
}

const C5_1 = Math.cos((2 * Math.PI) / 5);
const S5_1 = Math.sin((2 * Math.PI) / 5);
const C5_2 = Math.cos((4 * Math.PI) / 5);
const S5_2 = Math.sin((4 * Math.PI) / 5);

export function pass5(ido: number, l1: number, cc: Float64Array, ch: Float64Array, tw: Float64Array, tb: number, bwd: boolean): void {
  const s1 = bwd ? S5_1 : -S5_1;
  const s2 = bwd ? S5_2 : -S5_2;
  const os = 2 * ido * l1;
  const is = 2 * ido;
  for (let k = 0; k < l1; k++) {
    let a = 10 * ido * k;
    let o = 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, o += 2) {
      const c0r = cc[a];
      const c0i = cc[a + 1];
      const t1r = cc[a + is] + cc[a + 4 * is];
      const t1i = cc[a + is + 1] + cc[a + 4 * is + 1];
      const t4r = cc[a + is] - cc[a + 4 * is];
      const t4i = cc[a + is + 1] - cc[a + 4 * is + 1];
      const t2r = cc[a + 2 * is] + cc[a + 3 * is];
      const t2i = cc[a + 2 * is + 1] + cc[a + 3 * is + 1];
      const t3r = cc[a + 2 * is] - cc[a + 3 * is];
      const t3i = cc[a + 2 * is + 1] - cc[a + 3 * is + 1];
      ch[o] = c0r + t1r + t2r;
      ch[o + 1] = c0i + t1i + t2i;
      const w = tb + 2 * i;
      {
        const ar = c0r + C5_1 * t1r + C5_2 * t2r;
        const ai = c0i + C5_1 * t1i + C5_2 * t2i;
        // i·(s1·t4 + s2·t3)
        const br = -(s1 * t4i + s2 * t3i);
        const bi = s1 * t4r + s2 * t3r;
        mulStore(ch, o + os, ar + br, ai + bi, tw, w);
        mulStore(ch, o + 4 * os, ar - br, ai - bi, tw, w + 6 * ido);
      }
      {
        const ar = c0r + C5_2 * t1r + C5_1 * t2r;
        const ai = c0i + C5_2 * t1i + C5_1 * t2i;
        // i·(s2·t4 − s1·t3)
        const br = -(s2 * t4i - s1 * t3i);
        const bi = s2 * t4r - s1 * t3r;
        mulStore(ch, o + 2 * os, ar + br, ai + bi, tw, w + 2 * ido);
        mulStore(ch, o + 3 * os, ar - br, ai - bi, tw, w + 4 * ido);
      }
    }
  }
}

/**
 * Generic odd radix p (7, 11, …): pairs m and p−m share a cosine and a sine, so each
 * output pair (j, p−j) costs (p−1)/2 complex multiply-adds. `roots` holds (cos, sin)(2π·q/p).
 */
export function passOdd(
  p: number,
  roots: Float64Array,
  ido: number,
  l1: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  tb: number,
  bwd: boolean,
): void {
  const half = (p - 1) >> 1;
  const sum = new Float64Array(2 * (half + 1)); // s_m = c_m + c_{p−m}, m = 1..half
  const dif = new Float64Array(2 * (half + 1)); // d_m = c_m − c_{p−m}
  const sg = bwd ? 1 : -1;
  const os = 2 * ido * l1;
  const is = 2 * ido;
  for (let k = 0; k < l1; k++) {
    let a = 2 * p * ido * k;
    let o = 2 * ido * k;
    for (let i = 0; i < ido; i++, a += 2, o += 2) {
      const c0r = cc[a];
      const c0i = cc[a + 1];
      let y0r = c0r;
      let y0i = c0i;
      for (let m = 1; m <= half; m++) {
        const u = a + m * is;
        const v = a + (p - m) * is;
        sum[2 * m] = cc[u] + cc[v];
        sum[2 * m + 1] = cc[u + 1] + cc[v + 1];
        dif[2 * m] = cc[u] - cc[v];
        dif[2 * m + 1] = cc[u + 1] - cc[v + 1];
        y0r += sum[2 * m];
        y0i += sum[2 * m + 1];
      }
      ch[o] = y0r;
      ch[o + 1] = y0i;
      for (let j = 1; j <= half; j++) {
        let ar = c0r;
        let ai = c0i;
        let br = 0;
        let bi = 0;
        let q = 0;
        for (let m = 1; m <= half; m++) {
          q += j;
          if (q >= p) q -= p;
          const c = roots[2 * q];
          const s = sg * roots[2 * q + 1];
          ar += c * sum[2 * m];
          ai += c * sum[2 * m + 1];
          // i·s·d
          br -= s * dif[2 * m + 1];
          bi += s * dif[2 * m];
        }
        mulStore(ch, o + j * os, ar + br, ai + bi, tw, tb + 2 * ((j - 1) * ido + i));
        mulStore(ch, o + (p - j) * os, ar - br, ai - bi, tw, tb + 2 * ((p - j - 1) * ido + i));
      }
    }
  }
}

/** ch[o] = (xr + i·xi) · tw[w]. */
function mulStore(ch: Float64Array, o: number, xr: number, xi: number, tw: Float64Array, w: number): void {
  const wr = tw[w];
  const wi = tw[w + 1];
  ch[o] = xr * wr - xi * wi;
  ch[o + 1] = xr * wi + xi * wr;
}
