/**
 * Accurate roots of unity. `cis2pi(k, n)` = (cos 2πk/n, sin 2πk/n) with the angle reduced
 * exactly in integers to the first octant before calling Math.cos / Math.sin, so that
 * quarter turns are exact (cos π/2 = 0) and the error stays near one ulp for every k.
 */

/** Writes cos(2πk/n) into out[0] and sin(2πk/n) into out[1]; k may be any safe integer, n > 0. */
export function cis2pi(k: number, n: number, out: Float64Array | number[], at = 0): void {
  let r = k % n;
  if (r < 0) r += n;
  // 8r = q·n + rem with 0 <= rem < n: the angle is (q + rem/n)·π/4.
  const r8 = 8 * r;
  const q = Math.floor(r8 / n);
  const rem = r8 - q * n;
  const theta = (Math.PI / 4) * (rem / n);
  let c: number;
  let s: number;
  // In each octant use the angle measured from the nearest axis, so |theta| <= π/4.
  switch (q & 7) {
    case 0:
      c = Math.cos(theta);
      s = Math.sin(theta);
      break;
    case 1: {
      const t = (Math.PI / 4) * ((n - rem) / n); // π/2 − angle
      c = Math.sin(t);
      s = Math.cos(t);
      break;
    }
    case 2:
      c = -Math.sin(theta);
      s = Math.cos(theta);
      break;
    case 3: {
      const t = (Math.PI / 4) * ((n - rem) / n); // π − angle
      c = -Math.cos(t);
      s = Math.sin(t);
      break;
    }
    case 4:
      c = -Math.cos(theta);
      s = -Math.sin(theta);
      break;
    case 5: {
      const t = (Math.PI / 4) * ((n - rem) / n); // 3π/2 − angle
      c = -Math.sin(t);
      s = -Math.cos(t);
      break;
    }
    case 6:
      c = Math.sin(theta);
      s = -Math.cos(theta);
      break;
    default: {
      const t = (Math.PI / 4) * ((n - rem) / n); // 2π − angle
      c = Math.cos(t);
      s = -Math.sin(t);
      break;
    }
  }
  out[at] = c;
  out[at + 1] = s;
}

/** Interleaved table of e^{-2πi k/n} for k = 0..count-1 (forward-transform twiddles). */
export function rootsTable(n: number, count = n): Float64Array {
  const t = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    cis2pi(k, n, t, 2 * k);
    t[2 * k + 1] = -t[2 * k + 1];
  }
  return t;
}
