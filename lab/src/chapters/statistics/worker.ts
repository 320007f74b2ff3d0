/**
 * The statistics chapter's module worker: ARIMA fits (with forecast, ψ kernel and the
 * noise-colouring demo) and ZCA whitening of a sample photo's patches. Framed by worker-rpc.ts.
 */
import type { NDArray } from '../../../../src/core/ndarray.js';
import { serveWorker } from '../../worker-rpc.js';
import { decodePlanar, memo } from '../../workers/decode.js';
import { type ArimaJob, fitArima, grayShrink, patchView } from './compute.js';

export type StatsRequest = ({ op: 'arima' } & ArimaJob) | { op: 'patches'; url: string; size: number; epsilon: number; max: number };

const images = new Map<string, Promise<NDArray<'float32'>>>();

serveWorker<StatsRequest, object>(async (request) => {
  if (request.op === 'arima') return fitArima(request);
  const { url, max } = request;
  const image = await memo(images, `${url}@${max}`, () => decodePlanar(url).then((rgb) => grayShrink(rgb, max)));
  return patchView(image, request.size, request.epsilon);
});
