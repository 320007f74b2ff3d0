/**
 * BFGS quasi-Newton minimisation with central-difference gradients and a backtracking
 * (Armijo) line search (Nocedal & Wright, Numerical Optimization, §6.1 and Alg. 3.1).
 * Small problems only (a handful of parameters): the inverse Hessian is a dense matrix.
 */

export interface MinimizeResult {
  x: Float64Array;
  fx: number;
  grad: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

export interface MinimizeOptions {
  /** Stop when max |∂f/∂x_i| falls below this (default 1e-6). */
  gtol?: number;
  maxIter?: number;
}

/** Central-difference gradient; h_i = 1e-5 · max(1, |x_i|). */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  const xp = x.slice();
  for (let i = 0; i < x.length; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    xp[i] = x[i] + h;
    const fp = f(xp);
    xp[i] = x[i] - h;
    const fm = f(xp);
    xp[i] = x[i];
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

export function minimizeBfgs(f: (x: Float64Array) => number, x0: ArrayLike<number>, opts: MinimizeOptions = {}): MinimizeResult {
  const gtol = opts.gtol ?? 1e-6;
  const maxIter = opts.maxIter ?? 200;
  const n = x0.length;
  let evaluations = 0;
  const fn = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const grad = (x: Float64Array): Float64Array => {
    evaluations += 2 * n;
    return numericGradient(f, x);
  };
  let x = Float64Array.from(x0);
  let fx = fn(x);
  if (!Number.isFinite(fx))
    return {
      x,
      fx,
      grad: new Float64Array(n),
      iterations: 0,
      evaluations,
      converged: false,
      message: 'the objective is not finite at the start',
    };
  let g = grad(x);
  const H = identity(n); // [n, n] inverse Hessian approximation
  let iter = 0;
  for (; iter < maxIter; iter++) {
    if (maxAbs(g) < gtol) return { x, fx, grad: g, iterations: iter, evaluations, converged: true, message: 'gradient below gtol' };
    let d = matVec(H, g, n).map((v) => -v);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
      d = g.map((v) => -v);
      slope = dot(g, d);
    }
    let t = 1;
    let xNew = x;
    let fNew = fx;
    let accepted = false;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((v, i) => v + t * d[i]);
      fNew = fn(xNew);
      if (fNew <= fx + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      // quadratic interpolation of the step, kept within [0.1 t, 0.5 t]
      const tq = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - fx - slope * t)) : 0.1 * t;
      t = Math.min(0.5 * t, Math.max(0.1 * t, tq));
    }
    if (!accepted) {
      const ok = maxAbs(g) < 1e3 * gtol;
      return {
        x,
        fx,
        grad: g,
        iterations: iter,
        evaluations,
        converged: ok,
        message: ok ? 'at the precision limit of the objective' : 'the line search failed',
      };
    }
    const gNew = grad(xNew);
    const s = xNew.map((v, i) => v - x[i]);
    const y = gNew.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iter === 0) {
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) H[i * n + i] = scale;
      }
      bfgsUpdate(H, s, y, sy, n);
    }
    const fOld = fx;
    x = xNew;
    fx = fNew;
    g = gNew;
    if (Math.abs(fOld - fx) <= 1e-15 * Math.max(1, Math.abs(fx)) && maxAbs(g) < 1e3 * gtol) {
      return { x, fx, grad: g, iterations: iter + 1, evaluations, converged: true, message: 'no further decrease' };
    }
  }
  return {
    x,
    fx,
    grad: g,
    iterations: iter,
    evaluations,
    converged: maxAbs(g) < gtol,
    message: `stopped after maxIter = ${maxIter} iterations`,
  };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy. */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  const hy = matVec(H, y, n);
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
    }
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function matVec(m: Float64Array, v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += m[i * n + j] * v[j];
    out[i] = s;
  }
  return out;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
