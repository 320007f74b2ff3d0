/**
 * What a benchmark workload is. One file per workload in `src/bench/workloads/`, plus one line
 * in `src/bench/registry.ts`. This module (and the whole of src/bench) runs in Node and in a
 * browser; the python anchors are run by the CLI (`src/cli/bench/python.ts`).
 */

/** Sizes a workload may take from the command line (`--n`, `--size`, `--kernel`, …). */
export const PARAM_NAMES = ['n', 'size', 'kernel', 'template', 'batches'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

/** One case's parameters: the command-line sizes plus any fixed ones (dtype, mode, …). */
export type CaseParams = Readonly<Record<string, number | string | boolean>>;

export interface SetupOptions {
  /** Seed of the random data (the same seed gives the same data). */
  seed: number;
  /** Thread count to use (engines that run on the worker pool take it as `{ threads }`). */
  threads: number;
}

/** A comparison point run on the same case: a python script or a JS package. */
export type AnchorSpec =
  | {
      kind: 'python';
      /** Shown in reports, e.g. `numpy.dot`; also the key the script looks up. */
      name: string;
      /** Script file under `bench/anchors/`, e.g. `w0.py`. */
      script: string;
      /** Python module whose import decides whether the anchor is present, e.g. `numpy`, `cv2`. */
      module: string;
    }
  | {
      kind: 'js';
      name: string;
      /**
       * Import the peer (e.g. `fft.js`) and prepare a case: returns the timed call (or a
       * PreparedAnchor). Throws when the package is not installed; the harness reports the
       * anchor as missing.
       */
      prepare(params: CaseParams, opts: SetupOptions): Promise<(() => unknown) | PreparedAnchor>;
    };

/**
 * A JS anchor too slow to run the whole case (e.g. TensorFlow.js's CPU backend on W8): the
 * call does 1 / `scale` of the case's work, its times are multiplied by `scale` and the
 * report marks them as extrapolated.
 */
export interface PreparedAnchor {
  call: () => unknown;
  /** The case's work divided by one call's (default 1). */
  scale?: number;
  /** What ran, shown in reports (e.g. the version and how the time was extrapolated). */
  runtime?: string;
}

export interface Workload<State = unknown> {
  /** `W0`, `W1`, … */
  id: string;
  /** One line: what is timed. */
  description: string;
  /** Command-line sizes this workload reads; a given one replaces that value in every case. */
  params: readonly ParamName[];
  /** Cases run when the command line gives no sizes. */
  cases: readonly CaseParams[];
  /** Repeats when `--repeats` is not given (default 5). */
  repeats?: number;
  /** True when the engine splits the work over `threads` workers (reported as the threads used). */
  parallel: boolean;
  /** Fresh seeded random data for one case (never zeros); not timed. */
  setup(params: CaseParams, opts: SetupOptions): State | Promise<State>;
  /** The timed call. Return something derived from the result so it cannot be optimised away. */
  run(state: State): unknown;
  /** Release what setup took (worker pools, wasm memory); not timed. */
  teardown?(state: State): void | Promise<void>;
  /** Work per call for throughput: `{ amount: 2 * n, unit: 'FLOP' }` is printed as FLOP/s. */
  work(params: CaseParams): { amount: number; unit: string };
  anchors: readonly AnchorSpec[];
}

/** `n=1024 dtype=float32` — a case's parameters as one short label. */
export function caseLabel(params: CaseParams): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
