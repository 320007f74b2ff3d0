/**
 * The BullMQ sandboxed processor (runs in a child process that BullMQ forks, so CPU work never
 * delays the worker's lock renewals). Errors that a retry cannot fix — a corrupt image, a pixel
 * bomb, a bad option, an output that exists with other contents — fail the job at once
 * (`UnrecoverableError`); others (an unreadable file on shared storage) are retried with backoff.
 */
import { ConvolabError } from '../../core/errors.js';
import { type JobData, type JobResult, processItem } from './item.js';
import { OutputExistsError } from './output.js';

export default async function process(job: { data: JobData }): Promise<JobResult> {
  try {
    return await processItem(job.data);
  } catch (err) {
    throw classify(err);
  }
}

/** The error BullMQ sees: `UnrecoverableError` (matched by name) when retrying is pointless. */
export function classify(err: unknown): Error {
  if (err instanceof ConvolabError) {
    const permanent = err.code !== 'E_IO' || err instanceof OutputExistsError;
    const out = new Error(`${err.code}: ${err.message}`);
    if (permanent) out.name = 'UnrecoverableError';
    return out;
  }
  return err instanceof Error ? err : new Error(String(err));
}
