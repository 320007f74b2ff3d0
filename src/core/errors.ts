/**
 * Typed errors. Every error carries a stable `code` and, where one argument is to blame,
 * the name of that argument (`arg`), so callers (and the CLI) can report it precisely.
 */

/** Base class of every error convolab throws on purpose. */
export class ConvolabError extends Error {
  /** Stable machine-readable code, e.g. `E_SHAPE`. */
  readonly code: string;
  /** The argument, option or file at fault, when there is one. */
  readonly arg: string | undefined;

  constructor(code: string, message: string, arg?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConvolabError';
    this.code = code;
    this.arg = arg;
  }
}

/** An argument has the wrong value (out of range, unknown name, …). */
export class ArgumentError extends ConvolabError {
  override readonly name = 'ArgumentError';
  constructor(message: string, arg?: string, options?: { cause?: unknown }) {
    super('E_ARGUMENT', message, arg, options);
  }
}

/** Shapes do not fit together (rank mismatch, empty axis, size mismatch). */
export class ShapeError extends ConvolabError {
  override readonly name = 'ShapeError';
  constructor(message: string, arg?: string, options?: { cause?: unknown }) {
    super('E_SHAPE', message, arg, options);
  }
}

/** A dtype is not supported by the operation. */
export class DTypeError extends ConvolabError {
  override readonly name = 'DTypeError';
  constructor(message: string, arg?: string, options?: { cause?: unknown }) {
    super('E_DTYPE', message, arg, options);
  }
}

/** Bytes could not be decoded (corrupt or truncated file, unsupported format variant). */
export class DecodeError extends ConvolabError {
  override readonly name = 'DecodeError';
  constructor(message: string, arg?: string, options?: { cause?: unknown }) {
    super('E_DECODE', message, arg, options);
  }
}

/** A configured limit (pixels, bytes, iterations) would be exceeded. */
export class LimitError extends ConvolabError {
  override readonly name = 'LimitError';
  constructor(message: string, arg?: string, options?: { cause?: unknown }) {
    super('E_LIMIT', message, arg, options);
  }
}

/** A worker crashed, trapped or was terminated while running a task. */
export class WorkerError extends ConvolabError {
  override readonly name = 'WorkerError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_WORKER', message, undefined, options);
  }
}

/** The operation was cancelled through an `AbortSignal`. */
export class AbortError extends ConvolabError {
  override readonly name = 'AbortError';
  constructor(message = 'the operation was aborted', options?: { cause?: unknown }) {
    super('E_ABORT', message, undefined, options);
  }
}

/** Input/output failed (a file missing, unreadable, or not writable). */
export class IOError extends ConvolabError {
  override readonly name = 'IOError';
  constructor(message: string, arg?: string, options?: { cause?: unknown }) {
    super('E_IO', message, arg, options);
  }
}
