/**
 * The lab's module worker: decodes images (cached by URL) and runs the convolution kernels off
 * the main thread. See protocol.ts for the messages.
 */
import type { NDArray } from '../../../src/index.js';
import { serveWorker, toWire, transfer } from '../worker-rpc.js';
import { decodePlanar, memo } from './decode.js';
import { correlateSame, luminance, sobelMagnitude } from './kernels.js';
import type { LabRequest, LabResult } from './protocol.js';

const decoded = new Map<string, Promise<NDArray<'float32'>>>();

serveWorker<LabRequest, LabResult>(async (request) => {
  const input = await memo(decoded, request.url, () => decodePlanar(request.url));
  const t0 = performance.now();
  const result = request.op === 'edges' ? sobelMagnitude(luminance(input)) : correlateSame(input, request.kernel);
  const ms = performance.now() - t0;
  const copy = input.data.slice(); // the cached image stays here; a copy travels
  const reply = { image: { shape: [...input.shape], data: copy }, result: toWire(result), ms };
  return transfer(reply, [copy.buffer, result.data.buffer]);
});
