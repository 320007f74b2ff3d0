/**
 * Scratch memory of one kernel instance. Kernels never allocate: the host reserves scratch
 * above `base` (the module's static data lies below) and passes byte pointers. Memory grows
 * only when a request is larger than any before, so a steady workload never grows it.
 */
import { LimitError } from '../core/errors.js';

const PAGE = 65536;
/** wasm32 can address at most 65536 pages (4 GiB). */
const MAX_PAGES = 65536;
/** Every region starts on a 16-byte boundary (one v128). */
export const ALIGN = 16;

export class Arena {
  readonly memory: WebAssembly.Memory;
  /** First byte the host may use; below it is the module's static data. */
  readonly base: number;

  constructor(memory: WebAssembly.Memory, base: number) {
    this.memory = memory;
    this.base = base;
  }

  /** Bytes usable above `base` without growing. */
  get capacity(): number {
    return this.memory.buffer.byteLength - this.base;
  }

  /**
   * Make `bytes` of scratch available at `base` and return `base`. Grows the memory (to the
   * needed whole pages) only when `bytes` exceeds the capacity; views made on
   * `memory.buffer` before a grow are detached, so make them after reserving.
   */
  reserve(bytes: number): number {
    if (!Number.isSafeInteger(bytes) || bytes < 0) throw new LimitError(`bytes: expected a non-negative integer, got ${bytes}`, 'bytes');
    const need = this.base + bytes - this.memory.buffer.byteLength;
    if (need > 0) {
      const pages = Math.ceil(need / PAGE);
      const have = this.memory.buffer.byteLength / PAGE;
      if (have + pages > MAX_PAGES) {
        throw new LimitError(`scratch of ${bytes} bytes exceeds WebAssembly's 4 GiB memory; process the input in smaller tiles`, 'bytes');
      }
      try {
        this.memory.grow(pages);
      } catch (cause) {
        throw new LimitError(`could not grow WebAssembly memory by ${pages} pages for ${bytes} bytes of scratch`, 'bytes', { cause });
      }
    }
    return this.base;
  }

  /** Reserve consecutive 16-byte-aligned regions of the given byte sizes; returns their offsets. */
  layout(sizes: readonly number[]): number[] {
    const offsets: number[] = [];
    let end = this.base;
    for (const size of sizes) {
      offsets.push(end);
      end += Math.ceil(size / ALIGN) * ALIGN;
    }
    this.reserve(end - this.base);
    return offsets;
  }
}
