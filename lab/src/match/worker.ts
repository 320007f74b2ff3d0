/** The search page's module worker: decodes a sample photo once ([3, H, W] float32) and answers jobs. */
import type { NDArray } from '../../../src/core/ndarray.js';
import { serveWorker, transfer } from '../worker-rpc.js';
import { decodePlanar, memo } from '../workers/decode.js';
import { type ImageJob, type SignalJob, type SignalResult, searchImage, searchSignal } from './compute.js';

export type Request = ({ op: 'image'; url: string } & ImageJob) | ({ op: 'signal' } & SignalJob);

export interface ImageReply {
  image: Float32Array;
  shape: number[];
  map: Float32Array;
  mapShape: number[];
  matches: { x: number; y: number; score: number }[];
  ms: number;
}

const cache = new Map<string, Promise<NDArray<'float32'>>>();

serveWorker<Request, ImageReply | SignalResult>(async (request) => {
  if (request.op === 'signal') {
    const r = searchSignal(request);
    return transfer(r, [r.signal.buffer, r.clip.buffer, r.scores.buffer]);
  }
  const { url, rect, method, top, similarity } = request;
  const img = await memo(cache, url, () => decodePlanar(url));
  const r = searchImage(img, { rect, method, top, similarity });
  const image = img.data.slice(); // the cached photo stays here; a copy travels
  const map = Float32Array.from(r.map.data);
  const reply = { image, shape: [...img.shape], map, mapShape: [...r.map.shape], matches: r.matches, ms: r.ms };
  return transfer(reply, [image.buffer, map.buffer]);
});
